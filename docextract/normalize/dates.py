"""Dates as printed in 공문 → ISO ``YYYY-MM-DD``.

Handles the standard form ``2025. 3. 12.(수)``, compact ``2025.3.12.``, zero-padded
``2024.07.24.``, two-digit years ``'25. 3. 12.``, ISO ``2020-11-20``, Korean
``2025년 3월 12일``, ranges whose second half omits year and month (``~ 5. 20.``), and
month/day forms (``3. 21.(금)``, ``11/17``) when a year is supplied from context.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .text import normalize_chars

WEEKDAYS = "월화수목금토일"

_WD = r"(?:\s*\(\s*(?P<wd>[월화수목금토일])\s*\))?"
_FULL = re.compile(
    r"(?<![\d.'])(?P<y>(?:19|20)\d{2}|'\d{2})\s*(?P<s1>[./-])\s*(?P<m>\d{1,2})\s*(?P=s1)\s*"
    r"(?P<d>\d{1,2})(?!\d)(?:\s*\.)?" + _WD)
_KOREAN = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2}|'\d{2})\s*년\s*(?P<m>\d{1,2})\s*월\s*(?P<d>\d{1,2})\s*일" + _WD)
# The second half of a range: "~ 5. 20.(화)", "~12.31", "~ 27.(수)".
_RANGE_TAIL = re.compile(
    r"\s*[~-]\s*(?:(?P<m>\d{1,2})\s*\.\s*)?(?P<d>\d{1,2})(?!\d)(?:\s*\.)?" + _WD)
_RANGE_TAIL_KO = re.compile(r"\s*[~-]\s*(?:(?P<m>\d{1,2})\s*월\s*)?(?P<d>\d{1,2})\s*일" + _WD)
# Year-less "3. 21.(금)": only with a weekday, which keeps item numbers out.
_MONTH_DAY = re.compile(
    r"(?<![\d.'])(?P<m>\d{1,2})\s*\.\s*(?P<d>\d{1,2})\s*\.\s*\(\s*(?P<wd>[월화수목금토일])\s*\)")
_MMDD = re.compile(r"^\s*(?P<m>\d{1,2})\s*/\s*(?P<d>\d{1,2})\s*$")
# A month without its day, as covers of plans and reports are dated (2022. 1., 2003. 8,
# 2004년 4월); never the start of a full date.
_YEAR_MONTH = re.compile(
    r"(?<![\d.'])(?P<y>(?:19|20)\d{2})\s*(?:\.\s*(?P<m>\d{1,2})(?!\d)(?!\s*\.?\s*\d)(?:\s*\.)?"
    r"|년\s*(?P<mk>\d{1,2})\s*월)(?!\s*\d)")


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: ``[start, end)`` in that text, ISO value and checks."""

    start: int
    end: int
    iso: str
    raw: str
    weekday_ok: bool | None = None
    year_inferred: bool = False
    range_end: bool = False


def _year(text: str) -> int:
    if text.startswith("'"):
        return 2000 + int(text[1:])
    return int(text)


def _make(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def _weekday_ok(date: _dt.date, wd: str | None) -> bool | None:
    return None if wd is None else WEEKDAYS[date.weekday()] == wd


def parse_date(text: str, *, default_year: int | None = None) -> str | None:
    """The ISO date printed in ``text`` (the first one), or ``None``.

    ``default_year`` completes year-less forms (``3. 21.(금)``, ``11/17``).
    """
    text = normalize_chars(text)
    found = find_dates(text, default_year=default_year)
    if found:
        return found[0].iso
    if default_year is not None:
        m = _MMDD.match(text) or re.match(
            r"^\s*(?P<m>\d{1,2})\s*\.\s*(?P<d>\d{1,2})\s*\.?\s*$", text)
        if m:
            date = _make(default_year, int(m["m"]), int(m["d"]))
            return date.isoformat() if date else None
    return None


def find_year_month(text: str) -> DateMatch | None:
    """The first month printed without a day (``2022. 1.``), as ISO ``YYYY-MM``, or None.
    Only for text that holds no full date: a full date's year and month are not one."""
    text = normalize_chars(text)
    for m in _YEAR_MONTH.finditer(text):
        month = int(m["m"] or m["mk"])
        if 1 <= month <= 12:
            return DateMatch(m.start(), m.end(), f"{int(m['y']):04d}-{month:02d}", m.group(0))
    return None


def parse_month_day(text: str, year: int) -> str | None:
    """``MM/DD`` (a 결재 date) in ``year``, ISO; ``None`` when it is not a valid date."""
    m = _MMDD.match(normalize_chars(text))
    if not m:
        return None
    date = _make(year, int(m["m"]), int(m["d"]))
    return date.isoformat() if date else None


def find_dates(text: str, *, default_year: int | None = None) -> list[DateMatch]:
    """Every date in ``text`` in order, range ends included (year and month inherited).

    Year-less dates are found only with a printed weekday and a ``default_year``.
    """
    text = normalize_chars(text)
    out: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for pattern, korean in ((_FULL, False), (_KOREAN, True)):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            date = _make(_year(m["y"]), int(m["m"]), int(m["d"]))
            if date is None:
                continue
            out.append(DateMatch(m.start(), m.end(), date.isoformat(), m.group(0),
                                 _weekday_ok(date, m["wd"])))
            taken.append((m.start(), m.end()))
            tail = (_RANGE_TAIL_KO if korean else _RANGE_TAIL).match(text, m.end())
            if tail and not _FULL.match(text, tail.start() + tail.group(0).find(tail["d"])):
                end = _make(date.year, int(tail["m"] or date.month), int(tail["d"]))
                if end is not None and end >= date:
                    s = tail.start() + len(tail.group(0)) - len(tail.group(0).lstrip(" ~-"))
                    out.append(DateMatch(s, tail.end(), end.isoformat(), text[s:tail.end()],
                                         _weekday_ok(end, tail["wd"]), range_end=True))
                    taken.append((tail.start(), tail.end()))
    if default_year is not None:
        for m in _MONTH_DAY.finditer(text):
            if not free(m.start(), m.end()):
                continue
            date = _make(default_year, int(m["m"]), int(m["d"]))
            if date is None:
                continue
            out.append(DateMatch(m.start(), m.end(), date.isoformat(), m.group(0),
                                 _weekday_ok(date, m["wd"]), year_inferred=True))
            taken.append((m.start(), m.end()))
    out.sort(key=lambda d: d.start)
    return out


__all__ = ["DateMatch", "WEEKDAYS", "find_dates", "find_year_month", "parse_date", "parse_month_day"]
