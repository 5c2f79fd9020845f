"""HwpxParser on the public HWPX corpus (../shared/corpus/hwpx; skipped when absent)."""

from __future__ import annotations

import os
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest

import docextract
from docextract.errors import EncryptedDocument
from docextract.model import Document, Paragraph, Role, Table

pytestmark = pytest.mark.corpus

CORPUS = Path(os.environ.get("DOCEXTRACT_CORPUS",
                             Path(__file__).resolve().parents[2].parent / "shared" / "corpus"))
HWPX = CORPUS / "hwpx"
ALL_FILES = sorted(p.name for p in HWPX.glob("*.hwpx")) if HWPX.is_dir() else []
READABLE = [n for n in ALL_FILES if "password" not in n]


def load(name: str) -> Document:
    path = HWPX / name
    if not path.is_file():
        pytest.skip(f"corpus file {name} not present")
    return _parse(path)


@lru_cache(maxsize=None)
def _parse(path: Path) -> Document:
    """Parse each corpus file once per run; tests only read the result."""
    return docextract.parse(path)


def texts(doc: Document, role: Role | None = None) -> list[str]:
    return [p.text for p in doc.paragraphs(roles={role} if role else None)]


def cells(table: Table) -> list[tuple[int, int, int, int, str]]:
    return [(c.row, c.col, c.row_span, c.col_span, c.text) for c in table.cells()]


@pytest.mark.skipif(not READABLE, reason="HWPX corpus not present")
@pytest.mark.parametrize("name", READABLE)
def test_every_file_reads_with_consistent_structure(name):
    doc = load(name)
    assert doc.format == "hwpx"
    assert doc.blocks or name == "hwpxlib_error_20240305_2022.hwpx"  # the one file without text
    for para in doc.paragraphs():
        start, end = para.prov.span
        assert doc.text[start:end] == para.text
        for ann in para.annotations:
            assert 0 <= ann.start <= ann.end <= len(para.text)
    for table in doc.tables():
        grid = table.grid()
        assert all(c.row + c.row_span <= table.n_rows and c.col + c.col_span <= table.n_cols
                   for c in table.cells())
        assert all(slot is not None for row in grid for slot in row), f"hole in {table.prov.path}"
    sections = [b.prov.section for b in doc.blocks]
    pages = [b.prov.page for b in doc.blocks]
    assert sections == sorted(sections) and pages == sorted(pages)


@pytest.mark.skipif(not ALL_FILES, reason="HWPX corpus not present")
def test_password_protected_file_is_encrypted():
    with pytest.raises(EncryptedDocument, match="password"):
        load("ohah_password-12345.hwpx")
    path = HWPX / "ohah_password-12345.hwpx"
    with pytest.raises(EncryptedDocument, match="wrong password"):
        docextract.parse(path, password="54321")
    doc = docextract.parse(path, password="12345")
    assert doc.metadata.title == "암호로 보호되는 파일"
    assert texts(doc)[0] == "암호로 보호되는 파일"


def test_simple_table_spans():
    (table,) = load("hwpxlib_SimpleTable.hwpx").tables()
    assert (table.n_rows, table.n_cols) == (3, 3)
    assert cells(table) == [(0, 0, 2, 2, "1"), (0, 2, 1, 1, "2"), (1, 2, 1, 1, "3"),
                            (2, 0, 1, 1, "5"), (2, 1, 1, 2, "4")]


def test_hwp2hwpx_table_spans_and_multi_paragraph_cells():
    (table,) = load("hwp2hwpx_table_from.hwpx").tables()
    assert (table.n_rows, table.n_cols) == (3, 2)
    assert cells(table) == [(0, 0, 2, 1, "1\n2"), (0, 1, 1, 1, "3"), (1, 1, 2, 1, "4\n5"),
                            (2, 0, 1, 1, "67")]


def test_grade_table_text_box_hyperlink_and_field():
    doc = load("hwpxlib_Table.hwpx")
    (table,) = doc.tables()
    assert (table.n_rows, table.n_cols) == (6, 4)
    grid = [[c.text for c in row] for row in table.grid()]
    assert grid[0] == ["이름", "국어", "영어", "수학"]
    assert grid[1] == ["개똥이", "89", "65", "78"]
    assert grid[5][0] == "합계"
    (title,) = [p for p in doc.paragraphs() if p.role is Role.TEXTBOX]
    assert title.text == "C반 기말고사"
    assert [(a.kind, a.name) for a in title.annotations] == [("hyperlink", "www.daum.net")]
    (date,) = [p for p in doc.paragraphs() if p.annotations and p.role is Role.BODY]
    assert date.text == "날짜" and date.annotations[0].name == "날짜"


def test_header_and_footer_roles():
    doc = load("hwpxlib_HeaderFooter.hwpx")
    assert texts(doc, Role.HEADER) == ["머리말 테스트"]
    assert "꼬리말" in texts(doc, Role.FOOTER)
    assert not any(p.text for p in doc.paragraphs(roles={Role.BODY}))


def test_change_tracking_keeps_insertions_only():
    doc = load("hwpxlib_ChangeTrack.hwpx")
    assert texts(doc) == ["변경 \t인간은"]
    assert "추적" not in doc.text
    assert (doc.metadata.title, doc.metadata.author) == ("변경 추적 인간은", "fff")


def test_several_sections_in_order_with_their_master_pages():
    doc = load("hwp2hwpx_여러섹션_from.hwpx")
    by_section: dict[int, list[str]] = {}
    for p in doc.paragraphs(roles={Role.HEADER}):
        by_section.setdefault(p.prov.section, []).append(p.text)
    # section 1 has neither text nor master pages, so no blocks
    assert sorted({b.prov.section for b in doc.blocks}) == [0, 2, 3, 4]
    assert by_section[0][0] == "ㄴㅇㄴㅇㅇㅇㅇㅇ바탕쪽1-1-1" and len(by_section[0]) == 6
    assert by_section[2] == ["구역3-짝수", "바탕쪽3-1-1", "바탕쪽3-1-1"]
    assert by_section[3] == ["구역4-양쪽", "구역4-짝수", "구역4-홀수"]
    assert by_section[4] == ["구역5_양쪽", "구역5_홀수"]
    # each section starts a new page
    assert [b.prov.page for b in doc.blocks if b.prov.path.endswith("/b0")] == [1, 3, 4, 5]


def test_gangnam_notice():
    doc = load("hwpxlib_20230413_test.hwpx")
    body = texts(doc, Role.BODY)
    assert body[0] == "서울특별시 강남구 공고 제2023-745호"
    assert "서울특별시 강남구청장" in body
    # "1." here is typed text: the paragraph shape has no heading, so nothing is added
    assert "1. 제정이유" in body and "2. 주요내용" in body
    assert doc.metadata.title == "본문내용본문내용"


def test_notice_without_manifest():
    path = HWPX / "hwpxlib_error_20240626_no_manifest.hwpx"
    if not path.is_file():
        pytest.skip("corpus file not present")
    with zipfile.ZipFile(path) as zf:
        assert "META-INF/manifest.xml" not in zf.namelist()
    doc = load(path.name)
    assert sorted({b.prov.section for b in doc.blocks}) == [0, 1]
    assert "울산광역시 남구 공고 제2021-174호" in doc.text
    (table,) = doc.tables()
    assert (table.n_rows, table.n_cols) == (6, 2)


def test_outline_numbers_bullets_and_hyperlink():
    doc = load("hwpxlib_error_20240919_테스트문서.hwpx")
    body = texts(doc)
    assert body[:3] == ["1. 개요", "개요 내용입니다", "- 개요 내용을 추가합니다"]
    assert "2. 문서요약" in body and "가. 문서 내용 확인 조거" in body
    levels = {p.text: p.outline_level for p in doc.paragraphs() if p.outline_level}
    assert levels == {"1. 개요": 1, "2. 문서요약": 1, "가. 문서 내용 확인 조거": 2}
    (link,) = [a for p in doc.paragraphs() for a in p.annotations]
    assert link.kind == "hyperlink" and link.name.startswith("http:///BizRunner/Common/")


def test_click_here_fields():
    doc = load("hwpxlib_error_20231219_test1.hwpx")
    assert [a.name for p in doc.paragraphs() for a in p.annotations] == ["필드1234"]
    plan = load("hwpxlib_error_20250523_프로젝트 계획서.hwpx")
    fields = [(a.name, p.text[a.start:a.end]) for p in plan.paragraphs() for a in p.annotations]
    assert len(fields) == 5
    assert fields[0] == ("_AI_프로젝트계획서프로젝트배경", "이곳을 클릭하여 AI를 활용한 문장을 생성해 보세요.")
    form = [t for t in plan.tables() if t.n_rows == 14][0]
    assert form.n_cols == 9 and form.cell(0, 0).text == "작성일자"


def test_noori_press_release():
    doc = load("ohah_noori.hwpx")
    first = next(doc.tables())
    assert first.cell(0, 0).text == "보도일시"
    lead = first.cell(0, 1)
    assert lead.col_span == 3 and lead.text.startswith("2018. 9. 4.(화) 조간")
    assert "거대공공연구정책과" in first.text
    assert any(t.startswith("□ 과학기술정보통신부(장관 유영민") for t in texts(doc))
    assert "국민이 정한 그 이름은 ｢누리｣" in doc.text
    # the sub-title paragraphs carry a BULLET heading whose "-" marker is restored
    assert "- 명칭공모전에 1만건 이상 응모, 뜨거운 관심 보여 -" in doc.text


def test_mot_press_release_contacts_table():
    doc = load("hwpxlib_error_20241104_mot.hwpx")
    assert "보도자료" in doc.text and "2024. 1. 2.(화) 08:00" in doc.text
    contacts = [t for t in doc.tables() if (t.n_rows, t.n_cols) == (4, 6)][0]
    assert [c.text for c in contacts.rows[0]] == ["담당 부서", "체육국", "책임자", "과장", "정태경",
                                                  "(044-203-3111)"]


def test_large_rfp_and_data_standard():
    rfp = load("hwpxlib_error_20230728_test.hwpx")
    assert sorted({b.prov.section for b in rfp.blocks}) == [0, 1, 2]
    assert len(list(rfp.tables())) == 44
    assert "『제2회 가을밤의 음악축제』" in rfp.text and "강 북 구 청" in rfp.text
    std = load("hwpxlib_error_20230818_test.hwpx")
    assert "119) 대중교통환승센터" in std.text
    fields = [t for t in std.tables() if t.n_rows == 37][0]
    assert [c.text for c in fields.rows[1]][:3] == ["1", "환승센터명", "필수"]


def test_small_files():
    assert "微笑天使" in load("ohah_selfintroduce.hwpx").text
    (empty,) = load("ohah_table.hwpx").tables()
    assert (empty.n_rows, empty.n_cols) == (2, 3) and not empty.text.strip()
    scripted = load("hwpxlib_error_20240305_2022.hwpx")
    assert not scripted.text.strip()  # no hp:t body text, only an empty text box


def test_hwpx_saved_under_an_hwp_name():
    path = CORPUS / "other" / "hwplib_야생동물 종합관리 시스템 고도화(2023년)_제안요청서_hwpx-as-hwp.hwp"
    if not path.is_file():
        pytest.skip("corpus file not present")
    doc = docextract.parse(path)
    assert doc.format == "hwpx"
    assert "extension-mismatch" in {w.code for w in doc.warnings}
    assert sorted({b.prov.section for b in doc.blocks}) == [0, 1, 2, 3, 4]
    assert len(list(doc.tables())) > 100
    assert "야생동물 종합관리 시스템 고도화(2023년)" in doc.text
    assert all(isinstance(b, (Paragraph, Table)) for b in doc.blocks)
