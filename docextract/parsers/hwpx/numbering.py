"""Paragraph numbering for HWPX: header.xml definitions and the visible markers.

Hangul does not store automatic numbers ("1.", "가.", "①") in the text; a paragraph
shape (``hh:paraPr``) carries a ``hh:heading`` of type OUTLINE, NUMBER or BULLET that
points at a numbering (``hh:numbering``) or bullet (``hh:bullet``) definition. Each
numbering level (``hh:paraHead``) has a number format and a pattern such as ``^1.``
or ``(^3)`` where ``^N`` stands for the current count of level N. :mod:`.header` reads
those definitions; this module replays the counting so the markers can be restored.
"""

from __future__ import annotations

import re

from ..text.numerals import hancom_number
from .header import Heading, HeaderInfo

_PATTERN_REF = re.compile(r"\^(10|[1-9])")

def format_number(n: int, fmt: str | None) -> str:
    """Render counter ``n`` in an OWPML number format (DIGIT, HANGUL_SYLLABLE, ...)."""
    return hancom_number(n, fmt)


class NumberingState:
    """Counts numbered paragraphs per numbering definition, resetting deeper levels."""

    def __init__(self, header: HeaderInfo) -> None:
        self.header = header
        self._counts: dict[tuple[str, str], dict[int, int]] = {}

    def marker(self, heading: Heading, outline_ref: str | None) -> str:
        """The visible marker for the next paragraph with this heading ("" when none)."""
        if heading.kind == "BULLET":
            return self.header.bullet(heading.ref)
        ref = outline_ref if heading.kind == "OUTLINE" else heading.ref
        if ref is None:
            return ""
        levels = self.header.numbering(ref)
        if not levels:
            return ""
        level = heading.level + 1
        fmt = levels.get(level)
        if fmt is None:
            return ""
        counts = self._counts.setdefault((heading.kind, ref), {})
        counts[level] = counts[level] + 1 if level in counts else fmt.start
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]

        def expand(match: re.Match[str]) -> str:
            lv = int(match.group(1))
            lv_fmt = levels.get(lv)
            if lv_fmt is None:
                return ""
            return format_number(counts.get(lv, lv_fmt.start), lv_fmt.num_format)

        return _PATTERN_REF.sub(expand, fmt.pattern)
