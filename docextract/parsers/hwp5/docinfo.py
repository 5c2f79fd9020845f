"""The parts of the DocInfo stream the body needs: paragraph shapes, numbering, bullets, styles.

Records of one kind appear in ID order, so a shape's ID is its position among the
records of its tag. Numbering and bullet IDs in a paragraph shape are 1-based.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from .records import TAG_BULLET, TAG_NUMBERING, TAG_PARA_SHAPE, TAG_STYLE, Records

HEAD_NONE, HEAD_OUTLINE, HEAD_NUMBER, HEAD_BULLET = 0, 1, 2, 3

_U16 = struct.Struct("<H").unpack_from
_U32 = struct.Struct("<I").unpack_from

# Wingdings/Symbol code points that Hancom stores in the private-use area for bullets,
# mapped to the Unicode characters they draw.
BULLET_GLYPHS = {
    "\uf06c": "●", "\uf06e": "■", "\uf06f": "□", "\uf070": "□", "\uf071": "❑", "\uf075": "◆",
    "\uf076": "❖", "\uf077": "◆", "\uf09f": "•", "\uf0a7": "▪", "\uf0a8": "◻", "\uf0b7": "•",
    "\uf0d8": "➢", "\uf0e0": "➔", "\uf0e8": "➔", "\uf0fc": "✔", "\uf0fe": "☑", "\uf0a1": "○",
    "\uf09e": "·", "\uf0a4": "◉", "\uf0b2": "◇",
}


@dataclass(frozen=True)
class ParaShape:
    """What a paragraph shape says about its head: none, outline, number or bullet."""

    head: int
    level: int  # 0-based
    numbering_id: int  # 1-based id of a numbering or bullet definition; 0 = none


@dataclass
class NumberingDef:
    """One numbering definition: a format string and a number shape per level."""

    formats: list[str] = field(default_factory=list)
    shapes: list[int] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)


@dataclass
class DocInfo:
    """Shapes and definitions from DocInfo, indexed by ID."""

    para_shapes: list[ParaShape] = field(default_factory=list)
    numberings: list[NumberingDef] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)


def _wstring(data: bytes, pos: int, stop: int) -> tuple[str, int]:
    """A WORD-length-prefixed UTF-16LE string at ``pos``; returns it and the next offset."""
    if pos + 2 > stop:
        return "", stop
    n = _U16(data, pos)[0]
    end = min(pos + 2 + 2 * n, stop)
    return data[pos + 2:end].decode("utf-16-le", "replace"), end


def parse_docinfo(recs: Records) -> DocInfo:
    """Read paragraph shapes, numbering and bullet definitions and style names."""
    info = DocInfo()
    data = recs.data
    for i, tag in enumerate(recs.tag):
        start, stop = recs.start[i], recs.stop[i]
        if tag == TAG_PARA_SHAPE:
            if stop - start >= 32:
                attr = _U32(data, start)[0]
                info.para_shapes.append(ParaShape((attr >> 23) & 3, (attr >> 25) & 7,
                                                  _U16(data, start + 30)[0]))
            else:
                info.para_shapes.append(ParaShape(HEAD_NONE, 0, 0))
        elif tag == TAG_NUMBERING:
            info.numberings.append(_parse_numbering(data, start, stop))
        elif tag == TAG_BULLET:
            char = data[start + 12:start + 14].decode("utf-16-le", "replace") \
                if stop - start >= 14 else "•"
            info.bullets.append(BULLET_GLYPHS.get(char, char) if char.strip() else "•")
        elif tag == TAG_STYLE:
            info.styles.append(_wstring(data, start, stop)[0])
    return info


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
    first = _U16(data, pos)[0] if pos + 2 <= stop else 1
    pos += 2
    for level in range(len(nd.formats)):
        if pos + 4 <= stop:
            nd.starts.append(_U32(data, pos)[0])
            pos += 4
        else:
            nd.starts.append(first)
    return nd
