"""D-day arithmetic for deadlines: ``D-5`` (five days left), ``D-day``, ``D+3`` (overdue)."""

from __future__ import annotations

import re
from datetime import date

from ..plain import PlainData, plain_dataclass

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$")


@plain_dataclass
class DDay(PlainData):
    """Days between today and a deadline: ``days_left`` is negative once the deadline has passed."""

    deadline: str
    today: str
    days_left: int
    label: str
    overdue: bool


def parse_deadline_date(value: str) -> date:
    """The calendar date of an ISO deadline (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``)."""
    m = _ISO_DATE.match(value.strip())
    if not m:
        raise ValueError(f"deadline {value!r} is not an ISO date")
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def d_day_label(days_left: int) -> str:
    """``D-5`` for five days to go, ``D-day`` on the day, ``D+3`` three days after."""
    if days_left == 0:
        return "D-day"
    if days_left > 0:
        return f"D-{days_left}"
    return f"D+{-days_left}"


def d_day(deadline: str, today: date) -> DDay:
    """Count calendar days from ``today`` to the deadline's date (a time of day does not count)."""
    days_left = (parse_deadline_date(deadline) - today).days
    return DDay(deadline=deadline, today=today.isoformat(), days_left=days_left,
                label=d_day_label(days_left), overdue=days_left < 0)


__all__ = ["DDay", "d_day", "d_day_label", "parse_deadline_date"]
