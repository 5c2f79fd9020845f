"""The PDF parser on the public corpus (../shared/corpus/pdf); skipped when it is absent.

Phrases asserted here were read off the documents: they cross line wraps (so wrap repair
is exercised), sit in fake-bold titles, or live in tables. Every line junction the parser
decides is recorded while a file is parsed (:func:`joints`), so the junction checks at the
end can look at exactly the spaces wrap repair put in; those need kiwipiepy.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import docextract
from docextract.errors import EncryptedDocument
from docextract.model import Document, Paragraph, Role, Table
from docextract.parsers.pdf.lines import is_hangul
from docextract.parsers.pdf.spacing import DEPENDENT, Junction, analyse, unknown_id
from docextract.parsers.pdf.spacing import available as spacing_available
from docextract.parsers.pdf.wrap import WrapPolicy, room_for_next_letter

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


def parsed(name: str) -> Document:
    return _parse_recording_joints(name)[0]


@dataclass(frozen=True)
class Joint:
    """One line junction as the parser decided it: the wrapped line, the separator, the
    continuation, whether the wrapped line ended with a drawn space glyph, and whether it
    had room left for the continuation's first letter (:func:`room_for_next_letter`: then
    the break was a word wrap, not a cut inside a word, which leaves the line full)."""

    left: str
    sep: str
    right: str
    drawn_space: bool
    room_for_next_letter: bool = False


def joints(name: str) -> tuple[Joint, ...]:
    """Every line junction of a corpus PDF, as the parser decided it."""
    return _parse_recording_joints(name)[1]


@functools.lru_cache(maxsize=None)
def _parse_recording_joints(name: str) -> tuple[Document, tuple[Joint, ...]]:
    """The parsed document and its junctions: WrapPolicy.separator is wrapped while it runs."""
    path = path_of(name)
    seen: list[Joint] = []
    decide = WrapPolicy.separator

    def recording(policy, a, b):
        sep = decide(policy, a, b)
        seen.append(Joint(a.text, sep, b.text, a.trailing_space, room_for_next_letter(a, b)))
        return sep

    WrapPolicy.separator = recording
    try:
        doc = docextract.parse(path)
    finally:
        WrapPolicy.separator = decide
    return doc, tuple(seen)


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


@pytest.mark.slow
def test_rfp_words_cut_by_narrow_cells_are_whole():
    """Cells too narrow for their words, with no space glyph drawn in them: a cut word is
    joined as the document writes it on single lines (``○ 비계량 부문의``, ``요구사항``), a
    word wrap (``사업`` centred with room for a letter more) keeps its space."""
    doc = parsed(RFP_AI)
    cells = [c.text for t in doc.tables() for c in t.cells()]
    assert cells.count("비계량부문 I\n(80)") == 2
    assert cells.count("요구사항 설명") >= 50 and "요구 사항 설명" not in cells
    assert "사업 이해도" in cells
    assert "제76조에 따른 부정당 업자에 해당하지 않는 자" in doc.text
    # a cell listing one deliverable a line, with room left on each: word wraps
    assert "착수계, 착수보고서 1부 산출내역서 1부 사업수행 계획서 1부" in doc.text


def test_msds_word_wraps_keep_their_space_where_no_space_glyph_was_drawn():
    """The producer draws most trailing spaces but not all: a line with room left for the
    next letter was not cut inside a word, so the missing glyph does not glue words."""
    text = parsed(MSDS).text
    for phrase in ("철 입자의 급성 흡입 독성을 확립하는 것을", "현기증, 구토, 기관지천식 장해가",
                   "폐에서 명확한 염증 반응뿐만"):
        assert phrase in text, phrase
    for glued in ("독성을확립하는", "명확한염증"):
        assert glued not in text, glued


def test_bill_title_and_wrapped_reason():
    texts = body(parsed(BILL))
    assert texts[0] == "기후위기 대응을 위한 탄소중립ㆍ녹색성장 기본법 일부개정법률안"
    assert "발의연월일 : 2023. 11. 9." in texts
    reason = next(t for t in texts if t.startswith("현행법은 기후위기 대응을 위해"))
    # three wrapped lines joined: no broken words, no glued words
    assert "(이하 “탄소중립기본계획”이라 함)을 수립ㆍ시행하도록 하고" in reason
    assert reason.endswith("를 두도록 하고 있음.")


def test_bill_comparison_table_runs_over_four_pages_as_one_table():
    """The 신·구조문대비표 is cut by three page breaks with no border drawn at the cuts; its
    two columns (현행, 개정안) are one table, never read across each other."""
    doc = parsed(BILL)
    (table,) = [t for t in doc.tables() if t.rows[0][0].text == "현 행"]
    assert (table.prov.page, table.n_rows, table.n_cols) == (7, 2, 2)
    assert sorted({p.prov.page for c in table.cells() for p in c.blocks}) == [7, 8, 9, 10]
    old, new = (c.text for c in table.rows[1])
    assert old.startswith("제15조(2050 탄소중립녹색성장위원회의 설치) ① ∼ ④ (생략)")
    assert new.startswith("제15조(2050 탄소중립녹색성장위원회의 설치) ① ∼ ④ (현행과 같음)")
    # an item the page break cut is joined again inside its cell
    assert "「수산업ㆍ어촌 발전 기본법」제3조제5호에 따른 생산자단체" in new
    assert "제22조(2050 지방탄소중립녹색성장위원회의 구성 및 운영 등)" in old
    assert "탄소중립녹색성장 제15조(" not in doc.text


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


# --- Line junctions in character-wrap documents: Korean morphology (kiwipiepy) -----------

needs_kiwi = pytest.mark.skipif(not spacing_available(), reason="kiwipiepy (the nlp extra) is not installed")


NUMBER_WITH_UNIT = re.compile(r"\d[년월일시분초부개명원건회차호번쪽장조항권층세대]$")


def broken_words(found: tuple[Joint, ...]) -> list[str]:
    """Junctions where a space breaks a Korean word, as ``left|right`` snippets.

    Checked: every junction where the parser put a space between two Hangul syllables,
    except after a number with its unit (``30일 자로`` is written apart) and where the
    wrapped line had room for the continuation's first letter (``사업`` / ``이해도``
    centred in a cell four letters wide, where 사업이해도 would have broken after 이).
    The last 4 어절 of the wrapped line glued to the first 4 of its continuation are
    analysed by Kiwi; the space broke a word when a dictionary morpheme
    runs across the junction (``전|체``, ``불|법적으로``; a proper noun only when the parts
    are not two common nouns, as ``직속|감독자`` are) or the continuation opens with a
    particle, ending, suffix or the copula (``정책|은``, ``추진|했습니다``) — but not a
    suffix right after an ending (``따른|부정당`` read as 따르+ㄴ+부: a derivational suffix
    attaches to a stem or a noun, never to an inflected form, so that reading is wrong).
    For junctions Kiwi decided this repeats its own reading (so it guards the fallbacks
    around it); for the others it is an independent check."""
    spaced = [j for j in found if j.sep == " " and is_hangul(j.left[-1]) and is_hangul(j.right[0])
              and not NUMBER_WITH_UNIT.search(j.left) and not j.room_for_next_letter]
    windows = [Junction(" ".join(j.left.split(" ")[-4:]), " ".join(j.right.split(" ")[:4])) for j in spaced]
    unknown = unknown_id()
    broken = []
    for window, (joined, apart) in zip(windows, analyse(windows)):
        cut = len(window.left)
        across = [t for t in joined if t.start < cut < t.start + t.len and t.id != unknown]
        if across and across[0].tag == "NNP" and _two_common_nouns(apart, cut):
            across = []  # a name of two common nouns (``직속감독자``) may be written apart
        opening = next((t for t in joined if t.start == cut), None)
        if opening is not None and opening.tag.startswith("XS") and _after_an_ending(joined, cut):
            opening = None
        if across or (opening is not None and opening.tag.startswith(DEPENDENT)):
            broken.append(f"{window.left}|{window.right}")
    return broken


def _after_an_ending(tokens, cut: int) -> bool:
    """The morpheme that ends at ``cut`` is an ending (``따르+ㄴ``)."""
    return any(t.start + t.len == cut and t.tag.startswith("E") for t in tokens)


def _two_common_nouns(apart, cut: int) -> bool:
    before = [t for t in apart if t.start + t.len == cut]
    after = [t for t in apart if t.start == cut + 1]
    return bool(before and after) and before[-1].tag == after[0].tag == "NNG"


@needs_kiwi
@pytest.mark.parametrize("name", [pytest.param(n, marks=_marks(n)) for n in READABLE])
def test_no_korean_word_is_broken_by_a_junction_space(name):
    assert broken_words(joints(name)) == []


@needs_kiwi
def test_the_word_check_tells_cuts_from_word_wraps():
    """The check flags a space inside a word, whatever decided it, but not a break the
    line's room proves was a word wrap, nor a suffix Kiwi reads after an ending."""
    assert broken_words((Joint("비계", " ", "량부", False),)) == ["비계|량부"]
    # centred in a cell four letters wide: 사업이해도 would have kept 이 on the first line
    assert broken_words((Joint("사업", " ", "이해도", False, room_for_next_letter=True),)) == []
    assert broken_words((Joint("사업", " ", "이해도", False),)) == ["사업|이해도"]
    # 따르+ㄴ+부(suffix) is no reading: a suffix never follows an ending; a noun's is a cut
    assert broken_words((Joint("제76조에 따른", " ", "부정당 업자에", True),)) == []
    assert broken_words((Joint("참여 학생", " ", "들은 모두", True),)) == ["참여 학생|들은 모두"]


@needs_kiwi
def test_minutes_words_are_whole_where_no_space_glyph_was_drawn():
    assert broken_words(tuple(j for j in joints(MINUTES) if not j.drawn_space)) == []


@needs_kiwi
def test_minutes_junctions_read_by_morphology():
    text = parsed(MINUTES).text
    for phrase in ("녹색정의당의 양경규 위원님께서", "시녀임을 자처할 때 우리 노동자들은",
                   "이야기했습니다. 매년 경제성장 그리고", "도대체 어디에서 나온 것입니까?",
                   "박정 위원장님 말씀", "5월 달 안에도 법안을", "일일이 찾아뵙고 인사드리지",
                   "건의안을 발의했으니 말입니다.", "진전을 위해서는 국제노동기구의",
                   "대표발의)(의안번호 2124894)", "4월 30일 자로 국민의힘"):
        assert phrase in text, phrase
    for glued in ("양경규위원님", "우리노동자들은", "매년경제성장", "찾아 뵙고", "위해 서는"):
        assert glued not in text, glued


@needs_kiwi
def test_review_and_bill_junctions_read_by_morphology():
    review = parsed(REVIEW).text
    assert "기후위기 대응을 위한 탄소중립" in review and "위 한" not in review
    assert "행정비효율 문제2) 등이" in review
    bill = parsed(BILL).text
    for text in (review, bill):
        for phrase in ("주요 정책 등을 심의", "전국적 규모의 단체", "산업별 노동조합", "제10조제2항에 따른 총연합단체",
                       "반영될 수 있도록 하여야 함을"):
            assert phrase in text, phrase
    assert "있도록 하여야”를" in bill


@needs_kiwi
def test_patent_junctions_read_by_morphology():
    text = parsed(PATENT).text
    for phrase in ("참조 이미지를 삽입함으로써,", "연구가 필요하다.", "상기 제1 이미지 개체에",
                   "정규 표현식 저장부에", "상기 포인터가 호버된 지점"):
        assert phrase in text, phrase
    assert "삽입함으로 써" not in text and "필요 하다" not in text
