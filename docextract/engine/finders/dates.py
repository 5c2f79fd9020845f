"""Date finders: a request's deadline, and a date or date-time after a label.

``deadline``  the earliest date tied to a request in the region's items: ``…까지``, or after a
              deadline label with a colon (``제출기한: 7. 11.(금) 18:00``), with its time when
              printed. Dates in information-only sentences (lexicon ``information_endings``)
              are not deadlines. Year-less dates take the document's year. Also checks every
              printed weekday against its date (a mismatch is a warning).
``date``      the first date (``datetime`` type: with its time) on the line of one of the
              field's labels; without labels, the first date in the region.
"""

from __future__ import annotations

import re

from ...normalize.dates import find_dates
from ...normalize.times import find_times
from ..base import Found
from ..context import FindContext
from ..items import sentences
from ..spec_types import FieldSpec
from ..values import to_datetime
from . import finder
from .labelled import find_label
from .text import region_items

_TIED = re.compile(r"\s*(?:\([^)]*\)\s*)?까지")


def _information(ctx: FindContext) -> re.Pattern[str]:
    def compute() -> re.Pattern[str]:
        words = ctx.lexicon("information_endings")
        return re.compile("(?:" + "|".join(words) + r")\s*[.]?\s*$") if words else re.compile(r"(?!)")
    return ctx.cached("re:information", compute)  # type: ignore[no-any-return]


@finder("deadline")
def deadline(ctx: FindContext, field: FieldSpec) -> Found | None:
    year = ctx.year()
    information = _information(ctx)
    best = None
    for it in region_items(ctx, field.region):
        for d in find_dates(it.text, default_year=year):
            if d.weekday_ok is False:
                ctx.warn(f"date {d.raw!r}: the printed weekday does not match {d.iso}")
        for sent in sentences(it.content):
            label = None
            for key in field.label_keys:
                label = next((m for m in ctx.spec.labels.anywhere(key, sent)
                              if ":" in m.group(0) or "：" in m.group(0)), None)
                if label:
                    break
            if label is None and information.search(sent.rstrip(". ")):
                continue
            for d in find_dates(sent, default_year=year):
                after = sent[d.end:d.end + 24]
                t = next((x for x in find_times(after) if x.start <= 3), None)
                tail = after[t.end:] if t else after
                tied = _TIED.match(tail) is not None
                if not tied and not (label is not None and label.end() <= d.start):
                    continue
                value = d.iso + (f"T{t.hhmm}" if t else "")
                if best is None or value < best[0]:
                    best = (value, it, d.raw)
    if best is None:
        return None
    return Found(best[0], best[1].locate(best[2], f"{field.name}:까지"))


@finder("date")
def date(ctx: FindContext, field: FieldSpec) -> Found | None:
    year = ctx.year() if field.option("inherit_year") else None
    with_time = field.type == "datetime"
    for _, line in ctx.region_lines(field.region):
        start = 0
        if field.label_keys:
            m = find_label(ctx, field.label_keys, line, bool(field.option("anywhere", True)))
            if not m:
                continue
            start = m.end()
        text = line.text[start:]
        dates = find_dates(text, default_year=year)
        if not dates:
            if field.label_keys and line.text[start:].strip():
                return Found(None, raw=line.printed[start:].strip())
            continue
        d = dates[0]
        value = to_datetime(text[d.start:], default_year=year) if with_time else d.iso
        t_end = d.end
        if with_time and value and "T" in value:
            t = next((x for x in find_times(text[d.end:d.end + 16]) if x.start <= 3), None)
            t_end = d.end + t.end if t else d.end
        return Found(value, [line.evidence(start + d.start, start + t_end, f"{field.name}:date")])
    return None


__all__ = ["date", "deadline"]
