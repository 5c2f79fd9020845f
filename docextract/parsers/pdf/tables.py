"""Table geometry for one PDF page: pdfplumber's table finder run on PDFium edges.

pdfplumber's algorithm (snap and join ruling lines, intersect them, take the smallest
rectangles, group rectangles that share corners) is used as is; only its input differs:
the edges come from :mod:`.rules` instead of pdfminer, and a table that a page break
cut is closed where it was cut (:func:`open_ends`). Each table becomes a grid of row and
column boundaries, each cell an anchor plus spans, and every glyph whose centre falls
inside a cell is moved out of the body text into that cell.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from statistics import median
from typing import Any, Optional, Sequence

from pdfplumber import table as plumber_table
from pdfplumber.utils import filter_edges

from .glyphs import Glyph
from .lines import Line

_SETTINGS = plumber_table.TableSettings()
_GRID_TOLERANCE = 1.5  # points: cell borders closer than this are one grid line
OPEN_END_TOLERANCE = 2.0  # points: column rules ending this close together end together
MIN_OPEN_COLUMNS = 2  # an open end is closed only across at least this many columns
MIN_COLUMN_RULE = 20.0  # points: shorter vertical rules are marks, not column borders
MAX_ROWS_BEYOND_CUT = 2  # text rows past a cut: a running header or footer, a page number


class TooManyEdges(Exception):
    """Too many ruling lines for table finding to stay fast."""


@dataclass
class CellBox:
    """One table cell: grid anchor, spans, box, and the glyphs drawn inside it."""

    row: int
    col: int
    row_span: int
    col_span: int
    bbox: tuple[float, float, float, float]
    glyphs: list[Glyph] = field(default_factory=list)
    nested: list["TableBox"] = field(default_factory=list)
    # the cell's text lines, built once by blocks.cell_lines (the wrap evidence and
    # the cell's paragraphs both need them)
    lines: Optional[list[Line]] = field(default=None, repr=False)
    # its letters are spread over the cell (distributed alignment, a name grid's slot:
    # see :mod:`.grid`), so they spell one word however wide the blanks between them
    spread: bool = False


@dataclass
class TableBox:
    """One table found on a page: its box, grid size and cells in row-major order."""

    bbox: tuple[float, float, float, float]
    n_rows: int
    n_cols: int
    cells: list[CellBox]
    # a page break cut the table here: no rule was drawn (see open_ends)
    open_top: bool = False
    open_bottom: bool = False
    _slot: dict[tuple[int, int], CellBox] = field(default_factory=dict, repr=False)
    _xs: list[float] = field(default_factory=list, repr=False)
    _ys: list[float] = field(default_factory=list, repr=False)

    def overlaps(self, other: "TableBox") -> bool:
        """The two tables' boxes share some area (a table is found once, by one finder)."""
        a, b = self.bbox, other.bbox
        return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]

    def cell_at(self, x: float, y: float) -> CellBox | None:
        """The cell whose box contains the point, merged cells included."""
        x0, top, x1, bottom = self.bbox
        if not (x0 <= x <= x1 and top <= y <= bottom):
            return None
        # max(0, min(i, n - 1)) written out: this runs for every glyph of a page with tables
        last = self.n_cols - 1
        col = bisect_right(self._xs, x) - 1
        col = col if col < last else last
        last = self.n_rows - 1
        row = bisect_right(self._ys, y) - 1
        row = row if row < last else last
        return self._slot.get((row if row > 0 else 0, col if col > 0 else 0))


@dataclass(frozen=True)
class OpenEnd:
    """Where long column rules (at ``xs``) stop together at height ``y`` with no rule drawn
    across them: the ``top`` or ``bottom`` of a table a page break may have cut."""

    end: str
    y: float
    xs: tuple[float, ...]

    def continues_as(self, other: "OpenEnd") -> bool:
        """``other`` (an open top on the next page) has the same column rules."""
        return len(self.xs) == len(other.xs) and all(
            abs(a - b) <= OPEN_END_TOLERANCE for a, b in zip(self.xs, other.xs))

    def edge(self) -> dict[str, Any]:
        """The rule that closes this end, as an edge for the table finder."""
        left, right = self.xs[0], self.xs[-1]
        return {"object_type": "line", "orientation": "h", "x0": left, "x1": right,
                "top": self.y, "bottom": self.y, "doctop": self.y, "width": right - left,
                "height": 0.0}


def merge_rules(edges: list[dict[str, Any]], max_edges: int) -> list[dict[str, Any]]:
    """The page's ruling lines snapped and joined, as the table finder and
    :func:`open_ends` take them; :class:`TooManyEdges` past ``max_edges``."""
    s = _SETTINGS
    edges = filter_edges(edges, min_length=s.edge_min_length_prefilter)
    if not edges:
        return []
    if len(edges) > max_edges * 4:
        raise TooManyEdges()
    merged = plumber_table.merge_edges(edges, s.snap_x_tolerance, s.snap_y_tolerance,
                                       s.join_x_tolerance, s.join_y_tolerance)
    merged = filter_edges(merged, min_length=s.edge_min_length)
    if len(merged) > max_edges:
        raise TooManyEdges()
    return list(merged)


def find_tables(rules: list[dict[str, Any]], max_points: int,
                closed: Sequence[OpenEnd] = ()) -> list[TableBox]:
    """Tables formed by the page's ruling lines (:func:`merge_rules`), top-level ones
    first, nested ones inside. ``closed`` are open ends a page break cut
    (:mod:`.split_tables` decides which): they are closed by a rule, and the tables
    there are marked open at that end."""
    s = _SETTINGS
    merged = rules + [end.edge() for end in closed]
    n_h = sum(1 for e in merged if e["orientation"] == "h")
    if n_h < 2 or len(merged) - n_h < 2:
        return []
    points = plumber_table.edges_to_intersections(merged, s.intersection_x_tolerance,
                                                  s.intersection_y_tolerance)
    if len(points) > max_points:
        raise TooManyEdges()
    cells = plumber_table.intersections_to_cells(points)
    groups = plumber_table.cells_to_tables(cells)
    tables = [_grid(group) for group in groups]
    for table in tables:
        x0, top, x1, bottom = table.bbox
        for end in closed:
            if end.xs[0] <= x0 + OPEN_END_TOLERANCE and end.xs[-1] >= x1 - OPEN_END_TOLERANCE:
                if end.end == "top" and abs(end.y - top) <= OPEN_END_TOLERANCE:
                    table.open_top = True
                if end.end == "bottom" and abs(end.y - bottom) <= OPEN_END_TOLERANCE:
                    table.open_bottom = True
    return _nest(tables)


def at_page_break(ends: list[OpenEnd], edges: list[dict[str, Any]],
                  glyphs: list[Glyph]) -> list[OpenEnd]:
    """The open ends a page break can have made: nothing is drawn past them (an open
    bottom is the page's lowest rule, an open top its highest), and past them lies no
    more text than a running header or footer with a page number."""
    out = []
    for end in ends:
        y, tol = end.y, OPEN_END_TOLERANCE
        if end.end == "bottom":
            drawn_past = any(e["bottom"] > y + tol for e in edges)
            rows_past = {round(g.top) for g in glyphs if g.top > y and g.text.strip()}
        else:
            drawn_past = any(e["top"] < y - tol for e in edges)
            rows_past = {round(g.bottom) for g in glyphs if g.bottom < y and g.text.strip()}
        if not drawn_past and len(_clusters(rows_past)) <= MAX_ROWS_BEYOND_CUT:
            out.append(end)
    return out


def _clusters(values: set[int], gap: int = 4) -> list[int]:
    """Values closer than ``gap`` to the previous one count once (glyphs of one row)."""
    out: list[int] = []
    for v in sorted(values):
        if not out or v - out[-1] > gap:
            out.append(v)
        else:
            out[-1] = v
    return out


def open_ends(rules: list[dict[str, Any]]) -> list[OpenEnd]:
    """Where a page break may have cut a table: long column rules that stop together.

    Hangul (and word processors like it) draw a table that runs over a page break without
    its bottom border on the first page and without its top border on the next: the
    column rules simply stop at the text block's edge. Unclosed, the table finder sees no
    cell there, and the columns' text (a 신·구조문대비표's 현행 and 개정안) is read across
    as interleaved lines. Candidates are at least three long vertical rules (two columns)
    ending at the same height with no horizontal rule across them there. A chart's grid
    lines or a title box look the same, so a candidate must also lie at the page break
    (:func:`at_page_break`), and it is closed only when the next (or previous) page
    continues it with the same column rules (:func:`.split_tables.cut_ends`)."""
    verticals = [e for e in rules if e["orientation"] == "v" and e["bottom"] - e["top"] >= MIN_COLUMN_RULE]
    horizontals = [e for e in rules if e["orientation"] == "h"]
    found: list[OpenEnd] = []
    for end in ("top", "bottom"):
        for group in _aligned(verticals, end):
            xs = _boundaries([e["x0"] for e in group])
            if len(xs) < MIN_OPEN_COLUMNS + 1:
                continue
            y = median(e[end] for e in group)
            if any(abs(h["top"] - y) <= OPEN_END_TOLERANCE and h["x0"] <= xs[0] + OPEN_END_TOLERANCE
                   and h["x1"] >= xs[-1] - OPEN_END_TOLERANCE for h in horizontals):
                continue
            found.append(OpenEnd(end, y, tuple(xs)))
    return found


def _aligned(verticals: list[dict[str, Any]], end: str) -> list[list[dict[str, Any]]]:
    """The vertical rules grouped by where they end (``top`` or ``bottom``)."""
    groups: list[list[dict[str, Any]]] = []
    for e in sorted(verticals, key=lambda e: e[end]):
        if groups and e[end] - groups[-1][-1][end] <= OPEN_END_TOLERANCE:
            groups[-1].append(e)
        else:
            groups.append([e])
    return groups


def _boundaries(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _GRID_TOLERANCE:
            continue
        out.append(v)
    return out


def _index(bounds: list[float], v: float) -> int:
    i = bisect_right(bounds, v + _GRID_TOLERANCE) - 1
    return max(0, i)


def _grid(group: list[tuple[float, float, float, float]]) -> TableBox:
    xs = _boundaries([c[0] for c in group] + [c[2] for c in group])
    ys = _boundaries([c[1] for c in group] + [c[3] for c in group])
    n_cols, n_rows = max(1, len(xs) - 1), max(1, len(ys) - 1)
    cells: list[CellBox] = []
    slot: dict[tuple[int, int], CellBox] = {}
    for x0, top, x1, bottom in sorted(group, key=lambda c: (c[1], c[0])):
        col, row = min(_index(xs, x0), n_cols - 1), min(_index(ys, top), n_rows - 1)
        col_end, row_end = max(col + 1, _index(xs, x1)), max(row + 1, _index(ys, bottom))
        col_end, row_end = min(col_end, n_cols), min(row_end, n_rows)
        if (row, col) in slot:
            continue  # pdfplumber can report the same slot twice around tiny gaps
        cell = CellBox(row, col, row_end - row, col_end - col, (x0, top, x1, bottom))
        cells.append(cell)
        for r in range(row, row_end):
            for k in range(col, col_end):
                slot.setdefault((r, k), cell)
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    cells.sort(key=lambda c: (c.row, c.col))
    return TableBox(bbox, n_rows, n_cols, cells, _slot=slot, _xs=xs, _ys=ys)


def _inside(inner: tuple[float, float, float, float], outer: tuple[float, float, float, float]) -> bool:
    t = _GRID_TOLERANCE
    return (inner[0] >= outer[0] - t and inner[1] >= outer[1] - t
            and inner[2] <= outer[2] + t and inner[3] <= outer[3] + t)


def _nest(tables: list[TableBox]) -> list[TableBox]:
    """Put tables drawn inside another table's cell into that cell; return the top level."""
    by_area = sorted(tables, key=lambda t: (t.bbox[2] - t.bbox[0]) * (t.bbox[3] - t.bbox[1]))
    top_level: list[TableBox] = []
    for i, inner in enumerate(by_area):
        host: CellBox | None = None
        for outer in by_area[i + 1:]:
            if not _inside(inner.bbox, outer.bbox):
                continue
            for cell in outer.cells:
                if _inside(inner.bbox, cell.bbox):
                    host = cell
                    break
            if host is not None:
                break
        if host is not None:
            host.nested.append(inner)
        else:
            top_level.append(inner)
    top_level.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    return top_level


def drop_decorations(tables: list[TableBox], glyphs: list[Glyph]) -> list[TableBox]:
    """Remove "tables" that are drawings: gradient banners made of stripes narrower than
    the letters written over them (HWP section title bars are 50 such 9-pt stripes)."""
    if not tables:
        return tables
    kept: list[TableBox] = []
    for t in tables:
        x0, top, x1, bottom = t.bbox
        inside = [g.bottom - g.top for g in glyphs if g.text != " "
                  and x0 <= (g.x0 + g.x1) / 2 <= x1 and top <= (g.top + g.bottom) / 2 <= bottom]
        letter = sorted(inside)[len(inside) // 2] if inside else 10.0
        widths = [b - a for a, b in zip(t._xs, t._xs[1:])]
        heights = [b - a for a, b in zip(t._ys, t._ys[1:])]
        narrow_cols = sum(1 for w in widths if w < 0.8 * letter)
        narrow_rows = sum(1 for h in heights if h < 0.5 * letter)
        if narrow_cols * 2 > len(widths) or (narrow_rows * 2 > len(heights) and len(heights) > 2):
            kept.extend(c for cell in t.cells for c in cell.nested)
            continue
        kept.append(t)
    return kept


def assign_glyphs(tables: list[TableBox], glyphs: list[Glyph]) -> list[Glyph]:
    """Move glyphs into the innermost table cell holding their centre; return the rest."""
    if not tables:
        return glyphs
    rest: list[Glyph] = []
    for g in glyphs:
        cx, cy = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        cell = _deepest_cell(tables, cx, cy)
        if cell is None:
            rest.append(g)
        else:
            cell.glyphs.append(g)
    return rest


def _deepest_cell(tables: list[TableBox], x: float, y: float) -> CellBox | None:
    found: CellBox | None = None
    level = tables
    while level:
        for t in level:
            cell = t.cell_at(x, y)
            if cell is not None:
                found = cell
                level = cell.nested
                break
        else:
            break
    return found


__all__ = ["CellBox", "OpenEnd", "TableBox", "TooManyEdges", "assign_glyphs", "at_page_break",
           "drop_decorations", "find_tables", "merge_rules", "open_ends"]
