"""List numbering from ``word/numbering.xml``: the visible markers Word draws.

Word stores "1.", "가." or "•" in front of a list paragraph nowhere in the text; it
computes them from ``w:numPr`` (numId + level) and the numbering definitions. This module
keeps the counters and renders the marker, so that "가. 관련 근거" survives extraction.

Counting follows Word: instances (``w:num``) that share an abstract definition continue
one list unless the instance overrides its start value, in which case it counts on its
own; using a level resets the counters of the levels below it (unless that level's
``w:lvlRestart`` says otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..text.glyphs import SYMBOL_BULLETS
from ..text.numerals import (HANGUL_JAMO, HANGUL_SYLLABLES, IDEOGRAPH_DIGITS, SINO_KOREAN_DIGITS,
                       circled_digit, cyclic, repeated_letter, roman, sino)
from .package import W_NS

if TYPE_CHECKING:
    from lxml import etree

_W = f"{{{W_NS}}}"
_LEVELS = 9

_KOREAN_COUNTING = ["하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉", "열"]


@dataclass
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    restart_after: int | None = None  # restart when a level <= this (0-based) is used; -1 never
    legal: bool = False


@dataclass
class _Instance:
    abstract_id: str
    overrides: dict[int, int] = field(default_factory=dict)  # level -> start override
    level_overrides: dict[int, Level] = field(default_factory=dict)


class Numbering:
    """List definitions plus the running counters of one document."""

    def __init__(self, root: "etree._Element | None",
                 style_num: dict[str, str] | None = None) -> None:
        self._abstract: dict[str, list[Level]] = {}
        self._abstract_link: dict[str, str] = {}  # abstractNumId -> numbering style id
        self._style_levels: dict[tuple[str, str], int] = {}  # (abstractNumId, pStyle) -> level
        self._instances: dict[str, _Instance] = {}
        self._counters: dict[str, list[int]] = {}  # counter key -> values per level (0 = unused)
        self._style_num = style_num or {}
        if root is None:
            return
        for abstract in root.iter(_W + "abstractNum"):
            aid = abstract.get(_W + "abstractNumId")
            if aid is None:
                continue
            levels = [Level() for _ in range(_LEVELS)]
            for lvl in abstract.findall(_W + "lvl"):
                idx = _int(lvl.get(_W + "ilvl"))
                if idx is not None and 0 <= idx < _LEVELS:
                    levels[idx] = _read_level(lvl, idx)
                    pstyle = lvl.find(_W + "pStyle")
                    if pstyle is not None and pstyle.get(_W + "val"):
                        self._style_levels[(aid, pstyle.get(_W + "val", ""))] = idx
            self._abstract[aid] = levels
            link = abstract.find(_W + "numStyleLink")
            if link is not None and link.get(_W + "val"):
                self._abstract_link[aid] = link.get(_W + "val", "")
        for num in root.iter(_W + "num"):
            nid = num.get(_W + "numId")
            ref = num.find(_W + "abstractNumId")
            if nid is None or ref is None:
                continue
            inst = _Instance(ref.get(_W + "val", ""))
            for override in num.findall(_W + "lvlOverride"):
                idx = _int(override.get(_W + "ilvl"))
                if idx is None or not 0 <= idx < _LEVELS:
                    continue
                start = override.find(_W + "startOverride")
                if start is not None:
                    value = _int(start.get(_W + "val"))
                    inst.overrides[idx] = value if value is not None else 1
                lvl = override.find(_W + "lvl")
                if lvl is not None:
                    inst.level_overrides[idx] = _read_level(lvl, idx)
            self._instances[nid] = inst

    def level_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level a list gives paragraphs of ``style_id`` (``w:lvl/w:pStyle``), if any."""
        inst = self._instances.get(num_id)
        if inst is None or style_id is None:
            return None
        return self._style_levels.get((inst.abstract_id, style_id))

    def marker(self, num_id: str | None, level: int | None) -> str:
        """Advance the list ``num_id`` at ``level`` and return its marker plus separator."""
        if not num_id or num_id == "0":
            return ""
        inst = self._instances.get(num_id)
        if inst is None:
            return ""
        levels = self._levels(inst)
        if levels is None:
            return ""
        level = level if level is not None and 0 <= level < _LEVELS else 0
        for idx, lvl in inst.level_overrides.items():
            levels = levels[:idx] + [lvl] + levels[idx + 1:]
        key = f"n{num_id}" if inst.overrides else f"a{inst.abstract_id}"
        counters = self._counters.get(key)
        if counters is None:
            counters = [0] * _LEVELS
            self._counters[key] = counters
        if counters[level] == 0:
            counters[level] = inst.overrides.get(level, levels[level].start)
        else:
            counters[level] += 1
        for lower in range(level + 1, _LEVELS):
            restart = levels[lower].restart_after
            if restart is None or (restart >= 0 and level <= restart):
                counters[lower] = 0
        for upper in range(level):  # a level used before its parents counts them as started
            if counters[upper] == 0:
                counters[upper] = inst.overrides.get(upper, levels[upper].start)
        lvl = levels[level]
        text = _render(lvl, levels, counters, level)
        if not text:
            return ""
        return text + ("" if lvl.suffix == "nothing" else " ")

    def _levels(self, inst: _Instance) -> list[Level] | None:
        levels = self._abstract.get(inst.abstract_id)
        # A definition that only links to a numbering style takes its levels from the list
        # that style applies (one hop: deeper chains are not produced by Word).
        link = self._abstract_link.get(inst.abstract_id)
        if link is not None:
            target_num = self._style_num.get(link)
            target = self._instances.get(target_num or "")
            if target is not None and target.abstract_id != inst.abstract_id:
                levels = self._abstract.get(target.abstract_id, levels)
        return levels


def _read_level(lvl: "etree._Element", idx: int) -> Level:
    out = Level(text=f"%{idx + 1}.")
    start = lvl.find(_W + "start")
    if start is not None:
        value = _int(start.get(_W + "val"))
        if value is not None:
            out.start = value
    fmt = lvl.find(_W + "numFmt")
    if fmt is not None:
        out.fmt = fmt.get(_W + "val", "decimal")
    text = lvl.find(_W + "lvlText")
    if text is not None:
        out.text = text.get(_W + "val", "")
    suffix = lvl.find(_W + "suff")
    if suffix is not None:
        out.suffix = suffix.get(_W + "val", "tab")
    restart = lvl.find(_W + "lvlRestart")
    if restart is not None:
        value = _int(restart.get(_W + "val"))
        out.restart_after = -1 if value == 0 else (value - 1 if value is not None else None)
    out.legal = lvl.find(_W + "isLgl") is not None
    return out


def _render(lvl: Level, levels: list[Level], counters: list[int], level: int) -> str:
    if lvl.fmt == "none":
        return ""
    if lvl.fmt == "bullet":
        return "".join(SYMBOL_BULLETS.get(ch, "•" if "\uf000" <= ch <= "\uf0ff" else ch)
                       for ch in lvl.text).strip()
    out: list[str] = []
    i = 0
    text = lvl.text
    while i < len(text):
        ch = text[i]
        if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
            ref = int(text[i + 1]) - 1
            i += 2
            if 0 <= ref <= level:
                fmt = "decimal" if lvl.legal and ref < level else levels[ref].fmt
                out.append(format_number(max(counters[ref], 0), fmt))
            continue
        out.append(ch)
        i += 1
    return "".join(out).strip()


def format_number(n: int, fmt: str) -> str:
    """``n`` in a ``w:numFmt`` style: decimal, roman, letters, 가나다, ㄱㄴㄷ, circled digits…"""
    if fmt in ("upperRoman", "lowerRoman"):
        text = roman(n)
        return text if fmt == "upperRoman" else text.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = repeated_letter(n)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt == "ganada":
        return cyclic(n, HANGUL_SYLLABLES)
    if fmt == "chosung":
        return cyclic(n, HANGUL_JAMO)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalEnclosedCircle":
        return circled_digit(n)
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    if fmt in ("koreanDigital", "koreanLegal"):
        return sino(n, SINO_KOREAN_DIGITS, "십백천")
    if fmt in ("koreanDigital2", "ideographDigital", "japaneseCounting", "chineseCounting"):
        return sino(n, IDEOGRAPH_DIGITS, "十百千")
    if fmt == "koreanCounting" and 1 <= n <= len(_KOREAN_COUNTING):
        return _KOREAN_COUNTING[n - 1]
    return str(n)


def _int(raw: str | None) -> int | None:
    if raw is None:
        return None
    try:
        return int(raw)
    except ValueError:
        return None
