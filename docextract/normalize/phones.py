"""Telephone and fax numbers → one national form (``02-2133-1234``, ``044-205-1234``).

Accepts every printed form seen in 공문: hyphens, dots, spaces, parentheses around the
area code (``(02)2133-1234``, ``02)2133-1234``), bare digits (``0417302925``), ``+82``,
``☎``/``Tel`` prefixes, and local numbers without an area code (``2133-7733``), for which
the area code can be supplied by the caller (from the fax number or the address).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .text import normalize_chars

# Area codes by province/metropolitan city name, for local numbers printed without one.
AREA_CODES: dict[str, str] = {
    "서울": "02", "경기": "031", "인천": "032", "강원": "033", "충청남도": "041", "충남": "041",
    "대전": "042", "충청북도": "043", "충북": "043", "세종": "044", "부산": "051", "울산": "052",
    "대구": "053", "경상북도": "054", "경북": "054", "경상남도": "055", "경남": "055",
    "전라남도": "061", "전남": "061", "광주": "062", "전라북도": "063", "전북": "063", "전북특별자치도": "063",
    "제주": "064",
}
_MOBILE = ("010", "011", "016", "017", "018", "019")
_THREE_DIGIT_PREFIX = re.compile(r"^0(?:[3-6][1-5]|70|50|80|10|1[16-9])")

# A number starts at a character, never on a blank: tried from every blank of a long run,
# the optional area code's leading \s* backtracked over the rest of the run (quadratic).
_PHONE = re.compile(
    r"(?<![\d\w.@-])(?!\s)(?:\+\s*82[\s.-]*(?:\(\s*0\s*\)\s*)?\d{1,2}[\s.-]*"
    r"|\(?\s*0\d{1,2}\s*\)?[\s.-]*)?"
    r"\d{3,4}[\s.-]*\d{4}(?![\d\w@-])")
_BARE = re.compile(r"(?<![\d\w.@-])0\d{8,10}(?![\d\w@])")


def _digits(text: str) -> str:
    text = normalize_chars(text).strip()
    plus = re.match(r"^\+\s*82[\s.-]*(?:\(\s*0\s*\))?", text)
    digits = re.sub(r"\D", "", text[plus.end():] if plus else text)
    if plus and not digits.startswith("0"):
        digits = "0" + digits
    return digits


def normalize_phone(text: str, *, area_code: str | None = None) -> str | None:
    """The number in ``text`` in national hyphenated form, or ``None`` if it is not one.

    ``area_code`` (``"02"``, ``"044"``) completes a local number printed without one.
    """
    d = _digits(text)
    if not d:
        return None
    if re.fullmatch(r"1[5-9]\d{6}", d):  # nationwide numbers: 1588-1234
        return f"{d[:4]}-{d[4:]}"
    if not d.startswith("0"):
        if len(d) not in (7, 8):
            return None
        local = f"{d[:-4]}-{d[-4:]}"
        return f"{area_code}-{local}" if area_code else local
    if d.startswith("02"):
        rest = d[2:]
        head = "02"
    elif _THREE_DIGIT_PREFIX.match(d):
        rest = d[3:]
        head = d[:3]
    else:
        return None
    if len(rest) not in (7, 8):
        return None
    return f"{head}-{rest[:-4]}-{rest[-4:]}"


def area_code_of(phone: str | None) -> str | None:
    """The area code of a normalized number (``044-205-1234`` → ``044``), not for mobiles."""
    if not phone or phone.count("-") != 2:
        return None
    head = phone.split("-")[0]
    return None if head in _MOBILE else head


def area_code_for_address(address: str | None) -> str | None:
    """The area code of the province or city an address starts with, if known."""
    if not address:
        return None
    first = address.strip().split(" ")[0] if address.strip() else ""
    for name, code in sorted(AREA_CODES.items(), key=lambda kv: -len(kv[0])):
        if first.startswith(name):
            return code
    return None


@dataclass(frozen=True)
class PhoneMatch:
    """A phone-like number in text: span, raw text and the normalized value."""

    start: int
    end: int
    raw: str
    number: str


def find_phones(text: str, *, area_code: str | None = None) -> list[PhoneMatch]:
    """Every telephone number in ``text`` (normalized), in order."""
    text = normalize_chars(text)
    out: list[PhoneMatch] = []
    for pattern in (_PHONE, _BARE):
        # the spans found by the patterns before this one, in order (a pattern's own
        # matches never overlap): a bare number inside one of them is not another
        found = sorted((p.start, p.end) for p in out)
        starts = [a for a, _ in found]
        for m in pattern.finditer(text):
            k = bisect_right(starts, m.start()) - 1
            if k >= 0 and m.start() < found[k][1]:
                continue
            raw = m.group(0).strip()
            number = normalize_phone(raw, area_code=area_code)
            if number:
                start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                out.append(PhoneMatch(start, start + len(raw), raw, number))
    out.sort(key=lambda p: p.start)
    return out


# a tilde between two digits (``380∼1609``, ``∼`` mapped to ``~`` by normalize_chars)
_TILDE_IN_NUMBER = re.compile(r"(?<=\d)~(?=\d)")


def phone_after_label(tail: str) -> PhoneMatch | None:
    """The number that starts ``tail``, the text right after a phone label (``☎``, ``전화``).

    Right after the label a tilde between digit groups is a misprinted hyphen
    (``☎ 02)380∼1609``); it is read as one only when the number then has an area code, as
    ``1609∼1610`` elsewhere is a range of extensions. Offsets are those of ``tail``."""
    first = next((p for p in find_phones(tail) if p.start <= 3), None)
    if first is not None:
        return first
    mended = _TILDE_IN_NUMBER.sub("-", normalize_chars(tail))
    return next((p for p in find_phones(mended) if p.start <= 3 and p.number.startswith("0")), None)


__all__ = ["AREA_CODES", "PhoneMatch", "area_code_for_address", "area_code_of", "find_phones",
           "normalize_phone", "phone_after_label"]
