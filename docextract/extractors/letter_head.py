"""The 두문 and 제목 of a letter: issuer (행정기관명), recipients (수신), via (경유), title."""

from __future__ import annotations

import re

from ..normalize.text import collapse_glyph_spacing, collapse_ws
from .base import Found
from .letter_labels import LetterSpec
from .letter_layout import LetterLayout, recipient_label
from .lines import Line


def split_outside_parens(text: str) -> list[str]:
    """Split on commas that are not inside parentheses; items stripped, empties dropped."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch in ",，" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return [collapse_ws(x) for x in out if x.strip()]


def _value_after(line: Line, m: re.Match[str]) -> tuple[int, int]:
    start = m.end()
    end = len(line.text)
    while start < end and line.text[start].isspace():
        start += 1
    while end > start and line.text[end - 1].isspace():
        end -= 1
    return start, end


def find_issuer(lines: list[Line], lay: LetterLayout, spec: LetterSpec) -> Found | None:
    """행정기관명: the nearest short agency-like line above 수신 (a slogan above it is skipped)."""
    stop = lay.recipients if lay.recipients is not None else lay.title
    if stop is None:
        return None
    fallback: tuple[Line, int, int] | None = None
    for i in range(stop - 1, max(-1, stop - 12), -1):
        line = lines[i]
        offset = len(line.text)
        for seg in reversed(line.segments):
            offset -= len(seg.text)
            text = collapse_glyph_spacing(seg.raw or seg.text)
            if not text or len(text) > 40 or re.search(r"[!?.:~]|\d{2,}", text):
                offset -= 1
                continue
            stripped = re.sub(r"\([^)]*\)\s*$", "", text).replace(" ", "")
            if stripped.endswith(spec.agency_suffixes):
                ev = line.evidence(offset, offset + len(seg.text), "issuer:agency-line")
                return Found(text, [ev])
            if fallback is None:
                fallback = (line, offset, offset + len(seg.text))
            offset -= 1
    if fallback is not None:
        line, a, b = fallback
        return Found(collapse_glyph_spacing(line.printed[a:b]), [line.evidence(a, b, "issuer:line-above")])
    return None


def find_recipients(lines: list[Line], lay: LetterLayout, spec: LetterSpec) -> tuple[str, Found]:
    """The 수신 value: mode (``direct``/``refer_list``/``internal``) and the direct recipients."""
    if lay.recipients is None:
        return "none", Found([])
    line = lines[lay.recipients]
    m = recipient_label(spec, line.text)
    assert m is not None
    a, b = _value_after(line, m)
    if b == a and lay.recipients_value is not None:
        line = lines[lay.recipients_value]
        a, b = _value_after(line, re.match(r"\s*", line.text))  # type: ignore[arg-type]
    value = collapse_ws(line.printed[a:b])
    ev = line.evidence(a, b, "recipients:label")
    if spec.internal.match(value):
        return "internal", Found([], [ev])
    if spec.refer_list.match(value):
        return "refer_list", Found([], [ev])
    if not value:
        return "none", Found([])
    return "direct", Found(split_outside_parens(value), [ev])


def find_via(lines: list[Line], lay: LetterLayout, spec: LetterSpec) -> Found:
    """The (경유) text, joined over wrapped lines up to 제목; ``None`` when empty."""
    if lay.via is None:
        return Found(None)
    line = lines[lay.via]
    m = spec.label("via", line.text)
    assert m is not None
    a, b = _value_after(line, m)
    parts = [line.printed[a:b]]
    evs = [line.evidence(a, b, "via:label")] if b > a else []
    end = lay.title if lay.title is not None else lay.via + 1
    first = lay.via + 1
    above = lay.recipients_value if lay.recipients_value is not None else lay.recipients
    if b == a and end > first and above is not None and above < lay.via - 1:
        # PDF: a label centred beside a two-line value sits between the value's lines
        first = above + 1
    for j in range(first, end):
        if j == lay.via:
            continue
        if lines[j].text.strip():
            parts.append(lines[j].printed)
            evs.append(lines[j].evidence(0, len(lines[j].text), "via:continued"))
    value = collapse_ws(" ".join(parts))
    return Found(value or None, evs if value else [])


def find_title(lines: list[Line], lay: LetterLayout, spec: LetterSpec) -> Found:
    """The text after 제목 on its line (or the next line when the label stands alone)."""
    if lay.title is None:
        return Found(None)
    line = lines[lay.title]
    m = spec.label("title", line.text)
    assert m is not None
    a, b = _value_after(line, m)
    parts, evs = [], []
    if b > a:
        parts.append(line.printed[a:b])
        evs.append(line.evidence(a, b, "title:label"))
    for j in range(lay.title + 1, (lay.title_end or lay.title) + 1):
        parts.append(lines[j].printed)
        evs.append(lines[j].evidence(0, len(lines[j].text), "title:wrapped"))
    value = collapse_ws(" ".join(parts))
    return Found(value or None, evs)


__all__ = ["find_issuer", "find_recipients", "find_title", "find_via", "split_outside_parens"]
