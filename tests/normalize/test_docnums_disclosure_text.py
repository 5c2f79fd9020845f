"""Document numbers, disclosure classes and the text pre-pass."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from docextract.normalize import docnums
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



# Pieces of document numbers and what breaks them: agencies (Hanja, ○○), departments with
# brackets and dots, blanks, hyphens, serials too long, 호 and dates in brackets.
_PIECES = ["서울특별시", "市", "○○", "○", "가과", "과", "(", ")", "·", " ", "\t", "-", " - ",
           "1234", "12345678", "1", "호", "(2019.5.15.)", "('18.8.31.)", "a", "NIA", "_", ".",
           "\u4e00", "x(", "가(나)", "-1-"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)
       | st.text(alphabet="가과市○·() -12\t호a._", max_size=40))
def test_document_numbers_are_what_the_pattern_finds_from_every_position(text: str) -> None:
    # the search reads each hyphen back to its one possible start instead of trying the
    # pattern at every character: it must find exactly the pattern's own matches
    expected = [(m.span(), m.groupdict()) for m in docnums._NUMBER.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in docnums._matches(text)] == expected


@pytest.mark.parametrize("run", ["(", ")", "·", "○", "(가", "가(", "a(", "(○", "(市 "])
def test_document_number_after_200k_characters_the_department_could_start_with(run: str) -> None:
    # each of these characters may start a department (or an agency), so the pattern tried
    # from each of them read the whole run again: minutes at 40,000 characters
    text = run * (200_000 // len(run)) + " 서울특별시 자원순환과-8328호(2019.5.15.) " + run * 1000
    (num,) = find_document_numbers(text, with_org=True)
    assert (num.org, num.department, num.serial, num.date) == (
        "서울특별시", "자원순환과", 8328, "2019-05-15")
    assert text[num.start:num.end].rstrip() == "서울특별시 자원순환과-8328호(2019.5.15.)"


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
