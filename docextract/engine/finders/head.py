"""Who sends and who receives: the agency name line, 수신, the 발신명의 and the 수신자 list.

``agency_line``     the nearest short line above the region's end that ends in an agency
                    suffix (lexicon ``agency_suffixes``): 행정기관명 under a slogan. Slogans
                    (quotes, commas, exclamation), electronic-document code lines and masked
                    lines are skipped; letter-spaced names are joined (``서 울 특 별 시``).
                    Label cells (``공개여부``), 결재란 positions, phrases of many words and a
                    meeting's ordinal (``제1차 환경노동위원회``) are not agencies. Option
                    ``whole_lines: true`` reads only lines of one cell (not the label rows of
                    a form) that are not numbered items.
``recipients``      the 수신 value: direct recipients split on commas outside parentheses;
                    ``수신자 참조`` (pattern ``refer_list``) → the ``recipient_list`` label's
                    list in the region named by option ``list_region``; ``내부결재`` (pattern
                    ``internal``) → none.
``sender_line``     the 발신명의: a short line naming an agency head (lexicon
                    ``sender_suffixes``) or an agency signing in its own name (``agency_suffixes``)
                    among the first lines of the region, not a 결재 row; letter-spaced names
                    are joined (``서 울 특 별 시 장`` → ``서울특별시장``).
"""

from __future__ import annotations

import re

from ...normalize.markers import item_marker
from ...normalize.text import collapse_glyph_spacing, collapse_ws
from ..base import Found
from ..context import FindContext
from ..lines import Line
from ..masks import is_masked
from ..spec_types import FieldSpec
from ..values import split_outside_parens
from . import finder
from .approvals import Lexicon, signer_line
from .labelled import value_span

# A line of an electronic-document system: codes of capitals, digits and masks with a hyphen
# (``CU********5*******A07***************E0500-1``), never an agency name.
_CODE_LINE = re.compile(r"^[A-Z0-9*\-_/.]{8,}$")
_NUMBERED = re.compile(r"^\s*\(?\d{1,3}[.)]\s")
# a meeting's ordinal (``제1차 환경노동위원회``, ``제414회 국회``) names a meeting, not an agency
_ORDINAL = re.compile(r"^제\s*\d+\s*[차회]")
_SLOGAN = re.compile(r"[!?,~\"'“”‘’「」『』]")


def _agency_text(text: str, suffixes: tuple[str, ...]) -> str | None:
    """``text`` as an agency name (glyph spacing removed) when it reads as one (masked or not)."""
    t = collapse_glyph_spacing(text)
    # digits belong to names such as 119특수구조단, never to dates or numbers (2025. 3., 02-…)
    if not t or len(t) > 40 or _SLOGAN.search(t) or re.search(r"[.:]|\d{4,}|\d[-/]\d", t):
        return None
    if _CODE_LINE.match(t.replace(" ", "")) or _ORDINAL.match(t):
        return None
    stripped = re.sub(r"\([^)]*\)\s*$", "", t).replace(" ", "")
    # a name of a few words (서울특별시 강남구), not a phrase ending in 부 (…과세여부) or a
    # two-letter word (양도)
    if len(t.split()) > 4 or len(stripped) < 3:
        return None
    return t if stripped.endswith(suffixes) else None


def _whole_label(ctx: FindContext, text: str) -> bool:
    """Whether ``text`` is one of the spec's labels and nothing more."""
    for key in ctx.spec.labels.table:
        m = ctx.spec.labels.at_start(key, text)
        if m is not None and not text[m.end():].strip(" :："):
            return True
    return False


@finder("agency_line")
def agency_line(ctx: FindContext, field: FieldSpec) -> Found | None:
    """The agency line nearest above the end of the region (the top of the page when the
    region is ``all``: the first agency-like line)."""
    suffixes = ctx.lexicon("agency_suffixes")
    positions = Lexicon(ctx, field)
    region = ctx.region(field.region)
    order = range(region.stop - 1, region.start - 1, -1) if field.option("upward", True) else region
    limit = int(field.option("max_lines", 12))
    whole_lines = bool(field.option("whole_lines"))
    for n, i in enumerate(order):
        if n >= limit:
            break
        line = ctx.lines[i]
        if whole_lines and (len(line.segments) != 1 or _NUMBERED.match(line.text)):
            continue  # a form's label row, or a numbered item (``119) 대중교통환승센터``)
        offset = len(line.text)
        for seg in reversed(line.segments):
            offset -= len(seg.text)
            if _whole_label(ctx, seg.text) or positions.is_position(seg.text.replace(" ", "")):
                offset -= 1
                continue  # a label cell (``공개여부``) or a 결재란 position, not a name
            text = _agency_text(seg.raw or seg.text, suffixes)
            if text is not None:
                ev = line.evidence(offset, offset + len(seg.text), f"{field.name}:agency-line")
                if is_masked(text):
                    return Found(None, [ev], raw=text)   # withheld: the engine warns
                return Found(text, [ev])
            offset -= 1
    return None


def _value_after_label(ctx: FindContext, i: int, m: re.Match[str], limit: int) -> tuple[Line, int, int]:
    line = ctx.lines[i]
    a, b = value_span(line, m.end())
    if b == a and i + 1 < limit:
        nxt = ctx.lines[i + 1]
        if nxt.text.strip() and not any(ctx.label(k, nxt.text) for k in ("via", "title")):
            return nxt, *value_span(nxt, len(nxt.text) - len(nxt.text.lstrip()))
    return line, a, b


def _glued_label(ctx: FindContext, keys: tuple[str, ...], text: str,
                 values: tuple[re.Pattern[str], ...]) -> re.Match[str] | None:
    """A label glued to its value by text extraction (``수신수신자 참조``, ``수신내부결재``):
    the label directly followed by one of the known ``values``."""
    for key in keys:
        m = re.match(r"^\s*" + ctx.spec.labels.regex(key), text)
        if m and any(v.match(text, m.end()) for v in values):
            return m
    return None


@finder("recipients", multi=True, needs=("label",))
def recipients(ctx: FindContext, field: FieldSpec) -> dict[str, Found]:
    """``recipients`` (the list) and ``recipient_mode`` (direct | refer_list | internal | none)."""
    region = ctx.region(field.region)
    refer = ctx.pattern("refer_list")
    internal = ctx.pattern("internal")
    for i in region:
        m = ctx.any_label(field.label_keys, ctx.lines[i].text) or _glued_label(
            ctx, field.label_keys, ctx.lines[i].text, (refer, internal))
        if not m:
            continue
        line, a, b = _value_after_label(ctx, i, m, region.stop)
        value = collapse_ws(line.printed[a:b])
        ev = line.evidence(a, b, f"{field.name}:label") if b > a else None
        evs = [ev] if ev else []
        if internal.match(value):
            return {"recipients": Found([], evs), "recipient_mode": Found("internal", evs)}
        if refer.match(value):
            listed = recipient_list(ctx, str(field.option("list_region", "all")),
                                    str(field.option("list_label", "recipient_list")))
            return {"recipients": listed, "recipient_mode": Found("refer_list", evs)}
        if not value:
            break
        return {"recipients": Found(split_outside_parens(value), evs),
                "recipient_mode": Found("direct", evs)}
    return {"recipients": Found([]), "recipient_mode": Found("none")}


def recipient_list(ctx: FindContext, region_name: str, label: str) -> Found:
    """The items of the ``수신자`` line (wrapped lines joined; the label cell may stand alone)."""
    region = ctx.region(region_name)
    refer = ctx.pattern("refer_list")
    for i in region:
        m = ctx.label(label, ctx.lines[i].text)
        if not m:
            continue
        line = ctx.lines[i]
        value = line.printed[m.end():]
        evs = [line.evidence(m.end(), len(line.text), "recipients:수신자-line")]
        j = i + 1
        if not value.strip() and j in region and not closing_label(ctx, ctx.lines[j]):
            value = ctx.lines[j].printed
            evs = [ctx.lines[j].evidence(0, len(ctx.lines[j].text), "recipients:수신자-line")]
            j += 1
        while j in region and _list_continues(ctx, value, line, ctx.lines[j]):
            # a wrap inside a handling unit's parentheses splits one word (정보|화담당관)
            value += ("" if value.count("(") > value.count(")") else " ") + ctx.lines[j].printed.strip()
            evs.append(ctx.lines[j].evidence(0, len(ctx.lines[j].text), "recipients:continued"))
            j += 1
        items = [x for x in split_outside_parens(collapse_ws(value)) if not refer.fullmatch(x)]
        return Found(items, evs)
    return Found([])


def closing_label(ctx: FindContext, line: Line) -> bool:
    """Whether ``line`` starts a 결문 part (labels listed in lexicon ``closing_labels``)."""
    keys = ctx.spec.lexicons.get("closing_labels", ())
    return any(ctx.label(k, line.text) for k in keys)


def _list_continues(ctx: FindContext, value: str, first: Line, nxt: Line) -> bool:
    """Whether ``nxt`` continues a wrapped 수신자 list: after a comma, inside parentheses, or
    indented under the list (PDF); never a 결문 label line."""
    if closing_label(ctx, nxt) or not nxt.text.strip():
        return False
    if value.count("(") > value.count(")") or value.rstrip().endswith(",") \
            or nxt.text.lstrip().startswith(","):
        return True
    return (first.x0 is not None and nxt.x0 is not None and nxt.table is None
            and nxt.x0 >= first.x0 + 15 and "/" not in nxt.text)


def is_sender_text(ctx: FindContext, text: str) -> bool:
    """A short line naming an agency head (``행정안전부장관``, ``서 울 특 별 시 장``) or an agency
    that signs in its own name (``서울특별시감사위원회``)."""
    t = collapse_glyph_spacing(text)
    if not t or len(t) > 40 or re.search(r"\d|[.:/@~]", t) or _SLOGAN.search(t):
        return False
    marker = item_marker(t)
    if marker and marker.text not in ("○", "◯"):
        return False
    compact = t.replace(" ", "")
    return compact.endswith(ctx.lexicon("sender_suffixes")) or \
        compact.endswith(tuple(s for s in ctx.lexicon("agency_suffixes") if len(s) >= 2))


def _all_single_glyphs(text: str) -> bool:
    tokens = text.split()
    return len(tokens) >= 2 and all(len(t) == 1 for t in tokens)


@finder("sender_line")
def sender_line(ctx: FindContext, field: FieldSpec) -> Found | None:
    region = ctx.region(field.region)
    lex = Lexicon(ctx, field)
    lines = [ctx.lines[i] for i in region]
    for k, line in enumerate(lines[:int(field.option("max_lines", 8))]):
        if closing_label(ctx, line) or len(line.segments) != 1 or signer_line(ctx, lines, k, lex):
            continue
        text = line.printed
        if is_sender_text(ctx, line.text):
            value = collapse_glyph_spacing(text)
            if _all_single_glyphs(" ".join(text.split())):
                value = value.replace(" ", "")
            return Found(value, [line.evidence(0, len(text), f"{field.name}:agency-head")])
    return None


__all__ = ["agency_line", "closing_label", "is_sender_text", "recipient_list", "recipients",
           "sender_line"]
