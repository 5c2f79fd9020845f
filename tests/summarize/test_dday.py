"""D-day arithmetic: D-5, D-day, D+3 (overdue), deadlines with a time of day."""

from datetime import date

import pytest

from docextract.summaries.dday import d_day, d_day_label, parse_deadline_date


@pytest.mark.parametrize("today, label, days, overdue", [
    (date(2025, 7, 6), "D-5", 5, False),
    (date(2025, 7, 11), "D-day", 0, False),
    (date(2025, 7, 14), "D+3", -3, True),
    (date(2024, 12, 31), "D-192", 192, False),  # across a year end
])
def test_d_day_counts_calendar_days(today, label, days, overdue):
    result = d_day("2025-07-11", today)
    assert (result.label, result.days_left, result.overdue) == (label, days, overdue)
    assert result.today == today.isoformat()


def test_time_of_day_does_not_shift_the_day():
    assert d_day("2025-07-11T18:00", date(2025, 7, 11)).label == "D-day"
    assert d_day("2025-07-11T09:00", date(2025, 7, 12)).label == "D+1"


def test_leap_day():
    assert d_day("2024-03-01", date(2024, 2, 28)).label == "D-2"


def test_labels():
    assert [d_day_label(n) for n in (1, 0, -1)] == ["D-1", "D-day", "D+1"]


@pytest.mark.parametrize("bad", ["2025. 7. 11.", "7/11", "", "2025-13-01"])
def test_non_iso_deadline_is_rejected(bad):
    with pytest.raises(ValueError):
        parse_deadline_date(bad)
