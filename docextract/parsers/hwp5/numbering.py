"""Restoring automatic outline and paragraph numbers (1. 가. 1) …) into paragraph text.

Hancom draws these numbers at layout time from the paragraph shape (head type and
level) and a numbering definition in DocInfo, so PARA_TEXT never contains them.
Readers look for those markers, so the parser recomputes them: one counter array per
numbering definition; a paragraph at level ``k`` advances counter ``k`` and restarts
the deeper ones; the level's format string (``^1.``, ``^2)``, ``(^3)``) is filled
with each referenced level's counter drawn in that level's number shape.
"""

from __future__ import annotations

from ..text.numerals import hancom_number
from .docinfo import HEAD_BULLET, HEAD_NONE, HEAD_OUTLINE, DocInfo, NumberingDef



def format_number(n: int, shape: int) -> str:
    """Draw ``n`` in one of Hancom's number shapes (the spec's "번호 모양" table)."""
    return hancom_number(max(n, 0), shape)


def render_format(fmt: str, counters: list[int], shapes: list[int], current: int = 0) -> str:
    """Fill ``^1`` … ``^7`` (and ``^n``/``^N``) in level ``current``'s format string."""
    if "^" not in fmt:
        return fmt
    out: list[str] = []
    i, n = 0, len(fmt)
    while i < n:
        ch = fmt[i]
        if ch == "^" and i + 1 < n and fmt[i + 1] in "nN":
            # ^n: the whole level path (1.1.1); ^N: the same with a final period
            depth = max(1, current + 1)
            path = ".".join(format_number(c, 0) for c in counters[:depth])
            out.append(path + ("." if fmt[i + 1] == "N" else ""))
            i += 2
            continue
        if ch == "^" and i + 1 < n and "1" <= fmt[i + 1] <= "9":
            level = ord(fmt[i + 1]) - ord("1")
            if level < len(counters):
                shape = shapes[level] if level < len(shapes) else 0
                out.append(format_number(counters[level], shape))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


class NumberingState:
    """Running counters across a document; one per numbering definition."""

    def __init__(self, docinfo: DocInfo) -> None:
        self.docinfo = docinfo
        self.outline_id = 1
        self._counters: dict[int, list[int]] = {}
        # paragraph shape → its prefix when that never changes (no head, or a bullet)
        self._fixed: dict[int, tuple[str, int | None]] = {}

    def _definition(self, numbering_id: int) -> NumberingDef | None:
        defs = self.docinfo.numberings
        if 1 <= numbering_id <= len(defs):
            return defs[numbering_id - 1]
        return None

    def prefix(self, para_shape_id: int) -> tuple[str, int | None]:
        """The number or bullet text that Hancom draws before a paragraph, and its outline level.

        Returns ``("", None)`` for paragraphs without an automatic head.
        """
        fixed = self._fixed.get(para_shape_id)
        if fixed is not None:
            return fixed
        shapes = self.docinfo.para_shapes
        if not 0 <= para_shape_id < len(shapes):
            return "", None
        shape = shapes[para_shape_id]
        head = shape.head
        if head == HEAD_NONE:
            fixed = self._fixed[para_shape_id] = ("", None)
            return fixed
        if head == HEAD_BULLET:
            bullets = self.docinfo.bullets
            nid = shape.numbering_id
            char = bullets[nid - 1] if 1 <= nid <= len(bullets) else "•"
            fixed = self._fixed[para_shape_id] = (char + " ", None)
            return fixed
        nid = self.outline_id if head == HEAD_OUTLINE else shape.numbering_id
        definition = self._definition(nid)
        level = shape.level
        outline_level = level + 1 if head == HEAD_OUTLINE else None
        if definition is None or level >= len(definition.formats):
            return "", outline_level
        counters = self._counters.get(nid)
        if counters is None:
            counters = [s - 1 for s in definition.starts] or [0] * 7
            self._counters[nid] = counters
        counters[level] += 1
        for deeper in range(level + 1, len(counters)):
            counters[deeper] = definition.starts[deeper] - 1 if deeper < len(definition.starts) else 0
        text = render_format(definition.formats[level], counters, definition.shapes, level)
        return (text + " " if text else ""), outline_level
