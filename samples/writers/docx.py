"""DOCX rendering of sample documents with python-docx (merged cells via ``Cell.merge``)."""

from __future__ import annotations

import io
from datetime import datetime

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..layout import Doc, Para, Table
from .zipfix import refreeze

FONT = "바탕"
SIZES = {"normal": 11, "large": 16, "small": 9}
ALIGN = {"left": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT}
CHAR_WIDTH = Pt(11)  # one 타 at the body size


def _set_font(run, size: int, bold: bool) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold or None
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), FONT)


def _fill_paragraph(paragraph, para: Para) -> None:
    paragraph.alignment = ALIGN[para.align]
    fmt = paragraph.paragraph_format
    fmt.space_after = Pt(0)
    fmt.space_before = Pt(8) if para.space_before else Pt(0)
    if para.indent or para.hanging:
        fmt.left_indent = CHAR_WIDTH * (para.indent + para.hanging)
        if para.hanging:
            fmt.first_line_indent = -CHAR_WIDTH * para.hanging
    run = paragraph.add_run(para.text)
    _set_font(run, SIZES[para.size], para.bold)


def _add_table(document, table: Table, text_width) -> None:
    grid = document.add_table(rows=table.n_rows, cols=table.n_cols)
    if table.borders:
        grid.style = "Table Grid"
    for c, frac in enumerate(table.widths):
        for cell in grid.columns[c].cells:
            cell.width = int(text_width * frac)
    for spec in table.cells:
        cell = grid.cell(spec.row, spec.col)
        if spec.row_span > 1 or spec.col_span > 1:
            cell = cell.merge(grid.cell(spec.row + spec.row_span - 1, spec.col + spec.col_span - 1))
        first = True
        for para in spec.paras:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            _fill_paragraph(paragraph, para)


def render(doc: Doc) -> bytes:
    """The document as DOCX bytes (A4, 20 mm margins, fixed core properties)."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    text_width = section.page_width - section.left_margin - section.right_margin
    fixed = datetime(2025, 1, 1)
    props = document.core_properties
    props.title, props.author, props.last_modified_by = doc.title, doc.author, doc.author
    props.created = props.modified = props.last_printed = fixed
    props.revision = 1
    for block in doc.blocks:
        if isinstance(block, Para):
            _fill_paragraph(document.add_paragraph(), block)
        else:
            if block.lead is not None:
                _fill_paragraph(document.add_paragraph(), block.lead)
            _add_table(document, block, text_width)
    buf = io.BytesIO()
    document.save(buf)
    return refreeze(buf.getvalue())
