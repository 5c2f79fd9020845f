"""Finders over running text: a region's items, request sentences, amounts, regex matches.

``region_text``  the items of a region, one per line, markers kept (a letter's 본문)
``requests``     sentences asking the reader to act (lexicons ``request_endings`` and
                 ``information_endings``: an information-only ending is not a request)
``amounts``      every amount in won, in order
``pattern``      the first match of the field's ``pattern`` (group ``value``, else group 1);
                 with a list type, every match
``pattern_parts`` every match of the field's ``pattern`` as a record part of the field's
                 type: its named groups fill the part's keys (``(?P<position>…)\s*:\s*
                 (?P<name>…)\s*☎\s*(?P<phone>…)`` → a contact); a group named after a value
                 type (``phone``, ``email``, ``date``) is read as that type (kept as printed when it
                 does not read as one: an extension ``2130``)
"""

from __future__ import annotations

import dataclasses
import re

from ...evidence import Evidence
from ...normalize.amounts import find_amounts
from ..base import Found
from ..context import FindContext
from ..items import Item, join_items, sentences
from ..spec_types import FieldSpec
from ...normalize.text import collapse_ws
from ...records import parts
from ..values import TYPES, value_type
from . import finder


def region_items(ctx: FindContext, region: str) -> list[Item]:
    """The items of ``region`` (computed once per context). A layout may name the line
    whose ``끝.`` closes the region in ``ctx.regions['end_mark']``."""
    def compute() -> list[Item]:
        end = ctx.regions.get("end_mark")
        return join_items(ctx.lines, ctx.region(region), end.start if end else None,
                          ctx.spec.patterns.get("end_mark"))
    return ctx.cached(("items", region), compute)  # type: ignore[no-any-return]


@finder("region_text")
def region_text(ctx: FindContext, field: FieldSpec) -> Found | None:
    items = region_items(ctx, field.region)
    if not items:
        return None
    evs = [ev for it in items for ev in it.evidence(f"{field.name}:items")]
    return Found("\n".join(it.text for it in items), evs)


def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!)")
    return re.compile("(?:" + "|".join(words) + r")\s*[.]?\s*$")


@finder("requests")
def requests(ctx: FindContext, field: FieldSpec) -> Found | None:
    """Sentences ending in a request form, in order (markers removed, wraps joined)."""
    request = ctx.cached("re:request", lambda: _alternation(ctx.lexicon("request_endings")))
    information = ctx.cached("re:information",
                             lambda: _alternation(ctx.lexicon("information_endings")))
    found: list[str] = []
    evs: list[Evidence] = []
    for it in region_items(ctx, field.region):
        for sent in sentences(it.content):
            bare = sent.rstrip(". ")
            if request.search(bare) and not information.search(bare):
                found.append(sent)
                evs.extend(it.locate(sent, f"{field.name}:ending"))
    return Found(found, evs)


@finder("amounts")
def amounts(ctx: FindContext, field: FieldSpec) -> Found | None:
    values: list[int] = []
    evs: list[Evidence] = []
    for it in region_items(ctx, field.region):
        for a in find_amounts(it.text):
            values.append(a.won)
            evs.extend(it.locate(a.raw, f"{field.name}:won"))
            if a.hangul_matches is False:
                ctx.warn(f"amount {a.raw!r}: digits give {a.won:,} won but the Hangul reading "
                         f"gives {a.hangul_won:,}")
    return Found(values, evs)


def _group(m: re.Match[str]) -> tuple[int, int]:
    if "value" in m.re.groupindex:
        return m.span("value")
    return m.span(1) if m.re.groups else m.span(0)


@finder("pattern", needs=("pattern",), printed=True)
def pattern(ctx: FindContext, field: FieldSpec) -> Found | None:
    """The first match of the field's pattern in the region (every match for list types)."""
    assert field.pattern is not None
    many = value_type(field.type)[1]
    values: list[str] = []
    evs: list[Evidence] = []
    for _, line in ctx.region_lines(field.region):
        for m in field.pattern.finditer(line.text):
            a, b = _group(m)
            if b <= a:
                continue
            text = " ".join(line.printed[a:b].split())
            ev = line.evidence(a, b, f"{field.name}:pattern")
            if not many:
                return Found(text, [ev])
            values.append(text)
            evs.append(ev)
    return Found(values, evs) if values else None


@finder("pattern_parts", needs=("pattern",))
def pattern_parts(ctx: FindContext, field: FieldSpec) -> Found | None:
    assert field.pattern is not None
    kind = value_type(field.type)[0]
    keys = [f.name for f in dataclasses.fields(getattr(parts, kind.part))] if kind.part else []
    values: list[dict[str, object]] = []
    evs: list[Evidence] = []
    for _, line in ctx.region_lines(field.region):
        for m in field.pattern.finditer(line.text):
            part: dict[str, object] = {k: None for k in keys}
            for name, raw in m.groupdict().items():
                if raw is None or (keys and name not in keys):
                    continue
                text = collapse_ws(line.printed[m.start(name):m.end(name)])
                convert = TYPES[name].convert if name in TYPES else None
                converted = convert(text) if convert is not None else None
                part[name] = text if converted is None else converted  # ``2130``: an extension
            values.append(part)
            evs.append(line.evidence(m.start(), m.end(), f"{field.name}:pattern"))
    return Found(values, evs) if values else None


__all__ = ["amounts", "pattern", "pattern_parts", "region_items", "region_text", "requests"]
