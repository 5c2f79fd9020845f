"""The PDF parser's pure stages on hand-made glyphs, boxes and edges."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from docextract.parsers.pdf.furniture import PAGE_NUMBER, PageRows, find_furniture
from docextract.parsers.pdf.glyphs import Glyph, PageFrame, drop_overprinted
from docextract.parsers.pdf.lexicon import DocumentSpelling
from docextract.parsers.pdf.layout import reading_order
from docextract.normalize.markers import starts_part
from docextract.parsers.pdf.lines import SENTENCE_END, Line, continues, group_rows
from docextract.parsers.pdf.meta import parse_pdf_date
from docextract.parsers.pdf.tables import (assign_glyphs, at_page_break, find_tables, merge_rules,
                                           open_ends)
from docextract.parsers.pdf import spacing, wrap
from docextract.parsers.pdf.spacing import DocumentUsage, Junction, decide
from docextract.parsers.pdf.spacing import available as spacing_available
from docextract.parsers.pdf.wrap import WrapPolicy, room_for_next_letter
from docextract.model import Role

EM = 10.0


def line(text: str, x0: float = 50.0, top: float = 100.0, right_edge: float | None = None,
         space_glyphs: bool = False) -> Line:
    """A line of full-width glyphs (one em each); spaces are gaps unless space_glyphs."""
    glyphs: list[Glyph] = []
    x = x0
    for i, ch in enumerate(text):
        if ch == " ":
            if space_glyphs:
                glyphs.append(Glyph(" ", x, top, x + EM / 3, top + EM, i))
            x += EM / 3
            continue
        glyphs.append(Glyph(ch, x, top, x + EM, top + EM, i))
        x += EM
    out = Line(glyphs)
    out.left_edge = x0
    out.right_edge = right_edge if right_edge is not None else out.x1
    return out


def join(a: str, b: str, **policy) -> str:
    first = line(a)
    second = line(b, top=116.0)
    return a + WrapPolicy(**policy).separator(first, second) + b


@pytest.mark.parametrize("value, expected", [
    ("D:20240415184043+09'00'", datetime(2024, 4, 15, 18, 40, 43, tzinfo=timezone(timedelta(hours=9)))),
    ("D:20230615034641Z", datetime(2023, 6, 15, 3, 46, 41, tzinfo=timezone.utc)),
    ("D:2026", datetime(2026, 1, 1)),
    ("20260302", datetime(2026, 3, 2)),
    ("D:20240101000000-05'30", datetime(2024, 1, 1, tzinfo=timezone(-timedelta(hours=5, minutes=30)))),
    ("D:20241399000000", None),
    ("yesterday", None),
    ("", None),
])
def test_pdf_dates(value, expected):
    assert parse_pdf_date(value) == expected


def test_word_wrap_mode_joins():
    assert join("협조를", "요청합니다.") == "협조를 요청합니다."
    assert join("주시기 바랍니", "다.") == "주시기 바랍니다."  # verb ending cannot start a word
    assert join("제출하여 주시", "겠습니다.") == "제출하여 주시겠습니다."
    assert join("정부 측", "도 참석") == "정부 측도 참석"  # lone particle
    assert join("위원회로 보", "임해 오신") == "위원회로 보임해 오신"  # one-syllable tail
    assert join("2026", "년 3월") == "2026년 3월"
    assert join("표준", "및 지침") == "표준 및 지침"
    assert join("public", "notice") == "public notice"


def test_character_wrap_mode_joins():
    assert join("소프트웨", "어 구성", char_wrap=True) == "소프트웨어 구성"
    assert join("의견을", "최대한", char_wrap=True) == "의견을 최대한"  # ends like a word
    assert join("심사 청구 30일", "자로", char_wrap=True) == "심사 청구 30일 자로"
    assert join("수행하여 상기", "제1 이미지", char_wrap=True) == "수행하여 상기 제1 이미지"
    assert join("심심", "한 사과", char_wrap=True) == "심심한 사과"


def test_drawn_space_evidence():
    wrapped = line("시스템 장비 ", space_glyphs=True)
    assert wrapped.trailing_space
    follow = line("구성에 대한", top=116.0)
    assert WrapPolicy(trailing_space_evidence=True).separator(wrapped, follow) == " "
    cut = line("필요한 하드웨어와 소프트", space_glyphs=True)
    rest = line("웨어 구성", top=116.0)
    # the producer draws spaces, none here: broken inside a word
    assert WrapPolicy(trailing_space_evidence=True).separator(cut, rest) == ""
    # without that evidence the word-wrap default applies
    assert WrapPolicy(trailing_space_evidence=False).separator(cut, rest) == " "


def test_a_missing_space_glyph_is_no_cut_where_the_next_letter_had_room():
    """A producer that draws trailing spaces does not always: a line with room left for
    the next letter was not cut inside a word (a cut fills the line), so the word moved
    whole and the space stays (``독성을`` / ``확립하는``)."""
    evidence = WrapPolicy(trailing_space_evidence=True)
    short = line("철 입자의 급성 흡입 독성을", space_glyphs=True, right_edge=50.0 + 14 * EM)
    follow = line("확립하는 것을 구체적으로", top=116.0)
    assert room_for_next_letter(short, follow) and evidence.separator(short, follow) == " "
    full = line("철 입자의 급성 흡입 독성을", space_glyphs=True, right_edge=50.0 + 12.5 * EM)
    assert not room_for_next_letter(full, follow) and evidence.separator(full, follow) == ""
    # a line may break before an opening bracket inside a word: room there proves nothing
    bracket = line("(사용자 수)", top=116.0)
    assert evidence.separator(short, bracket) == ""


def test_centred_text_has_its_room_on_both_sides():
    """``사업`` / ``이해도`` centred in a cell 3.8 letters wide: 사업이해도 would have kept
    이 on the first line, so the break was a word wrap. Less than a letter is left on
    either side alone."""
    def in_cell(text: str, x0: float, top: float) -> Line:
        out = line(text, x0=x0, top=top, right_edge=128.0)
        out.left_edge = 90.0
        return out

    first, second = in_cell("사업", 99.0, 100.0), in_cell("이해도", 94.0, 112.0)
    assert room_for_next_letter(first, second)
    # both lines start at the same place (an indent, not centring): the end alone counts
    assert not room_for_next_letter(in_cell("사업", 99.0, 100.0), in_cell("이해도", 99.0, 112.0))


def test_a_word_cut_in_a_narrow_cell():
    """``프로`` / ``젝트 `` / ``관리`` in a two-letter cell: the cell draws a space where a
    word ends, so the full line without one was cut inside the word."""
    cut = line("프로", x0=90.0, top=100.0, right_edge=110.0)
    rest = line("젝트 ", x0=90.0, top=112.0, right_edge=110.0, space_glyphs=True)
    last = line("관리", x0=90.0, top=124.0, right_edge=110.0)
    for item in (cut, rest, last):
        item.cell_space_x0 = rest.glyphs[-1].x0
    evidence = WrapPolicy(trailing_space_evidence=True)
    assert evidence.separator(cut, rest) == "" and evidence.separator(rest, last) == " "
    assert WrapPolicy().separator(cut, rest) == " "  # no trailing-space evidence: word wrap
    # a line with room for a letter more ended on purpose (``방지`` / ``기술적``)
    short = line("방지", x0=90.0, top=100.0, right_edge=122.0)
    short.cell_space_x0 = rest.glyphs[-1].x0
    assert evidence.separator(short, rest) == " "
    # no room for a space glyph either: its absence says nothing (``도입요건`` / ``및``)
    full = line("도입요건", x0=90.0, top=100.0, right_edge=130.0)
    full.cell_space_x0 = rest.glyphs[-1].x0
    assert evidence.separator(full, line("준수", x0=90.0, top=112.0)) == " "


def test_the_document_spelling_of_a_cut_word():
    """The longest start of the continuation that the document prints decides."""
    spelling = DocumentSpelling(lambda: ["○ 비계량 부문의 전체 평가항목은", "사업 이해도 및 추진 전략",
                                         "사업이 진행되는 장소", "비계\n량부"])
    assert spelling.separator("비계", "량부") == ""  # 비계량 on one line; 비계량부 nowhere
    assert spelling.separator("사업", "이해도") == " "  # 사업 이해도 outweighs 사업이 (a particle)
    assert spelling.separator("사업", "진행") is None  # printed neither way
    assert spelling.separator("계", "량부") is None  # one syllable runs into almost anything
    both = DocumentSpelling(lambda: ["부분적용 대상", "부분 적용 대상"])
    assert both.separator("부분", "적용") is None
    lines_read = []
    unasked = DocumentSpelling(lambda: lines_read.append(1) or [])
    assert not lines_read and unasked.separator("비계", "량") is None and lines_read == [1]


def test_a_cut_word_in_a_cell_without_space_glyphs_follows_the_document():
    """``비계`` / ``량부`` / ``문`` in a two-letter cell of a word-wrap document with no space
    glyph in the cell: the document's ``비계량 부문`` says 비계 runs on (rule 7b)."""
    cut = line("비계", x0=90.0, top=100.0, right_edge=110.5)
    rest = line("량부", x0=90.0, top=112.0, right_edge=110.5)
    last = line("문", x0=90.0, top=124.0, right_edge=110.5)
    body = line("○ 비계량 부문의 전체 평가항목은 5단계 등급으로", top=300.0)
    policy = wrap.decide_policy([[body]], [[cut, rest, last]])
    assert not policy.char_wrap and not policy.trailing_space_evidence
    assert policy.separator(cut, rest) == "" and policy.separator(rest, last) == ""
    assert WrapPolicy().separator(cut, rest) == " "  # no document evidence: word wrap
    # a line with room for a letter more is no cut: the rule does not ask the document
    short = line("비계", x0=90.0, top=100.0, right_edge=122.0)
    assert policy.separator(short, rest) == " "
    # the document prints the words apart (``사업 이해도``), although also ``사업이``: apart
    first, second = line("사업", x0=90.0, right_edge=110.5), line("이해도", x0=90.0, top=112.0)
    document = [line("사업 이해도 평가", top=300.0), line("사업이 진행되는 장소", top=316.0)]
    apart = wrap.decide_policy([document], [[first, second]])
    assert apart.separator(first, second) == " "
    document[0] = line("사업이해도 평가", top=300.0)
    assert wrap.decide_policy([document], [[first, second]]).separator(first, second) == ""


def test_continuation_needs_a_full_line_and_no_new_item():
    full = line("각 기관에서는 붙임 서식을", right_edge=None)
    assert continues(full, line("작성하여 제출", top=116.0))
    assert not continues(full, line("가. 제출 대상", top=116.0))
    assert not continues(line("끝.", right_edge=300.0), line("붙임", top=116.0))
    short = line("수신 수신자 참조", right_edge=400.0)
    assert not continues(short, line("경유", top=116.0))
    assert not continues(full, line("작성하여", top=150.0))  # a blank line between


@pytest.mark.parametrize("text", ["1. 관련", "2) 제출", "(3) 기타", "가. 대상", "(나) 방법", "① 첫째",
                                  "□ 사업명", "○ 용도", "- 세부", "· 항목", "※ 참고", "제3조(정의)",
                                  "< 붙임1 > 서식", "[별첨 2] 기준"])
def test_item_starts(text):
    assert starts_part(text)


@pytest.mark.parametrize("text", ["2023. 5.", "3.5%를", "2.(목) 18:00까지", "다.", "가나다라", "10월"])
def test_not_item_starts(text):
    assert not starts_part(text)


def test_sentence_ends():
    assert SENTENCE_END.search("주시기 바랍니다.") and SENTENCE_END.search("끝.")
    assert SENTENCE_END.search("하는가?") and SENTENCE_END.search("있음.)")
    assert not SENTENCE_END.search("2025. 10.") and not SENTENCE_END.search("협조를")


def test_overprinted_glyphs_are_dropped_but_repeats_kept():
    g = [Glyph("제", 10, 10, 20, 20, 0), Glyph("안", 20, 10, 30, 20, 1),
         Glyph("제", 10.3, 10, 20.3, 20, 2), Glyph("안", 20.3, 10, 30.3, 20, 3),
         Glyph("ㅋ", 40, 10, 50, 20, 4), Glyph("ㅋ", 50, 10, 60, 20, 5)]
    assert "".join(x.text for x in drop_overprinted(g)) == "제안ㅋㅋ"


def test_rows_keep_drawing_order_of_squeezed_digits_and_split_stacked_text():
    squeezed = [Glyph("1", 535.1, 10, 541.4, 20, 1), Glyph("0", 532.8, 10, 539.1, 20, 2)]
    assert ["".join(g.text for g in r) for r in group_rows(squeezed)] == ["10"]
    stacked = [Glyph(c, 100 + 10 * i, 10, 110 + 10 * i, 20, i) for i, c in enumerate("최저가격")]
    stacked += [Glyph(c, 101 + 10 * i, 14.5, 111 + 10 * i, 24.5, 10 + i) for i, c in enumerate("해당가격")]
    assert ["".join(g.text for g in r) for r in group_rows(stacked)] == ["최저가격", "해당가격"]


def test_page_frame_rotation():
    frame = PageFrame((0, 0, 600, 800), 90)
    assert (frame.width, frame.height) == (800, 600)
    assert frame.point(0, 800) == (800, 0)  # the top-left corner turns to the top-right
    assert PageFrame((0, 0, 600, 800), 0).box(10, 700, 20, 710) == (10, 90, 20, 100)


def test_reading_order_columns_and_title():
    boxes = [(50, 50, 500, 60)]  # a full-width title
    for i in range(6):
        top = 100 + 15 * i
        boxes.append((50, top, 260, top + 10))
        boxes.append((300, top, 500, top + 10))
    leaves = reading_order(boxes, 8.0, 1000)
    order = [i for leaf in leaves for i in leaf.items]
    assert order == [0] + list(range(1, 13, 2)) + list(range(2, 13, 2))
    columns = {leaf.column for leaf in leaves for i in leaf.items if i in (1, 3)}
    assert len(columns) == 1 and 0 not in columns


def test_reading_order_keeps_label_column_with_its_values():
    boxes = []
    for i in range(4):
        top = 100 + 15 * i
        boxes.append((50, top, 90, top + 10))  # narrow labels
        boxes.append((150, top, 500, top + 10))
    order = [i for leaf in reading_order(boxes, 8.0, 1000) for i in leaf.items]
    assert order == list(range(8))


def _edge(x0, top, x1, bottom):
    h = top == bottom
    return {"object_type": "line", "orientation": "h" if h else "v", "x0": x0, "x1": x1,
            "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0, "height": bottom - top}


def test_table_grid_with_merged_cells_and_glyph_assignment():
    edges = [_edge(0, y, 300, y) for y in (0, 20, 60)] + [_edge(0, 40, 200, 40)]
    edges += [_edge(x, 0, x, 60) for x in (0, 200, 300)] + [_edge(100, 20, 100, 60)]
    tables = find_tables(merge_rules(edges, 1000), 10000)
    assert len(tables) == 1
    t = tables[0]
    assert (t.n_rows, t.n_cols) == (3, 3)
    spans = {(c.row, c.col): (c.row_span, c.col_span) for c in t.cells}
    assert spans[(0, 0)] == (1, 2) and spans[(1, 2)] == (2, 1) and len(spans) == 7
    inside = Glyph("가", 240, 45, 250, 55, 0)
    outside = Glyph("나", 240, 80, 250, 90, 1)
    assert assign_glyphs(tables, [inside, outside]) == [outside]
    assert t.cell_at(245, 50).glyphs == [inside] and t.cell_at(245, 50) is t.cell_at(245, 30)


def test_page_numbers_and_repeated_headers():
    for text in ("3", "- 3 -", "— 12 —", "3 / 10", "Page 3", "3쪽", "(3)"):
        assert PAGE_NUMBER.match(text), text
    assert not PAGE_NUMBER.match("2026년")

    def page(*rows):
        return PageRows(842.0, [line(t, top=top) for t, top in rows])

    pages = [page(("정보공개 지침", 30), ("본문 첫 줄", 200), ("- 1 -", 800)),
             page(("정보공개 지침", 31), ("본문 다른 줄", 200), ("- 2 -", 800))]
    marks = find_furniture(pages)
    assert marks == [{0: Role.HEADER, 2: Role.FOOTER}, {0: Role.HEADER, 2: Role.FOOTER}]
    single = find_furniture([page(("정보공개 지침", 30), ("본문", 200))])
    assert single == [{}]  # one page: a top line is not a running header


needs_kiwi = pytest.mark.skipif(not spacing_available(), reason="kiwipiepy (the nlp extra) is not installed")


def kiwi_join(left: str, right: str, elsewhere: tuple[str, ...] = ()) -> str | None:
    """Kiwi's separator at ``left|right``; ``elsewhere`` is the rest of the document."""
    [sep] = decide([Junction(left, right)], DocumentUsage(elsewhere))
    return sep


@needs_kiwi
@pytest.mark.parametrize("left, right, expected", [
    ("자처할 때 우리", "노동자들은 산업현장에서", " "),  # a pronoun closes its word
    ("노동개혁을 이야기했습니다. 매년", "경제성장 그리고 일자리", " "),  # an adverb
    ("정하는 요건을 갖춘 전국적", "규모의 단체", " "),  # a derived noun before a noun
    ("기본계획 및 주요 정책", "등을 심의ㆍ의결하기", " "),  # a bound noun
    ("추천단체 수 증가에 따른 행정비효율 문", "제2) 등이 발생할", ""),  # ``문제`` runs across
    ("텍스트 인식을 수행하여 상기", "제1 이미지 개체에", " "),  # a numbering prefix
    ("이수진 의원이 대표 발의한 기후위기 대응을 위", "한 탄소중립ㆍ녹색성장 기본법", ""),
    ("국회에 건의안을 발의", "했으니 말입니다.", ""),  # a suffix opens the continuation
    ("더 나은 진전을 위해", "서는 국제노동기구의 협약과", ""),
    ("대표성이 반영될 수 있도록 하여", "야”를 “다음 각", ""),
    ("생성하여, 상기 포인터가", "호버된 지점의 인접", None),  # an unknown word runs across
    ("빠르게 심의하면 5월 달 안에도", "법안을 통과시킬 수", None),  # ``도`` read as a noun
])
def test_kiwi_reads_the_junction(left, right, expected):
    assert kiwi_join(left, right) == expected


@needs_kiwi
def test_kiwi_noun_pairs_follow_the_document():
    names = ("2024년 1월 31일 자로 오신 양경규 위원님, 오신 것 환영합니다",)
    assert kiwi_join("녹색정의당의 양경규", "위원님께서 우리 위원회로") == ""  # a compound by default
    assert kiwi_join("녹색정의당의 양경규", "위원님께서 우리 위원회로", names) == " "
    numbers = ("안전보건법 일부개정법률안(박정 의원 대표발의)(의안번호 2125211)",)
    assert kiwi_join("(노웅래 의원 대표발의)(의안", "번호 2124914)", numbers) == ""
    assert DocumentUsage(numbers)("의안", "번호") == ""
    assert DocumentUsage(numbers)("의원", "대표") == " "
    assert DocumentUsage(numbers)("법률", "시행령") is None


@needs_kiwi
def test_character_wrap_junctions_go_to_kiwi_but_settled_ones_do_not():
    policy = WrapPolicy(char_wrap=True)
    a, b = line("자처할 때 우리"), line("노동자들은 산업현장에서", top=116.0)
    assert policy.separator(a, b) == " " and policy.morphology == {(a, b): " "}
    word_wrap = WrapPolicy()
    assert word_wrap.separator(line("녹색정의당의 양경규"), line("위원님께서", top=116.0)) == " "
    assert not word_wrap.uses_morphology and not word_wrap.morphology  # line fill decides
    settled = WrapPolicy(char_wrap=True)
    assert settled.separator(line("주시기 바랍니"), line("다.", top=116.0)) == ""
    assert settled.separator(line("심사 청구 30일"), line("자로", top=116.0)) == " "
    assert not settled.morphology  # an ending, a number with its unit: rules, not Kiwi
    assert join("위원회로 보", "임해 오신", char_wrap=True) == "위원회로 보임해 오신"


@needs_kiwi
def test_drawn_spaces_go_to_kiwi_in_a_character_wrap_document_without_evidence():
    a, b = line("국민과 노동자를 위한 정책 ", space_glyphs=True), line("은 없이 생색만", top=116.0)
    assert WrapPolicy(char_wrap=True).separator(a, b) == ""  # the drawn space was random
    assert WrapPolicy(char_wrap=True, trailing_space_evidence=True).separator(a, b) == " "
    assert WrapPolicy().separator(a, b) == " "  # word wrap: the drawn space stands
    spaced = line("오늘 회의를 ", space_glyphs=True), line("개최합니다", top=116.0)
    assert WrapPolicy(char_wrap=True).separator(*spaced) == " "


@needs_kiwi
def test_a_spreadsheet_export_is_judged_by_its_cells():
    cut = line("건설 등 입니다. 수")  # full to its right edge
    cells = [[cut, line("익률 상위 종목군은", top=116.0)] for _ in range(wrap.MIN_SAMPLES)]
    assert not wrap.decide_policy([[]]).char_wrap
    policy = wrap.decide_policy([[]], cells)
    assert policy.char_wrap and policy.separator(*cells[0]) == ""
    # a body with enough wrapped lines of its own decides without the cells: here word
    # wrapping, a letter and a half left on each wrapped line
    wrapped = line("가나다라 마바사")
    wrapped.right_edge = wrapped.x1 + 1.5 * EM
    pages = [[wrapped, line("아자차카 타파하", top=116.0)] for _ in range(wrap.MIN_SAMPLES)]
    assert not wrap.decide_policy(pages, cells).char_wrap


def test_without_kiwi_character_wrap_keeps_the_syllable_rule(monkeypatch):
    monkeypatch.setattr(wrap, "spacing_available", lambda: False)
    policy = WrapPolicy(char_wrap=True)
    assert not policy.uses_morphology
    assert join("자처할 때 우리", "노동자들은", char_wrap=True) == "자처할 때 우리노동자들은"
    assert join("의견을", "최대한", char_wrap=True) == "의견을 최대한"
    assert not policy.morphology


def test_a_word_wrapped_letter_does_not_import_kiwi():
    """The CLI start-up: a one-page letter (glyph evidence or word wrap) never loads Kiwi."""
    letter = Path(__file__).resolve().parents[2] / "samples" / "pdf" / "letter-02.pdf"
    if not letter.is_file():
        pytest.skip("samples/pdf/letter-02.pdf not generated")
    code = ("import sys, docextract; doc = docextract.parse(sys.argv[1]); "
            "print(bool(doc.text), 'kiwipiepy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(letter)], capture_output=True, text=True,
                         timeout=60, check=True).stdout.split()
    assert out == ["True", "False"]


def test_a_kiwi_that_cannot_load_leaves_the_syllable_rule(monkeypatch):
    monkeypatch.setattr(spacing, "_kiwi", lambda: None)  # a damaged install
    monkeypatch.setattr(wrap, "spacing_available", lambda: True)
    assert decide([Junction("자처할 때 우리", "노동자들은")], DocumentUsage(())) == [None]
    assert join("자처할 때 우리", "노동자들은", char_wrap=True) == "자처할 때 우리노동자들은"
    assert join("의견을", "최대한", char_wrap=True) == "의견을 최대한"


# --- open table ends at a page break --------------------------------------------------------

def _columns(top, bottom, xs=(72, 298, 523)):
    return [_edge(x, top, x, bottom) for x in xs]


def _glyph_row(y, x=280, text="- 7 -"):
    return [Glyph(ch, x + 6 * i, y, x + 6 * i + 5, y + 10) for i, ch in enumerate(text)]


def test_column_rules_that_stop_together_are_open_ends():
    header = [_edge(72, 129, 523, 129), _edge(72, 157, 523, 157)]
    ends = open_ends(merge_rules(header + _columns(129, 733), 2000))
    assert [(e.end, e.y, e.xs) for e in ends] == [("bottom", 733, (72, 298, 523))]
    # a rule across them closes the end; two rules are one column, not a table's columns
    assert open_ends(merge_rules(header + _columns(129, 733) + [_edge(72, 733, 523, 733)], 2000)) == []
    assert open_ends(merge_rules(header + _columns(129, 733, xs=(72, 523)), 2000)) == []
    assert [e.end for e in open_ends(merge_rules(_columns(87, 734), 2000))] == ["top", "bottom"]


def test_only_ends_at_the_page_break_count():
    edges = merge_rules(_columns(129, 733), 2000)
    (top, bottom) = open_ends(edges)
    footer = _glyph_row(800)
    assert at_page_break([bottom], edges, footer) == [bottom]
    # text below the rules (a chart's axis labels, then more body) or a rule below them
    body = _glyph_row(745, text="0.0 20.0 40.0") + _glyph_row(770, text="본문") + footer
    assert at_page_break([bottom], edges, body) == []
    assert at_page_break([bottom], edges + [_edge(72, 760, 523, 760)], footer) == []
    # above the open top: a running header is fine, a title and a header are too many
    assert at_page_break([top], edges, _glyph_row(60, text="머리말")) == [top]
    assert at_page_break([top], edges, _glyph_row(40) + _glyph_row(70) + _glyph_row(100)) == []


def test_closed_ends_mark_the_table_open_there():
    edges = merge_rules([_edge(72, 129, 523, 129), _edge(72, 157, 523, 157)] + _columns(129, 733), 2000)
    (bottom,) = open_ends(edges)
    (table,) = find_tables(edges, 10000, closed=[bottom])
    assert (table.n_rows, table.n_cols, table.open_top, table.open_bottom) == (2, 2, False, True)
    (header_only,) = find_tables(edges, 10000)
    assert (header_only.n_rows, header_only.open_bottom) == (1, False)
