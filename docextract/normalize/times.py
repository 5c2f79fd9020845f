"""Times of day → ``HH:MM`` (24-hour).

Reads ``18:00``, ``9:30``, ``오후 2시``, ``오전 10시 반``, ``14시 30분`` and ``오후 2:30``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import normalize_chars

_DIGITAL = re.compile(r"(?<![\d.:])(?:(?P<ampm>오전|오후)\s*)?(?P<h>[01]?\d|2[0-4]):(?P<m>[0-5]\d)(?![\d:])")
_KOREAN = re.compile(
    r"(?:(?P<ampm>오전|오후)\s*)?(?<![\d.])(?P<h>\d{1,2})\s*시(?!간)"
    r"(?:\s*(?P<m>\d{1,2})\s*분|\s*(?P<half>반))?")


@dataclass(frozen=True)
class TimeMatch:
    """A time found in text: ``[start, end)`` and its ``HH:MM`` value."""

    start: int
    end: int
    hhmm: str
    raw: str


def _hhmm(ampm: str | None, hour: int, minute: int) -> str | None:
    if ampm == "오후" and hour < 12:
        hour += 12
    elif ampm == "오전" and hour == 12:
        hour = 0
    if hour == 24 and minute == 0:
        hour = 24
    if not (0 <= hour <= 24 and 0 <= minute < 60) or (hour == 24 and minute):
        return None
    return f"{hour:02d}:{minute:02d}"


def find_times(text: str) -> list[TimeMatch]:
    """Every time of day in ``text``, in order."""
    text = normalize_chars(text)
    out: list[TimeMatch] = []
    for m in _DIGITAL.finditer(text):
        value = _hhmm(m["ampm"], int(m["h"]), int(m["m"]))
        if value:
            out.append(TimeMatch(m.start(), m.end(), value, m.group(0)))
    for m in _KOREAN.finditer(text):
        if any(t.start <= m.start() < t.end for t in out):
            continue
        minute = 30 if m["half"] else int(m["m"] or 0)
        value = _hhmm(m["ampm"], int(m["h"]), minute)
        if value:
            out.append(TimeMatch(m.start(), m.end(), value, m.group(0)))
    out.sort(key=lambda t: t.start)
    return out


def parse_time(text: str) -> str | None:
    """The first time in ``text`` as ``HH:MM``, or ``None``."""
    found = find_times(text)
    return found[0].hhmm if found else None


__all__ = ["TimeMatch", "find_times", "parse_time"]
