"""Everything the parser needs from one PDF page, read in a single PDFium pass.

Characters are read once; ruling lines are read only from path objects, and pdfplumber's
table finder runs only when the page draws at least two horizontal and two vertical
edges. Glyphs inside table cells are taken out of the body here, so table text is never
repeated as paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from .glyphs import Glyph, PageFrame, read_glyphs
from .lines import Line, group_rows
from .rules import Drawing, TooManyRules, read_drawing
from .tables import (OpenEnd, TableBox, TooManyEdges, assign_glyphs, at_page_break,
                         drop_decorations, find_tables, merge_rules, open_ends)

MAX_CHARS_PER_PAGE = 200_000
MAX_SEGMENTS_PER_PAGE = 50_000
MAX_TABLE_EDGES = 2_000
MAX_TABLE_POINTS = 20_000
MAX_FORM_DEPTH = 8


@dataclass
class PageContent:
    """One page: size, body rows (table glyphs removed), tables, and what went wrong."""

    number: int
    width: float
    height: float
    rows: list[Line]
    tables: list[TableBox]
    has_text: bool
    has_images: bool
    problems: list[tuple[str, str]] = field(default_factory=list)
    # where a page break may have cut a table, and what finding the tables again needs
    # (kept only on pages that have such ends, until the document decides about them)
    open_ends: list[OpenEnd] = field(default_factory=list)
    drawn: tuple[list[dict[str, Any]], list[Glyph]] | None = field(default=None, repr=False)

    def close_cut_tables(self, cut: Sequence[OpenEnd]) -> None:
        """Find the tables again with the ``cut`` ends closed, and forget the drawing."""
        if cut and self.drawn is not None:
            edges, glyphs = self.drawn
            try:
                tables = drop_decorations(find_tables(edges, MAX_TABLE_POINTS, closed=cut), glyphs)
            except Exception:  # noqa: BLE001 - as on the first reading: the page keeps the tables it had
                tables = None
            if tables is not None:
                self.tables = tables
                self.rows = _rows(assign_glyphs(tables, glyphs))
        self.drawn = None


def read_page(pdf: Any, index: int, lock: Any) -> PageContent:
    """Read page ``index`` (0-based) of an open ``pypdfium2.PdfDocument``; PDFium is
    called only while ``lock`` is held, table finding runs after it is released."""
    problems: list[tuple[str, str]] = []
    with lock:
        page = pdf[index]
        try:
            frame = PageFrame(page.get_bbox(), page.get_rotation())
            textpage = page.get_textpage()
            try:
                glyphs, total = read_glyphs(textpage, frame, MAX_CHARS_PER_PAGE)
            finally:
                textpage.close()
            try:
                drawing: Drawing | None = read_drawing(page, frame, MAX_SEGMENTS_PER_PAGE, MAX_FORM_DEPTH)
            except TooManyRules:
                drawing = None
        finally:
            page.close()
    if total > MAX_CHARS_PER_PAGE:
        problems.append(("pdf-chars-truncated", f"page {index + 1} has {total:,} characters; only "
                         f"the first {MAX_CHARS_PER_PAGE:,} were read, the rest is missing"))
    has_images = False
    tables: list[TableBox] = []
    ends: list[OpenEnd] = []
    edges: list[dict[str, Any]] = []
    try:
        if drawing is None:
            raise TooManyRules()
        has_images = drawing.has_images
        if drawing.edges and glyphs:
            edges = merge_rules(drawing.edges, MAX_TABLE_EDGES)
            tables = drop_decorations(find_tables(edges, MAX_TABLE_POINTS), glyphs)
            ends = at_page_break(open_ends(edges), edges, glyphs)
    except (TooManyRules, TooManyEdges):
        has_images = True  # that much drawing without text (outlined glyphs) reads like a scan
        problems.append(("pdf-tables-skipped", f"page {index + 1} draws too many lines to "
                         "look for tables; its text is read as paragraphs"))
    except Exception as exc:  # pdfplumber's geometry code asserts on odd input
        problems.append(("pdf-tables-skipped", f"page {index + 1}: table finding failed "
                         f"({type(exc).__name__}); its text is read as paragraphs"))
        tables = []
        ends = []
    rows = _rows(assign_glyphs(tables, glyphs))
    return PageContent(index + 1, frame.width, frame.height, rows, tables,
                       has_text=any(g.text != " " for g in glyphs), has_images=has_images,
                       problems=problems, open_ends=ends,
                       drawn=(edges, glyphs) if ends else None)


def _rows(body: list[Glyph]) -> list[Line]:
    return [Line(r) for r in group_rows(body) if any(g.text != " " for g in r)]


__all__ = ["PageContent", "read_page"]
