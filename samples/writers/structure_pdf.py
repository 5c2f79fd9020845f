"""Print a :class:`samples.structure.StructureDoc` as a PDF with fpdf2.

A4, 20 mm margins, one or two columns (18 pt gutter); headings larger and bold (18, 14
and 12 pt over 10 pt text); paragraphs justified except their last line; tables with
their header row bold, ruled or without any line, cells padded (4-6 pt, so a borderless
table's columns stand 8-12 pt apart), numbers left- or right-aligned, text wrapped
inside narrow cells; ``- n -`` page numbers at the foot of every page.

Words are placed one by one. With ``space_glyphs`` each word but a line's last is drawn
with its space (``"word "``), as most producers do; without, only the words are drawn,
so the gaps between them are all a reader gets. English is set in the PDF core fonts
(Times, Helvetica), Korean in Debian's Nanum Gothic. Fixed metadata and creation date
make the bytes repeatable.
"""

from __future__ import annotations

from datetime import datetime, timezone

from fpdf import FPDF

from ..structure import Grid, Heading, StructureDoc
from .pdf import BOLD, REGULAR, font_path

BODY = 10.0
LEADING = 1.45
HEADING_SIZES = {1: 18.0, 2: 14.0, 3: 12.0}
MARGIN = 56.7  # 20 mm in points
GUTTER = 18.0
FOOTER_Y = 812.0


class _Writer:
    def __init__(self, doc: StructureDoc) -> None:
        pdf = FPDF(format="A4", unit="pt")
        pdf.set_auto_page_break(False)
        pdf.set_creation_date(datetime(2025, 1, 1, tzinfo=timezone.utc))
        pdf.set_title(doc.name)
        pdf.set_author("docextract samples")
        pdf.set_creator("docextract samples")
        pdf.set_producer("docextract samples")
        if doc.lang == "ko":
            pdf.add_font("Nanum", "", str(font_path(REGULAR)))
            pdf.add_font("Nanum", "B", str(font_path(BOLD)))
            self.family = "Nanum"
        else:
            self.family = "Times" if doc.columns == 1 else "Helvetica"
        self.pdf = pdf
        self.doc = doc
        self.width = (pdf.w - 2 * MARGIN - (doc.columns - 1) * GUTTER) / doc.columns
        self.column = 0
        self.page = 0
        self.y = 0.0
        self._new_page()

    # layout -----------------------------------------------------------------------

    def _new_page(self) -> None:
        self.pdf.add_page()
        self.page += 1
        self.column = 0
        self.y = MARGIN
        self._font(BODY, False)
        label = f"- {self.page} -"
        self.pdf.text((self.pdf.w - self.pdf.get_string_width(label)) / 2, FOOTER_Y, label)

    def _x(self) -> float:
        return MARGIN + self.column * (self.width + GUTTER)

    def _room(self, height: float) -> None:
        """Move to the next column or page unless ``height`` fits below y."""
        if self.y + height <= self.pdf.h - MARGIN - 20:
            return
        if self.column + 1 < self.doc.columns:
            self.column += 1
            self.y = MARGIN
        else:
            self._new_page()

    def _font(self, size: float, bold: bool) -> None:
        self.pdf.set_font(self.family, "B" if bold else "", size)

    def _lines(self, text: str, width: float) -> list[list[str]]:
        words = text.split(" ")
        lines: list[list[str]] = [[]]
        for word in words:
            trial = " ".join(lines[-1] + [word])
            if lines[-1] and self.pdf.get_string_width(trial) > width:
                lines.append([word])
            else:
                lines[-1].append(word)
        return lines

    def _draw_line(self, words: list[str], x: float, baseline: float, width: float,
                   justify: bool) -> None:
        pdf = self.pdf
        widths = [pdf.get_string_width(w) for w in words]
        space = pdf.get_string_width(" ")
        gap = space
        if justify and len(words) > 1:
            gap = max(space, (width - sum(widths)) / (len(words) - 1))
        for i, (word, w) in enumerate(zip(words, widths)):
            last = i == len(words) - 1
            pdf.text(x, baseline, word if last or not self.doc.space_glyphs else word + " ")
            x += w + gap

    # blocks -----------------------------------------------------------------------

    def heading(self, block: Heading) -> None:
        size = HEADING_SIZES[block.level]
        self._font(size, True)
        lines = self._lines(block.text, self.width)
        self._room(size * 1.8 + len(lines) * size * 1.3 + 2 * BODY * LEADING)
        self._font(size, True)  # a new page sets the page number's font
        self.y += size * 0.8
        for words in lines:
            self._draw_line(words, self._x(), self.y + size, self.width, False)
            self.y += size * 1.3
        self.y += 4

    def paragraph(self, text: str) -> None:
        self._font(BODY, False)
        lead = BODY * LEADING
        lines = self._lines(text, self.width)
        for i, words in enumerate(lines):
            self._room(lead)
            self._draw_line(words, self._x(), self.y + BODY, self.width, i < len(lines) - 1)
            self.y += lead
        self.y += 6

    def table(self, grid: Grid) -> None:
        pdf = self.pdf
        pad = self.doc.pad
        n = len(grid.rows[0])
        natural = []
        for col in range(n):
            best = 0.0
            for r, row in enumerate(grid.rows):
                self._font(BODY, r == 0)
                best = max(best, pdf.get_string_width(row[col]))
            natural.append(best + 2 * pad)
        # the text shrinks to fit, the padding does not: columns stay 2 pad apart
        scale = min(1.0, (self.width - 2 * pad * n) / (sum(natural) - 2 * pad * n))
        widths = [(w - 2 * pad) * scale + 2 * pad for w in natural]
        lead = BODY * LEADING
        cells = []
        heights = []
        for r, row in enumerate(grid.rows):
            self._font(BODY, r == 0)
            wrapped = [self._lines(text, w - 2 * pad) for text, w in zip(row, widths)]
            cells.append(wrapped)
            heights.append(max(len(c) for c in wrapped) * lead + 2 * pad)
        self._room(sum(heights) + 8)
        self.y += 4
        pdf.set_line_width(0.5)
        x0 = self._x()
        for r, row in enumerate(cells):
            self._font(BODY, r == 0)
            x = x0
            for wrapped, w in zip(row, widths):
                if self.doc.ruled:
                    pdf.rect(x, self.y, w, heights[r])
                for k, words in enumerate(wrapped):
                    left = x + pad
                    text_width = pdf.get_string_width(" ".join(words))
                    if self.doc.numbers_right and r > 0 and _numeric(" ".join(words)):
                        left = x + w - pad - text_width
                    self._draw_line(words, left, self.y + pad + k * lead + BODY, w - 2 * pad, False)
                x += w
            self.y += heights[r]
        self.y += 10


def _numeric(text: str) -> bool:
    return bool(text) and all(ch.isdigit() or ch in ",.%" for ch in text)


def render_structure(doc: StructureDoc) -> bytes:
    """The document as PDF bytes."""
    writer = _Writer(doc)
    for block in doc.blocks:
        if isinstance(block, Heading):
            writer.heading(block)
        elif isinstance(block, Grid):
            writer.table(block)
        else:
            writer.paragraph(block.text)
    return bytes(writer.pdf.output())


__all__ = ["render_structure"]
