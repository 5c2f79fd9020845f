"""Finders over a document's item structure: a report's outline, a meeting's agenda, and the
items of a labelled section.

``outline``        the 개조식 outline: every headline item (markers of option ``headlines``,
                   default ``□ ■``) with the deeper items under it (``○``/``ㅇ``, ``-``, ``·``,
                   ``*``, nested by rank) up to the next headline, a Roman-numbered section or a
                   section number; ``{text, marker, children}``. A document without such
                   headlines is outlined by its Roman-numbered sections (``Ⅰ.``) and their
                   numbered items (option ``fallback_kinds``, default ``[roman]``; Roman
                   numerals typed in Latin capitals, ``II.``, count). Table
                   rows of several cells and table-of-contents lines (``Ⅰ. 일반 현황 ···· 1``)
                   are not items; masked items are left out. Option ``until_label`` (a label
                   key, ``appendix``) ends the outline at an item that is that label alone
                   (``※ 참고자료``): reference pages are not the document's own outline.
``section_items``  the items of the section one of the field's labels opens (``□ 결정사항``,
                   ``ㅇ 향후 추진일정``, ``[ 주요 결정사항 ]``): the items under it, deeper than
                   it (markers removed, wrapped lines joined); a label followed by a colon and
                   a value (``□ 심의결과 : 수정보완``) gives that value alone.
``agenda``         the agenda of a meeting: the items listed under one of the field's labels
                   (``의사일정``, ``안건``), each ``{title, decision}``; the list ends where the
                   numbering starts again, the marker kind changes or an unmarked paragraph
                   follows that is neither a wrap nor a running head (``2 제414회-…``).
"""

from __future__ import annotations

import re
from typing import Any

from ...evidence import Evidence
from ...normalize.markers import item_marker, latin_roman
from ...normalize.text import collapse_ws, is_contents_entry
from ..base import Found
from ..context import FindContext
from ..items import Item
from ..masks import is_masked
from ..spec_types import FieldSpec
from . import finder
from .labelled import starts_with_any_label
from .text import region_items

# A running page head or foot: ``3  2025년 업무보고``, ``2025년 업무보고  3``, ``- 3 -``. The
# head that ends in its page number is read from that number back (``\S.*\d{4}.*\s\d{1,3}\s*$``
# searched from every character was cubic on a long line).
_PAGE_HEAD_FIRST = re.compile(r"\s*\d{1,3}\s+\S.*\d{4}|\s*-\s*\d{1,3}\s*-\s*$")
_PAGE_NUMBER_LAST = re.compile(r"\s\d{1,3}\s*$")
_YEAR = re.compile(r"\d{4}")
_NON_BLANK = re.compile(r"\S")


def _page_head(text: str) -> bool:
    """Whether ``text`` reads as a page head or foot (see ``_PAGE_HEAD_FIRST``): a page number
    then a text with four digits, ``- n -``, or a text with four digits then the number."""
    if _PAGE_HEAD_FIRST.match(text):
        return True
    number = _PAGE_NUMBER_LAST.search(text)
    if number is None:
        return False
    end = number.start()
    line = text.rfind("\n", 0, end) + 1  # ``.`` stops at a newline
    first = _NON_BLANK.search(text, line, end)
    # four digits that start after the line's first character and end before the number
    return first is not None and _YEAR.search(text, first.start() + 1, end) is not None


_MAX_ITEMS = 2000
_MAX_CHILDREN = 200


def _is_section_number(item: Item) -> bool:
    """Roman numerals and the private-use section numbers of Hancom (``󰊱``) end a headline."""
    marker = item.marker or ""
    if not marker:
        return False
    parsed = item_marker(marker)
    return "\ue000" <= marker[0] <= "\uf8ff" or (parsed is not None and parsed.kind == "roman")


def _usable(item: Item) -> bool:
    if len(item.pieces) == 1 and len(item.pieces[0].line.segments) > 1:
        return False  # a row of a data table
    text = item.text
    return not is_contents_entry(text) and not is_masked(item.content) and bool(item.content)


def _node(item: Item) -> dict[str, Any]:
    if item.marker is None:
        end = latin_roman(item.content)
        if end is not None:  # ``II. 평가기준``: the numeral is the marker
            return {"text": item.content[end:].strip(), "marker": item.content[:end].strip(),
                    "children": []}
    return {"text": item.content, "marker": item.marker, "children": []}


def _build(items: list[Item], is_headline: Any, rule: str, *,
           heading_line: bool = False) -> tuple[list[dict[str, Any]], list[Evidence]]:
    """The outline; with ``heading_line`` a headline is its own paragraph only (a section
    heading, ``Ⅰ. 제안경위``, never ends like a sentence, so the paragraph under it was
    joined to it as a wrap)."""
    out: list[dict[str, Any]] = []
    evs: list[Evidence] = []
    k = 0
    while k < len(items) and len(out) < _MAX_ITEMS:
        item = items[k]
        k += 1
        if not is_headline(item) or not _usable(item):
            continue
        if heading_line and len(item.pieces) > 1:
            item = Item(item.marker, item.pieces[:1], item.rank)
        head = _node(item)
        evs.extend(item.evidence(rule))
        out.append(head)
        stack: list[tuple[int, dict[str, Any]]] = [(item.rank or 0, head)]
        count = 0
        while k < len(items) and not is_headline(items[k]):
            child = items[k]
            if child.rank is None or (item.rank is not None and child.rank <= item.rank) \
                    or _is_section_number(child):
                if child.rank is not None or child.marker:
                    break
                k += 1
                continue
            k += 1
            if not _usable(child) or count >= _MAX_CHILDREN:
                continue
            count += 1
            while len(stack) > 1 and stack[-1][0] >= child.rank:
                stack.pop()
            node = _node(child)
            stack[-1][1]["children"].append(node)
            stack.append((child.rank, node))
    return out, evs


def _before_appendix(ctx: FindContext, items: list[Item], key: str | None) -> list[Item]:
    """The items before the first one that is a whole label of ``key`` (``※ 참고자료``): the
    reference pages after it are not the report's own outline."""
    if not key:
        return items
    for k, item in enumerate(items):
        content = item.content.strip("[]《》<> ")
        m = ctx.spec.labels.at_start(key, content)
        if m is not None and not content[m.end():].strip():
            return items[:k]
    return items


@finder("outline")
def outline(ctx: FindContext, field: FieldSpec) -> Found | None:
    items = _before_appendix(ctx, region_items(ctx, field.region), field.option("until_label"))
    headlines = tuple(field.option("headlines") or ("□", "■"))
    found, evs = _build(items, lambda it: it.marker in headlines, f"{field.name}:headline")
    if not found:
        kinds = tuple(field.option("fallback_kinds") or ("roman",))

        def by_kind(it: Item) -> bool:
            mk = item_marker(it.marker) if it.marker else None
            if mk is None and "roman" in kinds and latin_roman(it.content) is not None:
                return True  # Roman numerals typed in Latin capitals (``II.``)
            return mk is not None and mk.kind in kinds
        found, evs = _build(items, by_kind, f"{field.name}:section", heading_line=True)
    return Found(found, evs)


def _label_match(ctx: FindContext, keys: tuple[str, ...], text: str) -> re.Match[str] | None:
    for key in keys:
        m = ctx.spec.labels.at_start(key, text)
        if m:
            return m
    return None


def _until_label(ctx: FindContext, item: Item) -> tuple[str, int]:
    """The item's text up to the first of its wrapped lines that starts with a label of the
    spec (``붙임 1. …`` read as a wrap of the item above it), and how many pieces that keeps."""
    for k, piece in enumerate(item.pieces[1:], start=1):
        if piece.start == 0 and starts_with_any_label(ctx, piece.line):
            text = " ".join(" ".join(p.line.printed[p.start:p.end].split()) for p in item.pieces[:k])
            marker = item.marker or ""
            return text[len(marker):].strip() if marker and text.startswith(marker) else text, k
    return item.content, len(item.pieces)


@finder("section_items", needs=("label",), printed=True)
def section_items(ctx: FindContext, field: FieldSpec) -> Found | None:
    items = region_items(ctx, field.region)
    for k, item in enumerate(items):
        content = item.content.strip("[]《》<> ")
        m = _label_match(ctx, field.label_keys, content)
        if not m:
            continue
        rest = content[m.end():].strip()
        if rest and ":" in content[:m.end()] + rest[:1] or rest and content[m.end() - 1:m.end()] in ":：":
            return Found([rest], item.locate(rest, f"{field.name}:value"))
        texts: list[str] = []
        evs: list[Evidence] = []
        for child in items[k + 1:k + 1 + _MAX_CHILDREN]:
            deeper = child.rank is not None and (item.rank is None or child.rank > item.rank)
            if not deeper:
                if child.marker is None and child.pieces[0].line.table is not None:
                    continue  # a table inside the section
                break
            if not _usable(child):
                continue
            text, cut = _until_label(ctx, child)
            texts.append(text)
            evs.extend(child.evidence(f"{field.name}:item")[:cut])
            if cut < len(child.pieces):
                break  # a label line (붙임) joined to the item as a wrap ends the section
        if texts:
            return Found(texts, evs)
    return None


@finder("agenda", needs=("label",))
def agenda(ctx: FindContext, field: FieldSpec) -> Found | None:
    region = ctx.region(field.region)
    for i in region:
        line = ctx.lines[i]
        marker = item_marker(line.text)
        text = line.text[marker.end:] if marker else line.text
        m = _label_match(ctx, field.label_keys, text.strip("[]《》<> "))
        if not m:
            continue
        rest = text.strip("[]《》<> ")[m.end():].strip()
        if rest:
            return Found([{"title": collapse_ws(rest), "decision": None}],
                         [line.evidence(len(line.text) - len(rest), len(line.text), f"{field.name}:value")])
        return _agenda_items(ctx, field, i + 1, region.stop, marker.rank if marker else None)
    return None


def _agenda_items(ctx: FindContext, field: FieldSpec, start: int, stop: int,
                  label_rank: int | None) -> Found | None:
    out: list[dict[str, Any]] = []
    evs: list[Evidence] = []
    kind: str | None = None
    last_number = 0
    unmarked = 0
    for j in range(start, min(stop, start + _MAX_ITEMS)):
        line = ctx.lines[j]
        marker = item_marker(line.text)
        if marker is None:
            if not line.text.strip() or _page_head(line.text):
                continue
            unmarked += 1
            if not out or unmarked > 1 or line.table is not None:
                break
            out[-1]["title"] = collapse_ws(out[-1]["title"] + " " + line.printed)
            evs.append(line.evidence(0, len(line.text), f"{field.name}:item"))
            continue
        unmarked = 0
        if label_rank is not None and marker.rank <= label_rank:
            break
        if kind is None:
            kind = marker.kind
        elif marker.kind != kind:
            break
        number = re.match(r"\(?(\d+)", marker.text)
        if number:
            n = int(number.group(1))
            if out and n <= last_number:
                break
            last_number = n
        title = collapse_ws(line.printed[marker.end:])
        if not title or is_masked(title):
            continue
        out.append({"title": title, "decision": None})
        evs.append(line.evidence(marker.end, len(line.text), f"{field.name}:item"))
    return Found(out, evs) if out else None


__all__ = ["agenda", "outline", "section_items"]
