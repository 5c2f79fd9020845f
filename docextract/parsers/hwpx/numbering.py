"""Paragraph numbering for HWPX: header.xml definitions and the visible markers.

Hangul does not store automatic numbers ("1.", "가.", "①") in the text; a paragraph
shape (``hh:paraPr``) carries a ``hh:heading`` of type OUTLINE, NUMBER or BULLET that
points at a numbering (``hh:numbering``) or bullet (``hh:bullet``) definition. Each
numbering level (``hh:paraHead``) has a number format and a pattern such as ``^1.``
or ``(^3)`` where ``^N`` stands for the current count of level N. This module reads
those definitions and replays the counting so the markers can be restored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..text.glyphs import SYMBOL_BULLETS
from ..text.numerals import hancom_number
from .elements import local_name

_PATTERN_REF = re.compile(r"\^(10|[1-9])")

def format_number(n: int, fmt: str | None) -> str:
    """Render counter ``n`` in an OWPML number format (DIGIT, HANGUL_SYLLABLE, ...)."""
    return hancom_number(n, fmt)


@dataclass(frozen=True)
class LevelFormat:
    """One ``hh:paraHead``: where counting starts, the number format and the pattern."""

    start: int
    num_format: str
    pattern: str


@dataclass(frozen=True)
class Heading:
    """A paragraph shape's ``hh:heading``: OUTLINE/NUMBER/BULLET, its definition id, 0-based level."""

    kind: str
    ref: str
    level: int


@dataclass
class HeaderInfo:
    """What the section reader needs from Contents/header.xml."""

    headings: dict[str, Heading] = field(default_factory=dict)
    numberings: dict[str, dict[int, LevelFormat]] = field(default_factory=dict)
    bullets: dict[str, str] = field(default_factory=dict)
    styles: dict[str, str] = field(default_factory=dict)
    # how text is set, for telling headings by their look: charPr id → (height in
    # HWPUNIT, bold), and the paraPr ids that centre their paragraphs
    char_looks: dict[str, tuple[int, bool]] = field(default_factory=dict)
    centred: set[str] = field(default_factory=set)


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def read_header(root: Any) -> HeaderInfo:
    """Collect paragraph headings, numbering levels, bullets, style names and looks."""
    info = HeaderInfo()
    for el in root.iter():
        name = local_name(el.tag)
        if name == "paraPr":
            heading = next((h for h in el.iter() if local_name(h.tag) == "heading"), None)
            if heading is not None and heading.get("type", "NONE") != "NONE":
                info.headings[el.get("id", "")] = Heading(
                    heading.get("type", "NONE"), heading.get("idRef", "0"),
                    max(0, _int(heading.get("level"))))
            align = next((a for a in el.iter() if local_name(a.tag) == "align"), None)
            if align is not None and align.get("horizontal") == "CENTER":
                info.centred.add(el.get("id", ""))
        elif name == "charPr":
            bold = any(local_name(b.tag) == "bold" for b in el)
            info.char_looks[el.get("id", "")] = (max(0, _int(el.get("height"))), bold)
        elif name == "numbering":
            levels: dict[int, LevelFormat] = {}
            for head in el:
                if local_name(head.tag) != "paraHead":
                    continue
                levels[_int(head.get("level"), 1)] = LevelFormat(
                    _int(head.get("start"), 1), head.get("numFormat", "DIGIT"), head.text or "")
            info.numberings[el.get("id", "")] = levels
        elif name == "bullet":
            char = (el.get("char") or "").strip()
            if el.get("useImage") == "1" or not char:
                char = "•"
            info.bullets[el.get("id", "")] = SYMBOL_BULLETS.get(char, char)
        elif name == "style":
            info.styles[el.get("id", "")] = el.get("name") or el.get("engName") or ""
    return info


class NumberingState:
    """Counts numbered paragraphs per numbering definition, resetting deeper levels."""

    def __init__(self, header: HeaderInfo) -> None:
        self.header = header
        self._counts: dict[tuple[str, str], dict[int, int]] = {}

    def marker(self, heading: Heading, outline_ref: str | None) -> str:
        """The visible marker for the next paragraph with this heading ("" when none)."""
        if heading.kind == "BULLET":
            return self.header.bullets.get(heading.ref, "")
        ref = outline_ref if heading.kind == "OUTLINE" else heading.ref
        if ref is None:
            return ""
        levels = self.header.numberings.get(ref)
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
