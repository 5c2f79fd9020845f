"""Blocks as chunkable items, and items cut into pieces that fit the size limit.

An :class:`Item` is a paragraph or a table with its range in :attr:`Document.text`
(the block's text plus the line break after it), so the items of a document tile its
text without gap. Tables used as boxes around running text (one column, or a single
cell) are not items: their paragraphs are, in reading order.

A :class:`Piece` is a run of items (or a part of one) ready to become a chunk: its range,
its rendered parts (paragraph text, or a table's rows as Markdown) and where it came from.
Pieces are cut only where the structure allows: between items, between table rows (the
header row repeated), between sentences, and inside a sentence only when the sentence
alone is over the limit (at a space if there is one).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Cell, Paragraph, Table
from ..summaries.sentences import split_sentences
from .outline import Opening, opening

HEADER_CELL_CHARS = 40
"""A first row whose cells are all at most this long (and not all empty) is a header row."""


@dataclass
class Item:
    """A paragraph or table with its range ``[start, end)`` in the document text."""

    block: Paragraph | Table
    start: int
    end: int
    opening: Opening | None = None


@dataclass
class Piece:
    """A chunk in the making: a text range, its rendered parts and its provenance."""

    start: int
    end: int
    parts: list[tuple[str, bool]] = field(default_factory=list)
    """(text, is Markdown table) in reading order; empty texts are left out."""
    paths: list[str] = field(default_factory=list)
    crumbs: list[str] = field(default_factory=list)
    anchor: str = ""
    opens: bool = False
    """The piece starts an outline entry too long for one chunk: it stays with that
    entry and joins nothing before it but its parent's heading."""
    own: bool = True
    """Made only of an entry's own items (its heading and running text), no child's."""

    @property
    def size(self) -> int:
        return rendered_size(self.parts)

    @property
    def empty(self) -> bool:
        return not self.parts

    def text(self) -> str:
        out = ""
        for i, (text, table) in enumerate(self.parts):
            if i:
                out += "\n\n" if table or self.parts[i - 1][1] else "\n"
            out += text
        return out

    def merged(self, other: "Piece") -> "Piece":
        """This piece followed by ``other`` (which starts where this one ends)."""
        lead = self if not self.empty or other.empty else other
        return Piece(self.start, other.end, self.parts + other.parts,
                     self.paths + [p for p in other.paths if p not in self.paths],
                     lead.crumbs, lead.anchor, lead.opens, self.own and other.own)


def rendered_size(parts: list[tuple[str, bool]]) -> int:
    size = 0
    for i, (text, table) in enumerate(parts):
        if i:
            size += 2 if table or parts[i - 1][1] else 1
        size += len(text)
    return size


# ------------------------------------------------------------------------- items


def _paragraph_ranges(block: Paragraph | Table) -> list[tuple[int, int]]:
    if isinstance(block, Paragraph):
        span = block.prov.span
        return [(span[0], span[1] + 1)] if span is not None else []
    out: list[tuple[int, int]] = []
    for cell in block.cells():
        for child in cell.blocks:
            out += _paragraph_ranges(child)
    return out


def _range(block: Paragraph | Table) -> tuple[int, int]:
    ranges = _paragraph_ranges(block)
    if ranges:
        return ranges[0][0], ranges[-1][1]
    span = block.prov.span or (0, 0)
    return span[0], span[0]


def is_box(table: Table) -> bool:
    """A table that frames running text rather than tabulating: one column or one cell."""
    return table.n_cols <= 1 or sum(1 for _ in table.cells()) <= 1


def items(blocks: list[Paragraph | Table], *, outline: bool = True,
          law: bool = False) -> list[Item]:
    """The items of ``blocks`` in reading order, box tables opened up; ``outline`` marks
    the items that open outline entries (``law``: ranked in the order of 법령)."""
    out: list[Item] = []
    stack = [iter(blocks)]
    while stack:
        block = next(stack[-1], None)
        if block is None:
            stack.pop()
            continue
        if isinstance(block, Table) and is_box(block):
            stack.append(b for c in block.cells() for b in c.blocks)
            continue
        start, end = _range(block)
        entry = opening(block, law=law) if outline and isinstance(block, Paragraph) else None
        out.append(Item(block, start, end, entry))
    return out


# ------------------------------------------------------------------------- rendering


def _cell_text(cell: Cell | None) -> str:
    if cell is None:
        return ""
    words = " ".join(cell.text.split())
    return words.replace("|", "\\|")


def header_rows(table: Table) -> int:
    """How many leading rows form the table's header (0 when the first row is data)."""
    if table.n_rows < 2 or not table.rows or not table.rows[0]:
        return 0
    first = table.rows[0]
    texts = [_cell_text(c) for c in first]
    if not any(texts) or any(len(t) > HEADER_CELL_CHARS for t in texts):
        return 0
    depth = max(c.row_span for c in first)
    return depth if depth < table.n_rows else 0


def table_markdown(table: Table, rows: list[int]) -> str:
    """GFM table of the given grid rows, rows without text left out ("" when none has
    any); a merged cell's text at its anchor, repeated in a row it spans only when its
    anchor row is not shown."""
    if table.n_cols == 0 or not rows:
        return ""
    grid = table.grid()
    shown = set(rows)
    lines = []
    for r in rows:
        cells = []
        for k in range(table.n_cols):
            c = grid[r][k] if r < len(grid) else None
            if c is None or c.col != k or (c.row != r and c.row in shown):
                cells.append("")
            else:
                cells.append(_cell_text(c))
        if any(cells):
            lines.append("| " + " | ".join(cells) + " |")
    if not lines:
        return ""
    lines.insert(1, "|" + "---|" * table.n_cols)
    return "\n".join(lines)


# ------------------------------------------------------------------------- splitting


def _cuts(text: str, start: int, end: int, limit: int) -> list[int]:
    """Cut points in ``text[start:end]`` so that every stripped part fits ``limit``:
    at sentence ends, else at the last space, else anywhere."""
    ends = [s.end for s in split_sentences(text, start, end)]
    points = sorted({p for p in ends if start < p < end} | {end})
    cuts = [start]
    a, k = start, 0
    while a < end:
        while k < len(points) and points[k] <= a:
            k += 1
        best = None
        j = k
        while j < len(points) and len(text[a:points[j]].strip()) <= limit:
            best, j = points[j], j + 1
        if best is None:  # the sentence alone is over the limit
            best = _hard_cut(text, a, points[k], limit)
        if best < end:
            cuts.append(best)
        a = best
    return cuts


def _hard_cut(text: str, start: int, end: int, limit: int) -> int:
    """A cut after ``start`` that leaves at most ``limit`` characters before it: the last
    space in reach (if it is past half the limit), else exactly ``limit`` characters on."""
    while start < end and text[start].isspace():
        start += 1
    stop = min(start + limit, end)
    space = max(text.rfind(" ", start, stop + 1), text.rfind("\n", start, stop + 1))
    return space if space > start + limit // 2 else stop


def split_paragraph(text: str, item: Item, limit: int, crumbs: list[str]) -> list[Piece]:
    """``item`` (a paragraph) as pieces within ``limit`` characters."""
    para = item.block
    body_end = item.end - 1 if item.end > item.start else item.end  # without the line break
    if len(text[item.start:body_end].strip()) <= limit:
        stripped = text[item.start:body_end].strip()
        return [Piece(item.start, item.end, [(stripped, False)] if stripped else [],
                      [para.prov.path], crumbs, para.prov.path)]
    cuts = _cuts(text, item.start, body_end, limit) + [item.end]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        part = text[a:b].strip()
        anchor = para.prov.path if a == item.start else f"{para.prov.path}@{a - item.start}"
        out.append(Piece(a, b, [(part, False)] if part else [], [para.prov.path], crumbs, anchor))
    return out


def _row_points(table: Table, start: int, end: int) -> list[int]:
    """Where each grid row's text starts (``points[n_rows]`` is the table's end)."""
    points = [end] * (table.n_rows + 1)
    for r in range(table.n_rows - 1, -1, -1):
        ranges = [x for c in (table.rows[r] if r < len(table.rows) else [])
                  for b in c.blocks for x in _paragraph_ranges(b)]
        points[r] = ranges[0][0] if ranges else points[r + 1]
    points[0] = start
    return points


def split_table(text: str, item: Item, limit: int, crumbs: list[str]) -> list[Piece]:
    """``item`` (a table) whole when it fits, else row groups with the header repeated;
    a row too long even alone becomes pieces of its cells' text."""
    table = item.block
    assert isinstance(table, Table)
    path = table.prov.path
    whole = table_markdown(table, list(range(table.n_rows)))
    if len(whole) <= limit:
        return [Piece(item.start, item.end, [(whole, True)] if whole else [], [path], crumbs, path)]
    head = header_rows(table)
    points = _row_points(table, item.start, item.end)
    out: list[Piece] = []
    r = 0
    while r < table.n_rows:
        lead = list(range(head)) if r >= head else []
        b = r + 1
        md = table_markdown(table, lead + list(range(r, b)))
        if len(md) > limit:  # one row over the limit even alone
            out += _flow_row(text, table, r, points[r], points[r + 1], limit, crumbs)
            r += 1
            continue
        while b < table.n_rows:
            longer = table_markdown(table, lead + list(range(r, b + 1)))
            if len(longer) > limit:
                break
            md, b = longer, b + 1
        paths = [c.prov.path for row in table.rows[r:b] for c in row]
        anchor = path if r == 0 else f"{path}#r{r}"
        out.append(Piece(points[r], points[b], [(md, True)] if md else [], paths or [path],
                         crumbs, anchor))
        r = b
    return out


def _flow_row(text: str, table: Table, row: int, start: int, end: int, limit: int,
              crumbs: list[str]) -> list[Piece]:
    blocks = [b for c in (table.rows[row] if row < len(table.rows) else []) for b in c.blocks]
    pieces: list[Piece] = []
    for item in items(blocks, outline=False):
        pieces += split_item(text, item, limit, crumbs)
    if not pieces:
        return [Piece(start, end, [], [table.prov.path], crumbs, f"{table.prov.path}#r{row}")]
    pieces[0].start, pieces[-1].end = start, end
    return pieces


def split_item(text: str, item: Item, limit: int, crumbs: list[str]) -> list[Piece]:
    if isinstance(item.block, Table):
        return split_table(text, item, limit, crumbs)
    return split_paragraph(text, item, limit, crumbs)


__all__ = ["Item", "Piece", "header_rows", "is_box", "items", "rendered_size", "split_item",
           "table_markdown"]
