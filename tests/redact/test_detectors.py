"""Pure detectors: check digits, shapes, labels and masks.

Valid numbers are generated with the check-digit arithmetic in ``samples.personal``
(written from the published rules, apart from the library): every valid one is found,
and the same number with one changed check digit never is.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from samples.personal import (business_check, corporation_check, luhn_check,  # noqa: E402
                              registration_check)

from docextract.redact import checks  # noqa: E402
from docextract.redact.detect import (find_identifiers, find_in_value, find_labelled,  # noqa: E402
                                      label_cell, resolve)
from docextract.redact.mask import mask  # noqa: E402

PROPERTY = settings(max_examples=150, deadline=None, derandomize=True)
digits = st.text("0123456789", min_size=1, max_size=1)


def rules_found(text: str) -> dict[str, str]:
    return {text[h.start:h.end]: h.rule for h in resolve(find_identifiers(text) + find_labelled(text))}


def other_digit(d: int, avoid: set[int]):
    return st.sampled_from([x for x in range(10) if x != d and x not in avoid])


@st.composite
def registration(draw, foreign: bool):
    born = draw(st.dates(date(1900, 1, 1), date(2099, 12, 31)))
    sex = draw(st.integers(0, 1))
    base = 5 if foreign else 1
    digit = base + sex + (2 if born.year >= 2000 else 0)
    rest = draw(st.text("0123456789", min_size=5, max_size=5))
    first12 = born.strftime("%y%m%d") + str(digit) + rest
    return first12


@PROPERTY
@given(registration(False), st.data())
def test_valid_rrn_always_found_and_a_changed_check_digit_never(first12, data):
    check = registration_check(first12)
    number = f"{first12[:6]}-{first12[6:]}{check}"
    assert rules_found(f"번호 {number} 확인") == {number: "rrn"}
    wrong = data.draw(other_digit(check, {corporation_check(first12)}))
    assert rules_found(f"번호 {first12[:6]}-{first12[6:]}{wrong} 확인") == {}


@PROPERTY
@given(registration(True), st.data())
def test_valid_arn_always_found_and_a_changed_check_digit_never(first12, data):
    check = registration_check(first12)
    number = f"{first12}{check}"  # printed without the hyphen
    assert rules_found(f"외국인 {number}") == {number: "arn"}
    wrong = data.draw(other_digit(check, {corporation_check(first12)}))
    assert rules_found(f"외국인 {first12}{wrong}") == {}


@PROPERTY
@given(st.text("0123456789", min_size=9, max_size=9).filter(lambda s: s[0] != "0"), st.data())
def test_business_number_by_check_digit(first9, data):
    check = business_check(first9)
    number = f"{first9[:3]}-{first9[3:5]}-{first9[5:]}{check}"
    assert rules_found(number) == {number: "business_no"}
    wrong = data.draw(other_digit(check, set()))
    assert rules_found(f"{first9[:3]}-{first9[3:5]}-{first9[5:]}{wrong}") == {}


@PROPERTY
@given(st.text("0123456789", min_size=12, max_size=12), st.data())
def test_corporation_number_by_check_digit(first12, data):
    check = corporation_check(first12)
    number = f"{first12[:6]}-{first12[6:]}{check}"
    found = rules_found(number)
    if checks.birth_date(first12 + str(check)) is None or registration_check(first12) != check:
        assert found == {number: "corporation_no"}
    wrong = data.draw(other_digit(check, {registration_check(first12)}))
    assert rules_found(f"{first12[:6]}-{first12[6:]}{wrong}") == {}


@PROPERTY
@given(st.sampled_from("3456"), st.text("0123456789", min_size=14, max_size=14), st.data())
def test_card_numbers_by_luhn(first, rest, data):
    body = first + rest
    check = luhn_check(body)
    number = body + str(check)
    grouped = "-".join(number[i:i + 4] for i in range(0, 16, 4))
    assert rules_found(f"카드 {grouped}") == {grouped: "card"}
    wrong = data.draw(other_digit(check, set()))
    bad = "-".join((body + str(wrong))[i:i + 4] for i in range(0, 16, 4))
    assert rules_found(f"카드 {bad}") == {}


def test_known_examples_agree_with_the_published_rules():
    assert checks.is_rrn("9710139019902") and not checks.is_rrn("9710139019903")
    assert checks.luhn_ok("4111111111111111") and not checks.luhn_ok("4111111111111112")
    # 사업자등록번호 123-45-6789?: 1+6+21+4+15+42+7+24+45 = 165, + (9*5)//10 = 169 → check 1
    assert checks.business_check_digit("123456789") == 1 and checks.is_business_no("1234567891")
    # 법인등록번호 1101110001234?: 1+2+0+2+1+2+0+0+0+2+2+6 = 18 → check 2
    assert checks.corporation_check_digit("110111000123") == 2
    assert checks.birth_date("0002304000000") is None  # 30 February


def test_without_a_check_digit_only_beside_a_label():
    number = "201015-3123456"  # born 2020-10-15: no valid check digit since 2020-10
    assert not checks.is_rrn(number.replace("-", ""))
    assert rules_found(f"관리번호 {number}") == {}
    assert rules_found(f"주민등록번호: {number}") == {number: "rrn"}
    assert rules_found(f"주민등록번호(외국인등록번호) : {number}") == {number: "rrn"}
    assert [h.rule for h in find_in_value(number, "rrn")] == ["rrn"]  # a 주민등록번호 cell
    assert rules_found("주민등록번호: 201399-3123456") == {}  # no such birth date


@pytest.mark.parametrize("text, value, rule", [
    ("여권번호 M12345678", "M12345678", "passport"),
    ("신여권 M123A4567", "M123A4567", "passport"),
    ("면허 11-24-123456-78", "11-24-123456-78", "driver_license"),
    ("면허증 서울 24-123456-78", "서울 24-123456-78", "driver_license"),
    ("국민은행 123456-12-123456", "123456-12-123456", "account"),
    ("카카오뱅크 3333-01-1234567", "3333-01-1234567", "account"),
    ("계좌번호: 110-123-456789", "110-123-456789", "account"),
    ("연락처 010-1234-5678", "010-1234-5678", "phone"),
    ("전화 (02)2100-3399", "(02)2100-3399", "phone"),
    ("e-mail hong.gd@gmail.com", "hong.gd@gmail.com", "email"),
    ("성명: 홍길동", "홍길동", "name"),
    ("신청인 김철수 (인)", "김철수", "name"),
    ("담당자 복지정책과 주무관 이영희", "이영희", "name"),
    ("주소: 서울특별시 종로구 세종대로 209", "서울특별시 종로구 세종대로 209", "address"),
])
def test_values_found(text, value, rule):
    assert rules_found(text) == {value: rule}


@pytest.mark.parametrize("text", [
    "문서번호 정책기획과-1234 (2025. 3. 25.)",
    "예산 1,234,000원을 2025-01-01부터 집행",
    "대표전화 1588-9999",
    "품질관리 담당자 교육 확대 필요",  # a label word inside a sentence names nobody
    "홍길동 주무관이 참석하였다",     # a name without a label is never guessed
    "서울특별시 종로구 세종대로 209에서 개최",  # an address without its label neither
    "국민 여러분의 123456-12-123456 의견",  # a bank-format number without the bank
    "일련번호 123456-12-123456",
])
def test_look_alikes_stay(text):
    assert rules_found(text) == {}


def test_label_cells():
    assert label_cell("성 명") == ("성명", "name")
    assert label_cell("주민등록번호(외국인등록번호)") == ("주민등록번호", "rrn")
    assert label_cell("연락처:") == ("연락처", "phone")
    assert label_cell("홍길동") is None and label_cell("2025. 3. 25.") is None


@pytest.mark.parametrize("value, rule, masked", [
    ("800101-1234567", "rrn", "800101-1●●●●●●"),
    ("8001011234567", "rrn", "8001011●●●●●●"),
    ("010-1234-5678", "phone", "010-●●●●-●●●●"),
    ("02-2100-3399", "phone", "02-●●●●-●●●●"),
    ("hong.gd@gmail.com", "email", "h●●●.●●@gmail.com"),
    ("홍길동", "name", "홍●●"),
    ("서울특별시 종로구 세종대로 209", "address", "서울특별시 종로구 ●●●● ●●●"),
    ("4111-1111-1111-1111", "card", "4111-●●●●-●●●●-●●●●"),
    ("M123A4567", "passport", "M●●●●●●●●"),
])
def test_masks_keep_length_and_separators(value, rule, masked):
    assert mask(value, rule) == masked and len(mask(value, rule)) == len(value)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.text(st.characters(codec="utf-8"), max_size=60),
       st.sampled_from(["rrn", "phone", "email", "name", "address", "card", "property"]))
def test_any_mask_keeps_length_and_every_separator(value, rule):
    out = mask(value, rule)
    assert len(out) == len(value)
    assert all(a == b for a, b in zip(value, out) if not a.isalnum())


def test_masked_values_are_not_found_again():
    assert rules_found("주민등록번호: 800101-1●●●●●●") == {}
    assert rules_found("성명: 홍●●") == {}


def test_dates_are_valid_calendar_dates():
    start = date(1990, 2, 27)
    for days in range(4):
        day = start + timedelta(days=days)
        first12 = day.strftime("%y%m%d") + "112345"
        assert checks.birth_date(first12 + "0") == day
