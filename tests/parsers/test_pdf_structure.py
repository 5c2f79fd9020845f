"""PDF structure on documents of known structure (samples/structure.py): headings, tables
with and without ruling lines, two columns, words without space glyphs; the corpus gains
no borderless tables; values a narrow table cell cut are joined back (#11)."""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path

import pytest

import docextract
from docextract.model import Document, Table
from docextract.parsers.pdf import blocks as pdf_blocks
from docextract.parsers.pdf.glyphs import Glyph
from docextract.parsers.pdf.lines import Line

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # importlib mode does not put the project root on sys.path
    sys.path.insert(0, str(ROOT))

from samples.structure import Grid, Heading, StructureDoc, structure_docs  # noqa: E402

writer = pytest.importorskip("samples.writers.structure_pdf")
from samples.writers.pdf import FontMissing  # noqa: E402


@functools.lru_cache(maxsize=None)
def _generated() -> tuple[tuple[StructureDoc, Document], ...]:
    return tuple((doc, docextract.parse(writer.render_structure(doc), format="pdf"))
                 for doc in structure_docs())


def _names() -> list[str]:
    return [doc.name for doc in structure_docs()]


def _pair(name: str) -> tuple[StructureDoc, Document]:
    try:
        generated = _generated()
    except FontMissing as exc:  # Debian's fonts-nanum, for the Korean documents
        pytest.skip(str(exc))
    return next(pair for pair in generated if pair[0].name == name)


def _grid(table: Table) -> list[list[str]]:
    return [[" ".join((cell.text if cell else "").split()) for cell in row] for row in table.grid()]


@pytest.mark.parametrize("name", _names())
def test_headings_come_out_at_their_level(name):
    truth, doc = _pair(name)
    expected = [(b.level, b.text) for b in truth.blocks if isinstance(b, Heading)]
    assert [(p.heading, p.text) for p in doc.paragraphs() if p.heading] == expected


@pytest.mark.parametrize("name", _names())
def test_tables_ruled_or_not_are_found_with_their_cells(name):
    truth, doc = _pair(name)
    expected = [[list(row) for row in b.rows] for b in truth.blocks if isinstance(b, Grid)]
    assert [_grid(t) for t in doc.tables()] == expected


@pytest.mark.parametrize("name", [n for n in _names() if "2col" in n])
def test_two_column_prose_is_read_column_by_column(name):
    truth, doc = _pair(name)
    paragraphs = [" ".join(b.text.split()) for b in truth.blocks
                  if not isinstance(b, (Grid, Heading))]
    found = [p.text for p in doc.paragraphs() if p.role.value == "body"]
    text = " ".join(found)
    positions = [text.find(p) for p in paragraphs]
    assert -1 not in positions and positions == sorted(positions)


def glued(text: str, vocabulary: set[str]) -> list[str]:
    """Tokens that are not words of the document but two of its words run together
    (``ofthe``, ``tothe``): a word gap read as no gap. Dictionary-free: the vocabulary is
    the document's own."""
    out = []
    for token in re.findall(r"[A-Za-z]+", text):
        word = token.lower()
        if word in vocabulary:
            continue
        if any(word[:i] in vocabulary and word[i:] in vocabulary for i in range(1, len(word))):
            out.append(token)
    return out


@pytest.mark.parametrize("name", [n for n in _names() if n.startswith("en-")])
def test_no_glued_words_even_without_space_glyphs(name):
    truth, doc = _pair(name)
    assert glued(doc.text, truth.words()) == []


def test_the_glued_word_check_finds_glued_words():
    assert glued("The name ofthe organization andthe date", {"the", "of", "and", "name",
                                                           "organization", "date"}) == ["ofthe", "andthe"]


# word gaps measured on the line -------------------------------------------------------------

def _line(spec: list[tuple[str, float, float]], height: float = 11.0) -> Line:
    return Line([Glyph(text, x0, 0.0, x1, height, i) for i, (text, x0, x1) in enumerate(spec)])


def _set(words: list[str], gap: float) -> list[tuple[str, float, float]]:
    """Words set in a Times-like font: i, l, t, r, f about a space wide, others 5 pt."""
    out, x = [], 0.0
    for word in words:
        for ch in word:
            width = 2.8 if ch in "iltrf" else 5.0
            out.append((ch, x, x + width))
            x += width
        x += gap
    return out


def test_a_quarter_em_gap_is_a_word_gap_in_latin_text():
    # Times at 10 pt: a 2.5 pt space, a glyph box 11 pt high (the old threshold was 2.75)
    assert _line(_set(["name", "of", "the", "organization"], 2.5)).text == "name of the organization"
    assert _line(_set(["name", "of"], 0.3)).text == "nameof"  # kerning is no word gap


def test_a_digit_set_loosely_beside_hangul_stays_attached():
    # MSDS: word gaps of 4.68 on a 9.96 pt line, 2.24 between 15 and 분
    spec = [("○", 0, 9.4), ("1", 14.0, 20.0), ("5", 20.0, 26.0), ("분", 28.2, 37.6),
            ("이", 42.3, 51.7), ("상", 51.7, 61.1), ("많", 65.8, 75.2), ("은", 75.2, 84.6)]
    assert _line(spec, 9.96).text == "○ 15분 이상 많은"


# the corpus gains no borderless tables -------------------------------------------------------

@pytest.mark.corpus
def test_corpus_pdfs_gain_no_borderless_tables(corpus_dir, monkeypatch):
    """Every table the corpus PDFs have is ruled: the borderless finder finds none there
    (not in two-column minutes, tables of contents, forms, lists or justified text)."""
    found: dict[str, int] = {}
    find = pdf_blocks.find_borderless
    for path in sorted((corpus_dir / "pdf").glob("*.pdf")):
        if "password" in path.name:
            continue

        def recording(rows, ruled=(), name=path.name):
            tables, left = find(rows, ruled)
            if tables:
                found[name] = found.get(name, 0) + len(tables)
            return tables, left

        monkeypatch.setattr(pdf_blocks, "find_borderless", recording)
        docextract.parse(path)
    assert found == {}


# values a full cell cut (#11) ------------------------------------------------------------------

def _narrow_cells_pdf() -> bytes:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    cells = [(60, ["06", "17", "1"]), (150, ["http://fire.seoul.go.", "kr/knfs"]),
             (80, ["jung.h@seo", "ul.go.kr"]), (70, ["Team lead", "Kim Minsu"])]
    x = 60.0
    for width, lines in cells:
        # each cell as wide as its widest line plus the padding: the lines fill it
        inner = max(pdf.get_string_width(t) for t in lines)
        width = inner + 8
        pdf.rect(x, 100, width, 60)
        for k, text in enumerate(lines):
            pdf.text(x + (width - pdf.get_string_width(text)) / 2, 115 + 12 * k, text)
        x += width
    return bytes(pdf.output())


def test_values_cut_by_a_full_cell_are_joined_without_a_space():
    doc = docextract.parse(_narrow_cells_pdf(), format="pdf")
    table = next(doc.tables())
    cells = [c.text for c in table.cells()]
    assert cells[:3] == ["06171", "http://fire.seoul.go.kr/knfs", "jung.h@seoul.go.kr"]
    # two words on two lines of a cell: a name under a position, not one value
    assert cells[3] in ("Team lead\nKim Minsu", "Team lead Kim Minsu")
