"""Phone and fax numbers: every printed form → one national form."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from docextract.normalize.phones import (area_code_for_address, find_phones, normalize_phone,
                                         phone_after_label)

AREAS = ["02", "031", "032", "033", "041", "042", "043", "044", "051", "052", "053", "054",
         "055", "061", "062", "063", "064", "070", "010"]


@st.composite
def numbers(draw: st.DrawFn) -> tuple[str, str, str]:
    area = draw(st.sampled_from(AREAS))
    # exchange numbers never start with 0 or 1 (1588-style numbers are nationwide)
    if area in ("010", "070"):
        mid = str(draw(st.integers(2000, 9999)))
    else:
        mid = str(draw(st.one_of(st.integers(200, 999), st.integers(2000, 9999))))
    last = f"{draw(st.integers(0, 9999)):04d}"
    return area, mid, last


def printed(area: str, mid: str, last: str) -> list[str]:
    return [f"{area}-{mid}-{last}", f"({area}){mid}-{last}", f"({area}) {mid}-{last}",
            f"{area}){mid}-{last}", f"{area}.{mid}.{last}", f"{area} {mid} {last}",
            f"{area}{mid}{last}", f"☎ {area}-{mid}-{last}", f"+82-{area[1:]}-{mid}-{last}",
            f"{area}\u2013{mid}\u2013{last}"]


@given(numbers())
def test_every_printed_form_normalizes_the_same(parts: tuple[str, str, str]) -> None:
    area, mid, last = parts
    want = f"{area}-{mid}-{last}"
    for text in printed(area, mid, last):
        assert normalize_phone(text) == want, text
        found = find_phones(f"전화 {text} / 전송")
        assert [p.number for p in found] == [want], text


@given(numbers())
def test_local_number_gets_the_given_area_code(parts: tuple[str, str, str]) -> None:
    area, mid, last = parts
    if area in ("010", "070") or mid.startswith("0"):
        return
    assert normalize_phone(f"{mid}-{last}", area_code=area) == f"{area}-{mid}-{last}"
    assert normalize_phone(f"{mid}-{last}") == f"{mid}-{last}"


@pytest.mark.parametrize("text, want", [
    ("02-2133-1234", "02-2133-1234"), ("(02)2133-1234", "02-2133-1234"),
    ("0417302925", "041-730-2925"), ("(044)205-0000", "044-205-0000"),
    ("1588-1234", "1588-1234"), ("010-1234-5678", "010-1234-5678"), ("12345", None),
])
def test_spec_examples(text: str, want: str | None) -> None:
    assert normalize_phone(text) == want


def test_area_code_from_address() -> None:
    assert area_code_for_address("서울특별시 중구 세종대로 110") == "02"
    assert area_code_for_address("세종특별자치시 도움6로 42") == "044"
    assert area_code_for_address("충청남도 논산시 시민로 1") == "041"
    assert area_code_for_address("○○도 ○○시") is None


def test_emails_and_dates_are_not_phones() -> None:
    assert find_phones("hong@korea.kr 2025. 3. 12.") == []


def test_a_tilde_after_a_phone_label_is_a_misprinted_hyphen() -> None:
    """``☎ 02)380∼1609, 1610`` (a 2004 공고): right after the label the tilde joins the
    number; without an area code it stays a range, and elsewhere it is never read."""
    got = phone_after_label(" 02)380∼1609, 1610)")
    assert got is not None and got.number == "02-380-1609" and (got.start, got.end) == (1, 12)
    assert phone_after_label(" 1609∼1610") is None
    assert phone_after_label(" 02-380-1609∼1610").number == "02-380-1609"  # type: ignore[union-attr]
    assert find_phones("02)380∼1609") == []
