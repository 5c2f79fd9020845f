"""The ``code`` value type: a number as printed, without the blanks typed inside it."""

from __future__ import annotations

import pytest

from docextract.engine import values
from docextract.engine.values import TYPES


@pytest.mark.parametrize("printed, code", [
    ("공고 제 2024 - 08 호", "공고 제2024-08호"),
    ("제2025–626호", "제2025–626호"),
    ("공고 제 2025 -626 호 (변경)", "공고 제2025-626호 (변경)"),
    ("2024 - 가", "2024 - 가"),
])
def test_code_removes_blanks_inside_the_number_only(printed: str, code: str) -> None:
    assert TYPES["code"].convert(printed) == code


def test_code_gaps_on_200k_blank_runs() -> None:
    # the hyphen's leading blanks were tried again from every blank of a run: quadratic
    # (21 s at 40,000 blanks) where the value had not been collapsed first
    blanks = " " * 200_000
    gaps = values._CODE_GAPS
    assert gaps.sub(lambda m: m.group(1) or "", f"제{blanks}2024{blanks}-{blanks}08{blanks}호") \
        == "제2024-08호"
    assert gaps.sub(lambda m: m.group(1) or "", f"{blanks}-{blanks}x") == f"{blanks}-{blanks}x"
