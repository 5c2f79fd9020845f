"""Attachment lists (붙임): items in order, each ``{title, copies, sent_separately}``.

The list runs from the field's label to the end of its region (a layout ends it at the
``끝.``). Items are split on sequential number markers (``1.``, ``2.``…) at line starts or
after a finished item, so dates inside a title (``2025. 3. 12.``) do not split it. An item
ends at its quantity (``1부.``): whatever follows on the same line -- the ``끝.``, or the
signatures of a 결재란 printed straight after the list -- is not part of its title.
``(별도 송부)`` after an item, or the option ``separate_label`` (``따로붙임``) heading the
list, marks items sent separately.

Documents without a layout that marks the list (보도자료, 회의록 ...) use option ``scan: true``:
the list starts at the first line of the region that one of the labels starts, and runs
on over the following lines that continue its numbering (``2.``, ``3.`` ...).
"""

from __future__ import annotations

import re

from ...evidence import Evidence
from ...normalize.text import collapse_ws
from ..base import Found
from ..context import FindContext
from ..spec_types import FieldSpec
from . import finder
from .labelled import find_label

UNITS = "부매권건개장식"
# The count is a whole run of digits (``(?<!\d)``): one that fails fails from every digit
# of its run, which were each read to the run's end (quadratic on a long run of digits).
_QUANTITY = re.compile(rf"(?<!\d)(?P<n>\d+)\s*(?P<unit>[{UNITS}])(?![가-힣A-Za-z0-9])\s*\.?")
_SEPARATE = re.compile(r"\(\s*(?:별도|따로)\s*(?:송부|제출|발송|붙임)\s*\)")
# an item number, followed by a blank or glued to an opening bracket (``1.「…」개요``)
_MARK = re.compile(r"(?:^|(?<=\s))(?P<n>\d{1,2})\s*[.)](?:\s+|(?=[「『｢《〈<\[]))")


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


def parse_attachment(text: str, separately: bool = False,
                     end_mark: re.Pattern[str] | None = None) -> dict[str, object] | None:
    """``2025년 … 서식 1부.`` → ``{"title": "2025년 … 서식", "copies": 1, ...}``; text after the
    quantity (the end mark, signatures run on from a 결재란) is dropped."""
    text = collapse_ws(text)
    if end_mark is not None:
        text = collapse_ws(end_mark.sub("", text)).strip()
    if not text:
        return None
    sep = separately or bool(_SEPARATE.search(text))
    for m in _QUANTITY.finditer(text):
        title = text[:m.start()].strip()
        rest = _SEPARATE.sub("", text[m.end():]).strip(" .")
        # the quantity closes the item unless more of the title follows (``1부 및 2부``)
        ends = end_mark.search(rest) if end_mark is not None else None
        if title and (not rest or m.group(0).endswith(".") or (ends is not None and ends.start() == 0)):
            return {"title": _SEPARATE.sub("", title).strip().rstrip(".").strip(),
                    "copies": int(m["n"]), "sent_separately": sep}
    title = _SEPARATE.sub("", text).rstrip(". ").strip()
    return {"title": title, "copies": None, "sent_separately": sep} if title else None


_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]\s")


def _scanned(ctx: FindContext, keys: tuple[str, ...], region: range) -> range | None:
    """The lines of the list the labels open in ``region``: the label's line and the lines
    after it that go on numbering its items."""
    for i in region:
        m = find_label(ctx, keys, ctx.lines[i])
        if not m:
            continue
        numbers = [int(n) for n in _MARK_ANY.findall(ctx.lines[i].text[m.end():])]
        expected = (numbers[-1] if numbers else 1) + 1
        end = i + 1
        while end in region and end < i + _MAX_SCAN:
            mk = _NUMBER.match(ctx.lines[end].text)
            if mk is None or int(mk.group(1)) != expected:
                break
            expected += 1
            end += 1
        return range(i, end)
    return None


_MARK_ANY = re.compile(r"(?:^|(?<=\s))(\d{1,2})\s*[.)]\s")
_MAX_SCAN = 30


@finder("attachment_list", needs=("label",))
def attachment_list(ctx: FindContext, field: FieldSpec) -> Found | None:
    region = ctx.region(field.region)
    separate_key = field.option("separate_label")
    keys = field.label_keys + ((separate_key,) if separate_key else ())
    if field.option("scan"):
        scanned = _scanned(ctx, keys, region)
        if scanned is None:
            return None
        region = scanned
    if not len(region):
        return None
    first = ctx.lines[region.start]
    m = find_label(ctx, keys, first)
    start = m.end() if m else 0
    separately = bool(separate_key and ctx.label(separate_key, first.text))
    parts: list[str] = []
    where: list[tuple[int, int, int]] = []  # (block offset, line index, line offset)
    pos = 0
    for i in region:
        line = ctx.lines[i]
        a = start if i == region.start else 0
        chunk = line.printed[a:]
        where.append((pos, i, a))
        parts.append(chunk)
        pos += len(chunk) + 1
    block = "\n".join(parts)
    items: list[dict[str, object]] = []
    evs: list[Evidence] = []
    for offset, text in _split_items(block):
        item = parse_attachment(text, separately, ctx.spec.patterns.get("end_mark"))
        if item is None:
            continue
        items.append(item)
        base, i, lstart = max((w for w in where if w[0] <= offset), key=lambda w: w[0])
        line = ctx.lines[i]
        a = lstart + (offset - base)
        evs.append(line.evidence(a, min(len(line.text), a + len(text.split("\n")[0])),
                                 f"{field.name}:item"))
    return Found(items, evs)


__all__ = ["attachment_list", "parse_attachment"]
