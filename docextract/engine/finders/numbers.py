"""Document numbers: the 시행/접수 slots of a 결문 and the 관련 references of a body.

``numbered_slot``  ``<label> <처리과>-<번호> (<date>)``: outputs ``number`` (as printed,
                   blanks removed) and ``date`` (ISO). Option ``stop: [label keys]`` ends the
                   slot where another slot's label begins on the same line (``시행 … 접수 …``).
``references``     the documents an item refers to: items starting with the field's label
                   (``1. 관련: …``, ``1. 관련근거`` with sub-items) or saying ``…와 관련입니다``,
                   and their sub-items. Each is ``{organization, number, date}``; an
                   organisation printed before the number (``은평구 공간계획과-8926``,
                   ``市 현장대응단-9913``) is kept apart from the number.
"""

from __future__ import annotations

import re

from ...evidence import Evidence
from ...normalize.dates import parse_date
from ...normalize.docnums import find_document_numbers
from ..base import Found
from ..context import FindContext
from ..items import Item
from ..spec_types import FieldSpec
from . import finder
from .text import region_items

_DATE_SLOT = re.compile(r"^\s*\(\s*(?P<date>[^()]*?)\s*\)")
_RELATED_SENTENCE = re.compile(r"관련(?:입니다|됩니다|한|하여|임)")
# An organisation written in Hanja before a number (市 현장대응단-9913).
_HANJA_ORG = re.compile(r"^[\u4e00-\u9fff]{1,3}$")


def _slot_regex(ctx: FindContext, keys: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(ctx.spec.labels.regex(k) for k in keys) or "(?!)"
    return re.compile(rf"(?:^|(?<=\s))(?:{alternation})(?=[\s:(]|$)\s*[:：]?\s*(?P<rest>.*)$", re.S)


@finder("numbered_slot", multi=True, needs=("label",))
def numbered_slot(ctx: FindContext, field: FieldSpec) -> dict[str, Found]:
    slot = _slot_regex(ctx, field.label_keys)
    stop = _slot_regex(ctx, tuple(field.option("stop") or ())) if field.option("stop") else None
    region = ctx.region(field.region)
    for i in region:
        line = ctx.lines[i]
        m = slot.search(line.text)
        if not m:
            continue
        rest_start = m.start("rest")
        rest = line.text[rest_start:]
        if not rest.strip() and i + 1 in region:
            # the label cell read as its own line: the number is on the next line
            nxt = ctx.lines[i + 1]
            if not slot.match(nxt.text) and not (stop and stop.match(nxt.text)) and \
                    re.match(r"\s*[^\s()]+\s*-\s*\d|\s*\(", nxt.text):
                line, rest_start, rest = nxt, 0, nxt.text
        if stop is not None:
            cut = stop.search(rest)
            rest = rest[:cut.start()] if cut else rest
        out: dict[str, Found] = {}
        nums = find_document_numbers(rest)
        after = rest
        if nums and nums[0].start < 40:
            n = nums[0]
            lead = rest[:n.number_start].strip()
            # a code before the department (NIA 기관-64) is part of the number as printed
            a = rest_start + (rest.find(lead) if lead and len(lead) <= 12 and "(" not in lead
                              else n.number_start)
            b = rest_start + n.number_end
            out["number"] = Found(re.sub(r"\s+", "", line.text[a:b]),
                                  [line.evidence(a, b, f"{field.name}:label")])
            after = rest[n.number_end:]
        elif rest.strip():
            out["number"] = Found(None, raw=rest.split("(")[0].strip() or None)
        d = _DATE_SLOT.match(after)
        if d and d["date"].strip():
            iso = parse_date(d["date"])
            a = rest_start + (len(rest) - len(after)) + d.start("date")
            if iso:
                out["date"] = Found(iso, [line.evidence(a, a + len(d["date"]), f"{field.name}:date")])
            else:
                out["date"] = Found(None, raw=d["date"])
        return out
    return {}


def _organisation(org: str | None, ctx: FindContext) -> str | None:
    """``org`` when it reads as an organisation (ends in an agency suffix, or Hanja)."""
    if not org:
        return None
    if _HANJA_ORG.match(org):
        return org
    suffixes = ctx.spec.lexicons.get("agency_suffixes", ())
    return org if org.endswith(suffixes) and org not in ("관련", "관련근거") else None


def _references(group: list[Item], ctx: FindContext, rule: str) -> tuple[list[dict[str, str | None]], list[Evidence]]:
    out: list[dict[str, str | None]] = []
    evs: list[Evidence] = []
    for it in group:
        for num in find_document_numbers(it.content, with_org=True):
            org = _organisation(num.org, ctx)
            out.append({"organization": org, "number": f"{num.department}-{num.serial_text or num.serial}",
                        "date": num.date})
            printed = it.content[num.number_start:num.number_end]
            evs.extend(it.locate(printed.split()[-1] if org else printed, rule))
    return out, evs


@finder("references", needs=("label",))
def references(ctx: FindContext, field: FieldSpec) -> Found | None:
    items = region_items(ctx, field.region)
    out: list[dict[str, str | None]] = []
    evs: list[Evidence] = []
    i = 0
    while i < len(items):
        it = items[i]
        labelled = ctx.any_label(field.label_keys, it.content)
        says = _RELATED_SENTENCE.search(it.content) and "위 호" not in it.content
        if not (labelled or says):
            i += 1
            continue
        group = [it]
        j = i + 1
        rank = it.rank
        while j < len(items) and items[j].marker and (
                rank is None or ((deeper := items[j].rank) is not None and deeper > rank)):
            group.append(items[j])
            j += 1
        found, ev = _references(group, ctx, f"{field.name}:number")
        out.extend(found)
        evs.extend(ev)
        i = j
    return Found(out, evs)


__all__ = ["numbered_slot", "references"]
