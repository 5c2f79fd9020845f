"""Markdown rendering (docextract.markdown): headings, furniture, minimal escaping, tables."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import docextract
from docextract.cli import cli
from docextract.markdown import escape
from docextract.model import Cell, Document, Paragraph, Role, Table

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # importlib mode does not put the project root on sys.path
    sys.path.insert(0, str(ROOT))


def _doc() -> Document:
    return Document.assemble([
        Paragraph(text="생성형 AI 구축 사업", role=Role.HEADER),
        Paragraph(text="사업 개요", heading=2),
        Paragraph(text="본문의 snake_case 이름과 3 * 4 계산, ※ 참고."),
        Paragraph(text="각주 내용", role=Role.FOOTNOTE),
        Paragraph(text="- 3 -", role=Role.FOOTER),
    ], format="pdf")


def test_headings_and_body():
    md = _doc().to_markdown()
    assert md.startswith("## 사업 개요\n\n본문의 snake_case 이름과 3 * 4 계산, ※ 참고.\n")


def test_furniture_only_on_request_notes_always():
    md = _doc().to_markdown()
    assert "생성형 AI 구축 사업" not in md and "- 3 -" not in md
    assert "> *footnote:* 각주 내용" in md
    full = _doc().to_markdown(furniture=True)
    assert "> *header:* 생성형 AI 구축 사업" in full and "> *footer:* - 3 -" in full


@pytest.mark.parametrize(("text", "escaped"), [
    ("snake_case and __init__ names", "snake_case and \\_\\_init\\_\\_ names"),
    ("3 * 4 = 12", "3 * 4 = 12"),
    ("a *strong* word", "a \\*strong\\* word"),
    ("※ 참고", "※ 참고"),
    ("<붙임> 목록", "<붙임> 목록"),
    ("<br> is a tag", "\\<br> is a tag"),
    ("# not a heading", "\\# not a heading"),
    ("> not a quote", "\\> not a quote"),
    ("* 세부 일정은 추후 안내", "\\* 세부 일정은 추후 안내"),
    ("- 목록 항목", "- 목록 항목"),
    ("1. 관련", "1. 관련"),
    ("2025. 3. 12.(수) 회의", "2025\\. 3. 12.(수) 회의"),
    ("14:00~16:00, 17:00~18:00", "14:00\\~16:00, 17:00\\~18:00"),
    ("9:00~18:00", "9:00~18:00"),
    ("[붙임 1] 현황", "[붙임 1] 현황"),
    ("[link](http://x)", "[link\\](http://x)"),
    ("C:\\Users", "C:\\Users"),
    ("&amp; and & alone", "\\&amp; and & alone"),
    ("---", "\\---"),
])
def test_escaping_is_minimal(text, escaped):
    assert escape(text) == escaped


def test_heading_text_is_escaped_but_not_closed_early():
    doc = Document.assemble([Paragraph(text="C# 언어 #", heading=1)], format="docx")
    assert doc.to_markdown() == "# C# 언어 \\#\n"


def test_gfm_table_cells_escape_pipes_only():
    table = Table(n_rows=2, n_cols=2, rows=[
        [Cell(row=0, col=0, blocks=[Paragraph(text="항목_명")]), Cell(row=0, col=1, blocks=[Paragraph(text="a|b")])],
        [Cell(row=1, col=0, blocks=[Paragraph(text="1")]), Cell(row=1, col=1, blocks=[Paragraph(text="2")])],
    ])
    assert Document.assemble([table], format="docx").to_markdown() == (
        "| 항목_명 | a\\|b |\n|---|---|\n| 1 | 2 |\n")


def test_cli_furniture_flag(runner, tmp_path):
    """A generated two-page report: its page numbers are footers."""
    from samples.structure import structure_doc
    from samples.writers.structure_pdf import render_structure

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render_structure(structure_doc("r", "en", 1, True, seed=3)))
    footers = [p.text for p in docextract.parse(pdf).paragraphs(roles={Role.FOOTER})]
    assert footers[:2] == ["- 1 -", "- 2 -"]
    plain = runner.invoke(cli, ["text", "--markdown", str(pdf)])
    full = runner.invoke(cli, ["text", "--markdown", "--furniture", str(pdf)])
    assert plain.exit_code == full.exit_code == 0
    assert plain.output.startswith("# Annual Report on ")
    assert "- 1 -" not in plain.output and "> *footer:* - 1 -" in full.output
