"""Date finders: a request's deadline, and a date or date-time after a label.

``deadline``  the earliest date tied to a request in the region's items: ``…까지``, or after a
              deadline label with a colon (``제출기한: 7. 11.(금) 18:00``), with its time when
              printed. Dates in information-only sentences (lexicon ``information_endings``)
              are not deadlines. Year-less dates take the document's year. Also checks every
              printed weekday against its date (a mismatch is a warning).
              Option ``period_labels: <label key>``: a period after such a label with a
              colon (``접수기간 : 2004. 6. 14(월)~2004.6.16(수)``, ``입찰서 제출 기간 : … ~
              2024. 12. 20(금) 17:00``) ends at a deadline: the date (and time) after the
              ``~``.
``date``      the first date (``datetime`` type: with its time) on the line of one of the
              field's labels; without labels, the first date in the region.
``date_line`` the first line of the region that is a date and little else (``2024. 12. 13.``,
              ``2023년  3월  24일``, ``2024. 10. 25. 작성``, ``'26. 6. 25.(목)``): the date a
              notice, report or cover is dated. Option ``max_extra`` (default 4): letters
              allowed beside the date. Lines of a 제정/개정 history (pattern ``revision``)
              are skipped. When no line holds a full date, a line that is a month and little
              else (``2022. 1.``, ``□ 2004. 4. 배포``) dates it to the month: ``2022-01``.
``field_date`` the first date printed in another field's value (option ``field``, default
              ``title``): a title that states its date (``현황보고('26.06.26)``).
``release_time`` (outputs ``at`` and ``note``) a press release's 보도일시 after one of the
              field's labels: ``at`` is its date or date-time, ``note`` what is printed with
              it about the release (``조간(온라인 9. 3. 12:00)``: the text after the date up to
              ``부터``/``이후``, or the text after those, when it holds a word of lexicon
              ``release_words``). A release
              ``즉시`` (lexicon ``release_immediate``) has no ``at``; its note is the text.
"""

from __future__ import annotations

import re

from ...evidence import Evidence
from ...normalize.dates import find_dates, find_year_month
from ...normalize.text import collapse_ws
from ...normalize.times import find_times
from ..base import Found
from ..context import FindContext
from ..items import sentences
from ..lines import Line
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
            period = _period_end(ctx, field, sent, year)
            if period is not None and (best is None or period[0] < best[0]):
                best = (period[0], it, period[1])
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


_RANGE = re.compile(r"\s*[~∼～〜-]\s*")


def _period_end(ctx: FindContext, field: FieldSpec, sent: str,
                year: int | None) -> tuple[str, str] | None:
    """(value, printed date) of the end of a labelled period in ``sent``, or ``None``."""
    key = field.option("period_labels")
    if not key:
        return None
    for m in ctx.spec.labels.anywhere(str(key), sent):
        if ":" not in m.group(0) and "：" not in m.group(0):
            continue
        rest = sent[m.end():m.end() + 80]
        dates = find_dates(rest, default_year=year)
        for first, second in zip(dates, dates[1:]):
            if _RANGE.fullmatch(_strip_time(rest[first.end:second.start])):
                after = rest[second.end:second.end + 16]
                t = next((x for x in find_times(after) if x.start <= 3), None)
                return second.iso + (f"T{t.hhmm}" if t else ""), second.raw
        return None
    return None


def _strip_time(text: str) -> str:
    """The text between two dates of a period, its times removed (``10:10 ~ ``)."""
    for t in reversed(find_times(text)):
        text = text[:t.start] + text[t.end:]
    return text


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


def _date_line(line: Line, max_extra: int, *, month: bool = False) -> tuple[str, int, int] | None:
    """(ISO date, start, end) when ``line`` is a date (``month``: a month without its day)
    and at most ``max_extra`` letters more."""
    dates = find_dates(line.text)
    if month:
        ym = None if dates else find_year_month(line.text)
        if ym is None:
            return None
        dates = [ym]
    if len(dates) != 1:
        return None
    d = dates[0]
    rest = line.text[:d.start] + line.text[d.end:]
    letters = re.sub(r"[\s()（）.,'\[\]]", "", rest)
    letters = re.sub(r"^[월화수목금토일]$|^[월화수목금토일]요일", "", letters)
    if len(letters) > max_extra:
        return None
    return d.iso, d.start, d.end


@finder("date_line")
def date_line(ctx: FindContext, field: FieldSpec) -> Found | None:
    max_extra = int(field.option("max_extra", 4))
    revision = ctx.spec.patterns.get("revision")
    for month in (False, True):
        for _, line in ctx.region_lines(field.region):
            if revision is not None and revision.search(line.text):
                continue  # a 제정/개정 history line dates the text's versions, not the document
            hit = _date_line(line, max_extra, month=month)
            if hit is not None:
                iso, a, b = hit
                rule = "date-month-line" if month else "date-line"
                return Found(iso, [line.evidence(a, b, f"{field.name}:{rule}")])
    return None


@finder("field_date")
def field_date(ctx: FindContext, field: FieldSpec) -> Found | None:
    source = ctx.found(str(field.option("field", "title")))
    if not isinstance(source.value, str):
        return None
    dates = find_dates(source.value)
    if not dates:
        return None
    evs = [ev for ev in source.evidence if dates[0].raw in ev.text] or source.evidence
    rule = f"{field.name}:in-{field.option('field', 'title')}"
    return Found(dates[0].iso, [Evidence(text=e.text, path=e.path, span=e.span, page=e.page,
                                         rule=rule) for e in evs])


_RELEASE_CUT = re.compile(r"부터|이후|까지|에\s*보도|보도\s*(?:해|하여|바랍|가능)")


@finder("release_time", multi=True, needs=("label",))
def release_time(ctx: FindContext, field: FieldSpec) -> dict[str, Found]:
    immediate = ctx.lexicon("release_immediate")
    notes = ctx.lexicon("release_words")
    for _, line in ctx.region_lines(field.region):
        m = find_label(ctx, field.label_keys, line, True)
        if not m:
            continue
        # the value is the label's cell (the next cell when the label stands alone)
        offset, seg = line.segment_at(m.end())
        start = m.end()
        end = start - offset + len(seg.text)
        if end <= start and len(line.segments) > 1:
            k = line.segments.index(seg) + 1
            if k < len(line.segments):
                start = end + 1
                end = start + len(line.segments[k].text)
        value = line.text[start:end].strip()
        lead = len(line.text[start:end]) - len(line.text[start:end].lstrip())
        start += lead
        if not value:
            continue
        printed = line.printed[start:start + len(value)]
        if any(w.replace(" ", "") in value.replace(" ", "") for w in immediate) and \
                not find_dates(value):
            return {"at": Found(None), "note": Found(collapse_ws(printed), [
                line.evidence(start, start + len(value), f"{field.name}:immediate")])}
        dates = find_dates(value, default_year=ctx.year())
        if not dates:
            continue
        d = dates[0]
        at = to_datetime(value[d.start:], default_year=ctx.year())
        t = next((x for x in find_times(value[d.end:d.end + 16]) if x.start <= 3), None)
        t_end = d.end + t.end if t else d.end
        out = {"at": Found(at, [line.evidence(start + d.start, start + t_end, f"{field.name}:date")])}
        tail = value[t_end:]
        cut = _RELEASE_CUT.search(tail)
        # the note before ``부터``/``이후`` (``조간(온라인 9. 3. 12:00)부터``), else after it
        # (``12:00 이후 (6. 11.(수) 조간)``), its enclosing brackets removed
        pieces = [(0, tail[:cut.start()]), (cut.end(), tail[cut.end():])] if cut else [(0, tail)]
        for offset, piece in pieces:
            inner = piece.strip()
            if inner.startswith("(") and inner.endswith(")"):
                inner = inner[1:-1].strip()
            note_text = collapse_ws(inner).strip(" ,")
            if note_text and any(w in note_text for w in notes):
                a = start + t_end + offset + piece.index(inner)
                out["note"] = Found(note_text, [line.evidence(a, a + len(inner), f"{field.name}:note")])
                break
        return out
    return {}


__all__ = ["date", "date_line", "deadline", "field_date", "release_time"]
