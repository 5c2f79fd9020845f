"""Masked forms that keep a value's length and separators, so the text still reads.

Letters, digits and Hangul become ``●``; hyphens, spaces, dots, ``@`` and brackets stay.
Each rule keeps what identifies the kind of value but not the person: the birth date
and sex digit of a registration number (``800101-1●●●●●●``), the area code or mobile
prefix of a phone number, the domain of an e-mail address, the family name of a person,
the province and district of an address.
"""

from __future__ import annotations

import re

MASK = "●"

# Leading letters/digits each rule leaves visible.
_KEEP_HEAD = {"rrn": 7, "arn": 7, "corporation_no": 6, "business_no": 5, "passport": 1,
              "driver_license": 4, "card": 4, "account": 3, "name": 1, "property": 1}
_ADDRESS_HEAD = re.compile(r"\S*(?:특별시|광역시|특별자치시|특별자치도|도|시)\s+\S*(?:시|군|구)(?=\s)")


def _mask_from(value: str, keep: int) -> str:
    keep = max(0, min(keep, sum(ch.isalnum() for ch in value) - 1))  # always mask something
    out = []
    seen = 0
    for ch in value:
        if ch.isalnum():
            seen += 1
            out.append(ch if seen <= keep else MASK)
        else:
            out.append(ch)
    return "".join(out)


def mask(value: str, rule: str) -> str:
    """``value`` masked for ``rule``, character for character."""
    if rule == "phone":
        digits = [i for i, ch in enumerate(value) if ch.isdigit()]
        head = 3 if value.lstrip("(+ ").startswith(("01", "0", "+")) else 0
        if value.lstrip("( ").startswith("02"):
            head = 2
        keep = set(digits[:head])
        return "".join(ch if (i in keep or not ch.isalnum()) else MASK for i, ch in enumerate(value))
    if rule == "email":
        local, at, domain = value.partition("@")
        return _mask_from(local, 1) + at + domain
    if rule == "address":
        area = _ADDRESS_HEAD.match(value)
        cut = area.end() if area else 0
        return value[:cut] + _mask_from(value[cut:], 0)
    return _mask_from(value, _KEEP_HEAD.get(rule, 0))


def is_masked(text: str) -> bool:
    """Whether ``text`` already carries masking (so it is not a value to mask again)."""
    return MASK in text or "*" * 3 in text


__all__ = ["MASK", "is_masked", "mask"]
