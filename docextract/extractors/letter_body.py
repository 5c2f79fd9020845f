"""The 본문 of a letter: body items, body text, 관련, requests, deadline, amounts, contacts.

The body lines are first joined into *items*: a line that starts with an item marker
(``1.``, ``가.``, ``1)``, ``□``, ``-``…) or follows a finished sentence starts a new item;
any other line is a wrapped continuation (PDF) and is joined to the previous one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..evidence import Evidence
from ..normalize.amounts import find_amounts
from ..normalize.dates import find_dates
from ..normalize.docnums import find_document_numbers
from ..normalize.phones import find_phones
from ..normalize.times import find_times
from .base import Found
from .letter_labels import LetterSpec
from .letter_layout import END_MARK, item_marker
from .lines import Line

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9○-]+(?:\.[A-Za-z0-9○-]+)+")


@dataclass
class Piece:
    """A stretch of one line that belongs to an item (for evidence)."""

    line: Line
    start: int
    end: int


@dataclass
class Item:
    """One body item: its marker, text (whitespace collapsed) and where it was printed."""

    marker: str | None
    pieces: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The item as printed, lines joined and whitespace collapsed."""
        pieces = self.pieces
        if all(0 <= p.start and p.end <= len(p.line.printed) for p in pieces):
            # what _collapsed() spells out character by character, without the offsets
            return " ".join(w for p in pieces for w in p.line.printed[p.start:p.end].split())
        return self._collapsed()[0]

    def _collapsed(self) -> tuple[str, list[tuple[int, int]]]:
        """:attr:`text` and, for each of its characters, (piece index, offset in the line)."""
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


_HANGUL = re.compile(r"[가-힣]")
_DIGIT_RUN = re.compile(r"\d+")


def _marker_kind(marker: str | None) -> str:
    if marker is None:
        return ""
    return _DIGIT_RUN.sub("9", _HANGUL.sub("가", marker))


def body_items(lines: list[Line], indices: range, end_mark_line: int | None) -> list[Item]:
    """Join the body lines into items (wrapped lines joined, the final ``끝.`` removed)."""
    items: list[Item] = []
    for i in indices:
        line = lines[i]
        text = line.text
        end = len(text)
        if i == end_mark_line:
            m = END_MARK.search(text.rstrip())
            if m:
                end = m.start()
        start = len(text) - len(text.lstrip())
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        marker = item_marker(text[start:end])
        prev = items[-1] if items else None
        if marker is None and prev is not None and not _sentence_finished(prev.text):
            prev.pieces.append(Piece(line, start, end))
            continue
        items.append(Item(marker, [Piece(line, start, end)]))
    return items


def _sentence_finished(text: str) -> bool:
    """True when ``text`` ends a sentence or a label; a date cut by a wrap
    (``… 2025. 9.``) does not."""
    text = text.rstrip()
    if re.search(r"(?:\d{4}|'\d{2})\.(?:\s*\d{1,2}\.)?$", text):
        return False
    return text.endswith(("다.", "다", ":", "。")) or (
        text.endswith(".") and not text[-2:-1].isdigit())


def body_text(items: list[Item]) -> Found:
    """The body: one line per item, markers kept; ``None`` when there is no body."""
    if not items:
        return Found(None)
    evs = [ev for it in items for ev in it.evidence("body:items")]
    return Found("\n".join(it.text for it in items), evs)


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


def requested_actions(items: list[Item], spec: LetterSpec) -> Found:
    """Sentences asking the reader to act, in order (markers removed, wraps joined)."""
    found: list[str] = []
    evs: list[Evidence] = []
    for it in items:
        for sent in sentences(it.content):
            bare = sent.rstrip(". ")
            if spec.request.search(bare) and not spec.information.search(bare):
                found.append(sent)
                evs.extend(it.locate(sent, "requested_actions:ending"))
    return Found(found, evs)


def _deadline_label(spec: LetterSpec, sentence: str) -> re.Match[str] | None:
    """A ``제출기한:``-style label (from the spec's deadline labels, colon required)."""
    for m in spec.anywhere["deadline"].finditer(sentence):
        if ":" in m.group(0) or "：" in m.group(0):
            return m
    return None



def deadline(items: list[Item], spec: LetterSpec, year: int | None) -> Found:
    """The earliest date tied to a request (``…까지``, ``제출기한:``), with its time if printed.

    Dates in information-only sentences (``…보고합니다``) are not deadlines; ``year``
    completes year-less dates (``7. 11.(금)까지``).
    """
    best: tuple[str, Item, str] | None = None
    for it in items:
        for sent in sentences(it.content):
            label = _deadline_label(spec, sent)
            if label is None and spec.information.search(sent.rstrip(". ")):
                continue
            for d in find_dates(sent, default_year=year):
                after = sent[d.end:d.end + 24]
                t = next((x for x in find_times(after) if x.start <= 3), None)
                tail = after[t.end:] if t else after
                tied = re.match(r"\s*(?:\([^)]*\)\s*)?까지", tail) is not None
                if not tied and not (label is not None and label.end() <= d.start):
                    continue
                value = d.iso + (f"T{t.hhmm}" if t else "")
                if best is None or value < best[0]:
                    best = (value, it, d.raw)
    if best is None:
        return Found(None)
    return Found(best[0], best[1].locate(best[2], "deadline:까지"))


def amounts(items: list[Item]) -> Found:
    """Every amount in the body, in order, as integer won."""
    values: list[int] = []
    evs: list[Evidence] = []
    for it in items:
        for a in find_amounts(it.text):
            values.append(a.won)
            evs.extend(it.locate(a.raw, "amounts:won"))
    return Found(values, evs)


_RELATED_SENTENCE = re.compile(r"(?:와|과)\s*관련(?:입니다|됩니다|한|하여)")
_NOT_ORG = {"관련", "관련근거", "시행", "접수", "관련문서"}


def related(items: list[Item], spec: LetterSpec) -> Found:
    """References under 관련 (and ``○○과-123호(…)와 관련입니다``): number as printed, ISO date."""
    out: list[dict[str, str | None]] = []
    evs: list[Evidence] = []
    i = 0
    while i < len(items):
        it = items[i]
        group = [it]
        if spec.label("related", it.content):
            kind = _marker_kind(it.marker)
            j = i + 1
            while j < len(items) and _marker_kind(items[j].marker) != kind and items[j].marker:
                group.append(items[j])
                j += 1
        elif not (_RELATED_SENTENCE.search(it.content) and "위 호" not in it.content):
            i += 1
            continue
        else:
            j = i + 1
        for g in group:
            for num in find_document_numbers(g.content, with_org=True):
                org = num.org if num.org and num.org not in _NOT_ORG else None
                number = f"{org} {num.number}" if org else num.number
                out.append({"number": number, "date": num.date})
                evs.extend(g.locate(number.split(" ")[-1], "related:number"))
        i = j
    return Found(out, evs)


_UNIT_SUFFIXES = ("과", "팀", "실", "단", "국", "센터", "재단", "본부", "사업소", "담당관")
_CONTACT_WORDS = re.compile(r"[☎()\[\],/:]|전화|Tel|TEL|이메일|전자우편|e-?mail")
_ASK_TAIL = re.compile(r"에게\s*문의.*$|으로\s*문의.*$|로\s*문의.*$")
_NAME = re.compile(r"[가-힣○]{2,4}")


def body_contacts(items: list[Item], spec: LetterSpec) -> Found:
    """People to ask named in 문의/담당 items: department, position, name, phone, email."""
    out: list[dict[str, str | None]] = []
    evs: list[Evidence] = []
    for it in items:
        m = spec.label("contact", it.content)
        if not m:
            continue
        text = it.content[m.end():]
        email = EMAIL.search(text)
        phones = find_phones(text)
        rest = text
        for p in phones:
            rest = rest.replace(p.raw, " ")
        if email:
            rest = rest.replace(email.group(0), " ")
        rest = _CONTACT_WORDS.sub(" ", rest)
        rest = _ASK_TAIL.sub("", rest)
        tokens = rest.split()
        dept: list[str] = tokens
        position = name = None

        def is_name(tok: str) -> bool:
            return bool(_NAME.fullmatch(tok)) and not spec.is_position(tok) \
                and not tok.endswith(_UNIT_SUFFIXES)

        pairs = [k for k in range(len(tokens) - 1)
                 if spec.is_position(tokens[k]) and is_name(tokens[k + 1])]
        singles = [k for k, t in enumerate(tokens) if spec.is_position(t)]
        if pairs:
            k = pairs[-1]
            dept, position, name = tokens[:k], tokens[k], tokens[k + 1]
        elif singles and singles[-1] == len(tokens) - 1 and len(tokens) > 1:
            dept, position = tokens[:-1], tokens[-1]
        elif tokens and is_name(tokens[-1]):
            dept, name = tokens[:-1], tokens[-1]
        out.append({"department": " ".join(dept) or None, "position": position, "name": name,
                    "phone": phones[0].number if phones else None,
                    "email": email.group(0).lower() if email else None})
        evs.extend(it.evidence("contacts:문의"))
    return Found(out, evs)


__all__ = ["EMAIL", "Item", "amounts", "body_contacts", "body_items", "body_text", "deadline",
           "related", "requested_actions", "sentences"]
