"""Names and addresses, read only where a label or a table header says one is there.

A name is never guessed from running text: these functions are handed the text that
follows a name label (``성명``, ``담당자`` …) or the text of a cell under or beside one,
and pick out the words in it that can be a person's name: two to five Hangul syllables
starting with a family name (``홍길동``, letter-spaced ``홍 길 동`` too) or capitalised
Latin words, never a position (``주무관``), an organisation (``총무과``) or a form word
(``서명``). An address is the
text after an address label when it looks like one (a province, city or district, or a
road or lot number).
"""

from __future__ import annotations

import re

from .lexicon import DOUBLE_SURNAMES, NOT_NAMES, ORGANISATION_ENDINGS, SURNAMES

_STOP = re.compile(r"[(\[{<;/|\d\t\r\n]|  ")
_LINE_END = re.compile(r"[\r\n]")
_SEGMENT = re.compile(r"[^,、·]+")
_SPACED_SYLLABLES = re.compile(r"(?<![가-힣])[가-힣](?: [가-힣]){1,4}(?![가-힣])")
_WORD = re.compile(r"[가-힣]+|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")
_HONORIFIC = ("님", "씨", "귀하")
_NOTE_MARKS = "※*＊"
# Whether a value reads as an address (only searched for, never taken): an area name before
# a blank, or a road (``…로 12``, ``…길 3``) or a 동/리/가 (``…동 45``) with its number. A
# road name is written as one letter before 로/길 and the number's first digit, which finds
# the same addresses as the whole name and number would: ``[가-힣\d]+`` before them was read
# from every letter of a run to its end in search of 로 (quadratic on a long run of Hangul).
_ADDRESS_HINT = re.compile(
    r"(?:특별시|광역시|특별자치시|특별자치도|[가-힣]도|[가-힣]시|[가-힣]군|[가-힣]구)(?=\s)"
    r"|[가-힣\d](?:로|길)\s*\d|[가-힣\d](?:동|리|가)\s*\d")
MAX_NAMES = 5


def _is_position(word: str) -> bool:
    from ..engine.catalog import shared_positions

    return shared_positions().is_position(word)


def _strip_honorific(word: str) -> str:
    for honorific in _HONORIFIC:
        if word.endswith(honorific) and len(word) > len(honorific) + 1:
            return word[:-len(honorific)]
    return word


def _role_word(word: str) -> bool:
    """A position, an organisation or a form word printed beside a name (주무관, 복지정책과, 귀하)."""
    return (len(word) >= 3 and word.endswith(ORGANISATION_ENDINGS)) or word in NOT_NAMES \
        or _is_position(word)


def is_person_name(word: str, *, surname: bool = True) -> bool:
    """Whether ``word`` can be a person's name: capitalised Latin words, or two to four
    Hangul syllables. ``surname``: it must start with a family name too (three syllables
    at most, four with a two-syllable family name), for names met in running text; a cell
    under a 성명 header is a name whatever it looks like (``개똥이``)."""
    if word[:1].isascii():
        return bool(_WORD.fullmatch(word)) and word[:1].isupper()
    word = _strip_honorific(word.replace(" ", ""))
    if _role_word(word) or not all("가" <= ch <= "힣" for ch in word) or not 2 <= len(word) <= 4:
        return False
    if not surname:
        return True
    if len(word) in (2, 3):
        return word[0] in SURNAMES
    return word[:2] in DOUBLE_SURNAMES


def _words(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    spaced = [(m.start(), m.end()) for m in _SPACED_SYLLABLES.finditer(text, a, b)]
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, a, b)
             if not any(s <= m.start() < e for s, e in spaced)]
    return [(s, e, text[s:e].replace(" ", "") if (s, e) in spaced else text[s:e])
            for s, e in sorted(spaced + words)]


def name_spans(text: str, start: int = 0, end: int | None = None, *,
               first: bool = False, surname: bool = True) -> list[tuple[int, int]]:
    """Spans of the personal names in ``text[start:end]``, a value a name label points at.

    Each comma-separated item holds one name among position and organisation words
    (``과장 김하늘``, ``복지정책과 주무관 이영희``). ``first``: the value follows a label in
    running text, so the item's first other word must be the name and the list ends at the
    first item without one; otherwise (a table cell) an item with more than one other word
    is not a name (``용역 범위``). ``surname=False`` (a cell in a column headed 성명 or 이름,
    among other names) accepts names that start with no family name (``개똥이``).
    """
    end = len(text) if end is None else end
    stop = _STOP.search(text, start, end)
    if stop is not None:
        end = stop.start()
    if text[start:end].lstrip()[:1] in _NOTE_MARKS:
        return []
    out: list[tuple[int, int]] = []
    for segment in _SEGMENT.finditer(text, start, end):
        others = [(s, e, w) for s, e, w in _words(text, *segment.span()) if not _role_word(w)]
        if first:
            others = others[:1]
        if len(others) == 1 and is_person_name(others[0][2], surname=surname):
            out.append(others[0][:2])
        elif first or others:
            break  # after a label, a list of names goes on only while each item is one
        if len(out) >= MAX_NAMES:
            break
    return out


def address_span(text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
    """The address in ``text[start:end]`` (a value an address label points at), or None."""
    end = len(text) if end is None else end
    line = _LINE_END.search(text, start, end)
    if line is not None:
        end = line.start()
    while start < end and text[start] in " \t:：":
        start += 1
    while end > start and text[end - 1] in " \t.,;":
        end -= 1
    if end - start < 4 or not _ADDRESS_HINT.search(text, start, end):
        return None
    return start, end


__all__ = ["MAX_NAMES", "address_span", "is_person_name", "name_spans"]
