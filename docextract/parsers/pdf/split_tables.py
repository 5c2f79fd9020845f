"""Tables that run over a page break, put back together.

A table cut by a page break ends one page and opens the next with the same columns.
Hangul draws no border at the cut, so :func:`cut_ends` first closes the open ends that
meet across a page break (the bottom of one page's column rules and the top of the
next page's, at the same positions), and each page then holds one piece of the table.

The next page's piece is appended to the previous page's table when nothing but running
headers and footers lies between them, their column borders match, and the page break
left both ends open. Tables closed on both sides stay apart even when they share their
columns and first row: one requirement table per page in an RFP looks exactly like a
table continued under a repeated header row (Hangul's 제목 줄 반복).

When the break cut through a row, the second piece's first row is the rest of that row:
each of its cells' blocks go into the cell above it, and a paragraph the break cut is
joined like one broken across a line. Cells keep their own page; the joined table keeps
the page and box of its first piece.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional

from ...model import Cell, Paragraph, Role, Table
from .lines import Line, continues_on_next_page
from .page import PageContent
from .tables import CellBox, OpenEnd, TableBox
from .wrap import WrapPolicy

SAME_BORDER = 2.0  # points: column borders this close are the same border
_FURNITURE = (Role.HEADER, Role.FOOTER)


def _is_furniture(block: Any) -> bool:
    return isinstance(block, Paragraph) and block.role in _FURNITURE


def last_table(blocks: list[Any]) -> Optional[Table]:
    """The table that ends ``blocks`` (running headers and footers aside), if one does."""
    for block in reversed(blocks):
        if not _is_furniture(block):
            return block if isinstance(block, Table) else None
    return None


def cut_ends(pages: Iterable[PageContent]) -> Iterator[PageContent]:
    """Close the open table ends that a page break cut, on every page, and find those
    pages' tables again: an open bottom is a cut when the next page opens with an open
    top at the same column rules, and that top is a cut too. Pages come and go one at a
    time: each is given back once the page after it has been seen."""
    previous: Optional[PageContent] = None
    previous_cuts: list[OpenEnd] = []
    for page in pages:
        cuts: list[OpenEnd] = []
        if previous is not None:
            bottoms, tops = break_cuts(previous, page)
            previous_cuts += bottoms
            cuts += tops
            previous.close_cut_tables(previous_cuts)
            yield previous
        previous, previous_cuts = page, cuts
    if previous is not None:
        previous.close_cut_tables(previous_cuts)
        yield previous


def break_cuts(upper: PageContent, lower: PageContent) -> tuple[list[OpenEnd], list[OpenEnd]]:
    """The open bottoms of ``upper`` and the open tops of ``lower`` that the page break
    between them cut (see :func:`cut_ends`); nothing when a page between them is missing."""
    bottoms: list[OpenEnd] = []
    tops: list[OpenEnd] = []
    if lower.number != upper.number + 1:
        return bottoms, tops  # an unreadable page between them
    for bottom in (e for e in upper.open_ends if e.end == "bottom"):
        top = next((e for e in lower.open_ends if e.end == "top" and bottom.continues_as(e)), None)
        if top is not None:
            bottoms.append(bottom)
            tops.append(top)
    return bottoms, tops


@dataclass
class Cut:
    """The geometry on both sides of a page break that cut through a table row."""

    above: TableBox
    below: TableBox
    policy: WrapPolicy


def cut_between(before: Any, after: Any, policy: WrapPolicy) -> Optional[Cut]:
    """A :class:`Cut` when ``before`` (the last item of a page) and ``after`` (the first of
    the next) are tables left open at the break."""
    if isinstance(before, TableBox) and isinstance(after, TableBox) \
            and before.open_bottom and after.open_top:
        return Cut(before, after, policy)
    return None


def join_continued(previous: Optional[Table], page: list[Any], cut: Optional[Cut] = None) -> bool:
    """Append the table opening ``page`` to ``previous`` when it continues it (see the
    module docstring); the piece is removed from ``page``. True when joined."""
    if previous is None or not previous.rows:
        return False
    index = next((i for i, b in enumerate(page) if not _is_furniture(b)), None)
    if index is None or not isinstance(page[index], Table):
        return False
    piece: Table = page[index]
    if not piece.rows or piece.n_cols != previous.n_cols or not _same_columns(previous, piece):
        return False
    if cut is None:
        return False
    _complete_row(previous, piece.rows[0], cut)
    rows = piece.rows[1:]
    shift = previous.n_rows - (piece.n_rows - len(rows))
    for row in rows:
        for cell in row:
            cell.row += shift
        previous.rows.append(row)
    previous.n_rows += len(rows)
    del page[index]
    return True


def _complete_row(table: Table, first: list[Cell], cut: Cut) -> None:
    """Move the blocks of ``first`` (the rest of a row the break cut) into the cells of
    ``table``'s last row above them (the cell covering the same column, merged cells
    included), or, where that row has none, put the cell itself into that row."""
    last_row = table.n_rows - 1
    covering = [c for c in table.cells() if c.row <= last_row < c.row + c.row_span]
    for lower in first:
        if not lower.blocks:
            continue
        upper = next((c for c in covering if c.col <= lower.col < c.col + c.col_span), None)
        if upper is None:
            lower.row, lower.row_span = last_row, 1
            table.rows[-1].append(lower)
            table.rows[-1].sort(key=lambda c: c.col)
            continue
        a = _edge_line(cut.above, upper, last_line=True)
        b = _edge_line(cut.below, lower, last_line=False)
        head, tail = (upper.blocks[-1] if upper.blocks else None), lower.blocks[0]
        if a is not None and b is not None and isinstance(head, Paragraph) \
                and isinstance(tail, Paragraph) and continues_on_next_page(a, b):
            head.text = head.text + cut.policy.separator(a, b) + tail.text
            upper.blocks.extend(lower.blocks[1:])
        else:
            upper.blocks.extend(lower.blocks)


def _edge_line(box: TableBox, cell: Cell, *, last_line: bool) -> Optional[Line]:
    """The last (or first) text line of the geometric cell behind ``cell``."""
    row = box.n_rows - 1 if last_line else 0
    geometric: Optional[CellBox] = next(
        (c for c in box.cells if c.row <= row < c.row + c.row_span and c.col == cell.col), None)
    if geometric is None or not geometric.lines:
        return None
    return geometric.lines[-1] if last_line else geometric.lines[0]


def _borders(table: Table) -> list[float]:
    xs: list[float] = []
    for cell in table.cells():
        box = cell.prov.bbox
        if box is None:
            return []
        xs.extend((box.x0, box.x1))
    out: list[float] = []
    for x in sorted(xs):
        if not out or x - out[-1] > SAME_BORDER:
            out.append(x)
    return out


def _same_columns(a: Table, b: Table) -> bool:
    xa, xb = _borders(a), _borders(b)
    return bool(xa) and len(xa) == len(xb) and all(abs(p - q) <= SAME_BORDER for p, q in zip(xa, xb))


__all__ = ["Cut", "break_cuts", "cut_between", "cut_ends", "join_continued", "last_table"]
