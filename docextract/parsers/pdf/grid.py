"""Name grids: short entries set in a regular column grid without rules.

A list of names (``◯출석 위원``) is set in slots of one width, one name a slot, and each
name spread over its slot (distributed alignment, 배분 정렬): ``김 영 진`` with its letters
4 pt apart, ``박      정`` with one gap wider than the gutter between slots. Read as lines
of text, the spread letters look like words (a short line's letter gap is its own median)
and the rows like one wrapped line (``양경규우원식``); :mod:`.borderless` does not see the
grid either, because a spread two-letter name is two segments and a grid of two rows is
below its minimum. On a page's body rows (ruled and borderless tables already taken out):

1. Each row is cut into **runs** of ink at blanks of RUN_GAP line heights or more.
2. Two neighbouring rows (at most ROW_GAP line heights apart, of similar height) whose
   runs start at MIN_COLUMNS or more shared x positions, evenly spaced (the **comb**:
   first column and pitch, at least MIN_PITCH line heights), seed a grid. The comb with
   the most teeth wins, then the widest pitch: the letters of names spread alike in one
   column also start at shared positions, but closer and fewer.
3. The grid takes in the rows below and above that **fit** the comb: a run starts at a
   tooth, or inside the slot that the run before it opened (the second letter of a
   spread name); no run reaches into the next slot's gutter; the first slot is filled.
   Runs wholly left or right of the comb (a label, the page's other column) stay text.
   Most cells of a row must hold two letters or more: names spread alike in one column
   put their letters at shared, evenly spaced positions too, a comb of one letter a slot.
4. Each grid row is a table row, each slot a cell. A cell whose letters are spread
   evenly (equal blanks, no space glyph) and that fills its slot (ends where the grid's
   slots typically end) is **spread** (:attr:`.tables.CellBox.spread`): its letters
   spell one word, so ``박      정`` reads ``박정``.

Why a table: the source document (HWP, a 회의록) sets such a list as a table without
rules, one name a cell, so the PDF gives the same model, and readers of the model (the
attendee list of a minutes record) take one entry per cell in any format.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Optional, Sequence

from .glyphs import Glyph
from .lines import Line, ink_height, lines_without
from .tables import CellBox, TableBox

RUN_GAP = 0.7  # line heights: a wider blank between inks starts a new run
ROW_GAP = 1.0  # line heights: the widest blank between two rows of a grid
TOOTH = 0.25  # line heights: how far a run's start may stray from its column's
MIN_PITCH = 2.0  # line heights: a slot holds a word of two letters and a gutter
MIN_GUTTER = 0.3  # line heights: blank kept between a slot's text and the next slot
MIN_COLUMNS = 3  # teeth: two shared starts are any two lines' indents
EVEN = 0.1  # line heights: the blanks of spread letters are equal within this
MAX_RUNS = 24  # runs of a row past which it is no grid row (the comb search is cubic)
MAX_ROWS = 400  # body rows of a page past which no grid is looked for
MAX_PARTNERS = 4  # rows tried under a row: the page's other columns put theirs between


@dataclass
class _Run:
    glyphs: list[Glyph]
    x0: float
    x1: float


@dataclass
class _Row:
    line: Line
    runs: list[_Run]
    height: float


@dataclass
class _Comb:
    """Columns starting at ``start + k * pitch`` for ``k < teeth``."""

    start: float
    pitch: float
    teeth: int

    @property
    def end(self) -> float:
        return self.start + self.teeth * self.pitch

    def tooth(self, x: float, tol: float) -> Optional[int]:
        k = round((x - self.start) / self.pitch)
        if 0 <= k < self.teeth and abs(x - (self.start + k * self.pitch)) <= tol:
            return k
        return None


def find_grids(rows: list[Line], taken: Sequence[TableBox] = ()) -> tuple[list[TableBox], list[Line]]:
    """Name grids among a page's body rows, away from the tables already ``taken``, and
    the rows left over (a grid row keeps its glyphs left and right of the grid)."""
    if len(rows) < 2 or len(rows) > MAX_ROWS:
        return [], rows
    ordered = _Rows(sorted(rows, key=lambda r: r.top))
    tables: list[TableBox] = []
    used: set[Glyph] = set()
    grid_rows: set[int] = set()
    for i in range(len(ordered) - 1):
        found = _grid_at(ordered, i, grid_rows)
        if found is None:
            continue
        comb, members = found
        table, glyphs = _table(comb, [(ordered[k], cells) for k, cells in sorted(members.items())])
        if any(table.overlaps(t) for t in [*taken, *tables]):
            continue
        tables.append(table)
        used |= glyphs
        grid_rows.update(members)
    if not tables:
        return [], rows
    return tables, lines_without(ordered.lines, used)


class _Rows:
    """The page's rows top to bottom, each cut into runs when first asked for: most rows
    are never looked at closely (:meth:`may_seed`)."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self._rows: dict[int, _Row] = {}

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, i: int) -> _Row:
        row = self._rows.get(i)
        if row is None:
            row = self._rows[i] = _row(self.lines[i])
        return row

    def may_seed(self, i: int) -> bool:
        """Row ``i`` may have blanks enough for MIN_COLUMNS runs. Every blank between runs
        is a word gap of the line (those are wider than about a third of a line height,
        :func:`.lines.word_gap`), and the line's word gaps are known: rows of prose, whose
        word gaps are narrower, are passed over without being cut into runs. (The line's
        height is its tallest ink; runs are cut by the median glyph's, which a bracket or
        a marker may exceed by a fifth.)"""
        line = self.lines[i]
        wide = 0.8 * RUN_GAP * line.height
        return sum(1 for gap in line.word_gaps if gap >= wide) >= MIN_COLUMNS - 1


def _row(line: Line) -> _Row:
    h = ink_height(line)
    runs: list[_Run] = []
    for g in line.glyphs:
        if g.text == " ":
            if runs:
                runs[-1].glyphs.append(g)
            continue
        if runs and g.x0 - runs[-1].x1 < RUN_GAP * h:
            runs[-1].glyphs.append(g)
            runs[-1].x1 = max(runs[-1].x1, g.x1)
        else:
            runs.append(_Run([g], g.x0, g.x1))
    return _Row(line, runs, max(h, 0.1))


def _close(a: _Row, b: _Row) -> bool:
    """``b`` is the row right under ``a`` in a grid: of similar height, no more than
    ROW_GAP line heights below it."""
    if not 0.8 <= a.height / b.height <= 1.25:
        return False
    h = max(a.height, b.height)
    gap = b.line.top - a.line.bottom
    return -0.3 * h <= gap <= ROW_GAP * h


def _grid_at(rows: _Rows, i: int, taken: set[int]) -> Optional[tuple[_Comb, dict[int, dict[int, list[_Run]]]]]:
    """The grid seeded by row ``i`` and a row right under it (rule 2), grown down and up
    (rule 3): its comb and, per row index, the runs in each slot. Rows of the page's
    other column, interleaved with the grid's, are passed over."""
    if i in taken or not rows.may_seed(i):
        return None
    a = rows[i]
    for j in range(i + 1, min(len(rows), i + 1 + MAX_PARTNERS)):
        if rows.lines[j].top > a.line.bottom + ROW_GAP * a.height:
            break
        if j in taken or not rows.may_seed(j):
            continue
        b = rows[j]
        if not _close(a, b):
            continue
        comb = _seed(a, b)
        if comb is None:
            continue
        members: dict[int, dict[int, list[_Run]]] = {}
        for k in (i, j):
            cells = _fit(rows[k], comb)
            if cells is None or len(cells) < 2:
                break
            members[k] = cells
        else:
            _grow(rows, comb, members, taken, 1)
            _grow(rows, comb, members, taken, -1)
            return comb, members
    return None


def _of_words(cells: dict[int, list[_Run]]) -> bool:
    """Most of a row's cells hold words of two letters or more: the letters of names
    spread alike in one column start at shared, evenly spaced positions too (``오 창 석``
    over ``임 재 금``), a comb of one letter a slot."""
    letters = [sum(1 for run in runs for g in run.glyphs if g.text != " ") for runs in cells.values()]
    return 2 * sum(1 for n in letters if n >= 2) > len(letters)


def _grow(rows: _Rows, comb: _Comb, members: dict[int, dict[int, list[_Run]]],
          taken: set[int], step: int) -> None:
    """Add the rows below (``step`` 1) or above (-1) the grid that fit its comb, one after
    the other; rows with nothing in the comb's span are another column's."""
    last = max(members) if step > 0 else min(members)
    j = last + step
    while 0 <= j < len(rows) and j not in taken:
        row = rows[j]
        upper, lower = (rows[last], row) if step > 0 else (row, rows[last])
        if lower.line.top > upper.line.bottom + ROW_GAP * upper.height:
            return
        if not any(r.x1 > comb.start and r.x0 < comb.end for r in row.runs):
            j += step
            continue
        if not _close(upper, lower):
            return
        cells = _fit(row, comb)
        if cells is None:
            return
        members[j] = cells
        last = j
        j += step


def _seed(a: _Row, b: _Row) -> Optional[_Comb]:
    """The comb of the run starts ``a`` and ``b`` share (rule 2), or None."""
    if not MIN_COLUMNS <= len(a.runs) <= MAX_RUNS or not MIN_COLUMNS <= len(b.runs) <= MAX_RUNS:
        return None
    h = max(a.height, b.height)
    tol = TOOTH * h
    shared = sorted(r.x0 for r in a.runs if any(abs(r.x0 - s.x0) <= tol for s in b.runs))
    if len(shared) < MIN_COLUMNS:
        return None
    # shared starts by bucket of the tolerance's width: a tooth is looked up, not searched
    buckets: dict[int, list[float]] = {}
    for x in shared:
        buckets.setdefault(int(x // tol), []).append(x)

    def near(x: float) -> bool:
        k = int(x // tol)
        return any(abs(y - x) <= tol for j in (k - 1, k, k + 1) for y in buckets.get(j, ()))

    best: Optional[tuple[int, float, float]] = None  # (teeth, pitch, -start)
    for s, start in enumerate(shared):
        for stop in shared[s + 1:]:
            pitch = stop - start
            if pitch < MIN_PITCH * h:
                continue
            teeth = 2
            while near(start + teeth * pitch):
                teeth += 1
            if best is None or (teeth, pitch, -start) > best:
                best = (teeth, pitch, -start)
    if best is None or best[0] < MIN_COLUMNS:
        return None
    teeth, pitch, start = best[0], best[1], -best[2]
    # the pitch from the first tooth to the last, not from the first pair
    last = min(shared, key=lambda x: abs(x - (start + (teeth - 1) * pitch)))
    return _Comb(start, (last - start) / (teeth - 1), teeth)


def _fit(row: _Row, comb: _Comb) -> Optional[dict[int, list[_Run]]]:
    """The row's runs by slot when it fits ``comb`` (rule 3) and holds words, else None."""
    h = row.height
    tol = TOOTH * h
    cells: dict[int, list[_Run]] = {}
    current: Optional[int] = None
    for run in row.runs:
        if run.x1 <= comb.start - tol or run.x0 >= comb.end - tol:
            continue  # left or right of the grid
        k = comb.tooth(run.x0, tol)
        if k is not None:
            if k in cells:
                return None
            current = k
            cells[k] = [run]
        elif current is not None and comb.start + current * comb.pitch < run.x0 < \
                comb.start + (current + 1) * comb.pitch:
            cells[current].append(run)  # more letters of the slot's spread text
        else:
            return None  # text that does not start at a column
        if run.x1 > comb.start + (current + 1) * comb.pitch - MIN_GUTTER * h:
            return None  # reaches into the next slot
    return cells if 0 in cells and _of_words(cells) else None


def _table(comb: _Comb, rows: list[tuple[_Row, dict[int, list[_Run]]]]) -> tuple[TableBox, set[Glyph]]:
    """The grid as a table box (rule 4), and the glyphs it took."""
    widths = [max(r.x1 for r in runs) - (comb.start + k * comb.pitch)
              for _, cells in rows for k, runs in cells.items()]
    width = median(widths)
    gutter = max(comb.pitch - width, 0.0)
    xs = [comb.start - gutter / 2 + k * comb.pitch for k in range(comb.teeth + 1)]
    tops = [min(g.top for runs in cells.values() for r in runs for g in r.glyphs) for _, cells in rows]
    bottoms = [max(g.bottom for runs in cells.values() for r in runs for g in r.glyphs) for _, cells in rows]
    ys = [tops[0]] + [(bottoms[r] + tops[r + 1]) / 2 for r in range(len(rows) - 1)] + [bottoms[-1]]
    slot: dict[tuple[int, int], CellBox] = {}
    used: set[Glyph] = set()
    for r, (row, cells) in enumerate(rows):
        for k in range(comb.teeth):
            cell = CellBox(r, k, 1, 1, (xs[k], ys[r], xs[k + 1], ys[r + 1]))
            runs = cells.get(k, [])
            cell.glyphs = [g for run in runs for g in run.glyphs]
            used.update(cell.glyphs)
            cell.spread = _spread(cell.glyphs, comb.start + k * comb.pitch + width, row.height)
            slot[(r, k)] = cell
    cells_in_order = [slot[(r, k)] for r in range(len(rows)) for k in range(comb.teeth)]
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return TableBox(bbox, len(rows), comb.teeth, cells_in_order, _slot=slot, _xs=xs, _ys=ys), used


def _spread(glyphs: list[Glyph], slot_end: float, h: float) -> bool:
    """The cell's letters are spread over its slot: two or more, equal blanks between
    them with no space glyph drawn, and the last ends where the grid's slots end."""
    ink = [g for g in glyphs if g.text != " "]
    if len(ink) < 2 or any(g.text == " " for g in glyphs if ink[0].x0 < g.x0 < ink[-1].x0):
        return False
    blanks = [b.x0 - a.x1 for a, b in zip(ink, ink[1:])]
    return max(blanks) - min(blanks) <= EVEN * h and abs(ink[-1].x1 - slot_end) <= TOOTH * h


__all__ = ["find_grids"]
