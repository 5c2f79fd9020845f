"""Spec-driven summary lines: a type defined in YAML alone gets its own key lines in the
text, Markdown, HTML and JSON views; a value the document does not have gets no line; a
bad ``summary:`` section is an error naming the file and line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from docx import Document as DocxDocument

from docextract import registry
from docextract.api import parse
from docextract.engine.spec import load_spec
from docextract.engine.spec_types import SUMMARY_FORMATS, SummaryLine
from docextract.errors import ExtractionError
from docextract.serialize import dump_json
from docextract.summaries import extract_record
from docextract.summaries.key_lines import SHAPES, key_lines
from docextract.summaries.render_html import render_html
from docextract.summaries.render_json import render_json
from docextract.summaries.render_markdown import render_markdown
from docextract.summaries.render_text import render_text
from docextract.summaries.summary import build_summary

TODAY = date(2025, 5, 28)
TENDER = """
type: tender_notice
title: 입찰공고
labels:
  notice_number: [공고번호]
  deadline: [접수 마감, 마감일]
  budget: [사업예산]
  targets: [참가자격]
  place: [개찰장소]
classify:
  threshold: 0.5
  signals:
    - {text: [입찰 공고], region: {first: 5}, weight: 0.6}
    - {label: deadline, weight: 0.4}
fields:
  title: {finder: document_title, region: "first:5", type: str}
  notice_number: {label: notice_number, type: str}
  deadline: {label: deadline, type: datetime}
  budget: {label: budget, type: amount}
  targets: {label: targets, type: list}
  place: {label: place, type: str}
  contacts: {finder: contacts, label: contact, type: [contact]}
summary:
  lines:
    - {label: 제목, field: title}
    - {label: 공고번호, field: notice_number}
    - {label: 입찰마감, field: deadline, format: deadline}
    - {label: 사업예산, field: budget}
    - {label: 개찰장소, field: place}
    - {label: 참가자격, field: targets, format: list}
    - {label: 문의, field: contacts, format: contacts}
"""
LINES = ["세종시 청사 청소용역 입찰 공고",
         "2025년 시청 본관과 별관의 청소용역을 수행할 업체를 일반경쟁입찰로 선정하고자 합니다.",
         "입찰에 참가하려는 업체는 입찰서와 증빙서류를 기한까지 전자조달시스템으로 제출하시기 바랍니다.",
         "공고번호: 세종시 공고 제2025-626호",
         "접수 마감: 2025. 6. 2.(월) 17:00",
         "사업예산: 금 1억 2,000만원",
         "참가자격: 중소기업, 지역업체",
         "※ 문의: 회계과 주무관 김민수(☎ 02-2133-1234)"]


@pytest.fixture
def tender(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tender type in a spec folder on DOCEXTRACT_SCHEMA_PATH, and a DOCX of one."""
    folder = tmp_path / "specs"
    folder.mkdir()
    (folder / "tender_notice.yaml").write_text(TENDER, encoding="utf-8")
    monkeypatch.setenv("DOCEXTRACT_SCHEMA_PATH", str(folder))
    monkeypatch.setattr(registry, "_REGISTRIES", {})
    word = DocxDocument()
    for line in LINES:
        word.add_paragraph(line)
    path = tmp_path / "tender.docx"
    word.save(str(path))
    return path


def _summary(path: Path):  # type: ignore[no-untyped-def]
    doc = parse(path)
    found = extract_record(doc)
    return build_summary(found, doc, today=TODAY, nlp="light"), doc, found


EXPECTED = [
    ("제목", "title", ["세종시 청사 청소용역 입찰 공고"]),
    ("공고번호", "notice_number", ["세종시 공고 제2025-626호"]),
    ("입찰마감", "deadline", ["2025-06-02 17:00 (D-5)"]),
    ("사업예산", "budget", ["120,000,000"]),
    ("참가자격", "targets", ["중소기업", "지역업체"]),
    ("문의", "contacts", ["회계과 주무관 김민수 · 02-2133-1234"]),
]


def test_a_yaml_type_gets_its_own_key_lines(tender: Path) -> None:
    s, _, _ = _summary(tender)
    assert s.record_type == "tender_notice" and s.kind == "document"
    assert [(k.label, k.fields[0], k.values) for k in s.lines] == EXPECTED
    # 개찰장소 is not in the document: no line, no placeholder, in any view
    assert "place" not in {f for k in s.lines for f in k.fields}
    assert [k.emphasis for k in s.lines if k.format == "deadline"] == ["due"]
    # the gist is the body's sentences, not the lines the key lines already show
    assert [x.text for x in s.sentences] == LINES[1:3]


def test_the_four_views_show_the_key_lines_and_nothing_not_found(tender: Path) -> None:
    s, doc, found = _summary(tender)
    text = render_text(s)
    assert text.splitlines()[:9] == [
        "제목      세종시 청사 청소용역 입찰 공고",
        "공고번호  세종시 공고 제2025-626호",
        "입찰마감  2025-06-02 17:00 (D-5)",
        "사업예산  120,000,000",
        "참가자격  • 중소기업",
        "          • 지역업체",
        "문의      회계과 주무관 김민수 · 02-2133-1234",
        f"요약      1) {LINES[1]}",
        f"          2) {LINES[2]}",
    ]
    markdown = render_markdown(s)
    assert ("- **공고번호**: 세종시 공고 제2025-626호\n- **입찰마감**: 2025-06-02 17:00 (D-5)\n"
            "- **사업예산**: 120,000,000\n\n### 참가자격\n\n- 중소기업\n- 지역업체\n\n### 문의\n\n"
            "- 회계과 주무관 김민수 · 02-2133-1234\n") in markdown
    html = render_html(s, doc, found)
    assert ('<dt><a href="#ev-notice_number">공고번호</a></dt><dd>세종시 공고 제2025-626호</dd>'
            in html)
    assert '<dd class="due">2025-06-02 17:00 (D-5)</dd>' in html
    assert "<ul><li>중소기업</li><li>지역업체</li></ul>" in html
    data = json.loads(render_json(s))
    assert [(k["label"], k["values"]) for k in data["lines"]] == [(a, v) for a, _, v in EXPECTED]
    assert render_json(s) == dump_json(s)
    for view in (text, markdown, html, json.dumps(data, ensure_ascii=False)):
        assert "개찰장소" not in view and "없음" not in view


def test_the_command_shows_the_yaml_types_lines_without_pydantic(tender: Path) -> None:
    code = ("import sys\nfrom docextract.cli import cli\n"
            "cli.main(args=sys.argv[1:], prog_name='docextract', standalone_mode=False)\n"
            "print('PYDANTIC:', 'pydantic' in sys.modules)\n")
    env = {**os.environ, "DOCEXTRACT_SCHEMA_PATH": os.environ["DOCEXTRACT_SCHEMA_PATH"]}
    done = subprocess.run([sys.executable, "-c", code, "summarize", "--today", "2025-05-28",
                           "--nlp", "light", str(tender)], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert "입찰마감  2025-06-02 17:00 (D-5)" in done.stdout
    assert "PYDANTIC: False" in done.stdout


def test_formats_lay_out_parts_outlines_and_absent_values() -> None:
    values = {
        "outline": [{"text": "추진 배경", "marker": "□",
                     "children": [{"text": "현황 점검", "marker": "○", "children": []}]}],
        "agenda": [{"title": "예산안 심의", "decision": "원안 가결"}],
        "held_at": "2026-03-05T14:00",
        "names": ["김민수", "이영희"],
    }
    lines = [SummaryLine("보고 개요", ("outline",), "outline"),
             SummaryLine("안건", ("agenda",), "list"),
             SummaryLine("안건", ("agenda",), "agenda"),
             SummaryLine("일시", ("held_at",), "value"),
             SummaryLine("참석", ("names",), "value"),
             SummaryLine("장소", ("place",), "value")]
    got = key_lines(lines, values.get, absent="omit", today=TODAY)
    assert [(k.label, k.values, k.depths) for k in got] == [
        ("보고 개요", ["□ 추진 배경", "○ 현황 점검"], [0, 1]),
        ("안건", ["예산안 심의 · 원안 가결"], [0]),
        ("안건", ["예산안 심의 → 원안 가결"], [0]),
        ("일시", ["2026-03-05 14:00"], [0]),
        ("참석", ["김민수, 이영희"], [0]),
    ]
    shown = key_lines(lines, values.get, absent="show", today=TODAY)
    assert [(k.label, k.values) for k in shown][-1] == ("장소", [])


def test_every_format_has_a_layout() -> None:
    assert set(SHAPES) == set(SUMMARY_FORMATS)


@pytest.mark.parametrize("section, line, message", [
    ("summary:\n  lines:\n    - {label: 기한, field: nowhere}\n", 8, "no field 'nowhere'"),
    ("summary:\n  lines:\n    - {label: 기한, field: a, format: bold}\n", 8, "unknown format 'bold'"),
    ("summary:\n  lines:\n    - {label: 기한, field: a, colour: red}\n", 8, "unknown key 'colour'"),
    ("summary:\n  lines:\n    - {field: a}\n", 8, "needs 'label' and 'field'"),
    ("summary:\n  lines: {label: 기한}\n", 7, "'lines' must be a list"),
    ("summary:\n  absent: hide\n", 7, "'absent' must be omit or show"),
    ("summary:\n  sentences: many\n", 7, "'sentences' must be a number"),
    ("summary:\n  order: [a]\n", 7, "unknown summary key 'order'"),
    ("summary:\n  lines:\n    - {label: 기한, field: a, max: 0}\n", 8, "'max' must be a number"),
    ("summary:\n  lines:\n    - {label: 기한, field: a, max: many}\n", 8, "'max' must be a number"),
    ("summary: [a]\n", 6, "'summary' must be a mapping"),
])
def test_a_bad_summary_section_names_the_file_and_line(tmp_path: Path, section: str, line: int,
                                                       message: str) -> None:
    path = tmp_path / "memo.yaml"
    path.write_text("type: memo\nlabels:\n  a: [가]\nfields:\n  a: {label: a}\n" + section,
                    encoding="utf-8")
    with pytest.raises(ExtractionError, match=message) as info:
        load_spec(path)
    assert f"{path}:{line}:" in str(info.value)


def test_the_letters_lines_come_from_its_spec() -> None:
    path = Path(__file__).resolve().parents[2] / "samples" / "hwp" / "letter-01.hwp"
    s, _, _ = _summary(path)
    spec = registry.extractors().get("official_letter").spec
    assert spec.summary_absent == "show"
    assert [k.label for k in s.lines] == [line.label for line in spec.summary] == [
        "제목", "발신", "요청사항", "기한", "붙임", "담당자", "공개구분"]
    by_label = {k.label: k.values for k in s.lines}
    assert by_label["제목"] == [s.title] and by_label["요청사항"] == s.requests
    assert by_label["기한"] == ["2025-10-02 18:00 (D-127)"]
    assert render_text(s).splitlines()[:len(s.lines)][0] == f"제목      {s.title}"


def test_printed_markers_stay_text_in_markdown() -> None:
    from docextract.summaries.key_lines import KeyLine
    from docextract.summaries.summary import Summary

    outline = KeyLine(label="개요", fields=["outline"], format="outline",
                      values=["□ 추진 배경", "○ 현황", "- 미개방 40%", "1. 작성 요령"], depths=[0, 1, 2, 2])
    s = Summary(kind="document", record_type="report", today="2025-05-28", tokenizer="light",
                lines=[outline])
    assert "### 개요\n\n- □ 추진 배경\n  - ○ 현황\n    - \\- 미개방 40%\n    - 1\\. 작성 요령\n" in (
        render_markdown(s))
    assert "            - 미개방 40%" in render_text(s)


def test_max_keeps_the_headlines_and_counts_what_it_leaves_out() -> None:
    from docextract.summaries.summary import Summary

    outline = [{"text": f"추진 과제 {i}", "marker": "□",
                "children": [{"text": f"세부 {i}-{j}", "marker": "○", "children": []}
                             for j in range(1, 4)]} for i in range(1, 5)]
    names = [f"위원{i}" for i in range(1, 13)]
    lines = [SummaryLine("개요", ("outline",), "outline", 6),
             SummaryLine("참석", ("names",), "list", 10),
             SummaryLine("안건", ("names",), "list", 12)]
    got = key_lines(lines, {"outline": outline, "names": names}.get, absent="omit", today=TODAY)
    # 16 lines, 6 shown: every □ headline, then the first ○ items (the deepest and last go first)
    assert got[0].values == ["□ 추진 과제 1", "○ 세부 1-1", "○ 세부 1-2",
                             "□ 추진 과제 2", "□ 추진 과제 3", "□ 추진 과제 4"]
    assert got[0].depths == [0, 1, 1, 0, 0, 0] and got[0].omitted == 10
    assert (got[1].values, got[1].omitted) == (names[:10], 2)
    assert (got[2].values, got[2].omitted) == (names, 0)
    s = Summary(kind="document", record_type="minutes", today="2025-05-28", tokenizer="light",
                lines=got)
    text = render_text(s).splitlines()
    assert text[6] == "          … 외 10건" and text[17] == "          … 외 2건"
    assert "_… 외 10건_" in render_markdown(s) and "_… 외 2건_" in render_markdown(s)
    assert json.loads(render_json(s))["lines"][1]["omitted"] == 2
