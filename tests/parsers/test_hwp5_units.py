"""Number shapes and formats, DocInfo definitions, the summary property set, the
distribution key generator — each on inputs built here."""

from __future__ import annotations

import struct
from datetime import datetime, timezone

import pytest

from docextract.limits import Limits
from docextract.parsers.hwp5.distribution import distribution_key, unmask_doc_data
from docextract.parsers.hwp5.docinfo import (HEAD_BULLET, HEAD_NUMBER, HEAD_OUTLINE, DocInfo,
                                             DOCINFO_USED, NumberingDef, ParaShape,
                                             docinfo_from_spans)
from docextract.parsers.hwp5.numbering import NumberingState, format_number, render_format
from docextract.parsers.hwp5.records import pack_header, scan_spans
from docextract.parsers.hwp5.summary import read_properties, summary_metadata


@pytest.mark.parametrize("n, shape, expected", [
    (3, 0, "3"), (3, 1, "③"), (4, 2, "IV"), (9, 3, "ix"), (2, 4, "B"), (27, 4, "AA"),
    (3, 5, "c"), (1, 6, "Ⓐ"), (2, 7, "ⓑ"), (1, 8, "가"), (14, 8, "하"), (2, 9, "㉯"),
    (3, 10, "ㄷ"), (1, 11, "㉠"), (3, 12, "삼"), (11, 12, "십일"), (20, 12, "이십"),
    (4, 13, "四"), (1, 14, "㊀"), (2, 15, "을"), (3, 16, "丙"), (25, 1, "25"),
])
def test_number_shapes(n, shape, expected):
    assert format_number(n, shape) == expected


def test_format_string_references_other_levels():
    counters = [2, 3, 1, 0, 0, 0, 0]
    shapes = [0, 8, 0, 8, 0, 8, 1]
    assert render_format("^1.", counters, shapes, 0) == "2."
    assert render_format("^2.", counters, shapes, 1) == "다."
    assert render_format("(^3)", counters, shapes, 2) == "(1)"
    assert render_format("^1-^2", counters, [0, 0], 1) == "2-3"
    assert render_format("^n", counters, shapes, 2) == "2.3.1"
    assert render_format("^N", counters, shapes, 1) == "2.3."
    assert render_format("제^1장", counters, shapes, 0) == "제2장"


def docinfo_with(shapes: list[ParaShape]) -> DocInfo:
    formats = ["^1.", "^2.", "^3)", "^4)", "(^5)", "(^6)", "^7"]
    return DocInfo(para_shapes=shapes,
                   numberings=[NumberingDef(formats, [0, 8, 0, 8, 0, 8, 1], [1] * 7),
                               NumberingDef(["^1)"] * 7, [4] * 7, [3] * 7)],
                   bullets=["●"], styles=["바탕글"])


def test_counters_advance_and_deeper_levels_restart():
    info = docinfo_with([ParaShape(HEAD_NUMBER, 0, 1), ParaShape(HEAD_NUMBER, 1, 1),
                         ParaShape(HEAD_NUMBER, 0, 2), ParaShape(HEAD_BULLET, 0, 1),
                         ParaShape(HEAD_OUTLINE, 2, 0), ParaShape(0, 0, 0)])
    state = NumberingState(info)
    got = [state.prefix(i)[0] for i in (0, 1, 1, 0, 1, 2, 2, 3, 5)]
    assert got == ["1. ", "가. ", "나. ", "2. ", "가. ", "C) ", "D) ", "● ", ""]
    assert state.prefix(4) == ("1) ", 3)  # outline level 3 of the outline numbering (id 1)


def test_unknown_shape_ids_give_no_prefix():
    state = NumberingState(docinfo_with([ParaShape(HEAD_NUMBER, 0, 9)]))
    assert state.prefix(0) == ("", None)
    assert state.prefix(7) == ("", None)


def rec(tag: int, payload: bytes) -> bytes:
    return pack_header(tag, 0, len(payload)) + payload


def test_docinfo_reads_shapes_numbering_bullets_styles():
    fmt = "^1."
    level = struct.pack("<IhhI", 8 << 5, 0, 50, 0) + struct.pack("<H", len(fmt)) + fmt.encode("utf-16-le")
    numbering = level * 7 + struct.pack("<H", 0) + struct.pack("<7I", 5, 1, 1, 1, 1, 1, 1)
    bullet = struct.pack("<IhhI", 0, 0, 50, 0) + "\uf0a7".encode("utf-16-le")
    shape = struct.pack("<I6iHH", (2 << 23) | (3 << 25), 0, 0, 0, 0, 0, 0, 0, 1) + bytes(22)
    style = struct.pack("<H", 4) + "개요 1".encode("utf-16-le") + struct.pack("<H", 0) + bytes(10)
    data = rec(0x17, numbering) + rec(0x18, bullet) + rec(0x19, shape) + rec(0x1A, style) \
        + rec(0x15, b"\x00" * 40)
    spans, truncated = scan_spans(data, Limits(), DOCINFO_USED)
    assert truncated is None
    info = docinfo_from_spans(data, spans)
    assert list(info.para_shapes) == [ParaShape(HEAD_NUMBER, 3, 1)]
    assert info.heads == [HEAD_NUMBER]
    assert info.numberings[0].formats == ["^1."] * 7
    assert info.numberings[0].shapes == [8] * 7
    assert info.numberings[0].starts == [5, 1, 1, 1, 1, 1, 1]
    assert list(info.bullets) == ["▪"]
    assert list(info.styles) == ["개요 1"]


def property_set(props: list[tuple[int, int, bytes]]) -> bytes:
    """A one-section OLE property set: (property id, VT type, value bytes)."""
    values = b""
    index = b""
    offset = 8 + 8 * len(props)
    for pid, vtype, raw in props:
        index += struct.pack("<II", pid, offset + len(values))
        values += struct.pack("<I", vtype) + raw
        values += bytes(-len(values) % 4)
    section = struct.pack("<II", 8 + len(index) + len(values), len(props)) + index + values
    header = struct.pack("<HHI16sI", 0xFFFE, 0, 0, bytes(16), 1) + bytes(16) + struct.pack("<I", 48)
    return header + section


def lpwstr(text: str) -> bytes:
    raw = (text + "\0").encode("utf-16-le")
    return struct.pack("<I", len(text) + 1) + raw


def filetime(dt: datetime) -> bytes:
    epoch = datetime(1601, 1, 1, tzinfo=timezone.utc)
    return struct.pack("<Q", int((dt - epoch).total_seconds() * 10_000_000))


def test_summary_property_set_to_metadata():
    created = datetime(2024, 7, 24, 9, 30, tzinfo=timezone.utc)
    data = property_set([
        (2, 0x1F, lpwstr("행사 추천 협조 요청")), (4, 0x1F, lpwstr("홍길동")),
        (3, 0x1F, lpwstr("")), (5, 0x1F, lpwstr("공문, 협조")), (12, 0x40, filetime(created)),
        (13, 0x40, struct.pack("<Q", 0)), (14, 0x03, struct.pack("<i", 3)),
        (20, 0x1F, lpwstr("2024년 7월 24일")),
    ])
    meta = summary_metadata(data)
    assert meta.title == "행사 추천 협조 요청"
    assert meta.author == "홍길동"
    assert meta.subject is None
    assert meta.keywords == "공문, 협조"
    assert meta.created == created
    assert meta.modified is None
    assert meta.page_count == 3
    assert meta.extra["date"] == "2024년 7월 24일"


def test_damaged_property_sets_yield_what_they_can():
    assert read_properties(b"") == {}
    assert read_properties(b"\xfe\xff" + bytes(60)) == {}
    good = property_set([(2, 0x1F, lpwstr("제목"))])
    assert read_properties(good[:-6])[2].startswith("제")  # string cut short
    broken = bytearray(good)
    struct.pack_into("<I", broken, 48 + 4, 10_000_000)  # absurd property count
    assert read_properties(bytes(broken))[2] == "제목"


def test_distribution_key_generator_masks_the_record():
    seed = 0x12345678
    record = struct.pack("<I", seed) + bytes(252)
    plain = unmask_doc_data(record)
    assert plain[:4] == record[:4]
    # MSVC rand() from this seed gives the (fill byte, run length) pairs
    # (233, 16), (13, 2), (150, 6): XOR with zeros shows the mask itself
    assert plain[4:16] == bytes([233]) * 12
    assert plain[16:18] == bytes([13]) * 2
    assert plain[18:24] == bytes([150]) * 6
    offset = 4 + (seed & 0xF)
    assert distribution_key(record) == plain[offset:offset + 16]
    assert len(distribution_key(record)) == 16
