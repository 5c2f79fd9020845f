"""Summary lines from a hand-built 공문 record, and every renderer's view of them."""

import io
import json
import re
from datetime import date

from docextract.records import Record
from docextract.summaries.render_html import highlighted_text, nest_spans, render_html
from docextract.summaries.render_markdown import render_markdown
from docextract.summaries.render_text import render_text, use_colour
from docextract.summaries.summary import Summary, build_summary


def test_letter_summary_takes_every_line_from_the_record(letter):
    doc, record = letter
    s = build_summary(record, doc, today=date(2025, 7, 6))
    assert s.kind == "official_letter"
    assert s.title == record.title
    assert (s.issuer, s.sender) == ("행정안전부", "행정안전부장관")
    assert (s.document_number, s.enforcement_date) == ("공공데이터정책과-2410", "2025-07-01")
    assert s.requests == record.requested_actions
    assert s.deadline == "2025-07-11T18:00"
    assert (s.d_day.label, s.d_day.days_left, s.d_day.overdue) == ("D-5", 5, False)
    assert s.attachments == record.attachments
    assert s.contacts == record.contacts
    assert s.disclosure.level == "부분공개" and s.disclosure.grounds == [6]
    assert s.tokenizer.startswith("light")


def test_letter_extractive_summary_comes_from_the_body_with_spans(letter):
    doc, record = letter
    s = build_summary(record, doc, today=date(2025, 7, 6))
    assert len(s.sentences) == 3
    body = record.evidence["body"][0].span
    for sentence in s.sentences:
        a, b = sentence.span
        assert body[0] <= a < b <= body[1]
        assert " ".join(doc.text[a:b].split()) == sentence.text
    assert any(x.text.endswith("제출하여 주시기 바랍니다.") and "request" in x.cues
               for x in s.sentences)
    assert not any(x.text.startswith("관련:") for x in s.sentences)
    assert len(build_summary(record, doc, sentences=1).sentences) == 1


def test_overdue_and_due_today(letter):
    doc, record = letter
    overdue = build_summary(record, doc, today=date(2025, 7, 14))
    assert (overdue.d_day.label, overdue.d_day.overdue) == ("D+3", True)
    assert "2025-07-11 18:00 (D+3, 기한 지남)" in render_text(overdue)
    assert "**2025-07-11 18:00 (D+3, 기한 지남)**" in render_markdown(overdue)
    today = build_summary(record, doc, today=date(2025, 7, 11))
    assert "(D-day, 오늘 마감)" in render_text(today)


def test_text_layout_lines(letter):
    doc, record = letter
    out = render_text(build_summary(record, doc, today=date(2025, 7, 6)))
    lines = out.splitlines()
    assert lines[0] == "제목      2025년 상반기 공공데이터 개방 실적 제출 요청"
    assert ("발신      행정안전부 · 발신명의 행정안전부장관 · 문서번호 공공데이터정책과-2410 "
            "· 시행일 2025-07-01") in lines
    assert "기한      2025-07-11 18:00 (D-5)" in lines
    assert "붙임      1. 2025년 상반기 개방 실적 총괄표 서식 (1부)" in lines
    assert "          2. 작성 요령 (1부)" in lines
    assert "담당자    공공데이터정책과 주무관 홍길동 · 044-205-2271 · gildong@korea.kr" in lines
    assert "공개구분  부분공개 (6)" in lines
    assert any(line.startswith("요청사항  • 위 호와 관련하여") for line in lines)
    assert sum(1 for line in lines if re.match(r"^(요약      |          )[123]\) ", line)) == 3
    assert "\033[" not in out


def test_colour_only_on_a_tty(letter, monkeypatch):
    doc, record = letter
    s = build_summary(record, doc, today=date(2025, 7, 14))
    coloured = render_text(s, colour=True)
    assert "\033[1;31m2025-07-11 18:00 (D+3, 기한 지남)\033[0m" in coloured

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_colour(Tty()) and not use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(Tty())


def test_markdown_escapes_and_lists(letter):
    doc, record = letter
    md = render_markdown(build_summary(record, doc, today=date(2025, 7, 6)))
    assert md.startswith("## 2025년 상반기 공공데이터 개방 실적 제출 요청\n")
    assert "- **기한**: 2025-07-11 18:00 (D-5)" in md
    assert "1. 2025년 상반기 개방 실적 총괄표 서식 (1부)" in md
    assert "- **공개구분**: 부분공개 (6)" in md


def test_json_round_trip(letter):
    doc, record = letter
    s = build_summary(record, doc, today=date(2025, 7, 6))
    data = json.loads(s.to_json())
    assert data["d_day"]["label"] == "D-5"
    assert data["attachments"][0] == {"title": "2025년 상반기 개방 실적 총괄표 서식", "copies": 1,
                                      "sent_separately": False}
    assert Summary.from_dict(data) == s


def test_html_marks_every_evidence_field_and_escapes(letter):
    doc, record = letter
    page = render_html(build_summary(record, doc, today=date(2025, 7, 6)), doc, record)
    fields = set(re.findall(r'<mark data-field="([^"]+)"', page))
    assert set(record.evidence) <= fields and "summary" in fields
    assert '<mark data-field="deadline" title="deadline" id="ev-deadline" data-label="deadline"' \
           ' style="--c:' in page
    assert "http://" not in page and "https://" not in page and "<script" not in page
    assert 'content="default-src \'none\'' in page
    # the document text survives: strip the tags and unescape
    import html

    shown = html.unescape(re.sub(r"<[^>]+>", "", page.split('<pre class="doc">')[1]
                                 .split("</pre>")[0]))
    assert shown == doc.text


def test_crossing_spans_are_split_and_nested():
    pieces = nest_spans([(0, 10, "a", 0), (5, 15, "b", 1), (5, 8, "c", 2)])
    assert [(a, b, f) for a, b, f, _, _ in pieces] == [
        (0, 10, "a"), (5, 10, "b"), (5, 8, "c"), (10, 15, "b")]
    out = highlighted_text("0123456789abcde<&>", [(0, 10, "a", 0), (5, 15, "b", 1)])
    assert out.count("<mark") == 3 and out.count("</mark>") == 3
    assert out.endswith("&lt;&amp;&gt;")
    assert re.sub(r"<[^>]+>", "", out) == "0123456789abcde&lt;&amp;&gt;"


def test_html_escapes_hostile_document_text(letter_with_lines):
    from docextract.model import Paragraph

    doc, record = letter_with_lines()
    doc = type(doc).assemble([*(Paragraph(text=p.text) for p in doc.paragraphs()),
                              Paragraph(text='<script>alert(1)</script> & "x" <img src=y>')],
                             format="hwp")
    page = render_html(build_summary(record, doc), doc, record)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &lt;img src=y&gt;" in page


def test_other_documents_get_title_date_source_and_lead(press_release):
    s = build_summary(Record(), press_release, today=date(2025, 6, 10))
    assert s.kind == "document"
    assert s.title == "공공기관 문서, 누구나 읽기 쉽게 바뀐다"
    assert s.date == "2025-06-10"
    assert s.source == "press.hwp"
    assert s.d_day is None and s.requests == []
    assert s.sentences[0].text.startswith("행정안전부는 공문서를 쉽게")
    assert not any("머리글" in x.text for x in s.sentences)
    out = render_text(s)
    assert "날짜      2025-06-10" in out and "출처      press.hwp" in out
    assert "요청사항" not in out


def test_markdown_escape_keeps_values_literal():
    from docextract.summaries.render_markdown import md_escape

    assert md_escape("a*b_c<d>[e](f)|g`h") == "a\\*b\\_c\\<d\\>\\[e\\](f)\\|g\\`h"


def test_number_only_cells_are_not_summary_sentences():
    from docextract.model import Cell, Document, Paragraph, Table

    table = Table(n_rows=1, n_cols=3, rows=[[
        Cell(row=0, col=i, blocks=[Paragraph(text=str(i + 1))]) for i in range(3)]])
    doc = Document.assemble([Paragraph(text="작은 표 예제 문서입니다."), table], format="hwp")
    s = build_summary(Record(), doc)
    assert [x.text for x in s.sentences] == ["작은 표 예제 문서입니다."]
