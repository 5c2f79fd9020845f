"""Document numbers, disclosure classes and the text pre-pass."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from docextract.normalize.disclosure import parse_disclosure
from docextract.normalize.docnums import find_document_numbers, parse_document_number
from docextract.normalize.text import HYPHENS, collapse_glyph_spacing, normalize_chars

depts = st.sampled_from(["디지털정책과", "공공데이터정책과", "광화문광장추진단", "정책기획관실",
                         "가나초등학교", "민관협력담당관"])


@given(depts, st.integers(1, 9_999_999), st.sampled_from(list(HYPHENS) + ["-"]),
       st.sampled_from(["", " "]))
def test_document_number_with_any_hyphen(dept: str, serial: int, hyphen: str, sp: str) -> None:
    num = parse_document_number(f"시행  {dept}{sp}{hyphen}{sp}{serial} (2025. 3. 25.)")
    assert num is not None
    assert (num.department, num.serial, num.number, num.date) == (
        dept, serial, f"{dept}-{serial}", "2025-03-25")


@pytest.mark.parametrize("text, dept, serial, date", [
    ("재무과-40807('18.8.31.)호", "재무과", 40807, "2018-08-31"),
    ("자원순환과-8328호(2019.5.15.)", "자원순환과", 8328, "2019-05-15"),
    ("시행 광화문광장추진단-3065 ( )", "광화문광장추진단", 3065, None),
])
def test_reference_forms(text: str, dept: str, serial: int, date: str | None) -> None:
    num = parse_document_number(text)
    assert num is not None and (num.department, num.serial, num.date) == (dept, serial, date)


def test_agency_before_department_and_phones_excluded() -> None:
    (num,) = find_document_numbers("서울특별시 자원순환과-8328호(2019.5.15.)", with_org=True)
    assert (num.org, num.department) == ("서울특별시", "자원순환과")
    assert find_document_numbers("전화 2133-7741 /전송 02-2133-0894") == []


@pytest.mark.parametrize("text, level, grounds", [
    ("대시민공개", "공개", []), ("대국민공개", "공개", []), ("공개", "공개", []),
    ("부분공개(5)", "부분공개", [5]), ("비공개(1,5)", "비공개", [1, 5]),
    ("비공개(1·5)", "비공개", [1, 5]), ("/ 부분공개 ( 6 )", "부분공개", [6]),
])
def test_disclosure(text: str, level: str, grounds: list[int]) -> None:
    assert parse_disclosure(text) == {"level": level, "grounds": grounds}


@given(st.lists(st.integers(1, 8), min_size=1, max_size=4, unique=True),
       st.sampled_from([",", ", ", "·", " "]))
def test_disclosure_grounds_any_separator(grounds: list[int], sep: str) -> None:
    got = parse_disclosure(f"비공개({sep.join(map(str, grounds))})")
    assert got == {"level": "비공개", "grounds": sorted(grounds)}


@given(st.text(alphabet="가나다라마바사아자차카타파하 -–—‘’\u00a0", max_size=40))
def test_char_normalization_keeps_length(text: str) -> None:
    out = normalize_chars(text)
    assert len(out) == len(text)
    assert not any(c in out for c in HYPHENS + "‘’\u00a0")


def test_glyph_spacing_collapsed_only_for_spaced_runs() -> None:
    assert collapse_glyph_spacing("행 정 안 전 부 장 관") == "행정안전부장관"
    assert collapse_glyph_spacing("서 울 특 별 시 장") == "서울특별시장"
    assert collapse_glyph_spacing("○ ○ 교 육 지 원 청 교 육 장") == "○○교육지원청교육장"
    assert collapse_glyph_spacing("수신자 참조") == "수신자 참조"
    assert collapse_glyph_spacing("이 달 계획") == "이 달 계획"  # a two-glyph run stays
