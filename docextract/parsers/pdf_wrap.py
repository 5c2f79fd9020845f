"""Does a wrapped line join its continuation with a space? (Korean line-wrap repair)

HWP wraps Korean text in one of two ways: "어절 단위" (at word boundaries, the default)
or "글자 단위" (at any syllable, so ``바랍니`` / ``다.``). A PDF does not say which, so
the rule looks at glyph evidence first and falls back on the language. For line A and
its continuation B, the first case that applies decides:

1. A ends with a **drawn space glyph** → space. Hancom PDF keeps the space glyph where
   it broke a line at a word boundary.
2. A ends with ``-`` before a letter or digit → no space.
3. **The producer draws spaces but not here**: A has space glyphs between its words, no
   space at its end, and at least 15% of the document's wrapped lines of that kind do end
   with one (about how often a break falls on a word boundary) → no space: A was broken
   inside a word. Producers that drop most trailing spaces give no evidence.
4. A number then its unit (``2026`` / ``년``, ``1`` / ``부``) → no space.
5. Not Korean on both sides (Latin, digits) → space.
6. B starts with what cannot start a word: a verb ending (``다.`` ``니다``), a pre-final
   ending (``겠`` ``었``), a particle (``에서`` ``까지`` ``으로`` …) → no space.
7. A and B are both centred (a title broken by hand) → space.
8. B's first word is a free word (``및`` ``등`` ``또``) or starts ``제1`` → space.
9. B's first word is a single syllable (a particle or bound noun: ``에`` ``도`` ``데``)
   → no space.
10. **Character-wrap documents** → no space, unless A's last word is a free one-syllable
    word, ends like a complete word (a particle or ending: ``을 를 은 는 고 며 서 지``
    …) or is a number with its unit. A document is in character-wrap mode when its wrapped
    lines were full to within one letter: the room left at the right end plus what
    justification added to the word gaps has a median under 0.9 letters over at least 8
    wrapped lines. Word wrapping leaves a whole word's room much of the time.
11. **Word-wrap documents** → space, unless B's first syllable is followed by punctuation
    (``도,``) or A's last word is a single syllable that is not a free word (``보`` /
    ``임해``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from .pdf_lines import Line, continues, is_centred, is_hangul

UNITS = set("년월일시분초부개명원건회차호번쪽장조항권층세대%만억천")
ENDING_FRAGMENT = re.compile(r"^(?:다|니다|습니다|입니다|요|음|함|임|됨|바람|까)(?=[.,!?]|$|\s)")
# Syllables that never start a word: pre-final verb endings (``하/겠습니다``).
BOUND_STARTS = set("겠었았였습읍")
# One-syllable words that stand alone, so a line ending or starting with one is a word
# boundary (``및``, ``등``, ``수``, adnominal ``할``/``한``/``된``).
FREE_SYLLABLES = set("및등수것때더또각본약총곧잘못안좀늘꼭그저이전후중내외간별단즉할한된될갈볼줄뿐")
# The free one-syllable words that can also open a line on their own; adnominals such as
# ``한`` are left out because ``위/한``, ``대/한`` are far more common line breaks.
FREE_HEADS = set("및등또즉각총약곧꼭좀")
# Last syllables that usually close a Korean word (particles, verb endings).
WORD_FINAL = set("을를은는이가의에로고며서면도와과게지한할된될인던여해아어듯께만까요다든랑")
# Particles and endings that start the continuation of a word split across lines.
PARTICLE_START = re.compile(
    r"^(?:에서|에게|으로|로서|로써|까지|부터|보다|처럼|만큼|마다|조차|밖에|께서|에는|에도|이다|이며|이고|이나|이라)")

NUMBERED_PREFIX = re.compile(r"^제\s?\d")

CHAR_WRAP_LEFTOVER = 0.9  # letters
TRAILING_SPACE_RATE = 0.15
MIN_SAMPLES = 8


@dataclass
class WrapPolicy:
    """Document-wide evidence for the join rule, and the rule itself (:meth:`separator`)."""

    trailing_space_evidence: bool = False
    char_wrap: bool = False

    def separator(self, a: Line, b: Line) -> str:
        """``" "`` or ``""`` between line ``a`` and its continuation ``b``."""
        if a.trailing_space:
            return " "
        last, first = a.text[-1], b.text[0]
        if last == "-" and first.isalnum():
            return ""
        if self.trailing_space_evidence and a.space_glyphs:
            return ""
        if last.isdigit() and first in UNITS:
            return ""
        if not (is_hangul(last) and is_hangul(first)):
            return " "
        if ENDING_FRAGMENT.match(b.text) or first in BOUND_STARTS or PARTICLE_START.match(b.text):
            return ""
        tail = a.text.rsplit(" ", 1)[-1]
        head = b.text.split(" ", 1)[0]
        if is_centred(a) and is_centred(b):
            return " "  # a title set in centred lines was broken by hand, between words
        if head in FREE_HEADS or NUMBERED_PREFIX.match(b.text):
            return " "  # ``및``, ``등``, ``제1`` start a word of their own
        if len(head) == 1 and head not in FREE_SYLLABLES:
            return ""  # a lone particle or bound noun (``에`` ``도`` ``데``) ends a's last word
        if self.char_wrap:
            if len(tail) == 1 and tail in FREE_SYLLABLES:
                return " "
            if len(tail) > 1 and (last in WORD_FINAL or (last in UNITS and tail[-2].isdigit())):
                return " "
            return ""
        if len(b.text) > 1 and not is_hangul(b.text[1]) and b.text[1] != " " \
                and first not in FREE_SYLLABLES:
            return ""  # ``도,`` ``데.``: a particle with punctuation
        if len(tail) == 1 and tail not in FREE_SYLLABLES:
            return ""  # a word is rarely one syllable: ``보`` / ``임해`` was one word
        return " "


def leftover(a: Line, normal_gap: float) -> float:
    """Space a wrapped line had to spare, in letters: room at its end plus justification."""
    stretch = sum(max(0.0, g - normal_gap) for g in a.word_gaps)
    return (max(0.0, a.right_edge - a.x1) + stretch) / a.height


def decide_policy(pages: list[list[Line]]) -> WrapPolicy:
    """Evidence from the whole document's body lines (each page's lines in reading order)."""
    gaps = sorted(g for lines in pages for line in lines for g in line.word_gaps if g > 0)
    normal = gaps[len(gaps) // 5] if gaps else 0.0
    samples: list[float] = []
    with_space = without_space = 0
    for lines in pages:
        for a, b in zip(lines, lines[1:]):
            if not (a.text and b.text and continues(a, b)):
                continue
            if a.space_glyphs:
                with_space += a.trailing_space
                without_space += not a.trailing_space
            if is_hangul(a.text[-1]) and not a.trailing_space:
                samples.append(leftover(a, normal))
    char_wrap = len(samples) >= MIN_SAMPLES and median(samples) < CHAR_WRAP_LEFTOVER
    # Some producers draw trailing spaces only now and then; trust their absence only
    # when they are there at a rate word boundaries can explain.
    evidence = with_space >= 3 and with_space >= TRAILING_SPACE_RATE * (with_space + without_space)
    return WrapPolicy(trailing_space_evidence=evidence, char_wrap=char_wrap)


__all__ = ["WrapPolicy", "decide_policy", "leftover"]
