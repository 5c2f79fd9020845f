"""How the word-processor parsers (HWP, HWPX, DOCX) turn what they read into blocks.

The formats differ in how they store a paragraph, but not in how its content reads, so
the rules that decide the blocks live here once:

* :func:`place_anchored`: where a paragraph's text goes around the tables, drawings and
  text boxes it anchors, and :func:`slice_annotations` for the pieces it is cut into;
* :func:`lay_out_table`: cells on a grid, spans clipped to it, hostile addresses ignored;
* :class:`BlockBudget`: every block and cell of a document counted against
  ``limits.max_blocks``;
* the block builders (:func:`paragraph`, :func:`cell`, :func:`table`, :func:`annotation`),
  which take every field so that nothing is validated per block on the hot paths;
* :func:`collector_paused`: the garbage collector held off while a parse builds its tree.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import attrgetter
from typing import Callable

from ..errors import LimitExceeded
from ..model import Annotation, AnnotationKind, Cell, Paragraph, Provenance, Role, Table
from .base import ParseContext

Block = Paragraph | Table

# A table's grid is a small multiple of its cell count (merged cells cover a few slots
# each); a grid far larger than that comes from corrupt or hostile addresses.
GRID_SLOTS_PER_CELL = 64
GRID_SLOTS_SLACK = 4096
# The deadline is checked once per this many blocks made.
_TIME_CHECK_MASK = 0x3FF


# builders ------------------------------------------------------------------------------
#
# Calling a model class with keywords costs Python 3.11 a dict of the keywords on every
# call (type.__call__ hands them to __init__ as one). Allocating the object and calling
# the class's own dataclass __init__ passes them as they are, at about half the cost on
# a parse's hottest lines, with the same fields and defaults.

_new = object.__new__
_init_provenance = Provenance.__init__
_init_paragraph = Paragraph.__init__
_init_cell = Cell.__init__
_init_table = Table.__init__


def paragraph(text: str, role: Role, style: str | None, outline_level: int | None,
              annotations: list[Annotation], section: int, page: int | None) -> Paragraph:
    """A paragraph block with every field given (path and span come from Document.assemble)."""
    prov = _new(Provenance)
    _init_provenance(prov, section=section, page=page)
    block = _new(Paragraph)
    _init_paragraph(block, text=text, role=role, style=style, outline_level=outline_level,
                    annotations=annotations, prov=prov)
    return block


def cell(row: int, col: int, row_span: int, col_span: int, blocks: list[Block],
         section: int) -> Cell:
    """A table cell anchored at (row, col). A cell has no page of its own: a table may
    run over several pages, and its paragraphs carry theirs."""
    prov = _new(Provenance)
    _init_provenance(prov, section=section)
    made = _new(Cell)
    _init_cell(made, row=row, col=col, row_span=row_span, col_span=col_span, blocks=blocks,
               prov=prov)
    return made


def table(n_rows: int, n_cols: int, rows: list[list[Cell]], role: Role, section: int,
          page: int | None) -> Table:
    """A table block; ``rows[i]`` lists the cells anchored in grid row ``i``."""
    prov = _new(Provenance)
    _init_provenance(prov, section=section, page=page)
    block = _new(Table)
    _init_table(block, n_rows=n_rows, n_cols=n_cols, rows=rows, role=role, prov=prov)
    return block


def annotation(kind: AnnotationKind, name: str | None, start: int, end: int) -> Annotation:
    """A marked range inside a paragraph's text."""
    return Annotation(kind=kind, name=name, start=start, end=end)


# the block budget ----------------------------------------------------------------------

class BlockBudget:
    """Paragraphs, tables and cells made for one document, against ``limits.max_blocks``.

    One counter serves the whole document (every section, story and nesting level), so
    the limit bounds the size of the tree however the file spreads it out. The deadline
    (``timeout_seconds``) is checked every 1,024 blocks on the way.
    """

    __slots__ = ("made", "limit", "what", "check_time")

    def __init__(self, ctx: ParseContext, what: str) -> None:
        self.made = 0
        self.limit = ctx.limits.max_blocks
        self.what = what
        self.check_time = ctx.budget.check_time

    def count(self) -> None:
        """One more block or cell."""
        made = self.made = self.made + 1
        if made > self.limit:
            raise LimitExceeded(f"{self.what} has more than max_blocks={self.limit:,} blocks",
                                limit="max_blocks")
        if not made & _TIME_CHECK_MASK:
            self.check_time()

    def charge(self, n: int, what: str) -> None:
        """``n`` more at once, counted before they are made: a table's grid rows, which
        the file declares in a few bytes (one list each) however few cells it holds."""
        before, made = self.made, self.made + n
        if made > self.limit:
            raise LimitExceeded(f"{self.what} declares more than max_blocks={self.limit:,} "
                                f"blocks and table rows ({what})", limit="max_blocks")
        self.made = made
        if before >> 10 != made >> 10:
            self.check_time()


# text around anchored objects ------------------------------------------------------------

def slice_annotations(annotations: list[Annotation], start: int, end: int, *,
                      last: bool = True) -> list[Annotation]:
    """The annotations of the piece ``[start, end)`` of a paragraph's text, counted from the
    piece's start: those that begin inside it, cut at its end. A mark of no width at a cut
    goes with the piece after it; the ``last`` piece also keeps those at its end. The same
    list when the piece is the whole text."""
    if not start and last and not any(a.end > end for a in annotations):
        return annotations
    return [Annotation(kind=a.kind, name=a.name, start=a.start - start, end=min(a.end, end) - start)
            for a in annotations if start <= a.start < end or (last and a.start == end)]


def place_anchored(text: str, lead: int, anchors: Sequence[tuple[int, list[Block]]],
                   annotations: list[Annotation],
                   make: Callable[[str, list[Annotation]], Paragraph], out: list[Block]) -> None:
    """Append a paragraph and the objects it anchors to ``out`` in reading order.

    ``anchors`` are the blocks of each table, drawing or text box with the position of
    its anchor in ``text``, in text order. An object keeps its place in the running
    text: the text before it is a paragraph of its own ahead of it (``붙임 1. 현황표``
    then the table it introduces) and the text after it follows it. The first ``lead``
    characters are the paragraph's own number ("1. ") and never make a paragraph alone,
    so a numbered paragraph that opens with a table reads table first, then the whole
    numbered text. Blank pieces are dropped unless an annotation marks them.
    ``make(piece, annotations)`` builds one paragraph (and counts it).
    """
    cut = 0
    for pos, blocks in anchors:
        if text[cut:pos].strip() and not (cut == 0 and pos <= lead):
            _piece(text, cut, pos, annotations, make, out)
            cut = pos
        out.extend(blocks)
    _piece(text, cut, len(text), annotations, make, out)


def _piece(text: str, start: int, end: int, annotations: list[Annotation],
           make: Callable[[str, list[Annotation]], Paragraph], out: list[Block]) -> None:
    last = end == len(text)
    mine = slice_annotations(annotations, start, end, last=last) if annotations else annotations
    piece = text if last and not start else text[start:end]
    if mine or piece.strip():
        out.append(make(piece, mine))


# tables --------------------------------------------------------------------------------

class _NoCells(list):  # type: ignore[type-arg]
    """The row of a grid that anchors no cell. Every such row is this one list, so rows
    a file declares but never fills cost a pointer each, not a list each (3,000 tables
    declaring 4,000 rows made two million lists, 122 MiB, before ``max_blocks`` tripped);
    it refuses to be changed, so that one row filled by a caller cannot fill them all."""

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError("a table row without cells is shared and cannot be changed; "
                        "replace it with a new list")

    append = extend = insert = remove = pop = clear = sort = reverse = _refuse  # type: ignore[assignment]
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse  # type: ignore[assignment]


NO_CELLS: list[Cell] = _NoCells()


@dataclass(slots=True)
class CellDraft:
    """A cell as the file states it, before it is fitted to the grid.

    ``listed`` is where the file lists it (row of the listing, place in that row): the
    fallback position when the addresses cannot be trusted.
    """

    row: int
    col: int
    row_span: int
    col_span: int
    blocks: list[Block]
    listed: tuple[int, int]


def lay_out_table(cells: list[CellDraft], declared_rows: int, declared_cols: int, role: Role,
                  section: int, page: int | None, ctx: ParseContext, fmt: str,
                  budget: BlockBudget) -> Table:
    """The table of ``cells`` on a grid of the declared size.

    The declared size holds (empty slots included) and grows to take every anchor; a
    size not declared is where the spans reach. Spans are clipped to the grid. A grid
    out of proportion to the number of cells (see ``GRID_SLOTS_PER_CELL``) comes from
    damaged or hostile addresses: the cells are then placed where the file lists them,
    one slot each, with a ``{fmt}-table-grid`` warning, and in a single column if even
    that grid is too large, so the text is kept in document order on a bounded grid.
    The grid's rows are charged to the document's ``budget`` before they are made, so
    many tables that each declare thousands of rows end at ``max_blocks``.
    """
    n_rows, n_cols = _extent(cells, declared_rows, declared_cols)
    if _out_of_proportion(n_rows, n_cols, len(cells)):
        ctx.warn(f"{fmt}-table-grid", f"table with {len(cells)} cells declares a "
                 f"{n_rows}x{n_cols} grid; cell addresses ignored")
        for c in cells:
            c.row, c.col = c.listed
            c.row_span = c.col_span = 1
        n_rows, n_cols = _extent(cells, 0, 0)
        if _out_of_proportion(n_rows, n_cols, len(cells)):
            for i, c in enumerate(cells):
                c.row, c.col = i, 0
            n_rows, n_cols = len(cells), 1 if cells else 0
    budget.charge(n_rows, f"a {fmt} table of {n_rows:,} rows")
    rows: list[list[Cell]] = [NO_CELLS] * n_rows
    for c in cells:
        r, k = c.row, c.col
        row_span = c.row_span if c.row_span < n_rows - r else n_rows - r
        col_span = c.col_span if c.col_span < n_cols - k else n_cols - k
        row = rows[r]
        if row is NO_CELLS:
            row = rows[r] = []
        row.append(cell(r, k, row_span if row_span > 1 else 1, col_span if col_span > 1 else 1,
                        c.blocks, section))
    for row in rows:
        if len(row) > 1:
            row.sort(key=_COLUMN)  # stable: cells at one anchor keep the file's order
    return table(n_rows, n_cols, rows, role, section, page)


_COLUMN = attrgetter("col")


def _extent(cells: list[CellDraft], declared_rows: int, declared_cols: int) -> tuple[int, int]:
    """The declared size (else as far as the spans reach), grown to hold every anchor."""
    n_rows, n_cols = declared_rows, declared_cols
    if n_rows <= 0:
        n_rows = max((c.row + max(c.row_span, 1) for c in cells), default=0)
    if n_cols <= 0:
        n_cols = max((c.col + max(c.col_span, 1) for c in cells), default=0)
    for c in cells:
        if c.row >= n_rows:
            n_rows = c.row + 1
        if c.col >= n_cols:
            n_cols = c.col + 1
    return n_rows, n_cols


def _out_of_proportion(n_rows: int, n_cols: int, n_cells: int) -> bool:
    # a grid with no columns still makes one (empty) list per row
    return max(n_rows, 1) * max(n_cols, 1) > GRID_SLOTS_PER_CELL * n_cells + GRID_SLOTS_SLACK


# the garbage-collector pause --------------------------------------------------------------

_gc_lock = threading.Lock()
_gc_depth = 0  # parses currently running with the collector paused
_gc_paused_by_us = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a parser builds a document tree.

    A parse allocates tens of thousands of container objects that all stay alive until
    it returns and form no reference cycles, so every collection during the parse walks
    the growing tree and frees nothing; on large documents that was over a third of the
    parse time. Nested and concurrent parses share one pause (a counter under a lock),
    the collector is re-enabled when the last one ends, and never if the caller had it
    disabled already. Memory is still freed by reference counting meanwhile.
    """
    global _gc_depth, _gc_paused_by_us
    with _gc_lock:
        if _gc_depth == 0:
            _gc_paused_by_us = gc.isenabled()
            if _gc_paused_by_us:
                gc.disable()
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0 and _gc_paused_by_us:
                _gc_paused_by_us = False
                gc.enable()


__all__ = ["Block", "BlockBudget", "CellDraft", "annotation", "cell", "collector_paused",
           "lay_out_table", "paragraph", "place_anchored", "slice_annotations", "table"]
