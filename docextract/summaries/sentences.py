"""Split Korean document text into sentences, structure first.

공문 and 개조식 reports put one item per line behind a marker (``1.`` ``가.`` ``1)``
``□`` ``○`` ``-`` ``※``) and often omit the final period, so a plain sentence splitter
merges items (kiwipiepy does, see docs/korean-nlp.md). The text is therefore cut into
lines and items first, the ``붙임`` list and the closing ``끝.`` are set apart, and only
then is each item split at sentence endings. Every sentence keeps its ``[start, end)``
span in the text it came from, so summaries can point back into ``Document.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize.markers import ITEM_SYLLABLES, item_marker

ATTACHMENT_LABEL = re.compile(r"[ \t\u3000]*(?:붙[ \t\u3000]*임|별[ \t\u3000]*첨|첨[ \t\u3000]*부)(?![^\W\d_])")
# The closing 끝. (or 이하 빈칸) at a line's end. The match starts at the mark itself: a
# leading blank run, or two blank runs meeting around an optional period, would make the
# search quadratic in a long run of blanks (one line of 200,000 spaces never ended).
END_MARK = re.compile(r"(?:끝(?:[ \t\u3000]*\.)?|이하[ \t\u3000]*빈[ \t\u3000]*칸)[ \t\u3000]*+$")
# A sentence ends at ., ? or ! after a letter (a period after a digit is a date). Letter
# classes are written [^\W\d_] rather than [가-힣]: compiling a wide Hangul range costs
# milliseconds per pattern, paid again by every process.
_SENTENCE_END = re.compile(r"(?<=[^\W\d_][.?!])[ \t\u3000]+|(?<=[?!])[ \t\u3000]+")
# A line that stops mid-sentence: a comma, a connective ending or a case particle.
_UNFINISHED_ENDINGS = (",", "하오니", "하며", "하여", "하고", "으며", "으나", "지만", "위하여", "따라", "및")
_CASE_PARTICLES = frozenset("을를의에와과")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence or item: its text (marker removed, whitespace collapsed) and source span."""

    text: str
    start: int
    end: int
    marker: str | None = None
    part: str = "body"
    """``body``, or ``attachment`` for the 붙임 list."""


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        out.append((pos, stop))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _unfinished(line: str) -> bool:
    if line.endswith(_UNFINISHED_ENDINGS):
        return True
    return len(line) >= 2 and line[-1] in _CASE_PARTICLES and "가" <= line[-2] <= "힣"


@dataclass
class _Unit:
    start: int
    end: int
    marker: str | None
    part: str


def _units(text: str, start: int, end: int) -> list[_Unit]:
    """Lines and items, with wrapped lines joined and 붙임 / 끝. set apart."""
    units: list[_Unit] = []
    in_attachments = False
    for a, b in _lines(text, start, end):
        line = text[a:b]
        closing = END_MARK.search(line)
        if closing:
            b = a + closing.start()
            line = text[a:b]
        a, b = _strip_span(text, a, b)
        if a < b:
            label = ATTACHMENT_LABEL.match(text, a, b)
            if label:
                in_attachments = True
                a = label.end()
                colon = re.match(r"[ \t\u3000]*[:：]?[ \t\u3000]*", text[a:b])
                a += colon.end() if colon else 0
            marker = item_marker(text, a, b)
            marker_text = None
            if marker is not None and marker.end > a:
                marker_text = marker.text
                a = marker.end
            part = "attachment" if in_attachments else "body"
            prev = units[-1] if units else None
            if (a < b and prev is not None and marker_text is None and not label
                    and prev.part == part and _unfinished(text[prev.start:prev.end])):
                prev.end = b
            elif a < b:
                units.append(_Unit(a, b, marker_text, part))
        if closing:
            in_attachments = False
    return units


def _is_item_marker_end(text: str, stop: int, floor: int) -> bool:
    """Whether the period before ``stop`` belongs to a lone ``가.`` marker, not a sentence."""
    syllable = stop - 2
    return (syllable >= floor and text[syllable] in ITEM_SYLLABLES
            and (syllable == floor or text[syllable - 1].isspace()))


def _split_unit(text: str, unit: _Unit) -> list[Sentence]:
    out: list[Sentence] = []
    pieces: list[tuple[int, int]] = []
    pos = unit.start
    for m in _SENTENCE_END.finditer(text, unit.start, unit.end):
        if _is_item_marker_end(text, m.start(), unit.start):
            continue
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, unit.end))
    for i, (a, b) in enumerate(pieces):
        marker = unit.marker if i == 0 else None
        if i > 0:
            inner = item_marker(text, a, b)
            if inner is not None and a < inner.end < b:
                marker, a = inner.text, inner.end
        a, b = _strip_span(text, a, b)
        if marker in ("-", "–") and b - a > 1 and text[b - 1] == marker:
            # a subtitle written "- … -": the closing dash is decoration
            a, b = _strip_span(text, a, b - 1)
        if a < b:
            out.append(Sentence(_SPACE.sub(" ", text[a:b]), a, b, marker, unit.part))
    return out


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of ``text[start:end]`` in order, with spans into ``text``."""
    end = len(text) if end is None else min(end, len(text))
    sentences: list[Sentence] = []
    for unit in _units(text, start, end):
        sentences.extend(_split_unit(text, unit))
    return sentences
