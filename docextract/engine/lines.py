"""A line view of a Document that keeps table cell boundaries and maps back to evidence.

Extractors match labels and values line by line. A top-level paragraph is one line. A table
row becomes one line whose *segments* are its cells' paragraphs, separated by tabs (so a
label cell ``수신`` and a value cell ``수신자 참조`` never fuse into ``수신수신자 참조``);
a row with a single non-empty cell (a whole body placed in a layout box) gives one line per
paragraph instead. Nested tables follow the row that holds them. Every character of a line
maps back to a block path and an offset in :attr:`Document.text`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Iterator

from ..model import Cell, Document, Paragraph, Role, Table
from ..normalize.text import normalize_chars, printed_chars
from ..evidence import Evidence

SEP = "\t"


@dataclass(frozen=True)
class Segment:
    """A piece of one paragraph: its text, block path, start in Document.text, table column."""

    text: str  # look-alike characters normalized (for matching)
    path: str
    doc_start: int
    page: int | None = None
    col: int | None = None
    col_span: int = 1
    x0: float | None = None  # left edge on the page (PDF), for telling wraps from new lines
    raw: str = ""  # as printed, only PUA bullets and odd spaces cleaned (values come from this)
    orig: str = ""  # exactly as in Document.text (evidence text)


@dataclass
class Line:
    """One logical line: segments joined by tabs, plus where it sits (table row, role)."""

    segments: list[Segment]
    table: str | None = None
    row: int | None = None
    role: Role = Role.BODY
    text: str = field(init=False)
    printed: str = field(init=False)
    original: str = field(init=False)
    _starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        starts, parts, pos = [], [], 0
        for seg in self.segments:
            starts.append(pos)
            parts.append(seg.text)
            pos += len(seg.text) + len(SEP)
        self._starts = starts
        self.text = SEP.join(parts)
        self.printed = SEP.join(seg.raw or seg.text for seg in self.segments)
        self.original = SEP.join(seg.orig or seg.raw or seg.text for seg in self.segments)

    @property
    def x0(self) -> float | None:
        """The left edge of the line's first segment on the page, when the format has one."""
        return self.segments[0].x0 if self.segments else None

    def segment_spans(self) -> list[tuple[int, int]]:
        """``[start, end)`` of each segment (paragraph or cell) in :attr:`text`."""
        return [(start, start + len(seg.text)) for start, seg in zip(self._starts, self.segments)]

    def segment_at(self, offset: int) -> tuple[int, Segment]:
        """The segment holding line offset ``offset`` and that offset inside it."""
        idx = 0
        for i, start in enumerate(self._starts):
            if start <= offset:
                idx = i
        return offset - self._starts[idx], self.segments[idx]

    def doc_offset(self, offset: int) -> int:
        inner, seg = self.segment_at(offset)
        return seg.doc_start + min(inner, len(seg.text))

    def evidence(self, start: int, end: int, rule: str) -> Evidence:
        """Evidence for ``self.text[start:end]``: printed text, path, span, page, rule.

        The range is clipped to the segment (paragraph) it starts in, so that the evidence
        text is exactly ``Document.text[span]``.
        """
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        while start < end and self.text[start].isspace():
            start += 1
        inner, seg = self.segment_at(start)
        end = min(end, start - inner + len(seg.text))
        while end > start and self.text[end - 1].isspace():
            end -= 1
        a = self.doc_offset(start)
        b = self.doc_offset(end - 1) + 1 if end > start else a
        return Evidence(text=self.original[start:end], path=seg.path, span=(a, b), page=seg.page,
                        rule=rule)

    def split(self, cuts: list[int]) -> list["Line"]:
        """This line cut at the given offsets into several lines (blank pieces dropped).

        Used for run-on text where extraction put several printed lines on one line
        (``… 끝. 주무관 홍길동 … 시행 …``); evidence still maps into the Document.
        """
        bounds = [0, *sorted(c for c in set(cuts) if 0 < c < len(self.text)), len(self.text)]
        out: list[Line] = []
        for a, b in zip(bounds, bounds[1:]):
            segs: list[Segment] = []
            for start, seg in zip(self._starts, self.segments):
                lo, hi = max(a, start), min(b, start + len(seg.text))
                piece = seg.text[lo - start:hi - start] if hi > lo else ""
                raw = (seg.raw or seg.text)[lo - start:hi - start] if hi > lo else ""
                orig = (seg.orig or seg.raw or seg.text)[lo - start:hi - start] if hi > lo else ""
                lead = len(piece) - len(piece.lstrip())
                size = len(piece.strip())
                if size:
                    segs.append(Segment(piece[lead:lead + size], seg.path,
                                        seg.doc_start + (lo - start) + lead, seg.page, seg.col,
                                        seg.col_span, seg.x0, raw[lead:lead + size],
                                        orig[lead:lead + size]))
            if segs:
                out.append(Line(segs, self.table, self.row, self.role))
        return out

    def cells(self) -> list[list[Segment]]:
        """Segments grouped by table column (one group per paragraph outside tables)."""
        groups: list[list[Segment]] = []
        last: int | None = None
        for seg in self.segments:
            if groups and seg.col is not None and seg.col == last:
                groups[-1].append(seg)
            else:
                groups.append([seg])
            last = seg.col
        return groups


def _paragraph_segments(p: Paragraph, col: int | None = None, col_span: int = 1) -> list[Segment]:
    span = p.prov.span
    base = span[0] if span else 0
    x0 = p.prov.bbox.x0 if p.prov.bbox is not None else None
    out = []
    offset = 0
    for piece in p.text.split("\n"):
        if piece.strip():
            out.append(Segment(normalize_chars(piece), p.prov.path, base + offset, p.prov.page,
                               col, col_span, x0, printed_chars(piece), piece))
        offset += len(piece) + 1
    return out


def _cell_parts(cell: Cell) -> tuple[list[Segment], list[Table]]:
    segs: list[Segment] = []
    nested: list[Table] = []
    for b in cell.blocks:
        if isinstance(b, Paragraph):
            segs.extend(_paragraph_segments(b, cell.col, cell.col_span))
        else:
            nested.append(b)
    return segs, nested


def _table_lines(table: Table, depth: int = 0) -> Iterator[Line]:
    if depth > 32:
        return
    for r, row in enumerate(table.rows):
        cells = sorted(row, key=lambda c: c.col)
        parts = [_cell_parts(c) for c in cells]
        filled = [segs for segs, _ in parts if segs]
        anchor_row = cells[0].row if cells else r
        if len(filled) == 1:
            for seg in filled[0]:
                yield Line([seg], table.prov.path, anchor_row, table.role)
        elif filled:
            yield Line([s for segs in filled for s in segs], table.prov.path, anchor_row, table.role)
        for _, nested in parts:
            for t in nested:
                yield from _table_lines(t, depth + 1)


# The lines of the last few documents: classification scores every type on the same
# document and the chosen extractor then reads it again, so the view is built once.
# Each entry keeps its Document alive, so an id() is never reused while cached.
_RECENT: list[tuple[Document, list[Line]]] = []
_RECENT_MAX = 4
_RECENT_LOCK = threading.Lock()


def document_lines(doc: Document) -> list[Line]:
    """The Document as lines, in reading order (headers, body and tables alike).

    The Line objects are shared between calls for the same Document: treat them as
    read-only (:meth:`Line.split` makes new ones).
    """
    with _RECENT_LOCK:
        for cached_doc, cached in _RECENT:
            if cached_doc is doc:
                return list(cached)
    out: list[Line] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            for seg in _paragraph_segments(block):
                out.append(Line([seg], role=block.role))
        else:
            out.extend(_table_lines(block))
    with _RECENT_LOCK:
        _RECENT.insert(0, (doc, out))
        del _RECENT[_RECENT_MAX:]
    return list(out)


__all__ = ["Line", "SEP", "Segment", "document_lines"]
