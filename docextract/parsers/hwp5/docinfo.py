"""The parts of the DocInfo stream the body needs: paragraph and character shapes,
numbering, bullets, styles.

Records of one kind appear in ID order, so a shape's ID is its position among the
records of its tag. Numbering and bullet IDs in a paragraph shape are 1-based.
"""

from __future__ import annotations

import struct
from codecs import utf_16_le_decode
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar

from ..text.glyphs import SYMBOL_BULLETS
from .records import TAG_BULLET, TAG_CHAR_SHAPE, TAG_NUMBERING, TAG_PARA_SHAPE, TAG_STYLE

# the only DocInfo records the parser reads; the rest are skipped while scanning
DOCINFO_USED = frozenset({TAG_PARA_SHAPE, TAG_CHAR_SHAPE, TAG_NUMBERING, TAG_BULLET, TAG_STYLE})

HEAD_NONE, HEAD_OUTLINE, HEAD_NUMBER, HEAD_BULLET = 0, 1, 2, 3

T = TypeVar("T")
_U16 = struct.Struct("<H").unpack_from
_U32 = struct.Struct("<I").unpack_from
_I32_U32 = struct.Struct("<iI").unpack_from
ALIGN_CENTRE = 3  # paragraph shape attribute bits 2-4: 0 justify, 1 left, 2 right, 3 centre
CHAR_SIZE_OFFSET = 42  # CHAR_SHAPE: 7 face ids (u16) and four 7-byte arrays come first
CHAR_BOLD = 0x2


class ParaShape(NamedTuple):
    """What a paragraph shape says about its head: none, outline, number or bullet."""

    head: int
    level: int  # 0-based
    numbering_id: int  # 1-based id of a numbering or bullet definition; 0 = none
    align: int = 0


class CharShape(NamedTuple):
    """What a character shape says about the look of text: size (HWPUNIT, 1000 = 10 pt)
    and weight."""

    size: int
    bold: bool


@dataclass
class NumberingDef:
    """One numbering definition: a format string and a number shape per level."""

    formats: list[str] = field(default_factory=list)
    shapes: list[int] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)


class LazyRecords(Sequence[T]):
    """Records of one kind, decoded on first use: a document uses few of its definitions."""

    def __init__(self, data: bytes, spans: list[tuple[int, int]],
                 decode: Callable[[bytes, int, int], T]) -> None:
        self._data = data
        self._spans = spans
        self._decode = decode
        self._cache: dict[int, T] = {}

    def __len__(self) -> int:
        return len(self._spans)

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        item = self._cache.get(index)
        if item is None:
            start, stop = self._spans[index]
            item = self._cache[index] = self._decode(self._data, start, stop)
        return item


@dataclass
class DocInfo:
    """Shapes and definitions from DocInfo, indexed by ID.

    ``heads`` holds each paragraph shape's head type, read eagerly because the body
    checks it for every paragraph (through ``numbered``).
    """

    para_shapes: Sequence[ParaShape] = field(default_factory=list)
    char_shapes: Sequence[CharShape] = field(default_factory=list)
    numberings: Sequence[NumberingDef] = field(default_factory=list)
    bullets: Sequence[str] = field(default_factory=list)
    styles: Sequence[str] = field(default_factory=list)
    heads: list[int] | None = None
    # the ids of the paragraph shapes that have a head (the body asks for every paragraph)
    numbered: frozenset[int] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        if self.heads is None:
            self.heads = [shape.head for shape in self.para_shapes]
        self.numbered = frozenset([k for k, head in enumerate(self.heads) if head])


def _wstring(data: bytes, pos: int, stop: int) -> tuple[str, int]:
    """A WORD-length-prefixed UTF-16LE string at ``pos``; returns it and the next offset."""
    if pos + 2 > stop:
        return "", stop
    n = _U16(data, pos)[0]
    end = min(pos + 2 + 2 * n, stop)
    return utf_16_le_decode(data[pos + 2:end], "replace", True)[0], end


def _para_shape(data: bytes, start: int, stop: int) -> ParaShape:
    if stop - start < 32:
        return ParaShape(HEAD_NONE, 0, 0)
    attr = _U32(data, start)[0]
    return ParaShape((attr >> 23) & 3, (attr >> 25) & 7, _U16(data, start + 30)[0], (attr >> 2) & 7)


def _char_shape(data: bytes, start: int, stop: int) -> CharShape:
    if stop - start < CHAR_SIZE_OFFSET + 8:
        return CharShape(0, False)
    size, attr = _I32_U32(data, start + CHAR_SIZE_OFFSET)
    return CharShape(max(0, size), bool(attr & CHAR_BOLD))


def _bullet(data: bytes, start: int, stop: int) -> str:
    char = data[start + 12:start + 14].decode("utf-16-le", "replace") if stop - start >= 14 else ""
    return SYMBOL_BULLETS.get(char, char) if char.strip() else "•"


def _style(data: bytes, start: int, stop: int) -> str:
    return _wstring(data, start, stop)[0]


def docinfo_from_spans(data: bytes, spans: dict[int, list[tuple[int, int]]]) -> DocInfo:
    """Paragraph shapes, numbering and bullet definitions and styles indexed by ID, from the
    payload bounds of the used records, by tag in stream order (:func:`~.records.scan_spans`
    with ``DOCINFO_USED``)."""
    heads = [(_U32(data, start)[0] >> 23) & 3 if stop - start >= 32 else HEAD_NONE
             for start, stop in spans[TAG_PARA_SHAPE]]
    return DocInfo(para_shapes=LazyRecords(data, spans[TAG_PARA_SHAPE], _para_shape),
                   char_shapes=LazyRecords(data, spans[TAG_CHAR_SHAPE], _char_shape),
                   numberings=LazyRecords(data, spans[TAG_NUMBERING], _parse_numbering),
                   bullets=LazyRecords(data, spans[TAG_BULLET], _bullet),
                   styles=LazyRecords(data, spans[TAG_STYLE], _style),
                   heads=heads)


def _parse_numbering(data: bytes, start: int, stop: int) -> NumberingDef:
    """Seven levels of (head info, format string), then the start numbers."""
    nd = NumberingDef()
    pos = start
    for _ in range(7):
        if pos + 14 > stop:
            break
        props = _U32(data, pos)[0]
        text, pos = _wstring(data, pos + 12, stop)
        nd.formats.append(text)
        nd.shapes.append((props >> 5) & 0xF)
    # numbers start at 1 at the least: old files store 0 where Hancom shows 1
    first = max(1, _U16(data, pos)[0]) if pos + 2 <= stop else 1
    pos += 2
    for level in range(len(nd.formats)):
        if pos + 4 <= stop:
            nd.starts.append(max(1, _U32(data, pos)[0]))
            pos += 4
        else:
            nd.starts.append(first)
    return nd
