"""HWP 5.0 record headers and subtree linking, on record streams built with struct."""

from __future__ import annotations

import struct

import pytest

from docextract.errors import CorruptDocument, LimitExceeded
from docextract.limits import Limits
from docextract.parsers.hwp5.records import ctrl_id, pack_header, scan, scan_spans


def rec(tag: int, level: int, payload: bytes) -> bytes:
    return pack_header(tag, level, len(payload)) + payload


def test_header_bits_split_into_tag_level_size():
    word = 0x43 | (2 << 10) | (6 << 20)
    data = struct.pack("<I", word) + "가나다".encode("utf-16-le")
    recs = scan(data, Limits())
    assert recs.tag == [0x43]
    assert recs.level == [2]
    assert recs.payload(0) == "가나다".encode("utf-16-le")


def test_extended_size_after_0xfff():
    payload = bytes(range(256)) * 20  # 5120 bytes, more than the 12-bit size field holds
    data = struct.pack("<II", 0x43 | (0xFFF << 20), len(payload)) + payload + rec(0x42, 0, b"x" * 4)
    recs = scan(data, Limits())
    assert recs.tag == [0x43, 0x42]
    assert recs.payload(0) == payload
    assert recs.payload(1) == b"xxxx"


def test_size_exactly_0xffe_stays_in_the_header():
    payload = b"\x01" * 0xFFE
    recs = scan(rec(0x43, 0, payload), Limits())
    assert len(recs.payload(0)) == 0xFFE


def test_pack_header_uses_the_extended_form_from_0xfff():
    assert len(pack_header(0x43, 0, 0xFFF)) == 8
    assert len(pack_header(0x43, 0, 0xFFE)) == 4


def test_subtree_ends_follow_levels():
    data = (rec(0x42, 0, b"") + rec(0x43, 1, b"") + rec(0x47, 1, b"") + rec(0x48, 2, b"")
            + rec(0x42, 2, b"") + rec(0x42, 0, b""))
    recs = scan(data, Limits())
    assert recs.level == [0, 1, 1, 2, 2, 0]
    assert recs.end == [5, 2, 5, 4, 5, 6]


def test_skipped_leaf_tags_are_not_stored():
    data = rec(0x42, 0, b"") + rec(0x44, 1, b"cs") + rec(0x43, 1, b"t\x00") + rec(0x42, 0, b"")
    recs = scan(data, Limits(), skip=frozenset({0x44}))
    assert recs.tag == [0x42, 0x43, 0x42]
    assert recs.end == [2, 2, 3]


def test_record_running_past_the_stream_is_corrupt():
    data = rec(0x42, 0, b"abcd") + pack_header(0x43, 1, 100) + b"short"
    with pytest.raises(CorruptDocument, match="declares 100 bytes"):
        scan(data, Limits())


def test_partial_scan_keeps_the_records_before_the_damage():
    data = rec(0x42, 0, b"abcd") + pack_header(0x43, 1, 100) + b"short"
    recs = scan(data, Limits(), partial=True)
    assert recs.tag == [0x42]
    assert recs.truncated and "declares 100 bytes" in recs.truncated


def test_stream_ending_inside_a_header_is_corrupt():
    with pytest.raises(CorruptDocument, match="inside a record header"):
        scan(rec(0x42, 0, b"") + b"\x42\x00", Limits())


def test_stream_ending_inside_an_extended_size_is_corrupt():
    with pytest.raises(CorruptDocument, match="extended record size"):
        scan(struct.pack("<I", 0x43 | (0xFFF << 20)) + b"\x01\x00", Limits())


def test_too_many_records_is_a_limit():
    data = rec(0x42, 0, b"") * 50
    with pytest.raises(LimitExceeded, match="max_records"):
        scan(data, Limits(max_records=10))


def test_ctrl_id_reads_the_reversed_word():
    assert ctrl_id(b" lbt" + b"\x00" * 8) == "tbl "
    assert ctrl_id(b"dces") == "secd"


def test_top_only_tags_are_kept_right_below_the_outermost_level():
    data = (rec(0x42, 0, b"") + rec(0x45, 1, b"top") + rec(0x47, 1, b"") + rec(0x42, 2, b"")
            + rec(0x45, 3, b"deep") + rec(0x42, 0, b"") + rec(0x45, 1, b"top"))
    recs = scan(data, Limits(), top_only=frozenset({0x45}))
    assert recs.tag == [0x42, 0x45, 0x47, 0x42, 0x42, 0x45]
    assert recs.level == [0, 1, 1, 2, 0, 1]
    assert recs.end == [4, 2, 4, 4, 6, 6]
    assert [recs.payload(i) for i in (1, 5)] == [b"top", b"top"]


def test_top_only_follows_the_smallest_level_seen_so_far():
    # the stream starts deeper than its outermost level: nothing is dropped that a
    # record at the final outermost level could own
    data = rec(0x42, 1, b"") + rec(0x45, 2, b"a") + rec(0x42, 0, b"") + rec(0x45, 1, b"b") \
        + rec(0x42, 1, b"") + rec(0x45, 3, b"c")
    recs = scan(data, Limits(), top_only=frozenset({0x45}))
    assert [recs.payload(i) for i, t in enumerate(recs.tag) if t == 0x45] == [b"a", b"b"]


def test_record_cut_after_its_parent_leaves_the_subtrees_to_the_stream_end():
    data = (rec(0x42, 0, b"") + rec(0x47, 1, b"") + rec(0x42, 2, b"") + rec(0x42, 1, b"")
            + pack_header(0x43, 2, 50) + b"cut")
    recs = scan(data, Limits(), partial=True)
    assert recs.tag == [0x42, 0x47, 0x42, 0x42]
    assert recs.end == [4, 3, 3, 4]
    assert recs.truncated and "declares 50 bytes" in recs.truncated


def test_spans_scan_keeps_the_payload_bounds_of_the_listed_tags():
    payload = b"\x07" * 0x1000  # an extended size in between
    data = (rec(0x15, 1, b"cs") + struct.pack("<II", 0x19 | (1 << 10) | (0xFFF << 20), len(payload))
            + payload + rec(0x13, 1, b"f") + rec(0x15, 1, b"two"))
    spans, truncated = scan_spans(data, Limits(), frozenset({0x15, 0x19, 0x1A}))
    assert truncated is None
    assert [data[a:b] for a, b in spans[0x15]] == [b"cs", b"two"]
    assert [data[a:b] for a, b in spans[0x19]] == [payload]
    assert spans[0x1A] == []


@pytest.mark.parametrize("tail, message", [
    (pack_header(0x15, 1, 100) + b"short", "declares 100 bytes"),
    (b"\x15\x00", "inside a record header"),
    (struct.pack("<I", 0x15 | (0xFFF << 20)) + b"\x01\x00", "extended record size"),
])
def test_spans_scan_of_a_cut_stream_says_what_scan_says(tail, message):
    data = rec(0x15, 1, b"whole") + tail
    spans, truncated = scan_spans(data, Limits(), frozenset({0x15}), partial=True)
    assert [data[a:b] for a, b in spans[0x15]] == [b"whole"]
    assert truncated == scan(data, Limits(), partial=True).truncated
    assert truncated and message in truncated
    with pytest.raises(CorruptDocument, match=message):
        scan_spans(data, Limits(), frozenset({0x15}))


def test_spans_scan_counts_every_record_against_max_records():
    data = rec(0x13, 1, b"") * 50
    with pytest.raises(LimitExceeded, match="max_records"):
        scan_spans(data, Limits(max_records=10), frozenset({0x15}))
    assert scan_spans(data, Limits(max_records=50), frozenset({0x15}))[0][0x15] == []
