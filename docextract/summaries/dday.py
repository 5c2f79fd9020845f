"""D-day arithmetic for deadlines: ``D-5`` (five days left), ``D-day``, ``D+3`` (overdue)."""

# Annotations stay objects (no "from __future__ import annotations"): Pydantic would
# otherwise evaluate every field annotation string again when it creates the class.

from datetime import date

from pydantic import BaseModel, ConfigDict

from ..normalize.regex_cache import compile_pattern
from ..records.construct import build

_ISO_DATE = compile_pattern(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$")


class DDay(BaseModel):
    """Days between today and a deadline: ``days_left`` is negative once the deadline has passed."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

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
    return build(DDay, {"deadline": deadline, "today": today.isoformat(),  # type: ignore[no-any-return]
                        "days_left": days_left, "label": d_day_label(days_left),
                        "overdue": days_left < 0})


__all__ = ["DDay", "d_day", "d_day_label", "parse_deadline_date"]
