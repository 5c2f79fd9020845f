"""Reading order of the text pieces and tables on a page (recursive XY-cut).

A region is first split into columns at a vertical gutter, and only when it has none,
into bands at its widest horizontal gaps. Columns are read left to right and bands top to
bottom, so two-column pages are not interleaved and a table beside text stays whole.
A gutter only counts when the text on both sides is at least a fifth of the region wide:
a label column (``사 업 명``) or list markers next to text are not columns.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

Box = tuple[float, float, float, float]

_MIN_COLUMN_SHARE = 0.2


@dataclass
class Leaf:
    """Items that could not be cut further, with the column they belong to."""

    column: int
    column_box: Box
    items: list[int]


def reading_order(boxes: list[Box], min_gutter: float, max_items: int) -> list[Leaf]:
    """Leaves in reading order; each holds indices into ``boxes`` sorted top-down."""
    if not boxes:
        return []
    everything = list(range(len(boxes)))
    if len(boxes) > max_items:
        # Too many pieces for recursive cutting to stay cheap: plain top-down order.
        everything.sort(key=lambda i: (boxes[i][1], boxes[i][0]))
        return [Leaf(0, _extent(boxes, everything), everything)]
    leaves: list[Leaf] = []
    next_column = 1
    stack: list[tuple[list[int], int, Box]] = [(everything, 0, _extent(boxes, everything))]
    while stack:
        items, column, column_box = stack.pop()
        cut = _column_cut(boxes, items, min_gutter)
        if cut is not None:
            left, right = cut
            lc, rc = next_column, next_column + 1
            next_column += 2
            stack.append((right, rc, _extent(boxes, right)))
            stack.append((left, lc, _extent(boxes, left)))
            continue
        bands = _band_cut(boxes, items)
        if bands is not None:
            for band in reversed(bands):
                stack.append((band, column, column_box))
            continue
        items.sort(key=lambda i: (boxes[i][1], boxes[i][0]))
        leaves.append(Leaf(column, column_box, items))
    return leaves


def _extent(boxes: list[Box], items: list[int]) -> Box:
    return (min(boxes[i][0] for i in items), min(boxes[i][1] for i in items),
            max(boxes[i][2] for i in items), max(boxes[i][3] for i in items))


def _column_cut(boxes: list[Box], items: list[int], min_gutter: float) -> tuple[list[int], list[int]] | None:
    if len(items) < 2:
        return None
    order = sorted(items, key=lambda i: boxes[i][0])
    x0, _, x1, _ = _extent(boxes, items)
    width = x1 - x0
    if width <= 0:
        return None
    best: tuple[float, float] | None = None  # (gap width, cut x)
    reach = boxes[order[0]][2]
    for i in order[1:]:
        left_edge = boxes[i][0]
        gap = left_edge - reach
        if gap >= min_gutter:
            left_share = (reach - x0) / width
            right_share = (x1 - left_edge) / width
            if left_share >= _MIN_COLUMN_SHARE and right_share >= _MIN_COLUMN_SHARE:
                if best is None or gap > best[0]:
                    best = (gap, (reach + left_edge) / 2)
        reach = max(reach, boxes[i][2])
    if best is None:
        return None
    cut_x = best[1]
    left = [i for i in items if boxes[i][2] <= cut_x]
    right = [i for i in items if boxes[i][2] > cut_x]
    if not (_several_rows(boxes, left) and _several_rows(boxes, right)):
        return None  # one row with a wide gap is a spaced-out line, not two columns
    return left, right


def _several_rows(boxes: list[Box], items: list[int]) -> bool:
    if len(items) < 2:
        return False
    _, top, _, bottom = _extent(boxes, items)
    tallest = max(boxes[i][3] - boxes[i][1] for i in items)
    return bottom - top > 1.5 * tallest


def _band_cut(boxes: list[Box], items: list[int]) -> list[list[int]] | None:
    """Bands split at the widest horizontal gaps (all gaps within 80% of the widest, so
    evenly spaced lines are separated in one step rather than one cut per level)."""
    if len(items) < 2:
        return None
    order = sorted(items, key=lambda i: boxes[i][1])
    gaps: list[tuple[float, float]] = []  # (gap, cut y)
    reach = boxes[order[0]][3]
    for i in order[1:]:
        gap = boxes[i][1] - reach
        if gap > 0:
            gaps.append((gap, (reach + boxes[i][1]) / 2))
        reach = max(reach, boxes[i][3])
    if not gaps:
        return None
    widest = max(g for g, _ in gaps)
    cuts = sorted(y for g, y in gaps if g >= 0.8 * widest)
    bands: list[list[int]] = [[] for _ in range(len(cuts) + 1)]
    for i in items:
        bands[bisect_left(cuts, boxes[i][3])].append(i)
    bands = [b for b in bands if b]
    return bands if len(bands) > 1 else None


__all__ = ["Leaf", "reading_order"]
