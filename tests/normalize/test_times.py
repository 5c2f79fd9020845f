"""Times: digital and Korean forms → HH:MM."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from docextract.normalize.times import find_times, parse_time


@given(st.integers(0, 23), st.integers(0, 59))
def test_printed_forms_round_trip(h: int, m: int) -> None:
    want = f"{h:02d}:{m:02d}"
    assert parse_time(f"{h:02d}:{m:02d}") == want
    assert parse_time(f"{h}:{m:02d}까지") == want
    assert parse_time(f"{h}시 {m}분") == want
    ampm, h12 = ("오전", h) if h < 12 else ("오후", h - 12 if h > 12 else 12)
    if h >= 1:
        assert parse_time(f"{ampm} {h12}시 {m}분") == want
        assert parse_time(f"{ampm} {h12}:{m:02d}") == want


@pytest.mark.parametrize("text, want", [
    ("18:00", "18:00"), ("오후 2시", "14:00"), ("14시 30분", "14:30"), ("오전 10시 반", "10:30"),
    ("오후 2:30", "14:30"), ("14시", "14:00"), ("오후 12시", "12:00"),
])
def test_spec_examples(text: str, want: str) -> None:
    assert parse_time(text) == want


def test_ranges_and_non_times() -> None:
    assert [t.hhmm for t in find_times("14:00~16:00")] == ["14:00", "16:00"]
    assert find_times("2시간 교육, 2025. 3. 12.") == []
    assert find_times("25:00") == []
