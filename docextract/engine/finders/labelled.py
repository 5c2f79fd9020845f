"""Label finders: the value printed after a label, or the block of items under it.

``label_value``  the text after the first label of the field in its region: on the same
                 line, in the next cell (the line view separates cells by tabs), or on the
                 next line when the label stands alone. Options:
                 ``until: <label key>`` joins the following lines up to that label
                 (a wrapped ``(경유)`` sentence); ``wraps: true`` joins lines printed
                 further right than the label without an item marker (a title wrapped in
                 a PDF); ``anywhere: true`` lets the label stand inside a line;
                 ``stop: [label keys]`` cuts the value where one of those labels begins.
``label_list``   the entries a label lists: after it on its line (split on commas outside
                 brackets) unless that is only a head count (``(10인)``, ``12명``); else
                 one entry per cell of the table right under the label (a grid of names:
                 the PDF parser reads one as a table, :mod:`docextract.parsers.pdf.grid`);
                 else the next line. The label may follow an item marker (``◯출석 위원``)
                 when the spec lists its key in ``marked_labels``.
                 ``names: true``: the entries are people, and a note in brackets after a
                 name (``이수진(비)``) is not part of the name.
``label_block``  the items under a label up to the next item of the label's own rank or
                 higher, or a line starting with one of ``stop``'s labels; a list type gives
                 one entry per item.
"""

from __future__ import annotations

import re

from ...evidence import Evidence
from ...normalize.markers import item_marker
from ..base import Found
from ..context import FindContext
from ..items import join_items
from ..lines import Line
from ..spec_types import FieldSpec
from ..values import split_outside_parens, value_type
from . import finder

_MAX_BLOCK_LINES = 200
# what a list label may print instead of its entries: how many there are
_HEAD_COUNT = re.compile(r"^[(（]?\s*\d+\s*(?:인|명)\s*[)）]?$")
# a person's name (two to four syllables) with a note in brackets: ``이수진(비)``
_NAME_NOTE = re.compile(r"^([가-힣]{2,4})\s*[(（][^()（）]*[)）]$")
_MAX_LIST_ROWS = 200


def value_span(line: Line, start: int) -> tuple[int, int]:
    """``[start, end)`` of the text after a label, blanks trimmed."""
    end = len(line.text)
    while start < end and line.text[start].isspace():
        start += 1
    while end > start and line.text[end - 1].isspace():
        end -= 1
    return start, end


def find_label(ctx: FindContext, keys: tuple[str, ...], line: Line,
               anywhere: bool = False) -> re.Match[str] | None:
    """The first of ``keys``' labels at the start of ``line`` (after its item marker for
    the spec's ``marked_labels``: :meth:`FindContext.item_label`), or inside it."""
    for key in keys:
        m = ctx.item_label(key, line.text)
        if m is None and anywhere:
            m = next(ctx.spec.labels.anywhere(key, line.text), None)
        if m:
            return m
    return None


def starts_with_any_label(ctx: FindContext, line: Line) -> bool:
    """Whether ``line`` starts with any label of the spec."""
    return any(ctx.label(key, line.text) for key in ctx.spec.labels.table)


def _cut_at(ctx: FindContext, keys: list[str], line: Line, a: int, b: int) -> int:
    """The end of a value at ``[a, b)`` cut where one of ``keys``' labels begins."""
    for key in keys:
        for m in ctx.spec.labels.anywhere(key, line.text[:b]):
            if m.start() > a:
                b = min(b, m.start())
    while b > a and line.text[b - 1].isspace():
        b -= 1
    return b


def wrapped_lines(lines: list[Line], at: int, limit: int) -> int:
    """How many lines after ``lines[at]`` continue it as a wrap: printed further right than
    its start (aligned with the value), with no item marker. Needs page positions, so only
    formats that record them (PDF) ever wrap here."""
    x = lines[at].x0
    n = 0
    for line in lines[at + 1:min(limit, at + 4)]:
        if x is None or line.x0 is None or line.table is not None or line.x0 < x + 15:
            break
        if item_marker(line.text) or not line.text.strip():
            break
        n += 1
    return n


@finder("label_value", needs=("label",), printed=True)
def label_value(ctx: FindContext, field: FieldSpec) -> Found | None:
    region = ctx.region(field.region)
    anywhere = bool(field.option("anywhere"))
    stop = list(field.option("stop") or [])
    for i in region:
        line = ctx.lines[i]
        m = find_label(ctx, field.label_keys, line, anywhere)
        if not m:
            continue
        a, b = value_span(line, m.end())
        if stop:
            b = _cut_at(ctx, stop, line, a, b)
        parts: list[str] = []
        evs: list[Evidence] = []
        last = i
        if b > a:
            parts.append(line.printed[a:b])
            evs.append(line.evidence(a, b, f"{field.name}:label"))
        elif i + 1 in region and ctx.lines[i + 1].text.strip() and not (
                starts_with_any_label(ctx, ctx.lines[i + 1]) or item_marker(ctx.lines[i + 1].text)):
            # the label cell read as its own line: the value is the next line
            nxt = ctx.lines[i + 1]
            parts.append(nxt.printed)
            evs.append(nxt.evidence(0, len(nxt.text), f"{field.name}:next-line"))
            last = i + 1
        until = field.option("until")
        if until:
            j = last + 1
            while j in region and not ctx.label(until, ctx.lines[j].text):
                if ctx.lines[j].text.strip():
                    parts.append(ctx.lines[j].printed)
                    evs.append(ctx.lines[j].evidence(0, len(ctx.lines[j].text),
                                                     f"{field.name}:continued"))
                j += 1
        elif field.option("wraps"):
            # lines printed right of the label continue the value (the value line itself
            # counts among them when the label stands alone)
            for j in range(last + 1, i + 1 + wrapped_lines(ctx.lines, i, region.stop)):
                parts.append(ctx.lines[j].printed)
                evs.append(ctx.lines[j].evidence(0, len(ctx.lines[j].text), f"{field.name}:wrapped"))
        value = " ".join(" ".join(parts).split())
        if field.pattern is not None and value:
            pm = field.pattern.search(value)
            if not pm:
                continue
            value = pm.group("value") if "value" in pm.re.groupindex else (
                pm.group(1) if pm.re.groups else pm.group(0))
        if not value:
            return Found(None, [])
        return Found(value, evs)
    return None


@finder("label_list", needs=("label",))
def label_list(ctx: FindContext, field: FieldSpec) -> Found | None:
    region = ctx.region(field.region)
    for i in region:
        line = ctx.lines[i]
        m = find_label(ctx, field.label_keys, line)
        if not m:
            continue
        a, b = value_span(line, m.end())
        if b > a and not _HEAD_COUNT.match(line.text[a:b]):
            entries = split_outside_parens(line.printed[a:b])
            return _entries(field, entries, [line.evidence(a, b, f"{field.name}:label")])
        if i + 1 not in region:
            return Found(None, [])
        nxt = ctx.lines[i + 1]
        if nxt.table is not None:
            return _cell_entries(ctx, field, i + 1, region.stop)
        if nxt.text.strip() and not (starts_with_any_label(ctx, nxt) or item_marker(nxt.text)):
            return _entries(field, split_outside_parens(nxt.printed),
                            [nxt.evidence(0, len(nxt.text), f"{field.name}:next-line")])
        return Found(None, [])
    return None


def _cell_entries(ctx: FindContext, field: FieldSpec, start: int, stop: int) -> Found:
    """One entry per cell of the table whose first line is ``ctx.lines[start]``."""
    table = ctx.lines[start].table
    entries: list[str] = []
    evs: list[Evidence] = []
    j = start
    while j < min(stop, start + _MAX_LIST_ROWS) and ctx.lines[j].table == table:
        line = ctx.lines[j]
        for a, b in line.segment_spans():
            text = " ".join(line.printed[a:b].split())
            if text:
                entries.append(text)
                evs.append(line.evidence(a, b, f"{field.name}:cell"))
        j += 1
    return _entries(field, entries, evs)


def _entries(field: FieldSpec, entries: list[str], evs: list[Evidence]) -> Found:
    if field.option("names"):
        entries = [m.group(1) if (m := _NAME_NOTE.match(e)) else e for e in entries]
    entries = [e for e in entries if e]
    return Found(entries, evs) if entries else Found(None, [])


@finder("label_block", needs=("label",), printed=True)
def label_block(ctx: FindContext, field: FieldSpec) -> Found | None:
    region = ctx.region(field.region)
    stop = list(field.option("stop") or [])
    for i in region:
        line = ctx.lines[i]
        m = find_label(ctx, field.label_keys, line)
        if not m:
            continue
        head = item_marker(line.text)
        rank = head.rank if head else None
        end = i + 1
        while end in region and end < i + _MAX_BLOCK_LINES:
            nxt = ctx.lines[end]
            mk = item_marker(nxt.text)
            if rank is not None and mk is not None and mk.rank <= rank:
                break
            if any(ctx.label(k, nxt.text) for k in stop) or find_label(ctx, field.label_keys, nxt):
                break
            end += 1
        a, b = value_span(line, m.end())
        items = join_items(ctx.lines, range(i + 1, end))
        texts = ([line.printed[a:b].strip()] if b > a else []) + [it.content for it in items]
        evs = ([line.evidence(a, b, f"{field.name}:label")] if b > a else []) + \
            [ev for it in items for ev in it.evidence(f"{field.name}:block")]
        texts = [t for t in texts if t]
        if not texts:
            return None
        if value_type(field.type)[1]:
            return Found(texts, evs)
        return Found("\n".join(texts), evs)
    return None


__all__ = ["find_label", "label_block", "label_list", "label_value", "starts_with_any_label", "value_span",
           "wrapped_lines"]
