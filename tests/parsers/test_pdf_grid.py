"""A name grid in a PDF (#14): names set in slots of one width, each spread over its slot
(배분 정렬), three rows under a ``◯출석 위원`` label, as 국회 회의록 print their attendees.
The parser reads the grid as a table, one name a cell with its spread letters closed up,
and the minutes record lists one attendee per cell. The letter-spaced label–value pair
below it and the prose around it stay paragraphs."""

from __future__ import annotations

import pytest

import docextract
from docextract.model import Paragraph, Table

from .test_pdf import KOREAN_FONT, LEFT, SIZE, draw, needs_font, new_pdf

fpdf = pytest.importorskip("fpdf")

PITCH, SLOT = 60.0, 42.0  # points: a slot every PITCH, its text spread over SLOT
ROWS = [["김영진", "노웅래", "박정", "양경규"],
        ["우원식", "윤건영", "이수진(비)", "이학영"],
        ["전용기", "진성준"]]


def spread(pdf: "fpdf.FPDF", x: float, y: float, word: str, width: float) -> None:
    """``word`` with its letters spread so the first starts at ``x`` and the last ends at
    ``x + width``, equal blanks between them and no space glyph (distributed alignment)."""
    widths = [pdf.get_string_width(ch) for ch in word]
    blank = (width - sum(widths)) / (len(word) - 1)
    for ch, w in zip(word, widths):
        pdf.text(x, y, ch)
        x += w + blank


def minutes_pdf() -> bytes:
    pdf = new_pdf()
    pdf.add_page()
    y = 80.0
    pdf.set_font("Nanum", size=18)
    pdf.text(LEFT + 120, y, "제1차 환경노동위원회 회의록")
    pdf.set_font("Nanum", size=SIZE)
    y += 40
    draw(pdf, LEFT, y, "일시 2024년 5월 7일(화) 10시")
    y += 18
    draw(pdf, LEFT, y, "장소 환경노동위원회 회의실")
    y += 18
    draw(pdf, LEFT, y, "위원장 수고 많으셨습니다. 산회를 선포합니다.")
    y += 30
    draw(pdf, LEFT, y, "◯출석 위원(10인)")
    for names in ROWS:
        y += 16
        for k, name in enumerate(names):
            spread(pdf, LEFT + 10 + k * PITCH, y, name, SLOT)
    y += 16
    draw(pdf, LEFT, y, "◯출석 전문위원")
    y += 16
    spread(pdf, LEFT + 10, y, "수석전문위원", 90)
    spread(pdf, LEFT + 154, y, "오창석", 72)
    y += 16
    spread(pdf, LEFT + 10, y, "전문위원", 90)
    spread(pdf, LEFT + 154, y, "임재금", 72)
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def minutes_doc() -> docextract.Document:
    if KOREAN_FONT is None:
        pytest.skip("no Korean TrueType font (apt-get install -y fonts-nanum)")
    return docextract.parse(minutes_pdf(), name="minutes.pdf")


def _cells(table: Table) -> list[list[str]]:
    return [[" ".join(b.text for b in cell.blocks if isinstance(b, Paragraph)) for cell in row]
            for row in table.rows]


@needs_font
def test_name_grid_is_a_table_of_one_word_a_slot(minutes_doc):
    tables = [b for b in minutes_doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert _cells(tables[0]) == [ROWS[0], ROWS[1], ROWS[2] + ["", ""]]
    texts = [b.text for b in minutes_doc.blocks if isinstance(b, Paragraph)]
    label = texts.index("◯출석 위원(10인)")
    assert minutes_doc.blocks.index(tables[0]) == minutes_doc.blocks.index(
        next(b for b in minutes_doc.blocks if isinstance(b, Paragraph) and b.text == texts[label])) + 1
    assert not any("양경규우원식" in t or "김영진" in t for t in texts)  # no row glued to the next


@needs_font
def test_two_slot_rows_and_prose_stay_paragraphs(minutes_doc):
    """Two columns of spread text are a label and its value, not a grid (three slots at
    least); prose lines around the grid are untouched."""
    texts = [b.text for b in minutes_doc.blocks if isinstance(b, Paragraph)]
    assert "위원장 수고 많으셨습니다. 산회를 선포합니다." in texts
    assert "◯출석 전문위원" in texts
    assert any(t.replace(" ", "") == "오창석" for t in texts)


@needs_font
def test_minutes_attendees_are_the_grid_cells(minutes_doc):
    """One attendee a cell; the note after a name (``(비)``) is not part of it."""
    record = docextract.extract(minutes_doc, type="minutes")
    assert record.to_dict()["attendees"] == ["김영진", "노웅래", "박정", "양경규", "우원식", "윤건영",
                                             "이수진", "이학영", "전용기", "진성준"]
    for ev in record.evidence["attendees"]:
        assert minutes_doc.text[ev.span[0]:ev.span[1]] == ev.text
