"""Restoring automatic outline and paragraph numbers (1. 가. 1) …) into paragraph text.

Hancom draws these numbers at layout time from the paragraph shape (head type and
level) and a numbering definition in DocInfo, so PARA_TEXT never contains them.
Readers look for those markers, so the parser recomputes them: one counter array per
numbering definition; a paragraph at level ``k`` advances counter ``k`` and restarts
the deeper ones; the level's format string (``^1.``, ``^2)``, ``(^3)``) is filled
with each referenced level's counter drawn in that level's number shape.
"""

from __future__ import annotations

from .docinfo import HEAD_BULLET, HEAD_NONE, HEAD_OUTLINE, DocInfo, NumberingDef

_CIRCLED_DIGITS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_HANGUL_SYLLABLES = "가나다라마바사아자차카타파하"
_HANGUL_JAMO = "ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ"
_CIRCLED_SYLLABLES = "㉮㉯㉰㉱㉲㉳㉴㉵㉶㉷㉸㉹㉺㉻"
_CIRCLED_JAMO = "㉠㉡㉢㉣㉤㉥㉦㉧㉨㉩㉪㉫㉬㉭"
_HANGUL_DIGITS = "영일이삼사오육칠팔구"
_HANJA_DIGITS = "〇一二三四五六七八九"
_CIRCLED_HANJA = "㊀㊁㊂㊃㊄㊅㊆㊇㊈㊉"
_GAPEUL = "갑을병정무기경신임계"
_GAPEUL_HANJA = "甲乙丙丁戊己庚辛壬癸"


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int, alphabet: str) -> str:
    # A..Z, then AA, BB (Hancom repeats the letter rather than counting in base 26)
    k = len(alphabet)
    return alphabet[(n - 1) % k] * ((n - 1) // k + 1)


def _cyclic(n: int, symbols: str) -> str:
    return symbols[(n - 1) % len(symbols)]


def _spelled(n: int, digits: str) -> str:
    # 일, 이, …, 십, 십일: spelled the way Hancom spells numbers up to 99
    if n <= 0:
        return digits[0]
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    ten = "십" if digits is _HANGUL_DIGITS else "十"
    return (digits[tens] if tens > 1 else "") + ten + (digits[ones] if ones else "") \
        if n < 100 else str(n)


def format_number(n: int, shape: int) -> str:
    """Draw ``n`` in one of Hancom's number shapes (the spec's "번호 모양" table)."""
    if n <= 0:
        n = max(n, 0)
        if shape != 0:
            return str(n)
    if shape == 0:
        return str(n)
    if shape == 1:
        return _CIRCLED_DIGITS[n - 1] if n <= len(_CIRCLED_DIGITS) else str(n)
    if shape == 2:
        return _roman(n)
    if shape == 3:
        return _roman(n).lower()
    if shape == 4:
        return _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if shape == 5:
        return _letters(n, "abcdefghijklmnopqrstuvwxyz")
    if shape == 6:
        return chr(0x24B6 + (n - 1) % 26)
    if shape == 7:
        return chr(0x24D0 + (n - 1) % 26)
    if shape == 8:
        return _cyclic(n, _HANGUL_SYLLABLES)
    if shape == 9:
        return _cyclic(n, _CIRCLED_SYLLABLES)
    if shape == 10:
        return _cyclic(n, _HANGUL_JAMO)
    if shape == 11:
        return _cyclic(n, _CIRCLED_JAMO)
    if shape == 12:
        return _spelled(n, _HANGUL_DIGITS)
    if shape == 13:
        return _spelled(n, _HANJA_DIGITS)
    if shape == 14:
        return _CIRCLED_HANJA[n - 1] if n <= 10 else _spelled(n, _HANJA_DIGITS)
    if shape == 15:
        return _cyclic(n, _GAPEUL)
    if shape == 16:
        return _cyclic(n, _GAPEUL_HANJA)
    return str(n)


def render_format(fmt: str, counters: list[int], shapes: list[int], current: int = 0) -> str:
    """Fill ``^1`` … ``^7`` (and ``^n``/``^N``) in level ``current``'s format string."""
    if "^" not in fmt:
        return fmt
    out: list[str] = []
    i, n = 0, len(fmt)
    while i < n:
        ch = fmt[i]
        if ch == "^" and i + 1 < n and fmt[i + 1] in "nN":
            # ^n: the whole level path (1.1.1); ^N: the same with a final period
            depth = max(1, current + 1)
            path = ".".join(format_number(c, 0) for c in counters[:depth])
            out.append(path + ("." if fmt[i + 1] == "N" else ""))
            i += 2
            continue
        if ch == "^" and i + 1 < n and "1" <= fmt[i + 1] <= "9":
            level = ord(fmt[i + 1]) - ord("1")
            if level < len(counters):
                shape = shapes[level] if level < len(shapes) else 0
                out.append(format_number(counters[level], shape))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


class NumberingState:
    """Running counters across a document; one per numbering definition."""

    def __init__(self, docinfo: DocInfo) -> None:
        self.docinfo = docinfo
        self.outline_id = 1
        self._counters: dict[int, list[int]] = {}

    def _definition(self, numbering_id: int) -> NumberingDef | None:
        defs = self.docinfo.numberings
        if 1 <= numbering_id <= len(defs):
            return defs[numbering_id - 1]
        return None

    def prefix(self, para_shape_id: int) -> tuple[str, int | None]:
        """The number or bullet text that Hancom draws before a paragraph, and its outline level.

        Returns ``("", None)`` for paragraphs without an automatic head.
        """
        shapes = self.docinfo.para_shapes
        if not 0 <= para_shape_id < len(shapes):
            return "", None
        shape = shapes[para_shape_id]
        head = shape.head
        if head == HEAD_NONE:
            return "", None
        if head == HEAD_BULLET:
            bullets = self.docinfo.bullets
            nid = shape.numbering_id
            char = bullets[nid - 1] if 1 <= nid <= len(bullets) else "•"
            return char + " ", None
        nid = self.outline_id if head == HEAD_OUTLINE else shape.numbering_id
        definition = self._definition(nid)
        level = shape.level
        outline_level = level + 1 if head == HEAD_OUTLINE else None
        if definition is None or level >= len(definition.formats):
            return "", outline_level
        counters = self._counters.get(nid)
        if counters is None:
            counters = [s - 1 for s in definition.starts] or [0] * 7
            self._counters[nid] = counters
        counters[level] += 1
        for deeper in range(level + 1, len(counters)):
            counters[deeper] = definition.starts[deeper] - 1 if deeper < len(definition.starts) else 0
        text = render_format(definition.formats[level], counters, definition.shapes, level)
        return (text + " " if text else ""), outline_level
