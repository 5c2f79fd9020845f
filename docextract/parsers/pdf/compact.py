"""Glyphs kept compactly while the rest of the document is read.

Some decisions need every page (running headers, the text block, the wrap policy of
:mod:`.wrap`), so each page's lines are kept until the document is assembled. As
:class:`~.glyphs.Glyph` tuples they cost about 300 bytes a character (a tuple, four
float objects, an int and often a str), 0.4 MB for a full page of Korean text. A
:class:`GlyphRun` holds the same values in one string and six arrays, about 45 bytes a
character (with the bold flag), and gives back equal ``Glyph`` tuples on access, so the code that reads lines
and cells does not change. Lines and cells are compacted once they are built; nothing
writes to them afterwards.
"""

from __future__ import annotations

from array import array
from contextlib import contextmanager
from itertools import repeat
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, Union, overload

from .glyphs import Glyph

_new = tuple.__new__  # Glyph(...) without a Python-level call: map(_new, repeat(Glyph), rows)
_GLYPH = repeat(Glyph)


class GlyphRun(Sequence[Glyph]):
    """An immutable sequence of glyphs stored column by column."""

    __slots__ = ("_text", "_x0", "_top", "_x1", "_bottom", "_order", "_bold")

    def __init__(self, glyphs: Iterable[Glyph]) -> None:
        columns = tuple(zip(*glyphs)) or ((), (), (), (), (), (), ())
        texts, x0, top, x1, bottom, order, bold = columns
        # one character a glyph is the rule; a longer text keeps its own tuple
        joined = "".join(texts)
        self._text: Union[str, tuple[str, ...]] = joined if len(joined) == len(texts) else texts
        self._x0 = array("d", x0)
        self._top = array("d", top)
        self._x1 = array("d", x1)
        self._bottom = array("d", bottom)
        self._order = array("q", order)
        self._bold = array("b", bold)

    def __len__(self) -> int:
        return len(self._x0)

    def __iter__(self) -> Iterator[Glyph]:
        return map(_new, _GLYPH, zip(self._text, self._x0, self._top, self._x1, self._bottom, self._order,
                                     map(bool, self._bold)))

    @overload
    def __getitem__(self, index: int) -> Glyph: ...

    @overload
    def __getitem__(self, index: slice) -> list[Glyph]: ...

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return list(map(_new, _GLYPH, zip(self._text[index], self._x0[index], self._top[index],
                                              self._x1[index], self._bottom[index], self._order[index],
                                              map(bool, self._bold[index]))))
        return Glyph(self._text[index], self._x0[index], self._top[index], self._x1[index],
                     self._bottom[index], self._order[index], bool(self._bold[index]))

    def __repr__(self) -> str:
        return f"GlyphRun({list(self)!r})"


def compact_lines(lines: Iterable[Any]) -> None:
    """Store each line's glyphs as a :class:`GlyphRun` (lines of :mod:`.lines`)."""
    for line in lines:
        if not isinstance(line.glyphs, GlyphRun):
            line.glyphs = GlyphRun(line.glyphs)


def ink_heights(glyphs: Sequence[Glyph]) -> tuple[list[float], int]:
    """The heights of the glyphs with ink (not spaces), and how many of those are bold;
    read from a :class:`GlyphRun`'s columns without making its glyphs."""
    heights: list[float] = []
    add = heights.append
    bold = 0
    if isinstance(glyphs, GlyphRun):
        for text, top, bottom, heavy in zip(glyphs._text, glyphs._top, glyphs._bottom, glyphs._bold):
            if text != " ":
                add(bottom - top)
                bold += heavy
        return heights, bold
    for g in glyphs:
        if g.text != " ":
            add(g.bottom - g.top)
            bold += g.bold
    return heights, bold


@contextmanager
def expanded(lines: Sequence[Any]) -> Iterator[None]:
    """The glyphs of compacted ``lines`` as plain lists while a pass reads them several
    times (a page's layout), then the same compact runs again: one page's glyphs are made
    once, not on every read, and nothing is compacted twice."""
    runs = [(line, line.glyphs) for line in lines if isinstance(line.glyphs, GlyphRun)]
    for line, run in runs:
        line.glyphs = list(run)
    try:
        yield
    finally:
        for line, run in runs:
            line.glyphs = run


def compact_tables(tables: Sequence[Any], build_lines: Optional[Callable[[Any], Any]] = None) -> None:
    """The glyphs of every cell of ``tables`` and their nested tables, and cell lines
    already built. ``build_lines(cell)``, when given, builds each cell's lines first, from
    its glyph tuples: the layout needs them anyway, and reading the glyphs back out of a
    compact run would cost as much again."""
    stack = list(tables)
    while stack:
        table = stack.pop()
        for cell in table.cells:
            if build_lines is not None:
                build_lines(cell)
            if not isinstance(cell.glyphs, GlyphRun):
                cell.glyphs = GlyphRun(cell.glyphs)
            if cell.lines:
                compact_lines(cell.lines)
            stack.extend(cell.nested)


__all__ = ["GlyphRun", "compact_lines", "compact_tables", "expanded", "ink_heights"]
