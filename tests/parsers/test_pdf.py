"""The PDF parser on PDFs generated here with fpdf2 and a Korean TrueType font.

Every document is drawn line by line, the way HWP exports place text, so the tests
control where lines wrap, where spaces are drawn, and what the ruling lines are.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import docextract
from docextract.errors import EncryptedDocument, LimitExceeded
from docextract.model import Paragraph, Role, Table

fpdf = pytest.importorskip("fpdf")

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
]
KOREAN_FONT = next((p for p in FONT_CANDIDATES if Path(p).is_file()), None)
needs_font = pytest.mark.skipif(
    KOREAN_FONT is None,
    reason="no Korean TrueType font (apt-get install -y fonts-nanum) to generate Korean PDFs")

LEFT, WIDTH = 60.0, 470.0  # text block of an A4 page, in points
SIZE = 11.0
LEADING = 18.0


def new_pdf() -> "fpdf.FPDF":
    pdf = fpdf.FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("Nanum", fname=KOREAN_FONT)
    pdf.set_font("Nanum", size=SIZE)
    return pdf


def draw(pdf: "fpdf.FPDF", x: float, y: float, text: str, justify_to: float | None = None) -> None:
    """Draw a line word by word; spaces are gaps (no space glyphs), as HWP exports do.
    With ``justify_to`` the gaps are widened so the line ends exactly there."""
    words = text.split(" ")
    widths = [pdf.get_string_width(w) for w in words]
    gap = space = pdf.get_string_width(" ")
    if justify_to is not None and len(words) > 1:
        gap = (justify_to - x - sum(widths)) / (len(words) - 1)
        assert space <= gap < 1.5 * pdf.font_size, f"a line HWP would not justify: {text}"
    cursor = x
    for word, w in zip(words, widths):
        pdf.text(cursor, y, word)
        cursor += w + gap


def paragraph(pdf: "fpdf.FPDF", y: float, lines: list[str]) -> float:
    """Draw wrapped lines: all but the last justified to the right margin."""
    for i, line in enumerate(lines):
        draw(pdf, LEFT, y, line, LEFT + WIDTH if i < len(lines) - 1 else None)
        y += LEADING
    return y


def ruled_table(pdf: "fpdf.FPDF", top: float) -> float:
    """3x3 grid: (0,0) spans two columns, (1,2) spans two rows."""
    xs = [LEFT, LEFT + 120, LEFT + 300, LEFT + WIDTH]
    ys = [top, top + 26, top + 52, top + 78]
    pdf.set_line_width(0.5)
    for y in (ys[0], ys[1], ys[3]):
        pdf.line(xs[0], y, xs[3], y)
    pdf.line(xs[0], ys[2], xs[2], ys[2])  # row 1/2 border stops at the merged column
    for x in (xs[0], xs[2], xs[3]):
        pdf.line(x, ys[0], x, ys[3])
    pdf.line(xs[1], ys[1], xs[1], ys[3])  # no border inside the merged header cell
    base = 17
    draw(pdf, xs[0] + 6, ys[0] + base, "구분")
    draw(pdf, xs[2] + 6, ys[0] + base, "비고")
    draw(pdf, xs[0] + 6, ys[1] + base, "제출 기한")
    draw(pdf, xs[1] + 6, ys[1] + base, "2026년 3월 20일")
    draw(pdf, xs[2] + 6, ys[1] + 30, "전자우편 제출")
    draw(pdf, xs[0] + 6, ys[2] + base, "제출 부수")
    draw(pdf, xs[1] + 6, ys[2] + base, "1부")
    return ys[3]


def gongmun(pdf: "fpdf.FPDF") -> None:
    pdf.add_page()
    pdf.set_font("Nanum", size=18)
    draw(pdf, 230, 70, "행정안전부")
    pdf.set_font("Nanum", size=SIZE)
    y = 120.0
    y = paragraph(pdf, y, ["수신 수신자 참조"])
    y = paragraph(pdf, y, ["제목 2026년 정보공개 운영 실태 점검 협조 요청"]) + 10
    y = paragraph(pdf, y, ["1. 관련: 행정안전부 정보공개정책과-1234(2026. 3. 2.)"])
    # 글자 단위 wrap inside the verb: 바랍니 / 다.
    y = paragraph(pdf, y, [
        "2. 위 호와 관련하여 2026년 정보공개 운영 실태를 점검하고자 하오니 각 기관에서는 붙임",
        "서식에 따라 점검 결과를 작성하여 2026년 3월 20일까지 전자우편으로 제출하여 주시기 바랍니",
        "다."])
    # 어절 단위 wrap at a word boundary
    y = paragraph(pdf, y, [
        "3. 아울러 점검 결과는 기관별 정보공개 평가에 반영될 예정이오니 담당자께서는 기한 내",
        "제출하여 주시기 바랍니다."])
    y = paragraph(pdf, y, ["가. 점검 대상: 중앙행정기관 및 소속기관"])
    y = paragraph(pdf, y, ["나. 제출 방법: 전자우편(open@korea.kr)"]) + 8
    y = ruled_table(pdf, y) + 20
    paragraph(pdf, y, ["붙임 점검 서식 1부. 끝."])
    draw(pdf, 285, 810, "- 1 -")


@pytest.fixture(scope="session")
def gongmun_pdf() -> bytes:
    if KOREAN_FONT is None:
        pytest.skip("no Korean TrueType font (apt-get install -y fonts-nanum)")
    pdf = new_pdf()
    pdf.set_title("정보공개 운영 실태 점검 협조 요청")
    pdf.set_author("행정안전부")
    pdf.set_subject("공문")
    pdf.set_keywords("정보공개, 점검")
    pdf.set_creation_date(datetime(2026, 3, 2, 9, 30, 0, tzinfo=timezone(timedelta(hours=9))))
    gongmun(pdf)
    return bytes(pdf.output())


@pytest.fixture(scope="session")
def gongmun_doc(gongmun_pdf: bytes) -> docextract.Document:
    return docextract.parse(gongmun_pdf, name="gongmun.pdf")


def body_texts(doc: docextract.Document) -> list[str]:
    return [p.text for p in doc.blocks if isinstance(p, Paragraph) and p.role is Role.BODY]


# --- 공문: lines, paragraphs, wrap repair ------------------------------------------------


@needs_font
def test_mid_word_wrap_joins_without_space(gongmun_doc):
    texts = body_texts(gongmun_doc)
    item = next(t for t in texts if t.startswith("2. 위 호와"))
    assert item.endswith("2026년 3월 20일까지 전자우편으로 제출하여 주시기 바랍니다.")
    assert "바랍니 다" not in item and "붙임 서식에 따라" in item


@needs_font
def test_word_boundary_wrap_joins_with_space(gongmun_doc):
    texts = body_texts(gongmun_doc)
    assert ("3. 아울러 점검 결과는 기관별 정보공개 평가에 반영될 예정이오니 담당자께서는 기한 내 "
            "제출하여 주시기 바랍니다.") in texts


@needs_font
def test_numbered_and_lettered_items_are_separate_paragraphs(gongmun_doc):
    texts = body_texts(gongmun_doc)
    for start in ("1. 관련:", "2. 위 호와", "3. 아울러", "가. 점검 대상", "나. 제출 방법"):
        assert sum(t.startswith(start) for t in texts) == 1, start
    assert "수신 수신자 참조" in texts
    assert "제목 2026년 정보공개 운영 실태 점검 협조 요청" in texts


@needs_font
def test_no_space_invented_between_digits_and_units(gongmun_doc):
    text = gongmun_doc.text
    assert "2026년" in text and "1부" in text and "3월 20일" in text
    assert not re.search(r"\d [년월일부]", text)


@needs_font
def test_ruled_table_becomes_table_with_spans(gongmun_doc):
    tables = [b for b in gongmun_doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    t = tables[0]
    assert (t.n_rows, t.n_cols) == (3, 3)
    header = t.cell(0, 0)
    assert header.text == "구분" and header.col_span == 2 and t.cell(0, 1) is header
    merged = t.cell(1, 2)
    assert merged.text == "전자우편 제출" and merged.row_span == 2 and t.cell(2, 2) is merged
    assert t.cell(1, 1).text == "2026년 3월 20일" and t.cell(2, 1).text == "1부"
    # the table's text is not repeated as body paragraphs
    for p in body_texts(gongmun_doc):
        assert "전자우편 제출" not in p and "제출 부수" not in p


@needs_font
def test_reading_order_puts_table_between_items_and_closing(gongmun_doc):
    kinds = [("table" if isinstance(b, Table) else b.text) for b in gongmun_doc.blocks]
    i_table = kinds.index("table")
    assert kinds[i_table - 1].startswith("나. 제출 방법")
    assert kinds[i_table + 1] == "붙임 점검 서식 1부. 끝."


@needs_font
def test_page_number_is_a_footer(gongmun_doc):
    footers = [p.text for p in gongmun_doc.paragraphs(roles={Role.FOOTER})]
    assert footers == ["- 1 -"]
    assert "- 1 -" not in body_texts(gongmun_doc)


@needs_font
def test_every_block_has_page_and_bbox(gongmun_doc):
    for block in gongmun_doc.iter_blocks():
        assert block.prov.page == 1
        box = block.prov.bbox
        assert box is not None and 0 <= box.x0 < box.x1 <= 596 and 0 <= box.top < box.bottom <= 842
    title = next(b for b in gongmun_doc.blocks if isinstance(b, Paragraph) and b.text == "행정안전부")
    assert 40 < title.prov.bbox.top < 70  # drawn with its baseline at 70 pt from the top


@needs_font
def test_metadata(gongmun_doc):
    md = gongmun_doc.metadata
    assert md.title == "정보공개 운영 실태 점검 협조 요청"
    assert md.author == "행정안전부" and md.subject == "공문" and md.keywords == "정보공개, 점검"
    assert md.created == datetime(2026, 3, 2, 9, 30, 0, tzinfo=timezone(timedelta(hours=9)))
    assert md.page_count == 1
    assert gongmun_doc.format == "pdf"


# --- headers and footers over two pages ---------------------------------------------------


@pytest.fixture(scope="session")
def two_page_doc() -> docextract.Document:
    if KOREAN_FONT is None:
        pytest.skip("no Korean TrueType font (apt-get install -y fonts-nanum)")
    pdf = new_pdf()
    bodies = [["제1조(목적) 이 지침은 정보공개 업무의 처리 절차를 정함을 목적으로 한다."],
              ["제2조(적용 범위) 이 지침은 모든 소속기관에 적용한다."]]
    for n, body in enumerate(bodies, start=1):
        pdf.add_page()
        draw(pdf, LEFT, 45, "정보공개 운영 지침 (2026)")
        paragraph(pdf, 120, body)
        draw(pdf, 280, 810, f"- {n} -")
    return docextract.parse(bytes(pdf.output()))


@needs_font
def test_repeated_header_and_page_numbers_get_roles(two_page_doc):
    headers = list(two_page_doc.paragraphs(roles={Role.HEADER}))
    footers = list(two_page_doc.paragraphs(roles={Role.FOOTER}))
    assert [(p.text, p.prov.page) for p in headers] == [("정보공개 운영 지침 (2026)", 1),
                                                       ("정보공개 운영 지침 (2026)", 2)]
    assert [(p.text, p.prov.page) for p in footers] == [("- 1 -", 1), ("- 2 -", 2)]
    assert body_texts(two_page_doc) == [
        "제1조(목적) 이 지침은 정보공개 업무의 처리 절차를 정함을 목적으로 한다.",
        "제2조(적용 범위) 이 지침은 모든 소속기관에 적용한다."]


@needs_font
def test_page_cap_and_time_budget(two_page_doc):
    pdf = new_pdf()
    for _ in range(2):
        pdf.add_page()
        draw(pdf, LEFT, 100, "본문")
    data = bytes(pdf.output())
    with pytest.raises(LimitExceeded, match="max_pages"):
        docextract.parse(data, limits={"max_pages": 1})
    with pytest.raises(LimitExceeded, match="timeout_seconds"):
        docextract.parse(data, limits={"timeout_seconds": 0})


# --- multi-column page ----------------------------------------------------------------------


@needs_font
def test_two_columns_are_not_interleaved():
    pdf = new_pdf()
    pdf.add_page()
    left = ["왼쪽 단의 첫째 문단은 정보공개 청구의 접수", "절차를 설명합니다.",
            "왼쪽 단의 둘째 문단은 처리 기한을 설명합니다."]
    right = ["오른쪽 단의 첫째 문단은 비공개 대상 정보의", "범위를 설명합니다.",
             "오른쪽 단의 둘째 문단은 이의신청을 설명합니다."]
    col_w = 220
    for i, (lt, rt) in enumerate(zip(left, right)):
        y = 120 + i * LEADING
        wrap = i == 0
        draw(pdf, LEFT, y, lt, LEFT + col_w if wrap else None)
        draw(pdf, LEFT + 250, y, rt, LEFT + 250 + col_w if wrap else None)
    doc = docextract.parse(bytes(pdf.output()))
    assert body_texts(doc) == [
        "왼쪽 단의 첫째 문단은 정보공개 청구의 접수 절차를 설명합니다.",
        "왼쪽 단의 둘째 문단은 처리 기한을 설명합니다.",
        "오른쪽 단의 첫째 문단은 비공개 대상 정보의 범위를 설명합니다.",
        "오른쪽 단의 둘째 문단은 이의신청을 설명합니다."]


# --- fake bold, trailing-space evidence -----------------------------------------------------


@needs_font
def test_overprinted_fake_bold_is_deduplicated():
    pdf = new_pdf()
    pdf.add_page()
    for dx in (0.0, 0.3):
        draw(pdf, LEFT + dx, 100, "제안요청서(RFP)")
    draw(pdf, LEFT, 140, "사업명 온나라 웹기안기 도입")
    doc = docextract.parse(bytes(pdf.output()))
    assert body_texts(doc) == ["제안요청서(RFP)", "사업명 온나라 웹기안기 도입"]


@needs_font
def test_drawn_trailing_spaces_decide_the_join():
    """A producer that draws the space at word-boundary wraps: where it is missing, the
    line was broken inside a word (소프트웨 / 어) and is joined without a space."""
    pdf = new_pdf()
    pdf.add_page()
    lines = [
        ("목표사업 수행을 위해 필요한 하드웨어, 소프트웨", False),
        ("어, 네트워크 등의 도입 장비 내역 등 시스템 장비 ", True),
        ("구성에 대한 요구사항을 기술하고 기능 요구사항은 ", True),
        ("목표시스템이 반드시 수행하여야 하는 기능을 기술하며 ", True),
        ("성능 요구사항은 처리속도 및 처리량을 기술함", False),
    ]
    width = max(pdf.get_string_width(t.rstrip()) for t, _ in lines)
    for i, (text, _) in enumerate(lines):
        # drawn as one string so inner and trailing spaces are glyphs; stretched to the margin
        natural = pdf.get_string_width(text.rstrip())
        pdf.set_stretching(100 * width / natural if i < len(lines) - 1 else 100)
        pdf.text(LEFT, 100 + i * LEADING, text)
    doc = docextract.parse(bytes(pdf.output()))
    assert body_texts(doc) == [
        "목표사업 수행을 위해 필요한 하드웨어, 소프트웨어, 네트워크 등의 도입 장비 내역 등 "
        "시스템 장비 구성에 대한 요구사항을 기술하고 기능 요구사항은 목표시스템이 반드시 "
        "수행하여야 하는 기능을 기술하며 성능 요구사항은 처리속도 및 처리량을 기술함"]


# --- encryption and scans -----------------------------------------------------------------------


def _simple_pdf(**encryption) -> bytes:
    pdf = fpdf.FPDF(unit="pt", format="A4")
    if encryption:
        pdf.set_encryption(**encryption)
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.text(72, 100, "Public notice 2026")
    return bytes(pdf.output())


def test_user_password_is_required_and_accepted():
    data = _simple_pdf(owner_password="owner-pw", user_password="user-pw")
    with pytest.raises(EncryptedDocument, match="password"):
        docextract.parse(data)
    with pytest.raises(EncryptedDocument, match="wrong"):
        docextract.parse(data, password="not-it")
    doc = docextract.parse(data, password="user-pw")
    assert body_texts(doc) == ["Public notice 2026"]


def test_empty_user_password_opens_without_asking():
    doc = docextract.parse(_simple_pdf(owner_password="owner-pw"))
    assert body_texts(doc) == ["Public notice 2026"]


def test_image_only_page_warns_that_ocr_is_not_available():
    from PIL import Image

    image = Image.new("RGB", (200, 100), (30, 30, 30))
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    pdf = fpdf.FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.text(72, 100, "Cover page")
    pdf.add_page()
    pdf.image(io.BytesIO(buf.getvalue()), x=72, y=72, w=400)
    doc = docextract.parse(bytes(pdf.output()))
    warnings = [w for w in doc.warnings if w.code == "pdf-no-text-layer"]
    assert len(warnings) == 1 and "page 2 " in warnings[0].message and "OCR" in warnings[0].message
    assert body_texts(doc) == ["Cover page"]


@needs_font
def test_paragraph_broken_by_a_page_break_is_joined():
    pdf = new_pdf()
    pdf.add_page()
    paragraph(pdf, 700, ["1. 관련: 정보공개정책과-1234(2026. 3. 2.)"])
    draw(pdf, LEFT, 760, "2. 위 호와 관련하여 2026년 정보공개 운영 실태를 점검하고자 하오니 각 기관에서는 붙임",
         LEFT + WIDTH)
    pdf.add_page()
    y = paragraph(pdf, 100, ["서식에 따라 점검 결과를 작성하여 제출하여 주시기 바랍니다."])
    paragraph(pdf, y, ["3. 제출 기한은 3월 20일입니다."])
    doc = docextract.parse(bytes(pdf.output()))
    assert body_texts(doc) == [
        "1. 관련: 정보공개정책과-1234(2026. 3. 2.)",
        "2. 위 호와 관련하여 2026년 정보공개 운영 실태를 점검하고자 하오니 각 기관에서는 붙임 "
        "서식에 따라 점검 결과를 작성하여 제출하여 주시기 바랍니다.",
        "3. 제출 기한은 3월 20일입니다."]
    joined = [b for b in doc.blocks if isinstance(b, Paragraph) and b.text.startswith("2. 위")][0]
    assert joined.prov.page == 1


@needs_font
def test_a_word_cut_by_a_narrow_cell_is_whole_as_the_document_writes_it():
    """A cell two letters wide cuts 비계량부문 into 비계 / 량부 / 문 with no space glyph
    anywhere; 비계 is a word too (scaffolding), so only the document's own ``비계량 부문``
    on one line says the first cut is inside a word."""
    pdf = new_pdf()
    pdf.add_page()
    paragraph(pdf, 100, ["○ 비계량 부문의 전체 평가항목은 5단계 등급으로 상대 평가함"])
    narrow = pdf.get_string_width("비계") + 4  # two letters and a padding of 2 pt each side
    xs = [LEFT, LEFT + narrow, LEFT + WIDTH]
    ys = [140.0, 140.0 + 3 * LEADING + 8]
    pdf.set_line_width(0.5)
    for y in ys:
        pdf.line(xs[0], y, xs[2], y)
    for x in xs:
        pdf.line(x, ys[0], x, ys[1])
    for i, piece in enumerate(["비계", "량부", "문"]):
        draw(pdf, xs[0] + 2, ys[0] + 16 + i * LEADING, piece)
    draw(pdf, xs[1] + 6, ys[0] + 16, "전략 및 방법론")
    doc = docextract.parse(bytes(pdf.output()))
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert [c.text for c in table.cells()] == ["비계량부문", "전략 및 방법론"]


# --- a table cut by a page break --------------------------------------------------------------


def cut_comparison_table(pdf: "fpdf.FPDF", *, drawn_cut: bool) -> None:
    """A 신·구조문대비표 (two columns) that runs from page 1 onto page 2. Hangul draws no
    border at the cut: the column rules stop at the text block's edge (``drawn_cut``
    draws the borders anyway, as two tables that merely share their columns)."""
    xs = [LEFT, LEFT + WIDTH / 2, LEFT + WIDTH]
    pad = 6.0
    left_lines = [(["제15조(위원회의 설치) ① ∼ ④ (생 략)"], None),
                  (["⑤ 위원을 위촉할 때에는 아동, 청년, 여성,", "노동자, 농어민 등 다양한 사회계층으로부터"],
                   "후보를 추천받아야 한다.")]
    right_lines = [(["제15조(위원회의 설치) ① ∼ ④ (현행과 같음)"], None),
                   (["⑤ --------------------------- 다음 각 호의", "단체로부터 후보를 추천받아 다양한 계층의"],
                    "대표성을 반영하여야 한다.")]
    pdf.add_page()
    draw(pdf, LEFT + 160, 100, "신ㆍ구조문대비표")
    top, header_bottom, cut = 120.0, 146.0, 760.0
    pdf.set_line_width(0.5)
    for y in (top, header_bottom):
        pdf.line(xs[0], y, xs[2], y)
    for x in xs:
        pdf.line(x, top, x, cut)
    if drawn_cut:
        pdf.line(xs[0], cut, xs[2], cut)
    draw(pdf, xs[0] + 90, top + 17, "현 행")
    draw(pdf, xs[1] + 85, top + 17, "개 정 안")
    for col, cells in ((0, left_lines), (1, right_lines)):
        x0, x1 = xs[col] + pad, xs[col + 1] - pad
        y = header_bottom + 20
        draw(pdf, x0, y, cells[0][0][0])
        y = 700.0  # the last item sits at the bottom of the page and wraps onto the next
        first, second = cells[1][0]
        draw(pdf, x0, y, first, x1)
        draw(pdf, x0, y + LEADING, second, x1)
    draw(pdf, 280, 810, "- 1 -")
    pdf.add_page()
    top2, bottom2 = 60.0, 140.0
    for x in xs:
        pdf.line(x, top2, x, bottom2)
    pdf.line(xs[0], bottom2, xs[2], bottom2)
    if drawn_cut:
        pdf.line(xs[0], top2, xs[2], top2)
    for col, cells in ((0, left_lines), (1, right_lines)):
        draw(pdf, xs[col] + pad, top2 + 20, cells[1][1])
    draw(pdf, LEFT, 200, "부칙 이 법은 공포한 날부터 시행한다.")
    draw(pdf, 280, 810, "- 2 -")


@needs_font
def test_a_table_cut_by_a_page_break_is_one_table_with_its_row_rejoined():
    pdf = new_pdf()
    cut_comparison_table(pdf, drawn_cut=False)
    doc = docextract.parse(bytes(pdf.output()))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    table = tables[0]
    assert (table.n_rows, table.n_cols, table.prov.page) == (2, 2, 1)
    assert [c.text for c in table.rows[0]] == ["현 행", "개 정 안"]
    old, new = (c.text.split("\n") for c in table.rows[1])
    assert old == ["제15조(위원회의 설치) ① ∼ ④ (생 략)",
                   "⑤ 위원을 위촉할 때에는 아동, 청년, 여성, 노동자, 농어민 등 다양한 "
                   "사회계층으로부터 후보를 추천받아야 한다."]
    assert new == ["제15조(위원회의 설치) ① ∼ ④ (현행과 같음)",
                   "⑤ --------------------------- 다음 각 호의 단체로부터 후보를 추천받아 "
                   "다양한 계층의 대표성을 반영하여야 한다."]
    # the columns are never read across, and the page furniture stays outside the table
    assert "후보를 추천받아야 한다. 대표성을" not in doc.text
    assert [p.text for p in doc.paragraphs(roles={Role.FOOTER})] == ["- 1 -", "- 2 -"]
    assert body_texts(doc)[-1] == "부칙 이 법은 공포한 날부터 시행한다."


@needs_font
def test_tables_closed_on_both_sides_of_a_page_break_stay_apart():
    pdf = new_pdf()
    cut_comparison_table(pdf, drawn_cut=True)
    doc = docextract.parse(bytes(pdf.output()))
    assert [(t.prov.page, t.n_rows, t.n_cols) for t in doc.tables()] == [(1, 2, 2), (2, 1, 2)]
