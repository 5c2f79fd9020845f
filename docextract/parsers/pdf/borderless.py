"""Tables drawn without ruling lines, found from the whitespace between their columns.

Ruled tables come from the drawing (:mod:`.tables`); a table set with spaces alone only
shows in how its text lines up. On the body rows of a page (furniture and ruled tables
already taken out):

1. Each row is cut into **segments** at gaps of two spaces or more (a word gap is one;
   cells are set further apart), bounded by MIN_SEGMENT_GAP and SEGMENT_GAP line heights. A justified line whose word
   spaces grew that wide is put back together (:func:`_unspread`).
2. **Runs**: consecutive rows with two or more segments, no further apart than
   MAX_ROW_GAP line heights (a one-segment row may sit inside a run: a cell's wrapped
   line, or a row with one value).
3. **Columns**: the run's typical row has k segments; the strips of page no such row
   writes in are the gutters, the spaces between them the columns. A segment that
   crosses a gutter is a cell spanning those columns.
4. **Rows**: a row that is incomplete (fewer cells than the typical row) and sits closer
   to the one above than rows of the table sit to each other is that row's wrapped
   continuation, so a cell keeps all its lines.
5. The grid is a table only when rows and columns agree: at least MIN_ROWS rows (four
   for two columns) and two columns; two rows in three have two cells or more; every
   column has text in half the rows and its cells line up (left, right or centre
   edges); it lies outside every ruled table; no cell is a contents entry (leader dots);
   it is not a form (a column of one-letter labels, of labels ending with ``:``, of the
   same filler repeated: ``(인)``, ``%``) nor a list (a column of bare markers ``1.``
   ``①``); and its cells are not prose. A column a third of whose cells run to
   PROSE_WORDS words, or to three and fill the column, is text: two-column prose has two such columns and
   is no table; one beside other columns is a table's notes column when most of its
   lines share their row with other cells, else running text beside the grid. A grid
   that is no table is searched again either side of its widest gutter and without its
   text columns (two tables side by side, a table in one column of a two-column page or
   beside a column of text), at most MAX_DEPTH levels deep; so is a grid whose widest
   gutter is SIDE_BY_SIDE times the next and whose sides are tables of their own (two
   tables whose rows happen to be level).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median
from typing import Sequence

from .glyphs import Glyph
from .lines import Line, ink_height, line_space, lines_without, word_gap
from .tables import CellBox, TableBox

SEGMENT_GAP = 0.7  # line heights: a wider gap always separates cells
MIN_SEGMENT_GAP = 0.45  # line heights: a narrower one never does
CELL_GAP = 2.0  # spaces: between these bounds, a gap this wide separates cells
MAX_ROW_GAP = 2.0  # line heights between two rows of a table
CONTINUATION_GAP = 1.0  # line heights: a one-segment row this close may be a cell's wrapped line
MIN_ROWS = 3
MIN_ROWS_TWO_COLUMNS = 4  # a two-column grid of three rows is as often a form or a layout
MIN_GUTTER = 0.4  # line heights: the narrowest strip between two columns
FULL_ROW_SHARE = 2 / 3
FILLED_COLUMN_SHARE = 0.5
ALIGNED_SHARE = 0.6
ALIGN_TOLERANCE = 0.6  # line heights
PROSE_WORDS = 5
MIN_TEXT_LINES = 3
TEXT_SHARE = 1 / 3
FULL_LINE = 0.85  # of the column's widest cell: a line of three words or more this wide is text
FORM_SHARE = 0.5
SIDE_BY_SIDE = 2.5  # times the next widest gutter: the gap between two tables, not two columns
ALONE_SHARE = 0.6  # of a text column's lines sharing their row with other cells: a notes column
EVEN_SPREAD = 0.1  # line heights: gaps this equal across a row are a justified line's
TEXT_EDGE_ROWS = 4  # rows ending at one x: the right edge of a column of justified text
LEADER_RUN = ("···", "...", "…", "‥‥", "ㆍㆍㆍ")
# a cell that is only a list marker: the grid is a list set with a wide gap
_MARKER_ONLY = re.compile(r"^(?:\d{1,3}[.)]|\(\d{1,3}\)|[①-⑳]|[-–•·○□■◦▪*])$")
MAX_DEPTH = 3  # times a run that is no table is searched again in parts
MAX_ROWS = 400  # body rows of a page past which no borderless table is looked for


@dataclass
class Segment:
    """Glyphs of one row set apart from the rest of the row by a wide gap."""

    glyphs: list[Glyph]
    x0: float
    x1: float
    top: float
    bottom: float
    words: int


def segments(row: Line) -> list[Segment]:
    """The row cut at cell gaps: wider than CELL_GAP spaces (:func:`.lines.space_width`),
    within MIN_SEGMENT_GAP and SEGMENT_GAP of the median glyph's height (a row of a page
    in columns holds lines of both, not quite level)."""
    glyphs = list(row.glyphs)  # a compacted row makes its glyphs anew on every pass
    h = ink_height(row)
    limit = min(max(CELL_GAP * line_space(row), MIN_SEGMENT_GAP * h), SEGMENT_GAP * h)
    pieces: list[list[Glyph]] = [[]]
    reach: float | None = None  # the right end of the ink so far; the piece has ink once set
    for g in glyphs:
        if g.text != " ":
            if reach is None:
                reach = g.x1
            else:
                if g.x0 - reach > limit:
                    pieces.append([])
                if g.x1 > reach:
                    reach = g.x1
        pieces[-1].append(g)
    if reach is None:
        return []
    if len(pieces) == 1:  # the row is one segment: its words and box are the row's
        return [Segment(glyphs, row.x0, row.x1, row.top, row.bottom, _words(glyphs, row.word_gap_at))]
    return [_segment(piece, _words(piece, word_gap(piece)[0])) for piece in pieces]


def _words(glyphs: list[Glyph], gap: float) -> int:
    """Words in ``glyphs``: runs of ink apart by a space glyph or a gap wider than ``gap``."""
    count = 0
    reach: float | None = None
    after_space = False
    for g in glyphs:
        if g.text == " ":
            after_space = True
            continue
        if reach is None or after_space or g.x0 - reach > gap:
            count += 1
        after_space = False
        reach = g.x1 if reach is None else max(reach, g.x1)
    return count


def _segment(glyphs: list[Glyph], words: int) -> Segment:
    _, x0, top, x1, bottom, *_ = zip(*(g for g in glyphs if g.text != " "))
    return Segment(glyphs, min(x0), max(x1), min(top), max(bottom), words)


def _unspread(rows: list[tuple["_Row", list[Segment]]]) -> list[tuple["_Row", list[Segment]]]:
    """Lines of justified text put back together. A justified line's word spaces are all
    equal: where three segments or more in a row are spread evenly and the last ends where
    many lines of text end (the right edge of a column of text: segments of three words or
    more ending at one x), they are one line. A table's header row can be spread evenly
    too (its cells set the column widths) but does not end at a text column's edge."""
    ends: dict[int, int] = {}
    for _, segs in rows:
        for seg in segs:
            if seg.words >= 3:
                ends[round(seg.x1)] = ends.get(round(seg.x1), 0) + 1
    margins = [x for x, n in ends.items() if n >= TEXT_EDGE_ROWS]
    if not margins:
        return rows
    out = []
    for row, segs in rows:
        tol = EVEN_SPREAD * row.line.height
        merged: list[Segment] = []
        i = 0
        while i < len(segs):
            j = i + 1  # segs[i:j] spread evenly so far
            while j < len(segs) and (j - i < 2 or abs((segs[j].x0 - segs[j - 1].x1)
                                                     - (segs[i + 1].x0 - segs[i].x1)) <= tol):
                j += 1
            while j - i >= 3 and not any(abs(segs[j - 1].x1 - x) <= 1.5 for x in margins):
                j -= 1  # the spread run must end at a text edge
            if j - i >= 3:
                merged.append(_segment([g for seg in segs[i:j] for g in seg.glyphs],
                                       sum(seg.words for seg in segs[i:j])))
                i = j
            else:
                merged.append(segs[i])
                i += 1
        out.append((row, merged))
    return out


@dataclass
class _Row:
    line: Line
    segments: list[Segment]


def find_borderless(rows: list[Line], ruled: Sequence[TableBox] = ()) -> tuple[list[TableBox], list[Line]]:
    """Borderless tables among a page's body rows, away from the page's ``ruled`` tables,
    and the rows left over (a row part of which went into a table keeps the rest of its
    glyphs)."""
    if len(rows) < MIN_ROWS or len(rows) > MAX_ROWS:
        return [], rows
    ordered = sorted(rows, key=lambda r: r.top)
    cut = [_Row(r, segments(r)) for r in ordered]
    for row, segs in _unspread([(row, row.segments) for row in cut]):
        row.segments = segs
    tables: list[tuple[TableBox, set[Glyph]]] = []
    _search(cut, -float("inf"), float("inf"), tables, 0)
    tables = [(t, g) for t, g in tables if not any(t.overlaps(r) for r in ruled)]
    if not tables:
        return [], rows
    used: set[Glyph] = set()
    for _, glyphs in tables:
        used |= glyphs
    return [t for t, _ in tables], lines_without(ordered, used)


def _search(rows: list[_Row], lo: float, hi: float, found: list[tuple[TableBox, set[Glyph]]],
            depth: int) -> None:
    """Tables among the segments of ``rows`` that lie within ``[lo, hi]``."""
    inside = _unspread([(r, [s for s in r.segments if s.x0 >= lo - 1 and s.x1 <= hi + 1])
                        for r in rows])
    for run in _runs(inside):
        grid = _grid(run)
        if grid is None:
            continue
        trimmed = _trim(run, grid[0])
        if len(trimmed) != len(run):
            run, grid = trimmed, _grid(trimmed) if len(trimmed) >= MIN_ROWS else None
            if grid is None:
                continue
        columns, cells = grid
        prose = [c for c in range(len(columns)) if _prose(cells, c, columns)]
        text_columns = [c for c in prose if len(prose) > 1 or len(columns) == 2 or _alone(cells, c)]
        table = None if text_columns else _accept(run, columns, cells)
        if table is not None and _side_by_side(rows, columns, cells, depth):
            table = None  # two tables whose rows happen to be level, not one
        if table is not None:
            if not any(table[0].overlaps(t) for t, _ in found):
                found.append(table)
            continue
        if depth < MAX_DEPTH:
            # not one table: perhaps two side by side, or a table in one column of a page
            # set in columns, or beside a column of text
            ranges = _halves(columns, cells) + (_spans_without(columns, text_columns) if text_columns else [])
            for a, b in sorted(ranges, key=lambda r: r[0] - r[1]):  # widest first
                _search(rows, a, b, found, depth + 1)


def _gutters(columns: list[tuple[float, float]], cells: "Cells") -> list[tuple[float, float]]:
    """(width, x) of the free strip between each pair of neighbouring columns."""
    out = []
    for c in range(len(columns) - 1):
        left = [s.x1 for (_, k), segs in cells.items() if k <= c for s in segs if s.x1 <= columns[c][1]]
        right = [s.x0 for (_, k), segs in cells.items() if k == c + 1 for s in segs]
        if left and right:
            out.append((min(right) - max(left), columns[c][1]))
    return out


def _halves(columns: list[tuple[float, float]], cells: "Cells") -> list[tuple[float, float]]:
    """The ranges either side of the widest gutter between the columns."""
    gutters = _gutters(columns, cells)
    if not gutters:
        return []
    cut = max(gutters)[1]
    return [(columns[0][0], cut), (cut, columns[-1][1])]


def _side_by_side(rows: list["_Row"], columns: list[tuple[float, float]], cells: "Cells",
                  depth: int) -> bool:
    """The grid is two tables side by side: its widest gutter is SIDE_BY_SIDE times the
    next widest and each side is a table of two columns or more on its own."""
    gutters = sorted(_gutters(columns, cells), reverse=True)
    if len(columns) < 4 or len(gutters) < 2 or gutters[0][0] < SIDE_BY_SIDE * gutters[1][0] \
            or depth >= MAX_DEPTH:
        return False
    for a, b in _halves(columns, cells):
        found: list[tuple[TableBox, set[Glyph]]] = []
        _search(rows, a, b, found, MAX_DEPTH)
        if not any(t.n_cols >= 2 for t, _ in found):
            return False
    return True


def _runs(rows: list[tuple[_Row, list[Segment]]]) -> list[list[tuple[_Row, list[Segment]]]]:
    runs: list[list[tuple[_Row, list[Segment]]]] = []
    current: list[tuple[_Row, list[Segment]]] = []
    for row, segs in rows:
        if not segs:
            continue  # a row with nothing in this range (the other column's line)
        h = row.line.height
        if current:
            gap = min(s.top for s in segs) - max(s.bottom for s in current[-1][1])
            limit = (MAX_ROW_GAP if len(segs) > 1 else CONTINUATION_GAP) * h
            if gap > limit or gap < -0.5 * h:
                runs.append(current)
                current = []
        if len(segs) > 1 or current:
            current.append((row, segs))
    if current:
        runs.append(current)
    out = []
    for run in runs:
        while run and len(run[-1][1]) < 2:
            run = run[:-1]  # a run ends with a row of cells, not a trailing line
        if len(run) >= MIN_ROWS:
            out.append(run)
    return out


Cells = dict[tuple[int, int], list[Segment]]  # (physical row, first column) → segments


def _grid(run: list[tuple[_Row, list[Segment]]]) -> tuple[list[tuple[float, float]], Cells] | None:
    """Columns (x extents, gutter to gutter) and each row's segments placed in them."""
    counts = [len(segs) for _, segs in run if len(segs) > 1]
    k = max(set(counts), key=lambda c: (counts.count(c), c))
    full = [segs for _, segs in run if len(segs) == k]
    if len(full) < 2:
        return None
    h = median(r.line.height for r, _ in run)
    spans = sorted((s.x0, s.x1) for segs in full for s in segs)
    gutters: list[tuple[float, float]] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= MIN_GUTTER * h:
            gutters.append((reach, x0))
        reach = max(reach, x1)
    if not gutters:
        return None
    x_lo = min(s.x0 for _, segs in run for s in segs)
    x_hi = max(s.x1 for _, segs in run for s in segs)
    bounds = [x_lo] + [(a + b) / 2 for a, b in gutters] + [x_hi]
    columns = list(zip(bounds, bounds[1:]))
    cells: Cells = {}
    for i, (_, segs) in enumerate(run):
        for s in segs:
            first = _column(columns, s.x0 + 0.5)
            cells.setdefault((i, first), []).append(s)
    return columns, cells


def _trim(run: list[tuple[_Row, list[Segment]]],
          columns: list[tuple[float, float]]) -> list[tuple[_Row, list[Segment]]]:
    """The run without the lines of text at its ends: rows with a segment of three words
    or more across a gutter (a justified line whose word spaces happened to be wide)."""
    def text_line(segs: list[Segment]) -> bool:
        return any(s.words >= 3 and _last_column(columns, s) > _column(columns, s.x0 + 0.5)
                   for s in segs)

    start, end = 0, len(run)
    while start < end and text_line(run[start][1]):
        start += 1
    while end > start and text_line(run[end - 1][1]):
        end -= 1
    return run[start:end]


def _column(columns: list[tuple[float, float]], x: float) -> int:
    for i, (_, b) in enumerate(columns):
        if x <= b:
            return i
    return len(columns) - 1


def _last_column(columns: list[tuple[float, float]], s: Segment) -> int:
    return max(_column(columns, s.x0 + 0.5), _column(columns, s.x1 - 0.5))


def _prose(cells: Cells, col: int, columns: list[tuple[float, float]]) -> bool:
    """A third of the column's cells (three at least) are lines of text: PROSE_WORDS words
    or more, or three or more filling the column (its widest cell) as a justified line
    does. (A column of text also holds headings, short last lines and whatever else.)"""
    own = [segs for (_, c), segs in cells.items()
           if c == col and all(_last_column(columns, s) == col for s in segs)]
    if not own:
        return False
    widest = max(max(s.x1 for s in segs) - min(s.x0 for s in segs) for segs in own)
    lines = 0
    for segs in own:
        words = sum(s.words for s in segs)
        width = max(s.x1 for s in segs) - min(s.x0 for s in segs)
        if words >= PROSE_WORDS or (words >= 3 and width >= FULL_LINE * widest):
            lines += 1
    return lines >= MIN_TEXT_LINES and lines >= TEXT_SHARE * len(own)


def _alone(cells: Cells, col: int) -> bool:
    """Most of the column's lines stand in rows where no other column has text: a column
    of running text beside the grid, not a table's notes column (whose wrapped lines are
    alone, but whose first lines share their row with the other cells)."""
    rows = {r for (r, c) in cells if c == col}
    shared = {r for (r, c) in cells if c != col and r in rows}
    return len(shared) < ALONE_SHARE * len(rows)


def _form_or_list(cells: Cells, n_cols: int) -> bool:
    """A column of one-letter labels (a digit is a number), of labels ending with a colon,
    of one filler repeated, or of bare list markers."""
    for col in range(n_cols):
        texts = ["".join("".join(g.text for g in s.glyphs) for s in segs).strip()
                 for (_, c), segs in cells.items() if c == col]
        texts = [t for t in texts if t]
        if not texts:
            continue
        share = FORM_SHARE * len(texts)
        if sum(1 for t in texts if (len(t.replace(" ", "")) <= 1 and not t.isdigit())
               or t.endswith((":", "："))) >= share:
            return True
        if len(texts) >= MIN_ROWS and len(set(texts)) == 1:
            return True
        if sum(1 for t in texts if _MARKER_ONLY.match(t)) >= share:
            return True
    return False


def _spans_without(columns: list[tuple[float, float]], prose: list[int]) -> list[tuple[float, float]]:
    """The x ranges of the runs of non-prose columns, two columns or wider."""
    out = []
    start: int | None = None
    for c in range(len(columns) + 1):
        if c < len(columns) and c not in prose:
            start = c if start is None else start
            continue
        if start is not None and c - start >= 2:
            out.append((columns[start][0], columns[c - 1][1]))
        start = None
    return out


def _accept(run: list[tuple[_Row, list[Segment]]], columns: list[tuple[float, float]],
            cells: Cells) -> tuple[TableBox, set[Glyph]] | None:
    n_cols = len(columns)
    h = median(r.line.height for r, _ in run)
    for segs in cells.values():
        for s in segs:
            text = "".join(g.text for g in s.glyphs).strip()
            if any(text.endswith(d) or text.startswith(d) for d in LEADER_RUN):
                return None  # a table of contents
    if _form_or_list(cells, n_cols):
        return None
    rows = _table_rows(run, cells, n_cols)
    if len(rows) < (MIN_ROWS_TWO_COLUMNS if n_cols == 2 else MIN_ROWS):
        return None
    filled: list[set[int]] = []  # columns with text, per table row
    starts: list[set[int]] = []  # columns where a cell starts: a spanning cell is one
    for members in rows:
        cols: set[int] = set()
        firsts: set[int] = set()
        for i in members:
            for (r, c), segs in cells.items():
                if r == i:
                    firsts.add(c)
                    for s in segs:
                        cols.update(range(c, _last_column(columns, s) + 1))
        filled.append(cols)
        starts.append(firsts)
    if sum(1 for firsts in starts if len(firsts) > 1) < FULL_ROW_SHARE * len(rows):
        return None
    for c in range(n_cols):
        if sum(1 for cols in filled if c in cols) < FILLED_COLUMN_SHARE * len(rows):
            return None
        if not _aligned([s for (_, k), segs in cells.items() if k == c for s in segs
                         if _last_column(columns, s) == c], h):
            return None
    return _table_box(run, columns, cells, rows)


def _aligned(segs: list[Segment], h: float) -> bool:
    """The column's cells share a left, right or centre edge."""
    if len(segs) < 2:
        return True
    tol = ALIGN_TOLERANCE * h
    need = ALIGNED_SHARE * len(segs)
    for edge in (lambda s: s.x0, lambda s: s.x1, lambda s: (s.x0 + s.x1) / 2):
        values = sorted(edge(s) for s in segs)
        best = max(sum(1 for v in values if abs(v - anchor) <= tol) for anchor in values)
        if best >= need:
            return True
    return False


def _table_rows(run: list[tuple[_Row, list[Segment]]], cells: Cells, n_cols: int) -> list[list[int]]:
    """Physical rows grouped into table rows: an incomplete row close under the row
    above continues it (a cell's text wrapped onto a second line)."""
    counts = [len(segs) for _, segs in run]
    typical = max(set(counts), key=lambda c: (counts.count(c), c))
    gaps = [min(s.top for s in run[i][1]) - max(s.bottom for s in run[i - 1][1])
            for i in range(1, len(run))]
    limit = _row_break(gaps)
    rows: list[list[int]] = [[0]]
    for i in range(1, len(run)):
        incomplete = counts[i] < typical or (i, 0) not in cells
        if limit is not None and gaps[i - 1] < limit and incomplete:
            rows[-1].append(i)
        else:
            rows.append([i])
    return rows


def _row_break(gaps: list[float]) -> float | None:
    """The gap between rows when the run has two kinds (line spacing inside a cell,
    padding between rows): the middle of the widest jump; None when it has one kind."""
    if len(gaps) < 2:
        return None
    values = sorted(gaps)
    best, at = 0.0, None
    for a, b in zip(values, values[1:]):
        if b - a > best and b > 1.5 * max(a, 0.5):
            best, at = b - a, (a + b) / 2
    return at


def _table_box(run: list[tuple[_Row, list[Segment]]], columns: list[tuple[float, float]],
               cells: Cells, rows: list[list[int]]) -> tuple[TableBox, set[Glyph]]:
    n_rows, n_cols = len(rows), len(columns)
    tops = [min(s.top for i in members for s in run[i][1]) for members in rows]
    bottoms = [max(s.bottom for i in members for s in run[i][1]) for members in rows]
    ys = [tops[0]] + [(bottoms[r] + tops[r + 1]) / 2 for r in range(n_rows - 1)] + [bottoms[-1]]
    xs = [columns[0][0]] + [b for _, b in columns]
    row_of = {i: r for r, members in enumerate(rows) for i in members}
    placed: dict[tuple[int, int], CellBox] = {}
    used: set[Glyph] = set()
    for (i, c), segs in sorted(cells.items()):
        r = row_of[i]
        last = max(_last_column(columns, s) for s in segs)
        cell = placed.get((r, c))
        if cell is None:
            cell = CellBox(r, c, 1, last - c + 1, (xs[c], ys[r], xs[last + 1], ys[r + 1]))
            for k in range(c, last + 1):
                placed.setdefault((r, k), cell)
        for s in segs:
            cell.glyphs.extend(s.glyphs)
            used.update(s.glyphs)
    for r in range(n_rows):
        for c in range(n_cols):
            if (r, c) not in placed:
                placed[(r, c)] = CellBox(r, c, 1, 1, (xs[c], ys[r], xs[c + 1], ys[r + 1]))
    unique = {id(c): c for c in placed.values()}
    box_cells = sorted(unique.values(), key=lambda c: (c.row, c.col))
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return TableBox(bbox, n_rows, n_cols, box_cells, _slot=placed, _xs=xs, _ys=ys), used


__all__ = ["Segment", "find_borderless", "segments"]
