"""Which paragraphs are headings, and at what level (``Paragraph.heading``), in every format.

The parsers note how each top-level body paragraph looks (:class:`Look`: font size,
weight, centring) while they read, and call :func:`mark_headings` on the document's
blocks. The evidence, strongest first:

1. **Declared.** A heading style (Word's ``Heading 1`` … ``Heading 9`` and ``Title``;
   Hangul styles named ``제목``, ``큰제목``, ``대제목``/``중제목``/``소제목``, ``장제목`` …,
   but not table or figure captions and tables of contents), or an outline level: Word's
   ``outlineLvl`` always (``trust_outline``), Hangul's 개요 numbering per level only when
   most paragraphs at that level read like headings, because Hangul documents also
   number ordinary list items with 개요. A document that declares headings gets only
   those: its author said which paragraphs are headings.
2. **Looks**, for documents that only look structured. Paragraphs are grouped by their
   look: size (relative to the body text, sizes within 4% counted as one), bold, the
   kind of numbering they open with (``제1장``, ``Ⅰ.``, ``□``, ``1.``, ``가.`` …) and
   centring. A group is a heading group when it stands out from the body (larger; bold
   where the body is not; centred; or numbered the way headings are: 편/장/절/관/조,
   Roman numerals, □ headlines) and its paragraphs read like headings: short, and not
   ending like a sentence (``.``, ``다``, 개조식 ``함``/``임``/``음``). Where most of a
   group's paragraphs are sentences, its look is emphasis or an item marker (a 공문 whose
   ``□`` items are requests), not a heading; a group holding half the paragraphs is the
   body. Groups are ranked by size, then weight, then numbering rank (편 > 장 > 절 > 관 >
   조 > Ⅰ > □ > 1. > 1.1 > 가. > ○), then centring, and the ranks are the levels
   (deeper ones share level 6).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..model import Paragraph, Role, Table
from ..normalize.markers import DECIMAL, decimal_depth, item_marker, latin_roman, law_unit
from ..normalize.text import is_contents_entry

MAX_HEADING_CHARS = 80
MAX_TITLE_CHARS = 150  # a title set much larger than the body may run long
MAX_HEADING_WORDS = 14
SHORT_CENTRED = 30  # characters: a centred line this short may be a heading on its own
LARGER = 1.12  # size over the body's: stands out
MUCH_LARGER = 1.3
SAME_SIZE = 0.96  # sizes within 4% are one size
MIN_READS_LIKE_HEADING = 2 / 3  # of a group's paragraphs, for the group to be headings
MAX_GROUP_SHARE = 0.5  # of the document's paragraphs: a group that large is the body
MAX_LEVEL = 6


@dataclass(frozen=True, slots=True)
class Look:
    """How a paragraph is set: font size in any unit the document uses throughout
    (0 when unknown), bold, centred."""

    size: float = 0.0
    bold: bool = False
    centred: bool = False


class Looks:
    """The look of each top-level body paragraph, noted by a parser as it reads."""

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        # id → (paragraph, look): holding the paragraph keeps its id from being reused
        self._seen: dict[int, tuple[Paragraph, Look]] = {}

    def note(self, paragraph: Paragraph, look: Look) -> None:
        self._seen[id(paragraph)] = (paragraph, look)

    def of(self, paragraph: Paragraph) -> Look | None:
        entry = self._seen.get(id(paragraph))
        return entry[1] if entry is not None and entry[0] is paragraph else None

    def __len__(self) -> int:
        return len(self._seen)


# The kinds of numbering that open a heading, highest first (the index is the rank). The
# patterns are normalize.markers' one grammar of item markers and rule parts.
KINDS = ("편", "장", "절", "관", "조", "roman", "box", "1.", "1.1", "1.1.1", "가.", "circle")
RANK = {kind: i for i, kind in enumerate(KINDS)}
UNNUMBERED = len(KINDS)
# numbering that marks a heading by itself (with heading-like text), at body size
STANDALONE = {"편", "장", "절", "관", "조", "roman", "box"}
# item marker kinds (normalize.markers) that number headings; (1), ① and ㉮ number items only
_MARKER_KINDS = {"roman": "roman", "number": "1.", "number_paren": "1.", "syllable": "가.",
                 "syllable_paren": "가."}
# of the bullets, the 개조식 headline boxes and the circles under them
_BULLET_KINDS = {**{b: "box" for b in "□■◼▣"}, **{b: "circle" for b in "○●◦◯ㅇ"}}

# the quotes and brackets that may close a text after its last word
_CLOSERS = "\"'”’)]」』"
# a sentence ends with a full stop after a letter, a Korean sentence or 개조식 ending, or
# a particle or connective that needs more words after it (a line cut from a sentence)
_SENTENCE_END = re.compile(r"(?:[^\d\s.][.!?。]|[다함임음됨][.]?|바람|요망|[에을를는]|에서|으로|하여|하고|하며|하는"
                           r"|위한|대한|따른)[" + re.escape(_CLOSERS) + "]*$")
# the longest ending _SENTENCE_END knows, in characters before the closing quotes
_SENTENCE_END_CHARS = 2
_LETTERS = re.compile(r"[^\W\d_].*[^\W\d_]", re.DOTALL)
# not headings: a note or arrow (※ ⇒), a dash item (``- 내용``, but ``- 부제 -`` is a
# subtitle), a label with its value (``일시: …``), a date
_NOT_HEADING = re.compile(
    r"^[※*⇒→☞]|^-\s(?!.*\s-$)|[:：]\s*\S"
    r"|^\d{2,4}\s*[.년]\s*\d{1,2}\s*[.월]\s*\d{1,2}\s*[.일]?\s*(?:\(.\))?$")

_HEADING_STYLE = re.compile(r"^(?:heading|제목)\s*([1-9])$", re.IGNORECASE)
_NOT_HEADING_STYLE = re.compile(r"(?:^|\s)표\s*제목|도표|그림|차례|목차|캡션|caption|toc|머리|꼬리|각주|미주",
                                re.IGNORECASE)
_NAMED_LEVELS = (("큰", 1), ("대", 1), ("장", 1), ("중", 2), ("절", 2), ("소", 3))


# the characters a heading number can start with: most text needs no pattern at all
_DIGITS = "0123456789"
_LATIN_NUMERALS = "IVX"
_NUMBER_STARTS = frozenset("제" + _DIGITS + "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ" + _LATIN_NUMERALS + "□■◼▣○●◦◯ㅇ"
                           + "".join(chr(c) for c in range(ord("가"), ord("하") + 1)))


def numbering(text: str) -> tuple[str, int] | None:
    """The kind of heading numbering ``text`` opens with (``"장"``, ``"roman"``, ``"box"``
    …) and the offset in ``text`` after it, or None."""
    lead = len(text) - len(text.lstrip())
    head = text[lead:lead + 16]
    if not head or head[0] not in _NUMBER_STARTS:
        return None
    first = head[0]
    # ``head`` starts with no blank, so each pattern can match only after its own first
    # character: a rule part after 제, a decimal number after a digit, a Latin numeral
    # after I, V or X; only the patterns that can match are tried
    if first == "제":
        unit = law_unit(head)
        if unit is None:  # 제 starts no item marker either
            return None
        return (unit[0], lead + unit[1]) if unit[0] in RANK else None  # a 항 is not a heading
    if "가" <= first <= "하" and head[1:2] not in (".", ")"):
        # most text opens with a syllable: only 제 (제1장) or an item syllable with its
        # mark (가. 가)) can open a number there, and no pattern below matches otherwise
        return None
    if first in _DIGITS:
        depth = decimal_depth(head)
        if depth is not None:
            return ("1.1" if depth == 2 else "1.1.1", lead + DECIMAL.match(head).end())  # type: ignore[union-attr]
    elif first in _LATIN_NUMERALS:
        roman = latin_roman(head)  # Latin letters start no item marker
        return ("roman", lead + roman) if roman is not None else None
    elif first in _BULLET_KINDS:
        # the box and circle heads stand apart from their text
        return (_BULLET_KINDS[first], lead + 1) if len(head) == 1 or head[1].isspace() else None
    marker = item_marker(head)
    if marker is None or marker.kind not in _MARKER_KINDS:
        return None
    if marker.end < len(head) and not head[marker.end - 1].isspace():
        return None  # "1.추진" runs on: numbered text, not a numbered heading
    return _MARKER_KINDS[marker.kind], lead + marker.end


def numbering_kind(text: str) -> str | None:
    """The kind of heading numbering ``text`` opens with, or None."""
    found = numbering(text)
    return found[0] if found else None


def reads_like_heading(text: str, *, long_ok: bool = False) -> bool:
    """Short, with letters in it, not ending like a sentence (or a piece of one), and
    not a note, a dash item, a label with its value, a contents entry or a date."""
    limit = MAX_TITLE_CHARS if long_ok else MAX_HEADING_CHARS
    if len(text) > 2 * limit or "\t" in text:
        return False
    if is_contents_entry(text):
        return False
    text = " ".join(text.split())
    if not text or len(text) > limit or len(text.split(" ")) > (2 if long_ok else 1) * MAX_HEADING_WORDS:
        return False
    if not _LETTERS.search(text) or text.endswith((",", ";")) or _NOT_HEADING.search(text):
        return False
    if long_ok:
        return True
    # the pattern is anchored at the end: searched from just before the closing quotes, not
    # tried at every offset of the text
    end = len(text.rstrip(_CLOSERS))
    return not _SENTENCE_END.search(text, max(0, end - _SENTENCE_END_CHARS))


@functools.lru_cache(maxsize=1024)
def style_level(style: str | None) -> int | None:
    """The heading level a style name declares: 1-9, 0 for a heading style of no stated
    level (``제목``, ``본문 소제목`` gets 3), None for other styles."""
    if not style:
        return None
    name = style.strip()
    m = _HEADING_STYLE.match(name)
    if m:
        return int(m.group(1))
    lowered = name.lower()
    if lowered in ("title", "subtitle"):
        return 1 if lowered == "title" else 2
    if "제목" not in name or _NOT_HEADING_STYLE.search(name):
        return None
    prefix = name[:name.index("제목")].rstrip()
    for word, level in _NAMED_LEVELS:
        if prefix.endswith(word):
            return level
    if name == "부제목":
        return 2
    return 1 if name in ("제목", "문서제목") else 0


def mark_headings(blocks: Sequence[Paragraph | Table], looks: Looks | None = None, *,
                  trust_outline: bool = False) -> None:
    """Set ``heading`` on the top-level body paragraphs that are headings (see the module
    docstring). ``trust_outline``: the format's outline levels are only ever set on
    headings (Word), rather than also numbering lists (Hangul's 개요)."""
    paragraphs = [b for b in blocks if isinstance(b, Paragraph) and b.role is Role.BODY
                  and b.text.strip()]
    if not paragraphs:
        return
    if _declared(paragraphs, looks, trust_outline):
        return
    _from_looks(paragraphs, looks if looks is not None else Looks())


def _declared(paragraphs: list[Paragraph], looks: Looks | None, trust_outline: bool) -> bool:
    levels: dict[int, int] = {}
    unknown: list[Paragraph] = []
    for p in paragraphs:
        level = style_level(p.style)
        if level is None and trust_outline and p.outline_level is not None:
            level = p.outline_level
        if level == 0:
            unknown.append(p)
        elif level is not None:
            levels[id(p)] = level
    if not trust_outline:
        by_outline: dict[int, list[Paragraph]] = {}
        for p in paragraphs:
            if p.outline_level is not None and id(p) not in levels:
                by_outline.setdefault(p.outline_level, []).append(p)
        for level, members in by_outline.items():
            headings = [p for p in members if reads_like_heading(_without_numbering(p.text))]
            if len(headings) >= MIN_READS_LIKE_HEADING * len(members):
                for p in headings:
                    levels[id(p)] = level
    if unknown:
        ranked = _rank_by_look(unknown, looks or Looks())
        for p in unknown:
            levels[id(p)] = ranked.get(id(p), 1)
    if not levels:
        return False
    for p in paragraphs:
        level = levels.get(id(p))
        if level is not None:
            p.heading = max(1, min(level, MAX_LEVEL))
    return True


def _without_numbering(text: str) -> str:
    text = text.strip()
    found = numbering(text)
    return text[found[1]:].strip() if found else text


def _rank_by_look(paragraphs: list[Paragraph], looks: Looks) -> dict[int, int]:
    """Levels 1… for paragraphs known to be headings, by size, weight and numbering."""
    sizes = _size_classes([lk.size for p in paragraphs if (lk := looks.of(p)) and lk.size > 0])
    keys: dict[int, tuple[float, bool, int]] = {}
    for p in paragraphs:
        look = looks.of(p) or Look()
        kind = numbering_kind(p.text)
        keys[id(p)] = (-sizes.get(look.size, 0.0), not look.bold, RANK[kind] if kind else UNNUMBERED)
    order = sorted(set(keys.values()))
    return {pid: min(order.index(key) + 1, MAX_LEVEL) for pid, key in keys.items()}


def _size_classes(sizes: Iterable[float]) -> dict[float, float]:
    """Each size mapped to the largest size of its class (sizes within 4% of it)."""
    out: dict[float, float] = {}
    head = 0.0
    for size in sorted(set(sizes), reverse=True):
        if not head or size < head * SAME_SIZE:
            head = size
        out[size] = head
    return out


def _body_look(looked: list[tuple[Paragraph, Look]], classes: dict[float, float]) -> tuple[float, bool]:
    """The size class and weight most of the text is set in."""
    by_size: dict[float, int] = {}
    bold_chars = chars = 0
    for p, look in looked:
        n = len(p.text)
        chars += n
        bold_chars += n if look.bold else 0
        if look.size > 0:
            size = classes[look.size]
            by_size[size] = by_size.get(size, 0) + n
    body_size = max(by_size, key=lambda s: by_size[s]) if by_size else 0.0
    return body_size, chars > 0 and bold_chars * 2 > chars


def _from_looks(paragraphs: list[Paragraph], looks: Looks) -> None:
    unknown = Look()
    looked = [(p, looks.of(p) or unknown) for p in paragraphs]
    classes = _size_classes(look.size for _, look in looked if look.size > 0)
    body_size, body_bold = _body_look(looked, classes)
    groups: dict[tuple[float, bool, int, bool], list[Paragraph]] = {}
    # a document has few distinct looks (parsers share one Look among paragraphs set
    # alike): each one's part of the key is worked out once, by the Look's identity
    parts: dict[int, tuple[float, bool, bool]] = {}
    for p, look in looked:
        part = parts.get(id(look))
        if part is None:
            ratio = classes.get(look.size, 0.0) / body_size if body_size and look.size > 0 else 1.0
            part = parts[id(look)] = (round(ratio, 2), look.bold and not body_bold, look.centred)
        found = numbering(p.text)
        key = (part[0], part[1], RANK[found[0]] if found else UNNUMBERED, part[2])
        groups.setdefault(key, []).append(p)
    accepted: list[tuple[float, bool, int, bool]] = []
    for key, members in groups.items():
        ratio, bold, rank, centred = key
        larger, much_larger = ratio >= LARGER, ratio >= MUCH_LARGER
        numbered = rank < UNNUMBERED and KINDS[rank] in STANDALONE
        if ratio < SAME_SIZE:
            continue  # smaller than the body: notes, captions, slogans
        if not (larger or bold or numbered or centred):
            continue
        if len(members) > MAX_GROUP_SHARE * len(paragraphs) and len(paragraphs) > 2:
            continue
        if not (larger or bold or numbered) and any(len(p.text.strip()) > SHORT_CENTRED for p in members):
            continue  # centring alone marks only short lines
        allowed = len(members) - MIN_READS_LIKE_HEADING * len(members)  # non-headings
        headings: list[Paragraph] = []
        for seen, p in enumerate(members, 1):
            if reads_like_heading(p.text, long_ok=much_larger):
                headings.append(p)
            elif seen - len(headings) > allowed:
                break  # too many sentences already
        else:
            accepted.append(key)
            groups[key] = headings
    order = sorted(accepted, key=lambda k: (-k[0], not k[1], k[2], not k[3]))
    for level, key in enumerate(order, 1):
        for p in groups[key]:
            p.heading = min(level, MAX_LEVEL)


__all__ = ["KINDS", "Look", "Looks", "mark_headings", "numbering", "numbering_kind", "reads_like_heading",
           "style_level"]
