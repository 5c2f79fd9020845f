"""Body items: lines joined into the 항목 a reader sees (``1. …``, ``가. …``, ``□ …``).

A line that starts with an item marker, or follows a finished sentence, starts a new item;
any other line continues the previous one (a wrapped line in a PDF). Each table row is an
item of its own. Items keep the pieces
of lines they came from, so evidence maps back into the Document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..evidence import Evidence
from ..normalize.markers import item_marker, latin_roman
from .lines import Line


@dataclass
class Piece:
    """A stretch of one line that belongs to an item (for evidence)."""

    line: Line
    start: int
    end: int


@dataclass
class Item:
    """One item: its marker, rank (nesting kind) and the line pieces it was printed on."""

    marker: str | None
    pieces: list[Piece] = field(default_factory=list)
    rank: int | None = None
    # :meth:`_collapsed` of the pieces so far: a finder locates every amount or sentence of
    # an item, and collapsing the whole item again for each was quadratic on a long line.
    # Pieces are only ever appended, so their count tells whether the cache is current.
    _collapsed_cache: tuple[int, tuple[str, list[tuple[int, int]]]] | None = field(
        default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The item as printed, lines joined and whitespace collapsed."""
        pieces = self.pieces
        if all(0 <= p.start and p.end <= len(p.line.printed) for p in pieces):
            return " ".join(w for p in pieces for w in p.line.printed[p.start:p.end].split())
        return self._collapsed()[0]

    def ending(self) -> str:
        """The end of :attr:`text` (its last three pieces): enough to tell whether the item
        ends a sentence or a date, without joining every line again for each line added
        (that was quadratic in an item of thousands of pieces)."""
        return Item(self.marker, self.pieces[-3:], self.rank).text

    def _collapsed(self) -> tuple[str, list[tuple[int, int]]]:
        """:attr:`text` and, for each of its characters, (piece index, offset in the line)."""
        cached = self._collapsed_cache
        if cached is not None and cached[0] == len(self.pieces):
            return cached[1]
        out = self._collapse()
        self._collapsed_cache = (len(self.pieces), out)
        return out

    def _collapse(self) -> tuple[str, list[tuple[int, int]]]:
        chars: list[str] = []
        where: list[tuple[int, int]] = []
        for k, p in enumerate(self.pieces):
            for off in range(p.start, p.end):
                ch = p.line.printed[off]
                if ch.isspace():
                    if chars and chars[-1] != " ":
                        chars.append(" ")
                        where.append((k, off))
                    continue
                chars.append(ch)
                where.append((k, off))
            if chars and chars[-1] != " ":
                chars.append(" ")
                where.append((k, p.end))
        while chars and chars[-1] == " ":
            chars.pop()
            where.pop()
        return "".join(chars), where

    @property
    def content(self) -> str:
        """The text without its item marker."""
        text = self.text
        if self.marker and text.startswith(self.marker):
            text = text[len(self.marker):].strip()
        return text

    def locate(self, needle: str, rule: str) -> list[Evidence]:
        """Evidence for ``needle`` (a substring of :attr:`text`): one item per line it covers."""
        text, where = self._collapsed()
        pos = text.find(needle)
        if pos < 0 or not needle:
            return self.evidence(rule)
        first, last = where[pos], where[pos + len(needle) - 1]
        out = []
        for k in range(first[0], last[0] + 1):
            p = self.pieces[k]
            a = first[1] if k == first[0] else p.start
            b = last[1] + 1 if k == last[0] else p.end
            out.append(p.line.evidence(a, b, rule))
        return out

    def evidence(self, rule: str) -> list[Evidence]:
        return [p.line.evidence(p.start, p.end, rule) for p in self.pieces]


def sentence_finished(text: str) -> bool:
    """True when ``text`` ends a sentence or a label; a date cut by a wrap
    (``… 2025. 9.``) does not."""
    text = text.rstrip()
    if re.search(r"(?:\d{4}|'\d{2})\.(?:\s*\d{1,2}\.)?$", text):
        return False
    return text.endswith(("다.", "다", ":", "。")) or (
        text.endswith(".") and not text[-2:-1].isdigit())


def join_items(lines: list[Line], indices: range, end_mark_line: int | None = None,
               end_mark: re.Pattern[str] | None = None) -> list[Item]:
    """Join the lines at ``indices`` into items (wrapped lines joined; the end mark
    ``end_mark`` matches on ``end_mark_line`` removed)."""
    items: list[Item] = []
    for i in indices:
        line = lines[i]
        text = line.text
        end = len(text)
        if i == end_mark_line and end_mark is not None:
            m = end_mark.search(text.rstrip())
            if m:
                end = m.start()
        start = len(text) - len(text.lstrip())
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        marker = item_marker(text[:end], start)
        prev = items[-1] if items else None
        # a wrapped line continues its item; a table row is never a continuation (nor
        # continued): each row of a table in the body is an item of its own; nor is a
        # section numbered with a Latin Roman numeral (``II. 평가기준``)
        if (marker is None and prev is not None and line.table is None
                and prev.pieces[-1].line.table is None and not sentence_finished(prev.ending())
                and latin_roman(text[start:end]) is None):
            prev.pieces.append(Piece(line, start, end))
            continue
        items.append(Item(marker.text if marker else None, [Piece(line, start, end)],
                          marker.rank if marker else None))
    return items


_SENTENCE_END = re.compile(r"(?<=[다람망요함임음])\.(?=\s|$)")


def sentences(text: str) -> list[str]:
    """Split at sentence-final periods (``…바랍니다.``), never inside dates (``2025. 3.``)."""
    out, last = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append(text[last:m.end()].strip())
        last = m.end()
    if text[last:].strip():
        out.append(text[last:].strip())
    return out


__all__ = ["Item", "Piece", "join_items", "sentence_finished", "sentences"]
