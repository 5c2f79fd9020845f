"""The one grammar of 항목 markers (``1.`` ``가.`` ``1)`` ``(가)`` ``①`` ``□`` ``ㅇ`` ``-`` ...).

Korean official documents number their items in a fixed order (행정업무규정 시행규칙 제2조:
``1.`` → ``가.`` → ``1)`` → ``가)`` → ``(1)`` → ``(가)`` → ``①`` → ``㉮``) and reports use
bullets (``Ⅰ.`` → ``□`` → ``○``/``ㅇ`` → ``-`` → ``·`` → ``*``). The extraction engine, the
sentence splitter and the PDF line builder all ask the same question -- does this line start
with an item marker, and which kind -- so the answer lives here once.

:data:`MARKER` matches a marker at the start of a string (after optional blanks) and leaves
the marker in group ``marker``. A number marker is never the start of a date: ``2025.`` has
four digits, and ``3. 14.(금)`` (a year-less date) is refused by :func:`item_marker`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The fourteen item syllables (가.–하.) and their 거.–허. continuation.
ITEM_SYLLABLES = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허"
# Bullets that are markers only when a blank follows (a dash inside a word is not one).
SPACED_BULLETS = "□■◇◆○●◦❍◯◎▪▫▶▷►▸•∙·ㆍ\u318d※★☆✓✔➢➤▣◈ㅇo*＊\\-–—+"
# Box and circle bullets that open an item even when the text follows without a blank.
TIGHT_BULLETS = "□■◇◆○●◦❍◯◎▪•※"
CIRCLED_NUMBERS = "\u2460-\u2473\u3251-\u325f"   # ①–⑳, ㉑–㉟
CIRCLED_SYLLABLES = "\u326e-\u327b"             # ㉮–㉻
ROMAN = "Ⅰ-Ⅻⅰ-ⅻ"
_BLANK = "[ \\t\\u3000]"

MARKER = re.compile(
    rf"{_BLANK}*(?P<marker>"
    rf"\d{{1,3}}\.(?={_BLANK}|[가-힣]|$)"                      # 1.
    rf"|[{ITEM_SYLLABLES}]\.(?={_BLANK}+\S)"                  # 가. (a lone 다. ends a verb)
    rf"|\d{{1,3}}\)"                                          # 1)
    rf"|[{ITEM_SYLLABLES}]\)"                                  # 가)
    rf"|\(\s*\d{{1,3}}\s*\)"                                   # (1)
    rf"|\(\s*[{ITEM_SYLLABLES}]\s*\)"                          # (가)
    rf"|[{CIRCLED_NUMBERS}{CIRCLED_SYLLABLES}]"                # ① ㉮
    rf"|[{ROMAN}]\s*[.)]?(?={_BLANK}|[가-힣]|$)"               # Ⅰ.
    rf"|[{SPACED_BULLETS}](?={_BLANK}|$)"                      # □ ○ ㅇ - ·  (blank after)
    rf"|[{TIGHT_BULLETS}](?![{TIGHT_BULLETS}])"                # □ at a word (○○시: a mask)
    rf"|[\ue000-\uf8ff]"                                       # Hancom private-use bullets
    r")"
)
# "3. 14.(금)" at a line start is a year-less date, not item 3; "2025. 7." never matches.
_DATE_AHEAD = re.compile(r"\d{1,2}\.\s*\d{1,2}\s*\.(?!\d)")


@dataclass(frozen=True)
class Marker:
    """A marker found at the start of a text: as printed, its kind, and where the text begins."""

    text: str
    kind: str   # number | syllable | number_paren | syllable_paren | paren_number |
    #             paren_syllable | circled | circled_syllable | roman | bullet
    end: int    # offset after the marker and the blanks that follow it

    @property
    def rank(self) -> int:
        """The nesting level the kind stands for in 공문 order (1. = 1 … ㉮ = 8), or in the
        개조식 report order for bullets (Ⅰ. = 0, □ = 1, ○ = 2, - = 3, · = 4, * = 5)."""
        if self.kind == "bullet":
            return BULLET_RANKS.get(self.text, 5)
        return KIND_RANKS[self.kind]


KIND_RANKS = {"roman": 0, "number": 1, "syllable": 2, "number_paren": 3, "syllable_paren": 4,
              "paren_number": 5, "paren_syllable": 6, "circled": 7, "circled_syllable": 8}
BULLET_RANKS = {**{b: 1 for b in "□■◇◆▣◈"}, **{b: 2 for b in "○●◦❍◯◎ㅇo"},
                **{b: 3 for b in "-–—+▪▫▶▷►▸➢➤"}, **{b: 4 for b in "·∙•ㆍ\u318d"},
                **{b: 5 for b in "*＊※★☆✓✔"}}


def _kind(marker: str) -> str:
    first = marker[0]
    # circled numbers first: str.isdigit() is true for ① too
    if "\u2460" <= first <= "\u2473" or "\u3251" <= first <= "\u325f":
        return "circled"
    if "\u326e" <= first <= "\u327b":
        return "circled_syllable"
    if marker.startswith("("):
        return "paren_number" if any(ch.isdigit() for ch in marker) else "paren_syllable"
    if first.isdigit():
        return "number" if marker.endswith(".") else "number_paren"
    if first in ITEM_SYLLABLES and len(marker) == 2:
        return "syllable" if marker.endswith(".") else "syllable_paren"
    if "Ⅰ" <= first <= "Ⅻ" or "ⅰ" <= first <= "ⅻ":
        return "roman"
    return "bullet"


def item_marker(text: str, start: int = 0, end: int | None = None) -> Marker | None:
    """The item marker ``text[start:end]`` starts with (blanks skipped), or ``None``.
    :attr:`Marker.end` is the offset in ``text`` after the marker and its blanks."""
    stop = len(text) if end is None else end
    m = MARKER.match(text, start, stop)
    if m is None:
        return None
    marker = m.group("marker")
    if marker[0].isdigit() and _DATE_AHEAD.match(text, m.start("marker"), stop):
        return None
    end = m.end()
    while end < stop and text[end] in " \t\u3000":
        end += 1
    return Marker(marker.replace(" ", ""), _kind(marker), end)


# Parts of rules (법령·규정·고시): 편, 장, 절, 관, 조 (제3조의2), 항. They open a part without
# being an item; the heading finder ranks them and the chunker nests by them.
LAW_UNIT = re.compile(
    rf"{_BLANK}*제{_BLANK}*\d{{1,4}}{_BLANK}*(?P<unit>[편장절관조항])"
    rf"(?:{_BLANK}*의{_BLANK}*\d{{1,3}})?(?=[\s(（.:：]|$)")
# Decimal section numbers of reports written like papers (1.1, 2.3.1).
DECIMAL = re.compile(rf"{_BLANK}*(?P<number>\d{{1,2}}(?:\.\d{{1,2}}){{1,2}})\.?(?=\s|$)")
# Latin capitals used as Roman numerals (I., IV.) before a blank. They are not item markers
# (a line may start with the pronoun "I."), only heading numbering.
LATIN_ROMAN = re.compile(rf"{_BLANK}*(?P<numeral>X{{0,3}}(?:IX|IV|V?I{{0,3}}))[.)](?={_BLANK}|$)")

# Lines that open a part without being an item: articles and chapters of rules (제3조,
# 제2장), and 붙임/별첨 headings (``붙임 1``, ``[별표 2]``).
SECTION_START = re.compile(
    LAW_UNIT.pattern
    + r"|\s*붙\s*임(?=\s|\d|$|:)"
    r"|\s*[<〈《【\[]\s*(?:붙\s*임|별\s*첨|첨\s*부|서\s*식|참\s*고|별\s*표|별\s*지)")


def law_unit(text: str) -> tuple[str, int] | None:
    """The unit (``"장"``, ``"조"`` …) of the rule part ``text`` opens with, and the offset
    after it; None when it opens with none."""
    m = LAW_UNIT.match(text)
    return (m.group("unit"), m.end()) if m else None


def decimal_depth(text: str) -> int | None:
    """How many numbers a decimal section number at the start of ``text`` has (``1.1`` → 2,
    ``2.3.1`` → 3), or None."""
    m = DECIMAL.match(text)
    return m.group("number").count(".") + 1 if m else None


def latin_roman(text: str) -> int | None:
    """The offset after a Latin Roman numeral marker (``IV.``) at the start of ``text``."""
    m = LATIN_ROMAN.match(text)
    return m.end() if m and m.group("numeral") else None


def starts_part(text: str) -> bool:
    """Whether ``text`` starts a new item or part: an item marker or a section start."""
    return item_marker(text) is not None or SECTION_START.match(text) is not None


__all__ = ["BULLET_RANKS", "DECIMAL", "ITEM_SYLLABLES", "KIND_RANKS", "LATIN_ROMAN", "LAW_UNIT",
           "MARKER", "Marker", "SECTION_START", "decimal_depth", "item_marker", "latin_roman",
           "law_unit", "starts_part"]
