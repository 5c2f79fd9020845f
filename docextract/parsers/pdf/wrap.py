"""Does a wrapped line join its continuation with a space? (Korean line-wrap repair)

HWP wraps Korean text in one of two ways: "어절 단위" (at word boundaries, the default)
or "글자 단위" (at any syllable, so ``바랍니`` / ``다.``). A PDF does not say which, so
the rule looks at glyph evidence first and falls back on the language. For line A and
its continuation B, the first case that applies decides:

1. A ends with a **drawn space glyph** → space. Hancom PDF keeps the space glyph where
   it broke a line at a word boundary. Not in a character-wrap document without
   trailing-space evidence (rule 3) when Kiwi is installed: such a producer also leaves
   space glyphs at line ends inside words (``정책 /은``, ``진심으 /로``), so Kiwi reads
   those junctions like the open ones (see below), and where it has no opinion the drawn
   space stands.
2. A ends with ``-`` before a letter or digit → no space.
2b. **A value cut by a full table cell** (:func:`.lines.cut_token`): in a table cell, A
   ends without a space glyph and with no room left for B's first letter, and the cut
   falls inside one value: a postcode, phone number, e-mail address, URL or domain
   (``06`` / ``17`` / ``1``, ``jung.h@seo`` / ``ul.go.kr``, ``fire.seoul.go.`` / ``kr``)
   → no space. (Issue #11: HWP prints such values in narrow footer cells.)
3. **The producer draws spaces but not here**: A has space glyphs between its words, no
   space at its end, and at least 15% of the document's wrapped lines of that kind do end
   with one (about how often a break falls on a word boundary) → no space: A was broken
   inside a word. Producers that drop most trailing spaces give no evidence. But a cut
   inside a word leaves the line full: where A had room left for B's first letter (or
   digit), B's word moved whole and the producer just did not draw that space
   (``독성을`` / ``확립하는``, a list of one item a line), so the rules below decide.
   Room before an opening bracket proves nothing (``사용기관 수`` / ``(사용자 수)``: a
   line may break there inside a word).
   The same holds in a narrow table cell of such a document, where a word longer than
   the line is cut (``프로`` / ``젝트 `` / ``관리``): A is one Korean word that fills its
   line (less than a letter of room, both sides together), has no space at its end, and
   another line of the cell ends with a drawn space that starts at or right of A's end,
   so one would have fitted → no space. A line too full for a space glyph (``도입요건`` /
   ``및``) says nothing.
4. A number then its unit (``2026`` / ``년``, ``1`` / ``부``) → no space.
5. Not Korean on both sides (Latin, digits) → space.
6. B starts with what cannot start a word: a verb ending (``다.`` ``니다``), a pre-final
   ending (``겠`` ``었``), a particle (``에서`` ``까지`` ``으로`` …) → no space.
7. A and B are both centred (a title broken by hand) → space.
7b. **A cut word the document writes whole.** A is one Korean word that fills its line
   (less than a letter of room, both sides together) and ends without a drawn space: a
   word exactly as long as the line, or a piece of a longer word that a narrow table cell
   cut (``비계`` / ``량부`` / ``문`` for 비계량부문) where no glyph tells which. The
   document's own lines decide (:mod:`.lexicon`): A's word printed run on into the
   start of B's first word (``비계량`` in ``○ 비계량 부문의``) → no space; printed apart
   more often → space; the longest start of B's word printed either way decides, so
   ``사업 이해도`` outweighs the particle in ``사업이``. This comes before Kiwi and the
   syllable rules: ``비계`` (scaffolding) is a word of its own to a language model, but
   the document's spelling of its own vocabulary is the better witness. No evidence
   either way → the rules below.
8. B's first word is a free word (``및`` ``등`` ``또``) or starts ``제1`` → space.
9. B's first word is a single syllable (a particle or bound noun: ``에`` ``도`` ``데``)
   → no space.
10. **Character-wrap documents** → no space, unless A's last word is a free one-syllable
    word, ends like a complete word (a particle or ending: ``을 를 은 는 고 며 서 지``
    …) or is a number with its unit. A document is in character-wrap mode when its wrapped
    lines were full to within one letter: the room left at the right end plus what
    justification added to the word gaps has a median under 0.9 letters over at least 8
    wrapped lines. Word wrapping leaves a whole word's room much of the time. The body's
    wrapped lines decide the mode and the trailing-space evidence; a document whose body
    has fewer than 8 (a spreadsheet export with all its text in table cells) is judged
    from its body and table cells together. Cells do not count otherwise: a narrow cell
    cuts long words in either mode, so it would make word-wrap documents look
    character-wrapped.
11. **Word-wrap documents** → space, unless B's first syllable is followed by punctuation
    (``도,``) or A's last word is a single syllable that is not a free word (``보`` /
    ``임해``).

Morphology for character-wrap documents
    In a character-wrap document the break position says nothing about words, and
    rules 8-10 guess from a syllable or two (``양경규`` / ``위원님`` came out glued,
    ``문`` / ``제2)`` apart). So when Kiwi (``kiwipiepy``, the ``nlp`` extra) is
    installed, a junction that rules 1-7b leave open (no glyph evidence, both sides
    Korean; a drawn space too, when the document has no trailing-space evidence) is
    decided by :mod:`.spacing`: the last 4 어절 of A and the first 4 of B
    are analysed joined (and spaced, for one check), and the morphemes that meet at the
    junction decide. A known morpheme across it (``위하`` in ``위/한``) or a particle,
    ending or suffix opening B (``발의/했으니``) → no space; a particle, ending, bound noun,
    determiner, adverb or pronoun closing A (``우리/노동자들은``, ``매년/경제성장``) →
    space; noun before noun is settled by how the document writes the same pair
    elsewhere (``의안번호`` glued, ``양경규 위원님`` apart), else a compound unless A's
    noun is a name or a derived noun (``산업별/노동조합``). Where Kiwi has no opinion (an
    unknown word across the junction, a noun read right after a particle) or A's last word
    is one syllable or a number with its unit (``30일 자로``), rules 8-10 stand.

    Why not ``Kiwi.space()``: it re-spaces by its own standard and splits every compound
    noun (``의안 번호``, ``탄소 중립``) and unknown names into syllables (``양 경 규``),
    so its answer at the junction is mostly about compounds the document writes glued.
    Comparing the scores of the joined and spaced texts was tried too: equal scores are
    common (same morphemes either way) and an unknown word can win by a margin
    (``포인터가호버``), so the morpheme tags at the junction are the steadier signal.

    Cost: Kiwi loads only for a character-wrap document with open junctions, once per
    process (about 1-3 s for the model and its first analysis); all open junctions of the
    document, within pages, across page breaks and in table cells, go to it in one
    batched call (any other is asked for as it comes up). Documents with
    glyph evidence or word wrapping (the one-page letters) never import it. Without
    kiwipiepy, rules 8-10 decide as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median
from typing import Optional, Sequence

from .lexicon import DocumentSpelling
from .lines import (Line, continues, continues_on_next_page, cut_token, is_centred, is_hangul,
                    room_for_next_letter)
from .spacing import DocumentUsage, Junction, decide
from .spacing import available as spacing_available

UNITS = set("년월일시분초부개명원건회차호번쪽장조항권층세대%만억천")
ENDING_FRAGMENT = re.compile(r"^(?:다|니다|습니다|입니다|요|음|함|임|됨|바람|까)(?=[.,!?]|$|\s)")
# Syllables that never start a word: pre-final verb endings (``하/겠습니다``).
BOUND_STARTS = set("겠었았였습읍")
# One-syllable words that stand alone, so a line ending or starting with one is a word
# boundary (``및``, ``등``, ``수``, adnominal ``할``/``한``/``된``).
FREE_SYLLABLES = set("및등수것때더또각매본약총곧잘못안좀늘꼭그저이전후중내외간별단즉할한된될갈볼줄뿐")
# The free one-syllable words that can also open a line on their own; adnominals such as
# ``한`` are left out because ``위/한``, ``대/한`` are far more common line breaks.
FREE_HEADS = set("및등또즉각매총약곧꼭좀")
# What follows a particle that opens a line (``도,`` ``데.``); a middle dot joins nouns
# (``시·도``) and says nothing
PARTICLE_PUNCTUATION = set(",.;:!?)」』\"'”’")
# Last syllables that usually close a Korean word (particles, verb endings).
WORD_FINAL = set("을를은는이가의에로고며서면도와과게지한할된될인던여해아어듯께만까요다든랑")
# Particles and endings that start the continuation of a word split across lines.
PARTICLE_START = re.compile(
    r"^(?:에서|에게|으로|로서|로써|까지|부터|보다|처럼|만큼|마다|조차|밖에|께서|에는|에도|이다|이며|이고|이나|이라)")

NUMBERED_PREFIX = re.compile(r"^제\s?\d")

CHAR_WRAP_LEFTOVER = 0.9  # letters
TRAILING_SPACE_RATE = 0.15
MIN_SAMPLES = 8
SAME_POSITION = 0.5  # points
WINDOW_WORDS = 4  # 어절 each side of a junction given to Kiwi


@dataclass
class WrapPolicy:
    """Document-wide evidence for the join rule, and the rule itself (:meth:`separator`)."""

    trailing_space_evidence: bool = False
    char_wrap: bool = False
    # Kiwi's answers for the junctions of a character-wrap document (None: no opinion),
    # keyed by the pair of lines; filled in one batch by decide_policy, then on demand.
    morphology: dict[tuple[Line, Line], Optional[str]] = field(default_factory=dict, repr=False)
    usage: Optional[DocumentUsage] = field(default=None, repr=False)
    # how the document's own lines write a word (rule 7b); None: no such evidence
    spelling: Optional[DocumentSpelling] = field(default=None, repr=False)

    @property
    def uses_morphology(self) -> bool:
        """Character wrapping (line fill, no trailing-space evidence) and Kiwi installed."""
        return self.char_wrap and spacing_available()

    @property
    def doubts_drawn_spaces(self) -> bool:
        """A drawn space at a line end says nothing in a character-wrap document whose
        producer gives no trailing-space evidence: Kiwi reads those junctions too."""
        return self.uses_morphology and not self.trailing_space_evidence

    def separator(self, a: Line, b: Line) -> str:
        """``" "`` or ``""`` between line ``a`` and its continuation ``b``."""
        sep = self.settled(a, b)
        if sep is not None:
            return sep
        if self.asks_morphology(a, b):
            if (a, b) not in self.morphology:
                self.ask_morphology([(a, b)])
            sep = self.morphology[(a, b)]
            # a one-syllable line end is as often a name's first syllable (``양/경규``)
            # as a determiner, which is all Kiwi can make of it alone
            if sep == "" or (sep == " " and (len(_tail(a)) > 1 or a.trailing_space)):
                return sep
        if a.trailing_space:
            return " "  # Kiwi has no opinion: the drawn space stands
        return self.by_language(a, b)

    def asks_morphology(self, a: Line, b: Line) -> bool:
        """True for a junction left open by rules 1-7b in a character-wrap document (Kiwi
        installed), unless ``a`` ends with a number and its unit (``30일 자로``), or Kiwi's
        answer cannot change the join: ``a`` ends with a one-syllable word and no drawn
        space where rules 8-10 glue (:meth:`separator` does not take Kiwi's space there,
        and its no-space is theirs), which spares the analysis of about one in six."""
        if not self.uses_morphology or self.settled(a, b) is not None:
            return False
        tail = _tail(a)
        if _number_with_unit(tail):
            return False
        return len(tail) > 1 or a.trailing_space or self.by_language(a, b) != ""

    def settled(self, a: Line, b: Line) -> Optional[str]:
        """The answer of rules 1-7b, which need no language model (glyph evidence, numbers,
        scripts, forms that cannot start a word, centred titles, the document's spelling
        of a cut word); else None."""
        if a.trailing_space and not self.doubts_drawn_spaces:
            return " "
        last, first = a.text[-1], b.text[0]
        if last == "-" and first.isalnum():
            return ""
        if cut_token(a, b):
            return ""
        if self.trailing_space_evidence and a.space_glyphs and not _word_wrapped(a, b):
            return ""
        if self.trailing_space_evidence and _cut_word(a) and is_hangul(last) and is_hangul(first):
            return ""  # rule 3 in a narrow table cell: a word longer than the line was cut
        if last.isdigit() and first in UNITS:
            return ""
        if not (is_hangul(last) and is_hangul(first)):
            return " "
        if ENDING_FRAGMENT.match(b.text) or first in BOUND_STARTS or PARTICLE_START.match(b.text):
            return ""
        if is_centred(a) and is_centred(b):
            return " "  # a title set in centred lines was broken by hand, between words
        if self.spelling is not None and _fills_line(a):
            return self.spelling.separator(a.text, b.text.split(" ", 1)[0])
        return None

    def by_language(self, a: Line, b: Line) -> str:
        """Rules 8-11: the junction judged from the syllables either side."""
        last = a.text[-1]
        tail, head = _tail(a), b.text.split(" ", 1)[0]
        if head in FREE_HEADS or NUMBERED_PREFIX.match(b.text):
            return " "  # ``및``, ``등``, ``제1`` start a word of their own
        if len(head) == 1 and head not in FREE_SYLLABLES:
            return ""  # a lone particle or bound noun (``에`` ``도`` ``데``) ends a's last word
        if self.char_wrap:
            if len(tail) == 1 and tail in FREE_SYLLABLES:
                return " "
            if len(tail) > 1 and (last in WORD_FINAL or _number_with_unit(tail)):
                return " "
            return ""
        if len(b.text) > 1 and b.text[1] in PARTICLE_PUNCTUATION and head[0] not in FREE_SYLLABLES:
            return ""  # ``도,`` ``데.``: a particle with punctuation
        if len(tail) == 1 and tail not in FREE_SYLLABLES:
            return ""  # a word is rarely one syllable: ``보`` / ``임해`` was one word
        return " "

    def ask_morphology(self, pairs: list[tuple[Line, Line]]) -> None:
        """Kiwi's answer for each junction ``(a, b)``, in one batch."""
        if self.usage is None:
            self.usage = DocumentUsage([])
        junctions = [Junction(_window_left(a.text), _window_right(b.text)) for a, b in pairs]
        for pair, sep in zip(pairs, decide(junctions, self.usage)):
            self.morphology[pair] = sep


def _cut_word(a: Line) -> bool:
    """``a``, one word in a table cell, was cut inside the word: it fills its line (less
    than a letter of room on both sides together) and ends without a space glyph, where
    another line of the cell drew one as far right or further (so one would have fitted)."""
    return a.cell_space_x0 is not None and _fills_line(a) and a.x1 <= a.cell_space_x0 + SAME_POSITION


def _word_wrapped(a: Line, b: Line) -> bool:
    """``b`` opens with a letter or digit that would have fitted on ``a``: a word moved
    whole to the next line, whatever the producer did with the space. (A line may break
    before an opening bracket inside a word, ``사용기관 수`` / ``(사용자 수)``, so room
    before punctuation proves nothing.)"""
    return b.text[0].isalnum() and room_for_next_letter(a, b)


def _fills_line(a: Line) -> bool:
    """``a`` is one word that fills its line (less than a letter of room on both sides
    together) and ends without a drawn space: a word of exactly that length, or a piece
    of a longer one that the line cut (rule 7b)."""
    if a.trailing_space or " " in a.text:
        return False
    return (a.right_edge - a.x1) + (a.x0 - a.left_edge) < a.height


def _tail(a: Line) -> str:
    return a.text.rsplit(" ", 1)[-1]


def _number_with_unit(word: str) -> bool:
    """``30일``: written apart from what follows (``30일 자로``), which Kiwi would glue."""
    return len(word) > 1 and word[-1] in UNITS and word[-2].isdigit()


def _window_left(text: str) -> str:
    return " ".join(text.split(" ")[-WINDOW_WORDS:])


def _window_right(text: str) -> str:
    return " ".join(text.split(" ")[:WINDOW_WORDS])


def leftover(a: Line, normal_gap: float) -> float:
    """Space a wrapped line had to spare, in letters: room at its end plus justification."""
    stretch = sum(max(0.0, g - normal_gap) for g in a.word_gaps)
    return (max(0.0, a.right_edge - a.x1) + stretch) / a.height


def decide_policy(pages: list[list[Line]], cells: Sequence[list[Line]] = ()) -> WrapPolicy:
    """Evidence from the document's text: each page's body lines in reading order and
    each table cell's lines. The body's wrapped lines decide the document class; its
    table cells count only when the body has fewer than MIN_SAMPLES of them (a
    spreadsheet export, a form), because a narrow cell breaks long words in any mode."""
    evidence, char_wrap = _wrap_evidence(pages)
    if char_wrap is None:
        evidence, char_wrap = _wrap_evidence([*pages, *cells])
    policy = WrapPolicy(trailing_space_evidence=evidence, char_wrap=bool(char_wrap),
                        spelling=DocumentSpelling(lambda: (line.text for lines in [*pages, *cells]
                                                           for line in lines)))
    if policy.uses_morphology:
        _ask_in_one_batch(policy, pages, cells)
    return policy


def _wrap_evidence(runs: Sequence[list[Line]]) -> tuple[bool, Optional[bool]]:
    """Trailing-space evidence and character wrapping over the wrapped lines of ``runs``
    (None for the latter: fewer than MIN_SAMPLES wrapped Korean lines to judge from)."""
    gaps = sorted(g for lines in runs for line in lines for g in line.word_gaps if g > 0)
    normal = gaps[len(gaps) // 5] if gaps else 0.0
    samples: list[float] = []
    with_space = without_space = 0
    for a, _ in _wrapped_pairs(runs):
        if a.space_glyphs:
            with_space += a.trailing_space
            without_space += not a.trailing_space
        if is_hangul(a.text[-1]) and not a.trailing_space:
            samples.append(leftover(a, normal))
    # Some producers draw trailing spaces only now and then; trust their absence only
    # when they are there at a rate word boundaries can explain.
    evidence = with_space >= 3 and with_space >= TRAILING_SPACE_RATE * (with_space + without_space)
    if len(samples) < MIN_SAMPLES:
        return evidence, None
    return evidence, median(samples) < CHAR_WRAP_LEFTOVER


def _wrapped_pairs(runs: Sequence[list[Line]]) -> list[tuple[Line, Line]]:
    """Each line that a wrapped line continues on, within each run of lines."""
    return [(a, b) for lines in runs for a, b in zip(lines, lines[1:])
            if a.text and b.text and continues(a, b)]


def _ask_in_one_batch(policy: WrapPolicy, pages: list[list[Line]], cells: Sequence[list[Line]]) -> None:
    """Kiwi's answers for every junction the settled rules leave open (lines that may
    join, within a page or a table cell and across page breaks), in one call: the first
    analysis is the slow one."""
    policy.usage = DocumentUsage(line.text for lines in [*pages, *cells] for line in lines)
    pairs = _wrapped_pairs([*pages, *cells])
    pairs += [(before[-1], after[0]) for before, after in zip(pages, pages[1:])
              if before and after and before[-1].text and after[0].text
              and continues_on_next_page(before[-1], after[0])]
    open_pairs = [(a, b) for a, b in pairs if policy.asks_morphology(a, b)]
    if open_pairs:
        policy.ask_morphology(open_pairs)


__all__ = ["WrapPolicy", "decide_policy", "leftover", "room_for_next_letter"]
