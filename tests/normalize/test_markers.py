"""The one item-marker grammar: kinds and ranks in the 공문 and 개조식 orders, and dates that
are not markers."""

from __future__ import annotations

import pytest

from docextract.normalize.markers import item_marker


@pytest.mark.parametrize("text, marker, kind, rank", [
    ("1. 관련", "1.", "number", 1), ("가. 제출기한", "가.", "syllable", 2),
    ("1) 세부", "1)", "number_paren", 3), ("가) 세부", "가)", "syllable_paren", 4),
    ("(1) 세부", "(1)", "paren_number", 5), ("(가) 세부", "(가)", "paren_syllable", 6),
    ("① 첫째 항", "①", "circled", 7), ("② 둘째", "②", "circled", 7), ("㉮ 세부", "㉮", "circled_syllable", 8),
    ("Ⅰ. 추진배경", "Ⅰ.", "roman", 0), ("□ 현황", "□", "bullet", 1), ("○ 일시", "○", "bullet", 2),
    ("ㅇ 장소", "ㅇ", "bullet", 2), ("- 세부", "-", "bullet", 3), ("· 항목", "·", "bullet", 4),
    ("  □현황", "□", "bullet", 1),
])
def test_marker_kinds_and_ranks(text: str, marker: str, kind: str, rank: int) -> None:
    found = item_marker(text)
    assert found is not None and (found.text, found.kind, found.rank) == (marker, kind, rank)
    assert text[found.end:].strip() == text.strip()[len(marker):].strip()


@pytest.mark.parametrize("text", ["2025. 7. 11.(금)까지", "3. 14.(금) 회의", "3. 14. 까지", "보고합니다",
                                  "-5도", "119특수구조단", "○○시 주최 행사", "○○○ 주무관"])
def test_not_markers(text: str) -> None:
    assert item_marker(text) is None


def test_bounds_are_respected() -> None:
    text = "xx 1. 관련"
    found = item_marker(text, 3)
    assert found is not None and found.text == "1." and found.end == 6
    assert item_marker(text, 3, 4) is None
