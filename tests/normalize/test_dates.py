"""Dates: every printed style of a random date parses back to the same ISO date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from docextract.normalize.dates import WEEKDAYS, find_dates, find_year_month, parse_date, parse_month_day

dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31))


def styles(d: dt.date) -> list[str]:
    wd = WEEKDAYS[d.weekday()]
    return [
        f"{d.year}. {d.month}. {d.day}.",
        f"{d.year}. {d.month}. {d.day}.({wd})",
        f"{d.year}.{d.month}.{d.day}.",
        f"{d.year}.{d.month:02d}.{d.day:02d}.",
        f"{d.year}년 {d.month}월 {d.day}일",
        f"{d.year}년{d.month}월{d.day}일({wd})",
        f"{d.isoformat()}",
        f"{d.year}/{d.month}/{d.day}",
        f"{d.year} . {d.month} . {d.day} .",
    ] + ([f"'{d.year % 100:02d}. {d.month}. {d.day}.", f"\u2018{d.year % 100:02d}.{d.month}.{d.day}."]
         if d.year >= 2000 else [])


@given(dates)
def test_every_printed_style_round_trips(d: dt.date) -> None:
    for text in styles(d):
        assert parse_date(text) == d.isoformat(), text


@given(dates)
def test_date_inside_a_sentence(d: dt.date) -> None:
    text = f"제출기한: {d.year}. {d.month}. {d.day}.({WEEKDAYS[d.weekday()]}) 18:00까지 제출"
    found = find_dates(text)
    assert [f.iso for f in found] == [d.isoformat()]
    assert found[0].weekday_ok is True
    assert text[found[0].start:found[0].end].startswith(str(d.year))


@given(dates, st.integers(min_value=0, max_value=200))
def test_range_end_inherits_year_and_month(start: dt.date, days: int) -> None:
    end = start + dt.timedelta(days=days)
    if end.year != start.year:
        return
    tail = f"{end.day}." if end.month == start.month and days % 2 else f"{end.month}. {end.day}."
    text = f"{start.year}. {start.month}. {start.day}.({WEEKDAYS[start.weekday()]}) ~ {tail}"
    found = find_dates(text)
    assert [f.iso for f in found] == [start.isoformat(), end.isoformat()]
    assert found[1].range_end


@given(dates)
def test_month_day_with_year_from_context(d: dt.date) -> None:
    assert parse_month_day(f"{d.month:02d}/{d.day:02d}", d.year) == d.isoformat()
    text = f"{d.month}. {d.day}.({WEEKDAYS[d.weekday()]})까지"
    assert [f.iso for f in find_dates(text, default_year=d.year)] == [d.isoformat()]
    assert find_dates(text) == []


@pytest.mark.parametrize("text, iso", [
    ("2025. 3. 12.(수)", "2025-03-12"),
    ("2019.5.15.", "2019-05-15"),
    ("'18.8.31.", "2018-08-31"),
    ("2024.07.24.", "2024-07-24"),
    ("2020-11-20", "2020-11-20"),
    ("2025년 6월 2일", "2025-06-02"),
    ("2026. 9. 17.(목) 11:00 이후", "2026-09-17"),
    ("( )", None),
    ("2025. 2. 30.", None),
])
def test_spec_examples(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_spec_ranges() -> None:
    assert [f.iso for f in find_dates("2025. 5. 1.(목)~5. 20.(화)")] == ["2025-05-01", "2025-05-20"]
    assert [f.iso for f in find_dates("'18.9.1 ~ 12.31")] == ["2018-09-01", "2018-12-31"]


def test_weekday_mismatch_is_flagged_not_rejected() -> None:
    (found,) = find_dates("2025. 3. 12.(목)")
    assert found.iso == "2025-03-12" and found.weekday_ok is False


def test_phone_numbers_are_not_dates() -> None:
    assert find_dates("전화 02-2025-1234 / 010-2019-5512") == []


@pytest.mark.parametrize("text, iso", [("2022. 1.", "2022-01"), ("2003. 8 ", "2003-08"),
                                       ("□ 2004. 4. 배포", "2004-04"), ("2024년 5월", "2024-05")])
def test_a_month_without_its_day(text: str, iso: str) -> None:
    found = find_year_month(text)
    assert found is not None and found.iso == iso


@pytest.mark.parametrize("text", ["2022. 13.", "2022. 1. 5.", "2022.1.5", "12022. 1.", "2022년 1월 5일",
                                  "1.2022. 3"])
def test_not_a_month_without_its_day(text: str) -> None:
    assert find_year_month(text) is None


@given(st.integers(1900, 2099), st.integers(1, 12), st.sampled_from(["{y}. {m}.", "{y}.{m}", "{y}년 {m}월",
                                                                  "□ {y}. {m}. 배포"]))
def test_a_month_without_its_day_round_trips(year: int, month: int, form: str) -> None:
    found = find_year_month(form.format(y=year, m=month))
    assert found is not None and found.iso == f"{year:04d}-{month:02d}"


@given(dates)
def test_a_full_date_is_never_read_as_a_month(day: dt.date) -> None:
    assert find_year_month(f"{day.year}. {day.month}. {day.day}.") is None
    assert find_year_month(f"{day.year}.{day.month}.{day.day}") is None
