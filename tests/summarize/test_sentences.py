"""Structural sentence splitting: item markers, 붙임, 끝., dates, spans into the text."""

from docextract.summaries.sentences import split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_items_on_separate_lines_are_separate_sentences():
    text = ("1. 관련: 공공데이터정책과-1187(2025. 2. 14.)\n"
            "2. 실적을 제출하여 주시기 바랍니다\n"
            "  가. 제출기한: 2025. 7. 11.(금) 18:00까지\n"
            "  나. 제출방법: 업무관리시스템(온-나라) 공문 회신\n"
            "3. 문의: 공공데이터정책과(☎ 044-205-2271)")
    sentences = split_sentences(text)
    assert [s.marker for s in sentences] == ["1.", "2.", "가.", "나.", "3."]
    assert sentences[2].text == "제출기한: 2025. 7. 11.(금) 18:00까지"


def test_dates_are_not_sentence_ends_and_spans_point_into_the_text():
    text = "회의는 3. 14.(금) 14:00에 열립니다. 참석하여 주시기 바랍니다."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["회의는 3. 14.(금) 14:00에 열립니다.",
                                           "참석하여 주시기 바랍니다."]
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_report_bullets():
    text = ("□ 개정안을 발표했다.\n ㅇ 기준을 통일한다.\n   - 교육은 7월부터 실시한다.\n"
            "    * 세부 일정은 추후 안내\n※ 참고 사항\n① 첫째\n㉮ 가항\n(1) 하나\n(가) 가\n1) 일")
    assert [s.marker for s in split_sentences(text)] == [
        "□", "ㅇ", "-", "*", "※", "①", "㉮", "(1)", "(가)", "1)"]


def test_date_at_line_start_is_not_an_item_marker():
    (only,) = split_sentences("3. 14.(금)까지 제출")
    assert only.marker is None and only.text == "3. 14.(금)까지 제출"


def test_attachments_and_closing_mark_are_set_apart():
    text = ("3. 문의: 홍길동\n"
            "붙임  1. 개방 실적 총괄표 서식 1부.\n"
            "      2. 작성 요령 1부.  끝.\n"
            "행정안전부장관")
    sentences = split_sentences(text)
    assert [(s.part, s.text) for s in sentences] == [
        ("body", "문의: 홍길동"),
        ("attachment", "개방 실적 총괄표 서식 1부."),
        ("attachment", "작성 요령 1부."),
        ("body", "행정안전부장관"),
    ]


def test_wrapped_line_is_joined_and_keeps_one_span():
    text = ("2. 위 호와 관련하여 개방 실적을 붙임 서식에 따라 작성하여\n"
            "   2025. 7. 11.(금)까지 제출하여 주시기 바랍니다.\n"
            "3. 문의")
    first = split_sentences(text)[0]
    assert first.text == ("위 호와 관련하여 개방 실적을 붙임 서식에 따라 작성하여 "
                          "2025. 7. 11.(금)까지 제출하여 주시기 바랍니다.")
    assert text[first.start:first.end].startswith("위 호와")
    assert text[first.start:first.end].endswith("바랍니다.")


def test_item_after_sentence_end_on_the_same_line():
    sentences = split_sentences("실적을 제출하여 주시기 바랍니다. 가. 제출기한: 7. 11.까지")
    assert [(s.marker, s.text) for s in sentences] == [
        (None, "실적을 제출하여 주시기 바랍니다."), ("가.", "제출기한: 7. 11.까지")]


def test_window_offsets_are_absolute():
    text = "머리\n1. 첫 문장입니다. 둘째 문장입니다.\n꼬리"
    start = text.index("1.")
    sentences = split_sentences(text, start, text.index("\n꼬리"))
    assert [text[s.start:s.end] for s in sentences] == ["첫 문장입니다.", "둘째 문장입니다."]


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences("\n \n\t\n") == []
