"""Drawing a counter in the number styles word processors use for automatic numbering.

HWP and HWPX share Hancom's seventeen number shapes (the spec's "번호 모양" table; HWP
stores the index, HWPX the name); DOCX has Word's ``w:numFmt`` names. All of them reduce
to the pure functions here, so "1.", "가.", "①", "Ⅳ" and "이십삼" read the same from
every format.
"""

from __future__ import annotations

LATIN_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
HANGUL_SYLLABLES = "가나다라마바사아자차카타파하"
HANGUL_JAMO = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
SINO_KOREAN_DIGITS = "영일이삼사오육칠팔구"
IDEOGRAPH_DIGITS = "〇一二三四五六七八九"
DECAGON = "갑을병정무기경신임계"
DECAGON_HANJA = "甲乙丙丁戊己庚辛壬癸"
_MAX_LETTER_REPEAT = 20  # "AAAA…" grows with the count; past 20 letters print digits
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))

# Hancom's number shapes in the order HWP numbers them (HWPX uses the names).
HANCOM_SHAPES = (
    "DIGIT", "CIRCLED_DIGIT", "ROMAN_CAPITAL", "ROMAN_SMALL", "LATIN_CAPITAL", "LATIN_SMALL",
    "CIRCLED_LATIN_CAPITAL", "CIRCLED_LATIN_SMALL", "HANGUL_SYLLABLE", "CIRCLED_HANGUL_SYLLABLE",
    "HANGUL_JAMO", "CIRCLED_HANGUL_JAMO", "HANGUL_PHONETIC", "IDEOGRAPH", "CIRCLED_IDEOGRAPH",
    "DECAGON_CIRCLE", "DECAGON_CIRCLE_HANJA",
)


def roman(n: int) -> str:
    """Upper-case Roman numerals for 1..3999, digits otherwise."""
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def repeated_letter(n: int, alphabet: str = LATIN_UPPER) -> str:
    """A..Z, then AA, BB, ...: both Hancom and Word repeat the letter past the alphabet."""
    if not 0 < n <= len(alphabet) * _MAX_LETTER_REPEAT:
        return str(n)
    k = len(alphabet)
    return alphabet[(n - 1) % k] * ((n - 1) // k + 1)


def cyclic(n: int, symbols: str) -> str:
    """The n-th symbol, wrapping around (가 나 … 하 가 …)."""
    return symbols[(n - 1) % len(symbols)] if n > 0 else str(n)


def circled_digit(n: int) -> str:
    """① … ⑳; Hancom and Word print plain digits past 20."""
    return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)


def sino(n: int, digits: str, units: str) -> str:
    """Sino-Korean or CJK numerals below 10,000 (일, 이십삼, 百五); ``units`` = 십백천."""
    if not 1 <= n < 10000:
        return str(n)
    out = []
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0])):
        d, n = divmod(n, power)
        if d:
            out.append(("" if d == 1 else digits[d]) + unit)
    if n:
        out.append(digits[n])
    return "".join(out)


def hancom_number(n: int, shape: int | str | None) -> str:
    """``n`` in a Hancom number shape, given as HWP's index or HWPX's name."""
    name = HANCOM_SHAPES[shape] if isinstance(shape, int) and 0 <= shape < len(HANCOM_SHAPES) \
        else str(shape or "DIGIT").upper()
    if name == "CIRCLED_DIGIT":
        return circled_digit(n)
    if name in ("ROMAN_CAPITAL", "ROMAN_SMALL"):
        text = roman(n)
        return text if name == "ROMAN_CAPITAL" else text.lower()
    if name in ("LATIN_CAPITAL", "LATIN_SMALL"):
        text = repeated_letter(n)
        return text if name == "LATIN_CAPITAL" else text.lower()
    if name == "CIRCLED_LATIN_CAPITAL":
        return chr(0x24B6 + (n - 1) % 26) if n > 0 else str(n)
    if name == "CIRCLED_LATIN_SMALL":
        return chr(0x24D0 + (n - 1) % 26) if n > 0 else str(n)
    if name == "HANGUL_SYLLABLE":
        return cyclic(n, HANGUL_SYLLABLES)
    if name == "CIRCLED_HANGUL_SYLLABLE":
        return chr(0x326E + (n - 1) % 14) if n > 0 else str(n)
    if name == "HANGUL_JAMO":
        return cyclic(n, HANGUL_JAMO)
    if name == "CIRCLED_HANGUL_JAMO":
        return chr(0x3260 + (n - 1) % 14) if n > 0 else str(n)
    if name == "HANGUL_PHONETIC":
        return sino(n, SINO_KOREAN_DIGITS, "십백천")
    if name == "IDEOGRAPH":
        return sino(n, IDEOGRAPH_DIGITS, "十百千")
    if name == "CIRCLED_IDEOGRAPH":
        return chr(0x3280 + n - 1) if 1 <= n <= 10 else sino(n, IDEOGRAPH_DIGITS, "十百千")
    if name == "DECAGON_CIRCLE":
        return cyclic(n, DECAGON)
    if name == "DECAGON_CIRCLE_HANJA":
        return cyclic(n, DECAGON_HANJA)
    return str(n)
