"""The DOCX parser on the public corpus (../shared/corpus/docx), skipped when it is absent.

The files are mammoth.js test documents; the expectations below are what each file
really contains (read from its XML), not what the parser happens to print.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import docextract
from docextract.model import Document, Role, Table
from docextract.serialize import load_document

CORPUS = Path(os.environ.get("DOCEXTRACT_CORPUS",
                             Path(__file__).resolve().parents[2].parent / "shared" / "corpus"))
DOCX_DIR = CORPUS / "docx"
FILES = sorted(DOCX_DIR.glob("*.docx")) if DOCX_DIR.is_dir() else []

pytestmark = pytest.mark.corpus


def load(name: str) -> Document:
    path = DOCX_DIR / name
    if not path.is_file():
        pytest.skip(f"corpus file {name} not present")
    return docextract.parse(path)


def texts(doc: Document, role: Role) -> list[str]:
    return [p.text for p in doc.paragraphs(roles={role})]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_file_parses_and_round_trips(path: Path) -> None:
    doc = docextract.parse(path)
    assert doc.format == "docx"
    assert load_document(doc.to_json()) == doc
    for block in doc.iter_blocks():
        if block.prov.span is not None:
            start, end = block.prov.span
            if block.kind == "paragraph":
                assert doc.text[start:end] == block.text


def test_corpus_present_or_skipped() -> None:
    if not FILES:
        pytest.skip(f"public corpus not present at {DOCX_DIR}")
    assert len(FILES) >= 9


def test_tables() -> None:
    doc = load("mammoth_tables.docx")
    above, table, below = doc.blocks
    assert (above.text, below.text) == ("Above", "Below")
    assert isinstance(table, Table) and (table.n_rows, table.n_cols) == (2, 2)
    assert [[c.text for c in row] for row in table.rows] == [["Top left", "Top right"],
                                                             ["Bottom left", "Bottom right"]]
    assert "| Top left | Top right |" in doc.to_markdown()


def test_footnotes() -> None:
    doc = load("mammoth_footnotes.docx")
    assert [b.text for b in doc.blocks][0] == "Ouch."
    assert texts(doc, Role.FOOTNOTE) == ["A tachyon walks into a bar.", "Fin."]
    assert doc.metadata.author == "Michael Williamson"


def test_endnotes() -> None:
    doc = load("mammoth_endnotes.docx")
    assert texts(doc, Role.BODY) == ["Ouch."]
    assert texts(doc, Role.ENDNOTE) == ["A tachyon walks into a bar.", "Fin."]


def test_comments() -> None:
    doc = load("mammoth_comments.docx")
    (body,) = doc.paragraphs(roles={Role.BODY})
    assert body.text == "Ouch."
    assert [(a.kind, a.name, body.text[a.start:a.end]) for a in body.annotations] == [
        ("comment", "0", "Ouch")]
    assert texts(doc, Role.COMMENT) == ["A tachyon walks into a bar.", "Fin."]


def test_text_box() -> None:
    doc = load("mammoth_text-box.docx")
    assert texts(doc, Role.TEXTBOX) == ["Datum plane"]
    assert doc.text == "Datum plane\n"  # the DrawingML and VML copies are read once


def test_strict_format() -> None:
    doc = load("mammoth_strict-format.docx")
    assert [b.text for b in doc.blocks] == ["Test"]
    assert doc.metadata.author == "Tom Chantry"
    assert doc.metadata.page_count == 1


def test_empty() -> None:
    doc = load("mammoth_empty.docx")
    assert doc.blocks == [] and doc.text == ""


def test_utf8_bom() -> None:
    doc = load("mammoth_utf8-bom.docx")
    assert doc.text == "This XML has a byte order mark.\n"


def test_simple_list_markers() -> None:
    doc = load("mammoth_simple-list.docx")
    assert [b.text for b in doc.blocks] == ["• Apple", "• Banana"]
    assert {b.style for b in doc.blocks} == {"List Paragraph"}
