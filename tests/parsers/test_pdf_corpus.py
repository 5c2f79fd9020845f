"""The PDF parser on the public corpus (../shared/corpus/pdf); skipped when it is absent.

Phrases asserted here were read off the documents: they cross line wraps (so wrap repair
is exercised), sit in fake-bold titles, or live in tables.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

import pytest

import docextract
from docextract.errors import EncryptedDocument
from docextract.model import Document, Paragraph, Role, Table

CORPUS = Path(os.environ.get("DOCEXTRACT_CORPUS",
                             Path(__file__).resolve().parents[2].parent / "shared" / "corpus")) / "pdf"

RFP_AI = "odl_2. 제안요청서(생성형 AI 구축 및 학습 용역).pdf"
RFP_WEB = "odl_제안요청서(수정)_230524 (1).pdf"
BILL = "odl_2125318_의사국 의안과_의안원문_hwp.pdf"
REVIEW = "odl_2125318_환경노동위원회_검토보고서.[2125318]탄중법 검토보고서(이수진의원안)_hwp.pdf"
MINUTES = "odl_국회회의록_21대_414회_1차_환경노동위원회_hwp.pdf"
MSDS = "odl_덕신_01.TGC-50 [배관알곤]_조선선재(주).pdf"
PATENT = "odl_특허_1020210175798.pdf"
FUND = "odl_202309_KB 한국대표그룹주.pdf"
PASSWORD = "odl_password-protected.pdf"
READABLE = [RFP_AI, RFP_WEB, BILL, REVIEW, MINUTES, MSDS, PATENT, FUND]
LONG = {RFP_AI, RFP_WEB}

pytestmark = pytest.mark.corpus


def _marks(name: str) -> list[pytest.MarkDecorator]:
    return [pytest.mark.slow] if name in LONG else []


def path_of(name: str) -> Path:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"corpus file not present: {path}")
    return path


@functools.lru_cache(maxsize=None)
def parsed(name: str) -> Document:
    return docextract.parse(path_of(name))


def body(doc: Document) -> list[str]:
    """Top-level body paragraphs (table cells and furniture left out)."""
    return [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.role is Role.BODY]


DOUBLED = re.compile(r"([가-힣])\1([가-힣])\2([가-힣])\3")


@pytest.mark.parametrize("name", [pytest.param(n, marks=_marks(n)) for n in READABLE])
def test_every_corpus_pdf_parses_cleanly(name):
    doc = parsed(name)
    assert doc.metadata.page_count and doc.text.strip()
    assert not DOUBLED.search(doc.text), "over-printed glyphs were not de-duplicated"
    for block in doc.iter_blocks():
        assert block.prov.page is not None and 1 <= block.prov.page <= doc.metadata.page_count
        assert block.prov.bbox is not None
    assert not [w for w in doc.warnings if w.code != "pdf-no-text-layer"]


def test_password_protected_pdf_is_typed():
    with pytest.raises(EncryptedDocument):
        docextract.parse(path_of(PASSWORD))


@pytest.mark.slow
def test_rfp_fake_bold_title_and_bullets():
    doc = parsed(RFP_WEB)
    texts = body(doc)
    assert texts[0] == "제안요청서(RFP)"
    assert "❍ 사업금액 : 1,062,888천원(국비 / VAT포함)" in texts  # Wingdings bullet mapped
    assert ("❍ 디지털플랫폼 정부 실현을 위해 행정문서의 생산·보관·유통 방식을 데이터 활용 관점으로 "
            "혁신해야 할 필요성 대두") in texts


@pytest.mark.slow
def test_rfp_tables_have_spans_and_stay_out_of_the_body():
    doc = parsed(RFP_WEB)
    usage = next(t for t in doc.tables() if any("웹기안기 사용건수" in c.text for c in t.cells()))
    assert (usage.n_rows, usage.n_cols) == (3, 4)
    assert usage.cell(0, 0).text == "사용기관 수(사용자 수)" and usage.cell(0, 0).row_span == 2
    head = usage.cell(0, 1)
    assert head.text == "웹기안기 사용건수(2022년 기준)" and head.col_span == 3
    assert usage.cell(2, 1).text == "17,737,227건"
    assert not any("17,737,227건" in t for t in body(doc))
    assert sum(1 for _ in doc.tables()) >= 50


@pytest.mark.slow
def test_rfp_running_footer_with_page_number():
    doc = parsed(RFP_AI)
    footers = [p for p in doc.paragraphs(roles={Role.FOOTER})]
    assert footers[0].text == "생성형 AI 구축 및 학습 용역 - 1 - 한국남부발전"
    assert sum(p.text.startswith("생성형 AI 구축 및 학습 용역") for p in footers) >= 90
    assert not any("한국남부발전" == t or t.endswith("- 1 - 한국남부발전") for t in body(doc))
    assert "□ 추정가격 : 4,628,500,000원(부가세 포함)" in body(doc)
    staff = next(t for t in doc.tables() if any(c.text == "AI혁신부" for c in t.cells()))
    assert any(c.text == "070-7713-8641" for c in staff.cells())


def test_bill_title_and_wrapped_reason():
    texts = body(parsed(BILL))
    assert texts[0] == "기후위기 대응을 위한 탄소중립ㆍ녹색성장 기본법 일부개정법률안"
    assert "발의연월일 : 2023. 11. 9." in texts
    reason = next(t for t in texts if t.startswith("현행법은 기후위기 대응을 위해"))
    # three wrapped lines joined: no broken words, no glued words
    assert "(이하 “탄소중립기본계획”이라 함)을 수립ㆍ시행하도록 하고" in reason
    assert reason.endswith("를 두도록 하고 있음.")


def test_review_report_cover_and_wrapped_paragraph():
    texts = body(parsed(REVIEW))
    assert "▣ 이수진 의원 대표발의(의안번호 제2125318호)" in texts
    assert any(t.startswith("2023년 11월 9일 이수진 의원이 대표 발의한") and
               t.endswith("2023년 11월 10일 우리 위원회에 회부되었음.") for t in texts)


def test_minutes_two_columns_and_character_wrap():
    doc = parsed(MINUTES)
    texts = body(doc)
    # the left column's sentences, broken inside words, come back whole and in order
    i = texts.index("◯위원장 박정 의석을 정돈하여 주시기 바랍니다.")
    assert texts[i + 1] == "성원이 되었으므로 제414회 국회(임시회) 제1차 환경노동위원회를 개회하겠습니다."
    assert any("정부와 여당에 심심한 사과를 요청하며 제 발언을 마무리하겠습니다." in t for t in texts)
    # a sentence running from the bottom of the left column into the right one
    assert any("지구 환경이 심각하게 파괴라도 당하는 것입니까?" in t for t in texts)
    # the right-aligned page number 10 in the contents is not reversed by overlapping glyphs
    entries = [t for t in texts if t.startswith("94. 최저임금법 일부개정법률안") and "···" in t]
    assert entries and all(t.endswith("·10") for t in entries)
    headers = [p.text for p in doc.paragraphs(roles={Role.HEADER})]
    assert "2 제414회-환경노동제1차(2024년5월7일)" in headers


def test_msds_items_and_header_table():
    doc = parsed(MSDS)
    texts = body(doc)
    assert "가. 제품명 : 용접재료(연강용, 고장력강용 티그 와이어)" in texts
    assert "○ 생산 및 공급 회사명 : 조선선재㈜" in texts
    first = next(iter(doc.tables()))
    assert any(c.text == "MSDS번호 : AA05999-0000026000" for c in first.cells())


def test_patent_running_header_and_wrapped_claim():
    doc = parsed(PATENT)
    headers = [p.text for p in doc.paragraphs(roles={Role.HEADER})]
    assert headers.count("공개특허 10-2023-0087131") >= 20
    texts = body(doc)
    assert any("상기 제1 이미지 개체에 포함되어 있는 텍스트를 추출하는 텍스트 추출부;" in t for t in texts)


def test_spreadsheet_export_is_one_table():
    doc = parsed(FUND)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert tables and any("746억원" in c.text for c in tables[0].cells())
    assert any(c.text == "펀드규모" and c.col_span == 3 for c in tables[0].cells())
    assert not [b for b in doc.blocks if isinstance(b, Paragraph) and "746억원" in b.text]
