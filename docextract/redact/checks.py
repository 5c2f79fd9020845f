"""Check digits and validity rules of Korean identifiers: pure functions on digit strings.

* 주민등록번호 and 외국인등록번호: YYMMDD, a century/sex digit (1–4, 9, 0 for citizens; 5–8
  for foreigners), then six digits, the last a check digit: the weighted sum of the first
  twelve digits with weights 2–9, 2–5, and ``(11 - sum mod 11) mod 10``. Numbers given
  since October 2020 have random digits after the sex digit and no valid check digit;
  :func:`registration_shape` accepts them by their birth date alone, for use only where a
  label or context word says what the number is.
* 사업자등록번호 (10 digits): weights 1,3,7,1,3,7,1,3,5 over the first nine digits plus the
  tens of 5 × the ninth digit; the check digit brings the sum to a multiple of ten.
* 법인등록번호 (13 digits): weights 1,2 alternating over the first twelve digits; the check
  digit brings the sum to a multiple of ten.
* Payment cards: the Luhn check.
"""

from __future__ import annotations

from datetime import date

_RRN_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
_BUSINESS_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)
_CENTURY = {"1": 1900, "2": 1900, "5": 1900, "6": 1900, "3": 2000, "4": 2000, "7": 2000,
            "8": 2000, "9": 1800, "0": 1800}
CITIZEN_DIGITS = "123490"
FOREIGNER_DIGITS = "5678"


def _digits(text: str, length: int) -> bool:
    return len(text) == length and text.isascii() and text.isdigit()


def birth_date(number: str) -> date | None:
    """The birth date coded in a 13-digit registration number, or None if it is no date."""
    if not _digits(number, 13):
        return None
    try:
        return date(_CENTURY[number[6]] + int(number[:2]), int(number[2:4]), int(number[4:6]))
    except ValueError:
        return None


def registration_check_digit(first12: str) -> int:
    """The check digit of a 주민등록번호 or 외국인등록번호 (weighted mod 11)."""
    total = sum(w * int(d) for w, d in zip(_RRN_WEIGHTS, first12))
    return (11 - total % 11) % 10


def registration_shape(number: str) -> str | None:
    """``"rrn"`` or ``"arn"`` for 13 digits with a valid birth date, check digit unchecked
    (numbers given since October 2020 have none); None otherwise."""
    if birth_date(number) is None:
        return None
    return "arn" if number[6] in FOREIGNER_DIGITS else "rrn"


def is_rrn(number: str) -> bool:
    """A 주민등록번호 (13 digits) with a valid birth date and check digit."""
    return registration_shape(number) == "rrn" and \
        registration_check_digit(number[:12]) == int(number[12])


def is_arn(number: str) -> bool:
    """A 외국인등록번호 (13 digits) with a valid birth date and check digit."""
    return registration_shape(number) == "arn" and \
        registration_check_digit(number[:12]) == int(number[12])


def business_check_digit(first9: str) -> int:
    total = sum(w * int(d) for w, d in zip(_BUSINESS_WEIGHTS, first9))
    total += int(first9[8]) * 5 // 10
    return (10 - total % 10) % 10


def is_business_no(number: str) -> bool:
    """A 사업자등록번호 (10 digits) with a valid check digit."""
    return _digits(number, 10) and business_check_digit(number[:9]) == int(number[9])


def corporation_check_digit(first12: str) -> int:
    total = sum((1 if i % 2 == 0 else 2) * int(d) for i, d in enumerate(first12))
    return (10 - total % 10) % 10


def is_corporation_no(number: str) -> bool:
    """A 법인등록번호 (13 digits) with a valid check digit."""
    return _digits(number, 13) and corporation_check_digit(number[:12]) == int(number[12])


def luhn_ok(number: str) -> bool:
    """The Luhn check (payment cards) over a string of digits."""
    if not number.isascii() or not number.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def is_card(number: str) -> bool:
    """A payment card number: 14 to 16 digits, a card-network first digit, Luhn."""
    return 14 <= len(number) <= 16 and number[:1] in "234569" and luhn_ok(number)


__all__ = ["CITIZEN_DIGITS", "FOREIGNER_DIGITS", "birth_date", "business_check_digit",
           "corporation_check_digit", "is_arn", "is_business_no", "is_card", "is_corporation_no",
           "is_rrn", "luhn_ok", "registration_check_digit", "registration_shape"]
