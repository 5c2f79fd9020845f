"""PDF rendering with fpdf2 and Debian's Nanum fonts: A4 pages, long lines wrapped at word
boundaries with the hanging indent HWP uses after an item marker, tables drawn with ruling lines
and merged cells. Metadata and the creation date are fixed so the output is repeatable.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

from ..layout import Doc, Para, Table

FONT_DIRS = (Path("/usr/share/fonts/truetype/nanum"), Path("/usr/share/fonts/nanum"))
REGULAR, BOLD = "NanumGothic.ttf", "NanumGothicBold.ttf"  # cover 代, ★, □, ㅇ and U+2010
SIZES = {"normal": 11, "large": 16, "small": 9}
MARGIN = 20.0          # mm
LINE = 1.6             # line height as a multiple of the font size
PT = 25.4 / 72         # mm per point


# fontTools reports every table it drops while subsetting; that is expected for these fonts.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)


class FontMissing(RuntimeError):
    """The Nanum TTF fonts are not installed (Debian package fonts-nanum)."""


def font_path(name: str) -> Path:
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise FontMissing(f"{name} not found; install it with: apt-get install -y fonts-nanum")


class _Writer:
    def __init__(self, doc: Doc) -> None:
        pdf = FPDF(format="A4", unit="mm")
        pdf.set_margins(MARGIN, MARGIN, MARGIN)
        pdf.set_auto_page_break(False)
        pdf.add_font("Nanum", "", str(font_path(REGULAR)))
        pdf.add_font("Nanum", "B", str(font_path(BOLD)))
        fixed = datetime(2025, 1, 1, tzinfo=timezone.utc)
        pdf.set_creation_date(fixed)
        pdf.set_title(doc.title)
        pdf.set_author(doc.author)
        pdf.set_creator("docextract samples")
        pdf.set_producer("docextract samples")
        self.pdf = pdf
        self.doc = doc
        self.notes: list[str] = []
        self.width = pdf.w - 2 * MARGIN
        self._new_page()

    def _new_page(self) -> None:
        """A new page, with the document's header and footer lines when it has them."""
        self.pdf.add_page()
        self.y = MARGIN
        small = Para("", size="small")
        for text, y in ((self.doc.header, MARGIN / 2), (self.doc.footer, self.pdf.h - MARGIN / 2)):
            if text:
                self._font(small)
                self.pdf.text(MARGIN, y, text)

    def footnotes(self) -> None:
        """The collected footnotes at the foot of the current page, numbered 1), 2) …"""
        small = Para("", size="small")
        line_h = self._font(small)
        y = self.pdf.h - MARGIN - line_h * len(self.notes)
        for i, text in enumerate(self.notes, 1):
            self._font(small)
            self.pdf.text(MARGIN, y + line_h * 0.72, f"{i}) {text}")
            y += line_h

    def _font(self, para: Para) -> float:
        size = SIZES[para.size]
        self.pdf.set_font("Nanum", "B" if para.bold else "", size)
        return size * PT * LINE

    def wrap(self, para: Para, width: float) -> list[tuple[float, str]]:
        """(x offset, text) of each printed line of ``para`` within ``width`` mm."""
        self._font(para)
        char = SIZES["normal"] * PT
        first_x = para.indent * char
        rest_x = (para.indent + para.hanging) * char
        words = para.text.split(" ")
        lines: list[tuple[float, str]] = []
        current = ""
        x = first_x
        for word in words:
            candidate = word if not current else current + " " + word
            if self.pdf.get_string_width(candidate) <= width - x:
                current = candidate
                continue
            if current:
                lines.append((x, current))
                current, x = word, rest_x
            else:
                current = word
            # a word wider than the line (an e-mail in a narrow cell) is cut between
            # characters, as HWP does; a single character that does not fit stays whole
            while len(current) > 1 and self.pdf.get_string_width(current) > width - x:
                cut = self._fit(current, width - x)
                lines.append((x, current[:cut]))
                current, x = current[cut:], rest_x
        lines.append((x, current))
        return lines

    def _fit(self, text: str, width: float) -> int:
        n = len(text)
        while n > 1 and self.pdf.get_string_width(text[:n]) > width:
            n -= 1
        return n

    def _ensure(self, height: float) -> None:
        if self.y + height > self.pdf.h - MARGIN:
            self._new_page()

    def paragraph(self, para: Para, x0: float, width: float, *, draw: bool = True) -> float:
        """Print ``para`` at the current y (or only measure it); returns its height."""
        line_h = self._font(para)
        lines = self.wrap(para, width)
        before = 2.5 if para.space_before else 0.0
        height = before + line_h * len(lines)
        if not draw:
            return height
        self._ensure(height)
        self._font(para)
        y = self.y + before
        for dx, text in lines:
            tw = self.pdf.get_string_width(text)
            if para.align == "center":
                x = x0 + (width - tw) / 2
            elif para.align == "right":
                x = x0 + width - tw
            else:
                x = x0 + dx
            self.pdf.text(x, y + line_h * 0.72, text)
            y += line_h
        self.y += height
        return height

    def table(self, table: Table) -> None:
        pad = 1.5
        col_w = [self.width * f for f in table.widths]
        col_x = [MARGIN + sum(col_w[:i]) for i in range(table.n_cols + 1)]
        heights = [0.0] * table.n_rows
        for cell in table.cells:
            w = col_x[cell.col + cell.col_span] - col_x[cell.col] - 2 * pad
            h = sum(self.paragraph(p, 0, w, draw=False) for p in cell.paras) + 2 * pad
            per_row = h / cell.row_span
            for r in range(cell.row, cell.row + cell.row_span):
                heights[r] = max(heights[r], per_row)
        self._ensure(sum(heights))
        row_y = [self.y + sum(heights[:i]) for i in range(table.n_rows + 1)]
        self.pdf.set_line_width(0.2)
        for cell in table.cells:
            x0, x1 = col_x[cell.col], col_x[cell.col + cell.col_span]
            y0, y1 = row_y[cell.row], row_y[cell.row + cell.row_span]
            if table.borders:
                self.pdf.rect(x0, y0, x1 - x0, y1 - y0)
            content = sum(self.paragraph(p, 0, x1 - x0 - 2 * pad, draw=False) for p in cell.paras)
            saved = self.y
            self.y = y0 + (y1 - y0 - content) / 2     # cells are vertically centred, as in HWP
            for p in cell.paras:
                self.paragraph(p, x0 + pad, x1 - x0 - 2 * pad)
            self.y = saved
        self.y = row_y[-1] + 4.0   # the anchoring paragraph's spacing, as in HWP exports


def render(doc: Doc) -> bytes:
    """The document as PDF bytes."""
    writer = _Writer(doc)
    for block in doc.blocks:
        if isinstance(block, Para):
            writer.paragraph(block, MARGIN, writer.width)
            if block.footnote:
                writer.notes.append(block.footnote)
        else:
            if block.lead is not None:
                writer.paragraph(block.lead, MARGIN, writer.width)
            writer.table(block)
    if writer.notes:
        writer.footnotes()
    return bytes(writer.pdf.output())
