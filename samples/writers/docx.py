"""DOCX rendering of sample documents with python-docx (merged cells via ``Cell.merge``).

Headers, footers and comments go through python-docx; footnotes, which it does not write,
are a ``word/footnotes.xml`` part added to the package, and the Company property is set in
``docProps/app.xml``. Documents without them are written exactly as before.
"""

from __future__ import annotations

import io
from datetime import datetime

from xml.sax.saxutils import escape

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
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


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


class _Notes:
    """Footnotes collected while writing, then stored as the package's footnotes part."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def anchor(self, paragraph, text: str) -> None:
        self.texts.append(text)
        ref = parse_xml(f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                        f'<w:footnoteReference w:id="{len(self.texts)}"/></w:r>')
        paragraph._p.append(ref)

    def attach(self, document) -> None:
        if not self.texts:
            return
        notes = "".join(
            f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r>'
            f'</w:p></w:footnote>' for i, text in enumerate(self.texts, 1))
        xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
               '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
               '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
               f'<w:continuationSeparator/></w:r></w:p></w:footnote>{notes}</w:footnotes>')
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, xml.encode("utf-8"),
                    document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)


def _with_company(app_xml: bytes, company: str) -> bytes:
    return app_xml.replace(b"</Properties>",
                           f"<Company>{escape(company)}</Company></Properties>".encode("utf-8"))


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
    notes = _Notes()
    for block in doc.blocks:
        if isinstance(block, Para):
            paragraph = document.add_paragraph()
            _fill_paragraph(paragraph, block)
            if block.footnote:
                notes.anchor(paragraph, block.footnote)
            if block.comment:
                document.add_comment(paragraph.runs, text=block.comment, author=doc.author,
                                     initials=doc.author[:1])
        else:
            if block.lead is not None:
                _fill_paragraph(document.add_paragraph(), block.lead)
            _add_table(document, block, text_width)
    if doc.header:
        _fill_paragraph(section.header.paragraphs[0], Para(doc.header, size="small"))
    if doc.footer:
        _fill_paragraph(section.footer.paragraphs[0], Para(doc.footer, size="small"))
    notes.attach(document)
    buf = io.BytesIO()
    document.save(buf)
    changes = {"docProps/app.xml": lambda xml: _with_company(xml, doc.company)} if doc.company else None
    return refreeze(buf.getvalue(), changes)
