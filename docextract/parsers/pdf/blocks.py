"""One page's content as model blocks: header rows, body paragraphs and tables, footer rows."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Union

from ...model import BBox, Cell, Paragraph, Provenance, Role, Table
from ..headings import Look, Looks
from .borderless import find_borderless
from .compact import ink_heights
from .glyphs import Glyph
from .grid import find_grids
from .layout import reading_order
from .lines import Line, group_rows, is_centred, merge_line, split_pieces
from .paragraphs import ParagraphDraft, build_paragraphs
from .page import PageContent
from .tables import CellBox, TableBox
from .wrap import WrapPolicy

Block = Union[Paragraph, Table]
MAX_LAYOUT_ITEMS = 2_000
LABEL_GAP = 2.0  # line heights: a wider gap in a row separates a label from its value
CELL_PADDING = 6.0  # points: upper bound of the inner margin HWP and Word leave in a cell


def _bbox(box: tuple[float, float, float, float]) -> BBox:
    return BBox(x0=round(box[0], 2), top=round(box[1], 2), x1=round(box[2], 2), bottom=round(box[3], 2))


def _paragraph(text: str, box: tuple[float, float, float, float], page: int,
               role: Role = Role.BODY) -> Paragraph:
    return Paragraph(text=text, role=role, prov=Provenance(page=page, bbox=_bbox(box)))


@dataclass
class PageLayout:
    """A page in reading order: header rows, body lines and tables, footer rows."""

    number: int
    headers: list[Line]
    sequence: list[Union[Line, TableBox]]
    footers: list[Line]

    def body_lines(self) -> list[Line]:
        return [item for item in self.sequence if isinstance(item, Line)]

    def cell_runs(self) -> list[list[Line]]:
        """The lines of every table cell on the page (nested tables included), one list
        per run of lines that no nested table interrupts."""
        runs: list[list[Line]] = []
        tables = [item for item in self.sequence if isinstance(item, TableBox)]
        while tables:
            for cell in tables.pop().cells:
                run: list[Line] = []
                for item in _cell_sequence(cell):
                    if isinstance(item, TableBox):
                        runs.append(run)
                        run = []
                        tables.append(item)
                    else:
                        run.append(item)
                runs.append(run)
        return [run for run in runs if run]


def layout_page(page: PageContent, marks: dict[int, Role], text_box: tuple[float, float]) -> PageLayout:
    """Put a page's furniture aside and its body in reading order."""
    headers = sorted((page.rows[i] for i, role in marks.items() if role is Role.HEADER), key=lambda r: r.top)
    footers = sorted((page.rows[i] for i, role in marks.items() if role is Role.FOOTER), key=lambda r: r.top)
    body_rows = [row for i, row in enumerate(page.rows) if i not in marks]
    borderless, body_rows = find_borderless(body_rows, page.tables)
    grids, body_rows = find_grids(body_rows, [*page.tables, *borderless])
    return PageLayout(page.number, headers,
                      _body_sequence(body_rows, [*page.tables, *borderless, *grids], text_box), footers)


def page_blocks(layout: PageLayout, policy: WrapPolicy, looks: Looks | None = None) -> list[Block]:
    """Blocks of a page in reading order: its headers first, its footers last. The look
    of each body paragraph (for heading detection) is noted in ``looks``."""
    blocks: list[Block] = [_paragraph(r.text, r.box, layout.number, Role.HEADER)
                           for r in layout.headers if r.text]
    blocks.extend(_emit(layout.sequence, layout.number, policy, looks))
    blocks.extend(_paragraph(r.text, r.box, layout.number, Role.FOOTER)
                  for r in layout.footers if r.text)
    return blocks


def _body_sequence(rows: list[Line], tables: list[TableBox],
                   text_box: tuple[float, float]) -> list[Union[Line, TableBox]]:
    """Body lines and tables in reading order; ``text_box`` is where full lines start and end."""
    glyphs = [list(row.glyphs) for row in rows]  # once: a compacted row makes them anew each pass
    heights = [g.bottom - g.top for row in glyphs for g in row if g.text != " "]
    text_height = median(heights) if heights else None
    pieces = [piece for row, row_glyphs in zip(rows, glyphs) for piece in _pieces(row, row_glyphs, text_height)]
    items: list[Union[Line, TableBox]] = [*pieces, *tables]
    if not items:
        return []
    boxes = [it.box if isinstance(it, Line) else it.bbox for it in items]
    heights = [p.height for p in pieces]
    gutter = max(6.0, 0.8 * median(heights)) if heights else 6.0
    sequence: list[Union[Line, TableBox]] = []
    for leaf in reading_order(boxes, gutter, MAX_LAYOUT_ITEMS):
        edges = text_box if leaf.column == 0 else (leaf.column_box[0], leaf.column_box[2])
        row: list[Line] = []
        for index in leaf.items:
            item = items[index]
            if isinstance(item, TableBox):
                _flush_row(row, sequence, leaf.column, edges)
                sequence.append(item)
                continue
            if row and not _same_row(row[-1], item):
                _flush_row(row, sequence, leaf.column, edges)
            row.append(item)
        _flush_row(row, sequence, leaf.column, edges)
    return sequence


def _pieces(row: Line, glyphs: list[Glyph], text_height: float | None) -> list[Line]:
    """The row (its ``glyphs`` listed) cut at wide gaps (:func:`.lines.split_pieces`). A
    row that stays whole is its own line: building it again from the same glyphs gives
    the same line, and most rows stay whole (nothing has written to a row's line before
    the layout)."""
    cut = split_pieces(glyphs, text_height)
    if len(cut) == 1 and len(cut[0]) == len(glyphs):
        return [row]
    return [Line(p) for p in cut]


def _same_row(a: Line, b: Line) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap > 0.5 * min(a.height, b.height)


def _flush_row(row: list[Line], sequence: list[Union[Line, TableBox]], column: int,
               edges: tuple[float, float]) -> None:
    """Emit a row's pieces as lines: one line, unless a gap wider than LABEL_GAP line
    heights separates a label from its value (``수신      수신자 참조`` in a borderless
    table), which are separate paragraphs as in the DOCX or HWP original."""
    if not row:
        return
    row.sort(key=lambda p: p.x0)
    groups: list[list[Line]] = [[row[0]]]
    for piece in row[1:]:
        prev = groups[-1][-1]
        if piece.x0 - prev.x1 > LABEL_GAP * max(prev.height, piece.height):
            groups.append([])
        groups[-1].append(piece)
    for group in groups:
        line = merge_line(group)
        line.column = column
        line.left_edge = min(edges[0], line.x0)
        line.right_edge = max(edges[1], line.x1)
        sequence.append(line)
    row.clear()


def _emit(sequence: list[Union[Line, TableBox]], page_no: int, policy: WrapPolicy,
          looks: Looks | None = None) -> list[Block]:
    blocks: list[Block] = []
    run: list[Line] = []
    for item in sequence:
        if isinstance(item, TableBox):
            blocks.extend(_drafts_to_blocks(build_paragraphs(run, policy), page_no, looks))
            run = []
            blocks.append(table_block(item, page_no, policy))
        else:
            run.append(item)
    blocks.extend(_drafts_to_blocks(build_paragraphs(run, policy), page_no, looks))
    return blocks


def _drafts_to_blocks(drafts: list[ParagraphDraft], page_no: int, looks: Looks | None) -> list[Block]:
    blocks: list[Block] = []
    for draft in drafts:
        if not draft.text:
            continue
        paragraph = _paragraph(draft.text, draft.bbox, page_no)
        if looks is not None:
            looks.note(paragraph, draft_look(draft))
        blocks.append(paragraph)
    return blocks


def draft_look(draft: ParagraphDraft) -> Look:
    """The paragraph's glyph size (median box height), bold when most of its glyphs are,
    centred when all its lines are."""
    heights: list[float] = []
    bold_count = 0
    for line in draft.lines:
        line_heights, line_bold = ink_heights(line.glyphs)
        heights += line_heights
        bold_count += line_bold
    if not heights:
        return Look()
    heights.sort()
    bold = bold_count * 5 >= 3 * len(heights)
    return Look(size=round(heights[len(heights) // 2], 2), bold=bold,
                centred=all(is_centred(line) for line in draft.lines))


def table_block(table: TableBox, page_no: int, policy: WrapPolicy) -> Table:
    """A model Table from table geometry; cell text is built like body text."""
    rows: list[list[Cell]] = [[] for _ in range(table.n_rows)]
    for c in table.cells:
        rows[c.row].append(Cell(row=c.row, col=c.col, row_span=c.row_span, col_span=c.col_span,
                                blocks=_cell_blocks(c, page_no, policy),
                                prov=Provenance(page=page_no, bbox=_bbox(c.bbox))))
    return Table(n_rows=table.n_rows, n_cols=table.n_cols, rows=rows,
                 prov=Provenance(page=page_no, bbox=_bbox(table.bbox)))


def _cell_blocks(cell: CellBox, page_no: int, policy: WrapPolicy) -> list[Block]:
    return _emit(_cell_sequence(cell), page_no, policy)


def _cell_sequence(cell: CellBox) -> list[Union[Line, TableBox]]:
    """The cell's lines and nested tables, top to bottom."""
    return sorted([*cell_lines(cell), *cell.nested],
                  key=lambda it: it.top if isinstance(it, Line) else it.bbox[1])


def cell_lines(cell: CellBox) -> list[Line]:
    """The cell's text lines, their margins at the cell's inner edges (built once)."""
    if cell.lines is None:
        lines = [Line(r, cell.spread) for r in group_rows(cell.glyphs) if any(g.text != " " for g in r)]
        if lines:
            pad = min(CELL_PADDING, max(0.5, min(x.x0 for x in lines) - cell.bbox[0]))
            for line in lines:
                line.left_edge = min(cell.bbox[0] + pad, line.x0)
                line.right_edge = max(cell.bbox[2] - pad, line.x1)
                line.in_cell = True
            ends = [line.glyphs[-1].x0 for line in lines[:-1] if line.trailing_space]
            for line in lines:
                line.cell_space_x0 = max(ends) if ends else None
        cell.lines = lines
    return cell.lines


__all__ = ["PageLayout", "cell_lines", "layout_page", "page_blocks", "table_block"]
