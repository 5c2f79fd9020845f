"""PARA_TEXT decoding: char, inline and extended controls, built code unit by code unit."""

from __future__ import annotations

import struct

from docextract.parsers.hwp5.text import decode_para_text


def units(*parts: object) -> bytes:
    """UTF-16LE text for str parts, raw code units for int parts."""
    out = b""
    for part in parts:
        out += part.encode("utf-16-le") if isinstance(part, str) else struct.pack("<H", part)
    return out


def inline(code: int, payload: bytes = b"\x00" * 12) -> bytes:
    return struct.pack("<H", code) + payload + struct.pack("<H", code)


def extended(code: int, cid: str) -> bytes:
    payload = cid[::-1].encode("latin-1") + b"\x00" * 8
    return struct.pack("<H", code) + payload + struct.pack("<H", code)


def test_plain_text_stops_at_paragraph_end():
    text, events = decode_para_text(units("공문 제목", 13, "뒤에 남은 글"))
    assert text == "공문 제목"
    assert events == []


def test_char_controls_line_break_hyphen_and_spaces():
    raw = units("가", 10, "나", 24, "다", 30, "라", 31, "마", 0, 13)
    text, _ = decode_para_text(raw)
    assert text == "가\n나-다\u00a0라\u2007마"


def test_tab_is_an_inline_control_with_a_payload():
    raw = units("항목") + inline(9, b"\x10\x00" * 6) + units("값", 13)
    text, events = decode_para_text(raw)
    assert text == "항목\t값"
    assert events == []


def test_payload_bytes_that_look_like_controls_are_skipped():
    # an inline control whose payload holds 0x0d 0x00 (a fake paragraph end)
    raw = units("a") + inline(9, b"\x0d\x00" * 6) + units("b", 13)
    assert decode_para_text(raw)[0] == "a\tb"


def test_extended_controls_report_position_and_id():
    raw = extended(2, "secd") + extended(2, "cold") + units("표 앞") + extended(11, "tbl ") \
        + units("표 뒤", 13)
    text, events = decode_para_text(raw)
    assert text == "표 앞표 뒤"
    assert events == [(0, 2, "secd"), (0, 2, "cold"), (3, 11, "tbl ")]


def test_field_start_and_end_bracket_the_field_text():
    raw = units("이름: ") + extended(3, "%clk") + units("홍길동") + inline(4) + units(13)
    text, events = decode_para_text(raw)
    assert text == "이름: 홍길동"
    assert events == [(4, 3, "%clk"), (7, 4, "")]


def test_surrogate_pairs_and_private_use_glyphs_are_kept():
    raw = units("𠀀한\uf53a글", 13)
    assert decode_para_text(raw)[0] == "𠀀한\uf53a글"


def test_odd_offset_false_hits_do_not_split_characters():
    # U+0100 U+4100 is the byte run 00 01 00 41, and U+0A00 U+AC00 is 00 0A 00 AC: both
    # hold a "control unit" (01 00, 0A 00) at an odd offset, which is no control at all
    raw = units("\u0100\u4100\u0a00가", 13)
    assert decode_para_text(raw)[0] == "\u0100\u4100\u0a00가"


def test_title_mark_and_reserved_codes_leave_no_text():
    raw = units("a") + inline(8) + units("b") + inline(5) + units("c", 25, "d", 13)
    assert decode_para_text(raw)[0] == "abcd"


def test_truncated_control_at_the_end_is_tolerated():
    raw = units("끝") + struct.pack("<H", 11) + b"lbt"
    text, events = decode_para_text(raw)
    assert text == "끝"
    assert len(events) == 1


def test_odd_length_payload_ignores_the_last_byte():
    assert decode_para_text(units("가나") + b"\x41")[0] == "가나"
