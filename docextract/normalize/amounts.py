"""Amounts of money → integer won.

Reads the regulation form ``금113,560원(금일십일만삼천오백육십원)``, plain ``1,234,000원``,
mixed Arabic/Hangul units (``1억 2,000만원``, ``3억5천만 원``, ``3,306백만원``) and pure
Hangul numerals (``일백이십삼만사천``). When both the Arabic and the Hangul reading are
printed they are cross-checked (:attr:`AmountMatch.hangul_matches`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import normalize_chars

DIGITS = {"영": 0, "공": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6,
          "칠": 7, "팔": 8, "구": 9}
SMALL_UNITS = {"십": 10, "백": 100, "천": 1000}
BIG_UNITS = {"만": 10**4, "억": 10**8, "조": 10**12}

_TOKEN = re.compile(r"\d[\d,]*|[영공일이삼사오육륙칠팔구십백천만억조]")
_HANGUL_NUM = "영공일이삼사오육륙칠팔구십백천만억조"
# An Arabic amount, optionally with unit words: 1,234,000 / 1억 2,000만 / 3억5천만 / 3,306백만.
_ARABIC = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+"
_NUMBER = rf"(?:{_ARABIC})(?:\s*[십백천만억조]+(?:\s*(?:{_ARABIC}))?)*"
# An amount is its number (a chain of digits and unit words) followed by ``원``, then maybe
# the Hangul reading in brackets. The two halves are matched apart so that each stays
# linear on long lines: the number is atomic (giving some of it back could never reach
# ``원``: what it took is followed by digits, a unit word or a comma group), and when no
# ``원`` follows a chain the search resumes after the chain (a number starting inside it
# ends where it ends). The Hangul reading is the numerals up to the last one, never a
# lazy run that rescans the blanks after it; a blank alone (``( 원)``) is what the lazy
# run matched there.
_AMOUNT_NUMBER = re.compile(rf"(?<![\d,.])(?P<geum>금\s*)?(?P<num>(?>{_NUMBER}))")
_AMOUNT_WON = re.compile(
    rf"\s*원(?:\s*\(\s*(?:금\s*)?(?P<hangul>[{_HANGUL_NUM}](?:\s*+[{_HANGUL_NUM}])*+|\s(?=원))"
    rf"\s*+원\s*+(?:정\s*+)?\))?")
_GEUM_HANGUL = re.compile(rf"금\s*(?P<hangul>[{_HANGUL_NUM}]+)\s*원")


@dataclass(frozen=True)
class AmountMatch:
    """An amount found in text: span, value in won, and the Hangul cross-check."""

    start: int
    end: int
    won: int
    raw: str
    hangul_won: int | None = None

    @property
    def hangul_matches(self) -> bool | None:
        """True/False when a Hangul reading was printed beside the digits, else None."""
        return None if self.hangul_won is None else self.hangul_won == self.won


def hangul_number(text: str) -> int:
    """The value of a Hangul (or mixed Arabic/Hangul) numeral: ``일백이십삼만사천`` → 1234000.

    Raises ``ValueError`` for text that contains no number.
    """
    tokens = _TOKEN.findall(text.replace(" ", ""))
    if not tokens:
        raise ValueError(f"no number in {text!r}")
    total = section = digit = 0
    for tok in tokens:
        if tok[0].isdigit():
            digit = int(tok.replace(",", ""))
        elif tok in DIGITS:
            digit = DIGITS[tok]
        elif tok in SMALL_UNITS:
            section += (digit or 1) * SMALL_UNITS[tok]
            digit = 0
        else:
            total += ((section + digit) or 1) * BIG_UNITS[tok]
            section = digit = 0
    return total + section + digit


def parse_amount(text: str) -> int | None:
    """The first amount in ``text`` in won (``금 1,234,000원`` → 1234000), else ``None``."""
    found = find_amounts(text)
    if found:
        return found[0].won
    m = _GEUM_HANGUL.search(normalize_chars(text))
    return hangul_number(m["hangul"]) if m else None


def find_amounts(text: str) -> list[AmountMatch]:
    """Every amount in ``text`` written with digits, in order (Hangul reading cross-checked)."""
    text = normalize_chars(text)
    out: list[AmountMatch] = []
    pos = 0
    while (m := _AMOUNT_NUMBER.search(text, pos)) is not None:
        tail = _AMOUNT_WON.match(text, m.end())
        if tail is None:
            pos = m.end()
            continue
        won = hangul_number(m["num"])
        hangul = None
        if tail["hangul"] and tail["hangul"].strip():
            try:
                hangul = hangul_number(tail["hangul"])
            except ValueError:
                hangul = None
        out.append(AmountMatch(m.start(), tail.end(), won, text[m.start():tail.end()], hangul))
        pos = tail.end()
    return out


__all__ = ["AmountMatch", "find_amounts", "hangul_number", "parse_amount"]
