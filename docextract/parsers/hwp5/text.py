"""Decoding a PARA_TEXT record: UTF-16LE text with embedded control characters.

Code units 0-31 are controls of three kinds (spec "제어 문자"):

* char controls take one code unit: 10 line break, 13 paragraph end, 24 hyphen,
  30 non-breaking (묶음) space, 31 fixed-width space; 0 and 25-29 carry nothing;
* inline controls take eight units (the code, twelve bytes of payload, the code
  again): 9 tab, 4 field end, 8 title mark, 5-7/19/20 reserved;
* extended controls take eight units too, and each one is described in full by the
  next CTRL_HEADER child of the paragraph: 1-3 (3 = field start), 11 (table or
  drawing object), 12, 14-18, 21-23. The payload's first four bytes are the
  control id, little-endian.

Text between controls is decoded in slices, so a long run of plain text costs one
``bytes.decode`` call. Hancom's private-use glyphs (U+E000-U+F8FF, used for old
Hangul and symbols) are kept as they are, consistently, as other readers do.
"""

from __future__ import annotations

import re
from codecs import utf_16_le_decode

# one low control unit (0-31) followed by a zero high byte; matches at odd byte
# offsets are false hits and skipped.
_CONTROL = re.compile(rb"[\x00-\x1f]\x00")
# the same control units, decoded (a control code unit decodes to its own character)
_CONTROL_CHAR = re.compile("[\x00-\x1f]")

CHAR_CONTROLS = frozenset({0, 10, 13, 24, 25, 26, 27, 28, 29, 30, 31})
INLINE_CONTROLS = frozenset({4, 5, 6, 7, 8, 9, 19, 20})
EXTENDED_CONTROLS = frozenset({1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23})

FIELD_START = 3
FIELD_END = 4
LINE_BREAK = 10
PARA_END = 13
TAB = 9

_CHAR_TEXT = {10: "\n", 24: "-", 30: "\u00a0", 31: "\u2007"}
# the char controls before the paragraph end, as the characters they decode to
_ONE_UNIT_CONTROLS = frozenset(chr(code) for code in CHAR_CONTROLS if code != PARA_END)


def decode_para_text(raw: bytes) -> tuple[str, list[tuple[int, int, str]]]:
    """Text and control events of one PARA_TEXT payload.

    Events are ``(position in the returned text, control code, control id)`` for every
    extended control and field end, in order; the control id is ``""`` for field ends.
    Decoding stops at the paragraph-end control (13).
    """
    n = len(raw) & ~1
    decode = utf_16_le_decode  # bytes.decode("utf-16-le") goes through a Python wrapper
    # The common paragraph is plain text up to its end mark. Decoding all of it and
    # checking the text before the first "\r" in C is much faster than the byte pattern
    # below, which tries every offset. A control unit decodes to its own character, so
    # a text with no unprintable character before the end mark holds no control;
    # otherwise (controls, but also spaces such as U+3000, Hancom's private-use glyphs)
    # the units are walked one control at a time.
    text = decode(raw[:n], "replace", True)[0]
    end = text.find("\r")
    head = text if end < 0 else text[:end]
    if head.isprintable():
        return head, []
    found = _CONTROL_CHAR.findall(head)
    if not found:
        # no control before the end mark: unprintable only through its spaces (U+3000,
        # no-break) or private-use glyphs, which are text
        return head, []
    if _ONE_UNIT_CONTROLS.issuperset(found):
        # char controls only (a fixed-width space, a line break): each stands for its
        # text or for nothing, and no event comes of them
        for char in set(found):
            head = head.replace(char, _CHAR_TEXT.get(ord(char), ""))
        return head, []
    search = _CONTROL.search
    m = search(raw, 0, n)
    if m is None:
        return text, []
    k = m.start()
    if not k & 1 and raw[k] == PARA_END:
        return decode(raw[:k], "replace", True)[0], []
    parts: list[str] = []
    events: list[tuple[int, int, str]] = []
    out_len = 0
    seg = 0  # start of the pending plain-text slice
    pos = 0
    while True:
        if m is None:
            break
        k = m.start()
        if k & 1:
            pos = k + 1
            m = search(raw, pos, n)
            continue
        code = raw[k]
        if k > seg:
            piece = decode(raw[seg:k], "replace", True)[0]
            parts.append(piece)
            out_len += len(piece)
        if code in CHAR_CONTROLS:
            if code == PARA_END:
                seg = n
                break
            extra = _CHAR_TEXT.get(code)
            if extra:
                parts.append(extra)
                out_len += 1
            seg = pos = k + 2
            m = search(raw, pos, n)
            continue
        # inline and extended controls occupy 16 bytes
        if code == TAB:
            parts.append("\t")
            out_len += 1
        elif code == FIELD_END:
            events.append((out_len, code, ""))
        elif code in EXTENDED_CONTROLS:
            events.append((out_len, code, raw[k + 2:k + 6][::-1].decode("latin-1")))
        seg = pos = min(k + 16, n)
        m = search(raw, pos, n)
    if seg < n:
        parts.append(decode(raw[seg:n], "replace", True)[0])
    return "".join(parts), events
