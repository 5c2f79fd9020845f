"""Amounts: random sums written with digits, Hangul numerals and mixed units → same won."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from docextract.normalize.amounts import find_amounts, hangul_number, parse_amount

DIG = "영일이삼사오육칠팔구"


def hangul(n: int, *, explicit_one: bool = True) -> str:
    """The regulation's Hangul reading (금일십일만삼천오백육십 style)."""
    if n == 0:
        return "영"
    out = []
    for unit, name in ((10**12, "조"), (10**8, "억"), (10**4, "만"), (1, "")):
        part, n = divmod(n, unit)
        if not part:
            continue
        section = ""
        for value, word in ((1000, "천"), (100, "백"), (10, "십"), (1, "")):
            d, part = divmod(part, value)
            if d:
                section += ("" if d == 1 and word and not explicit_one else DIG[d]) + word
        out.append(section + name)
    return "".join(out)


def mixed(n: int) -> str:
    """``1억 2,000만 3,456원`` style: Arabic digits with the big units."""
    parts = []
    for unit, name in ((10**8, "억"), (10**4, "만"), (1, "")):
        part, n = divmod(n, unit)
        if part:
            parts.append(f"{part:,}{name}")
    return " ".join(parts)


amounts = st.integers(min_value=1, max_value=10**12 - 1)


@given(amounts)
def test_digits_and_hangul_forms_agree(n: int) -> None:
    assert parse_amount(f"금{n:,}원(금{hangul(n)}원)") == n
    (found,) = find_amounts(f"교부액: 금 {n:,}원(금{hangul(n)}원)을 교부")
    assert found.won == n and found.hangul_matches is True
    assert hangul_number(hangul(n)) == n
    assert hangul_number(hangul(n, explicit_one=False)) == n
    assert parse_amount(f"{mixed(n)}원") == n
    assert parse_amount(f"{n}원") == n


@given(amounts, amounts)
def test_mismatch_between_digits_and_hangul_is_reported(a: int, b: int) -> None:
    (found,) = find_amounts(f"금{a:,}원(금{hangul(b)}원)")
    assert found.won == a
    assert found.hangul_matches is (a == b)


@pytest.mark.parametrize("text, won", [
    ("금 1,234,000원(금일백이십삼만사천원)", 1234000),
    ("1억 2,000만원", 120000000),
    ("금113,560원(금일십일만삼천오백육십원)", 113560),
    ("2억 1,430만 원", 214300000),
    ("3억5천만 원", 350000000),
    ("3,306백만원", 3306000000),
    ("1천만 원", 10000000),
    ("금일백오십만원", 1500000),
])
def test_spec_examples(text: str, won: int) -> None:
    assert parse_amount(text) == won


def test_several_amounts_in_order_and_no_false_hits() -> None:
    text = "소요예산: 금3,200,000원(금삼백이십만원), 강사수당 금2,400,000원 및 사원 2명"
    assert [a.won for a in find_amounts(text)] == [3200000, 2400000]
    assert find_amounts("사원 모집, 2025. 3. 12.") == []
