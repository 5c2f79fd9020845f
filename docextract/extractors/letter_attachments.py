"""붙임 (attachments): items in order, each ``{title, copies}``.

The 붙임 block runs from the 붙임 label to the end mark. Items are split on sequential
number markers (``1.``, ``2.``…) at line starts or after a finished item, so that dates
such as ``2025. 3. 12.`` inside a title do not split it. The trailing ``끝.`` is dropped.
"""

from __future__ import annotations

import re

from ..evidence import Evidence
from ..normalize.text import collapse_ws
from .base import Found
from .letter_labels import LetterSpec
from .letter_layout import END_MARK, LetterLayout
from .lines import Line

UNITS = "부매권건개장식"
_QUANTITY = re.compile(
    rf"^(?P<title>.*?)\s*(?P<n>\d+)\s*(?P<unit>[{UNITS}])\s*\.?\s*"
    r"(?P<note>\(\s*별도\s*(?:송부|제출|발송)\s*\))?\s*\.?$")
_SEPARATE = re.compile(r"\s*\.?\s*\(\s*별도\s*(?:송부|제출|발송)\s*\)\s*\.?\s*$")
_MARK = re.compile(r"(?:^|(?<=\s))(?P<n>\d{1,2})\s*[.)]\s+")


def _split_items(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each numbered item; one item when the block is not numbered."""
    starts: list[tuple[int, int]] = []
    expected = 1
    for m in _MARK.finditer(text):
        if int(m["n"]) != expected:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[:m.start()].rstrip()
        at_line_start = not text[line_start:m.start()].strip()
        after_item = before.endswith((".", ")")) and not before[-2:-1].isdigit()
        if before and not (at_line_start or after_item):
            continue
        starts.append((m.start(), m.end()))
        expected += 1
    if not starts:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    if text[:starts[0][0]].strip():
        out.append((0, text[:starts[0][0]]))
    for k, (_, body) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        out.append((body, text[body:end]))
    return out


def parse_attachment(text: str) -> dict[str, object] | None:
    """``2025년 … 서식 1부.`` → ``{"title": "2025년 … 서식", "copies": 1}``."""
    text = collapse_ws(text)
    text = END_MARK.sub("", text).strip()
    if not text:
        return None
    m = _QUANTITY.match(text)
    if m and m["title"].strip():
        return {"title": m["title"].strip().rstrip(".").strip(), "copies": int(m["n"])}
    text = _SEPARATE.sub("", text)
    return {"title": text.rstrip(". ").strip(), "copies": None}


def attachments(lines: list[Line], lay: LetterLayout, spec: LetterSpec) -> Found:
    """The 붙임 items between the 붙임 label and the end mark."""
    if lay.attachments is None:
        return Found([])
    last = lay.end_mark if lay.end_mark is not None else (
        (lay.closing - 1) if lay.closing is not None else lay.attachments)
    # the block text, with a map from block offsets back to (line, offset)
    parts: list[str] = []
    where: list[tuple[int, Line, int]] = []  # (block offset, line, line offset)
    pos = 0
    for i in range(lay.attachments, last + 1):
        line = lines[i]
        start = 0
        if i == lay.attachments:
            m = spec.label("attachments", line.text)
            start = m.end() if m else 0
        chunk = line.printed[start:]
        where.append((pos, line, start))
        parts.append(chunk)
        pos += len(chunk) + 1
    block = "\n".join(parts)
    items: list[dict[str, object]] = []
    evs: list[Evidence] = []
    for offset, text in _split_items(block):
        item = parse_attachment(text)
        if item is None:
            continue
        items.append(item)
        base, line, lstart = max((w for w in where if w[0] <= offset), key=lambda w: w[0])
        a = lstart + (offset - base)
        evs.append(line.evidence(a, min(len(line.text), a + len(text.split("\n")[0])),
                                 "attachments:item"))
    return Found(items, evs)


__all__ = ["attachments", "parse_attachment"]
