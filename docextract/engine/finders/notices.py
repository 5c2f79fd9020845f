"""Finders for notices and regulations (공고, 고시, 훈령): their history, when they take
effect, and what kind they are.

``revision_history``  (outputs ``date``, ``number``) the 제정/개정 lines of a regulation
                      (pattern ``revision``: ``개정 2026. 5. 18 훈령 제 591호``): ``date`` and
                      ``number`` of the latest entry (the latest date; the later line when two
                      share it). ``number`` is the number printed on that line (pattern
                      ``history_number``), if any.
``effective_date``    the date the text takes effect: the last ``…부터 시행`` clause of the
                      region (pattern ``effective``), its date; a text that takes effect when
                      issued (lexicon ``effective_on_issue``: ``발령한 날``, ``고시한 날``) takes
                      the date of the field named by option ``issued`` (default ``date``).
                      A clause with neither (``공포한 날부터``: the date of a law still to be
                      promulgated) gives nothing.
``lexicon_word``      the first word of a lexicon (option ``lexicon``) that a line of the
                      region consists of, else that ends the value of one of the fields named
                      by option ``fields`` (in order), else that occurs in them: the kind of a
                      notice (``입 법 예 고`` line, a title ending in ``입찰공고``, the number
                      ``고용노동부고시 제…``). Longer words are tried first.
"""

from __future__ import annotations

import re

from ...evidence import Evidence
from ...normalize.dates import find_dates
from ...normalize.text import collapse_glyph_spacing
from ..base import Found
from ..context import FindContext
from ..spec_types import FieldSpec
from . import finder

_MAX_HISTORY = 500


@finder("revision_history", multi=True)
def revision_history(ctx: FindContext, field: FieldSpec) -> dict[str, Found]:
    revision = ctx.pattern("revision")
    number = ctx.pattern("history_number")
    best: tuple[str, int] | None = None
    seen = 0
    for i, line in ctx.region_lines(field.region):
        if not revision.search(line.text):
            continue
        seen += 1
        if seen > _MAX_HISTORY:
            break
        dates = find_dates(line.text)
        if dates and (best is None or dates[0].iso >= best[0]):
            best = (dates[0].iso, i)
    if best is None:
        return {}
    iso, i = best
    line = ctx.lines[i]
    d = find_dates(line.text)[0]
    out = {"date": Found(iso, [line.evidence(d.start, d.end, f"{field.name}:history")])}
    # searched in the text after the date as a string of its own: the pattern's look-behind
    # must not see the date's last letter (``18일훈령 제…``)
    m = number.search(line.text[d.end:])
    if m:
        start, end = d.end + m.start(), d.end + m.end()
        out["number"] = Found(line.printed[start:end],
                              [line.evidence(start, end, f"{field.name}:history")])
    return out


@finder("effective_date")
def effective_date(ctx: FindContext, field: FieldSpec) -> Found | None:
    effective = ctx.pattern("effective")
    on_issue = [w.replace(" ", "") for w in ctx.lexicon("effective_on_issue")]
    region = ctx.region(field.region)
    for i in reversed(region):
        line = ctx.lines[i]
        m = effective.search(line.text)
        if not m:
            continue
        # the clause: from the last sentence end before ``부터 시행`` (the first on the line:
        # a ``다만, …`` exception after it is not the text's own date)
        start = clause_start = line.text.rfind("다. ", 0, m.start())
        start = 0 if clause_start < 0 else clause_start + 3
        clause = line.text[start:m.start()]
        dates = find_dates(clause, default_year=ctx.year())
        if dates:
            d = dates[-1]
            return Found(d.iso, [line.evidence(start + d.start, start + d.end,
                                               f"{field.name}:부터-시행")])
        if any(w in clause.replace(" ", "") for w in on_issue):
            issued = ctx.found(str(field.option("issued", "date")))
            if isinstance(issued.value, str) and issued.value:
                ev = line.evidence(start, m.end(), f"{field.name}:on-issue")
                return Found(issued.value[:10], [ev, *issued.evidence])
        return None
    return None


@finder("lexicon_word")
def lexicon_word(ctx: FindContext, field: FieldSpec) -> Found | None:
    words = sorted(ctx.lexicon(str(field.option("lexicon", "kinds"))), key=len, reverse=True)
    compact_words = [(w, w.replace(" ", "")) for w in words]
    for _, line in ctx.region_lines(field.region):
        compact = re.sub(r"[\s<>\[\]()]", "", collapse_glyph_spacing(line.text))
        for word, cw in compact_words:
            if compact == cw:
                return Found(word, [line.evidence(0, len(line.text), f"{field.name}:line")])
    names = list(field.option("fields") or [])
    for how in ("end", "in"):
        for name in names:
            found = ctx.found(str(name))
            value = found.value
            if not isinstance(value, str):
                continue
            compact = re.sub(r"\s|\(.*?\)$", "", value)
            for word, cw in compact_words:
                if (compact.endswith(cw) if how == "end" else cw in compact):
                    return Found(word, _rule(found.evidence, f"{field.name}:{name}"))
    return None


def _rule(evidence: list[Evidence], rule: str) -> list[Evidence]:
    return [Evidence(text=e.text, path=e.path, span=e.span, page=e.page, rule=rule)
            for e in evidence]


__all__ = ["effective_date", "lexicon_word", "revision_history"]
