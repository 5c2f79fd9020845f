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

from .glyphs import SYMBOL_BULLETS
from .hwpx_xml import local_name

_PATTERN_REF = re.compile(r"\^(10|[1-9])")

_HANGUL_SYLLABLES = "가나다라마바사아자차카타파하"
_HANGUL_JAMO = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
_DECAGON = "갑을병정무기경신임계"
_DECAGON_HANJA = "甲乙丙丁戊己庚辛壬癸"
_SINO_KOREAN = "영일이삼사오육칠팔구"
_IDEOGRAPH_DIGITS = "〇一二三四五六七八九"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _circled_digit(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _cycle(alphabet: str, n: int) -> str:
    return alphabet[(n - 1) % len(alphabet)] if n > 0 else str(n)


def _tens_words(n: int, digits: str, ten: str, hundred: str) -> str:
    """Spell 1..999 the Sino-Korean / Chinese way (십일, 二十三)."""
    if not 0 < n < 1000:
        return str(n)
    out = []
    h, rest = divmod(n, 100)
    t, u = divmod(rest, 10)
    if h:
        out.append((digits[h] if h > 1 else "") + hundred)
    if t:
        out.append((digits[t] if t > 1 else "") + ten)
    if u:
        out.append(digits[u])
    return "".join(out)


def format_number(n: int, fmt: str | None) -> str:
    """Render counter ``n`` in an OWPML number format (DIGIT, HANGUL_SYLLABLE, ...)."""
    fmt = (fmt or "DIGIT").upper()
    if fmt == "CIRCLED_DIGIT":
        return _circled_digit(n)
    if fmt == "ROMAN_CAPITAL":
        return _roman(n)
    if fmt == "ROMAN_SMALL":
        return _roman(n).lower()
    if fmt == "LATIN_CAPITAL":
        return _cycle("ABCDEFGHIJKLMNOPQRSTUVWXYZ", n)
    if fmt == "LATIN_SMALL":
        return _cycle("abcdefghijklmnopqrstuvwxyz", n)
    if fmt == "CIRCLED_LATIN_CAPITAL":
        return chr(0x24B6 + (n - 1) % 26) if n > 0 else str(n)
    if fmt == "CIRCLED_LATIN_SMALL":
        return chr(0x24D0 + (n - 1) % 26) if n > 0 else str(n)
    if fmt == "HANGUL_SYLLABLE":
        return _cycle(_HANGUL_SYLLABLES, n)
    if fmt == "CIRCLED_HANGUL_SYLLABLE":
        return chr(0x326E + (n - 1) % 14) if n > 0 else str(n)
    if fmt == "HANGUL_JAMO":
        return _cycle(_HANGUL_JAMO, n)
    if fmt == "CIRCLED_HANGUL_JAMO":
        return chr(0x3260 + (n - 1) % 14) if n > 0 else str(n)
    if fmt == "HANGUL_PHONETIC":
        return _tens_words(n, _SINO_KOREAN, "십", "백")
    if fmt == "IDEOGRAPH":
        return _tens_words(n, _IDEOGRAPH_DIGITS, "十", "百")
    if fmt == "CIRCLED_IDEOGRAPH":
        return chr(0x3280 + n - 1) if 1 <= n <= 10 else _tens_words(n, _IDEOGRAPH_DIGITS, "十", "百")
    if fmt == "DECAGON_CIRCLE":
        return _cycle(_DECAGON, n)
    if fmt == "DECAGON_CIRCLE_HANJA":
        return _cycle(_DECAGON_HANJA, n)
    return str(n)


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


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def read_header(root: Any) -> HeaderInfo:
    """Collect paragraph headings, numbering levels, bullets and style names."""
    info = HeaderInfo()
    for el in root.iter():
        name = local_name(el.tag)
        if name == "paraPr":
            heading = next((h for h in el.iter() if local_name(h.tag) == "heading"), None)
            if heading is not None and heading.get("type", "NONE") != "NONE":
                info.headings[el.get("id", "")] = Heading(
                    heading.get("type", "NONE"), heading.get("idRef", "0"),
                    max(0, _int(heading.get("level"))))
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
