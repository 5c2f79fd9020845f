"""Specific HWP features checked on real corpus files (skipped when the corpus is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import docextract
from docextract.model import Role, Table

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("DOCEXTRACT_CORPUS", ROOT.parent / "shared" / "corpus"))
HWP = CORPUS / "hwp"

pytestmark = [pytest.mark.corpus,
              pytest.mark.skipif(not HWP.is_dir(), reason=f"public corpus not present at {CORPUS}")]


def parse(name: str) -> docextract.Document:
    return docextract.parse(HWP / name)


def texts(doc: docextract.Document, role: Role | None = None) -> list[str]:
    return [p.text for p in doc.paragraphs() if role is None or p.role == role]


def test_bullets_and_paragraph_numbers_are_restored():
    lines = texts(parse("pyhwp_lists.hwp"))
    assert lines[1:4] == ["● 1", "● 2", "● 3"]
    start = lines.index("문단번호")
    assert lines[start + 1:start + 11] == ["1. 1", "2. 2", "가. 2-1", "3. 3", "가. 3-1", "나. 3-2",
                                           "1) 3-2-1", "2) 3-2-2", "3) 3-2-3", "4. 4"]
    # numbering continues after an unnumbered paragraph
    cont = lines.index("문단번호 두 번째 (번호 이어짐)")
    assert lines[cont + 1:cont + 3] == ["5. 5", "가. 5-1"]


def test_outline_numbers_follow_each_section_definition():
    doc = parse("pyhwp_lists.hwp")
    outline = [(p.prov.section, p.outline_level, p.text) for p in doc.paragraphs()
               if p.outline_level is not None]
    assert outline[:3] == [(0, 1, "1. 1"), (0, 1, "2. 2"), (0, 2, "가. 2-1")]
    section1 = [t for s, _, t in outline if s == 1]
    assert section1[:4] == ["제1장 1", "제2장 2", "제1절 2-1", "제3장 3"]


def test_click_here_fields_are_annotations_with_names():
    doc = parse("hwplib_test-필드_누름틀.hwp")
    found = {(a.name, p.text[a.start:a.end]) for p in doc.paragraphs() for a in p.annotations
             if a.kind == "field"}
    assert {("필드1", "테스트 누름틀"), ("필드2", "1234567"), ("Table필드1", "테이블안")} <= found


def test_footnotes_and_endnotes_have_their_roles():
    doc = parse("pyhwp_footnote-endnote.hwp")
    # each note starts with its number, drawn from the auto-number control
    assert texts(doc, Role.FOOTNOTE) == ["1) 각주입니다.", "2) 각주 두 번째입니다."]
    assert texts(doc, Role.ENDNOTE) == ["1) 미주입니다.", "2) 미주 두 번째입니다."]
    assert texts(doc, Role.BODY) == ["각주참조", "미주참조"]


def test_header_text_is_a_header_block():
    doc = parse("hwplib_test-머리글꼬리글.hwp")
    assert texts(doc, Role.HEADER) == ["개요1"]
    assert "개요1" not in texts(doc, Role.BODY)


def test_merged_cells_and_grid():
    doc = parse("hwp2hwpx_table_from.hwp")
    table = next(doc.tables())
    assert (table.n_rows, table.n_cols) == (3, 2)
    spans = [(c.row, c.col, c.row_span, c.col_span, c.text) for c in table.cells()]
    assert spans == [(0, 0, 2, 1, "1\n2"), (0, 1, 1, 1, "3"), (1, 1, 2, 1, "4\n5"),
                     (2, 0, 1, 1, "67")]
    assert table.cell(1, 0) is table.cell(0, 0)


def test_text_around_an_inline_table_keeps_its_order():
    text = parse("pyhwp_sample-5017.hwp").text
    assert text.index("표\n") < text.index("A0") < text.index("B11") < text.index("표끝")


def test_distribution_documents_are_decrypted():
    assert parse("pyhwp_viewtext.hwp").text == "pyhwp 테스트를 위한 배포 문서 예제입니다.\n"
    doc = parse("hwplib_distribution.hwp")
    assert "2025년 강남세움센터 시설관리원 용역업체 선정 입찰공고" in doc.text
    spec = parse("ohah_distribution.hwp")
    assert "배포용 문서 데이터 복호화" in spec.text
    assert any(isinstance(b, Table) for b in spec.blocks)


def test_summary_metadata():
    meta = parse("hwprs_한글문서파일형식_5.0_revision1.3.hwp").metadata
    assert meta.title == "한글문서파일형식_5.0_revision1.3"
    assert meta.author == "(주)한글과컴퓨터"
    assert meta.created is not None and meta.created.year == 2014
    assert meta.modified is not None and meta.modified.year == 2018
    assert meta.extra["hwp_version"] == "5.1.0.1"


@pytest.mark.parametrize("name", ["hwpjs_basicsReport.hwp", "pyhwp_sample-5017.hwp",
                                  "hwprs_work_report.hwp"])
def test_layout_pages_agree_with_hancoms_page_count(name):
    import olefile

    from docextract.parsers.hwp5.summary import read_properties

    with olefile.OleFileIO(str(HWP / name)) as ole:
        hancom_pages = read_properties(ole.openstream("\x05HwpSummaryInformation").read())[14]
    doc = parse(name)
    last_page = max(p.prov.page or 0 for p in doc.paragraphs())
    assert last_page == hancom_pages
    assert doc.blocks[0].prov.page == 1


def test_pages_increase_through_a_long_document():
    doc = parse("moel_01_goyang_center.hwp")
    pages = [b.prov.page for b in doc.blocks]
    assert pages == sorted(pages)
    assert pages[-1] > 20


def test_uncompressed_document():
    doc = parse("hwplib_nts01_010000000000515203.hwp")
    assert "사전-2021-법령해석법인-0344" in doc.text


def test_oldest_version_in_corpus():
    doc = parse("hwplib_nts02_010000000000093891.hwp")
    assert doc.metadata.extra["hwp_version"] == "5.0.0.5"
    assert "재삼46014-2330" in doc.text


def test_hyperlinks_carry_their_unescaped_target():
    doc = parse("hwplib_nts01_010000000000515203.hwp")
    links = [(a.name, p.text[a.start:a.end]) for p in doc.paragraphs() for a in p.annotations
             if a.kind == "hyperlink"]
    assert links[0][1] == "「소득세법」 제16조"
    assert links[0][0].startswith("https://tssi.etax.go.kr/docs_new/common/customer/"
                                  "popup_law_jomun.jsp?thetext=소득세법제16조")
