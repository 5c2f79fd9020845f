"""Bounded inflate, zip member reads and XML parsing refuse hostile input with typed errors."""

from __future__ import annotations

import io
import zipfile
import zlib

import pytest

from docextract.errors import CorruptDocument, LimitExceeded
from docextract.limits import Budget, Limits
from docextract.safeio import inflate, open_zip, parse_xml, read_member


def _raw_deflate(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def test_inflate_round_trips():
    payload = "공문 본문 ".encode("utf-16-le") * 1000
    assert inflate(_raw_deflate(payload), Budget(Limits())) == payload


def test_inflate_stops_a_zlib_bomb_at_the_cap():
    bomb = _raw_deflate(b"\0" * (64 * 1024 * 1024))  # 64 MiB of zeros in ~64 KB
    budget = Budget(Limits(max_decompressed_bytes=8 * 1024 * 1024))
    with pytest.raises(LimitExceeded):
        inflate(bomb, budget)


def test_inflate_rejects_truncated_and_garbage():
    data = _raw_deflate(b"x" * 100_000)
    with pytest.raises(CorruptDocument):
        inflate(data[: len(data) // 2], Budget(Limits()))
    with pytest.raises(CorruptDocument):
        inflate(b"\xff\xff\xff\xff garbage", Budget(Limits()))


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_bomb_member_is_refused_by_ratio():
    data = _zip({"word/document.xml": b"\0" * (50 * 1024 * 1024)})
    zf = open_zip(data, Budget(Limits()))
    with pytest.raises(LimitExceeded, match="compression ratio"):
        read_member(zf, "word/document.xml", Budget(Limits()))


def test_zip_member_count_is_bounded():
    data = _zip({f"f{i}.xml": b"<a/>" for i in range(50)})
    with pytest.raises(LimitExceeded, match="max_zip_members"):
        open_zip(data, Budget(Limits(max_zip_members=10)))


def test_traversal_member_names_are_only_keys(tmp_path):
    data = _zip({"../../evil.txt": b"x", "/abs/path.xml": b"<a/>", "a\\b.xml": b"<a/>"})
    zf = open_zip(data, Budget(Limits()))
    assert read_member(zf, "../../evil.txt", Budget(Limits())) == b"x"
    assert not (tmp_path.parent.parent / "evil.txt").exists()


@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_members_read_from_the_archive_bytes_are_what_zipfile_reads(compression):
    members = {"Contents/section0.xml": "<hs:sec>본문</hs:sec>".encode() * 500, "empty": b"",
               "이름.xml": b"<a/>"}
    data = _zip(members, compression)
    zf = open_zip(data, Budget(Limits()))
    for name, content in members.items():
        budget = Budget(Limits())
        assert read_member(zf, name, budget) == content == zipfile.ZipFile(io.BytesIO(data)).read(name)
        assert budget.decompressed == len(content)


def _damaged(data: bytes, find: bytes, replace: bytes) -> bytes:
    at = data.index(find)  # the first occurrence: the local header's side
    return data[:at] + replace + data[at + len(find):]


def test_damaged_members_fail_as_zipfile_says():
    content = b"<p>" + b"x" * 5000 + b"</p>"
    data = _zip({"a.xml": content}, zipfile.ZIP_STORED)
    # a flipped byte in the stored data: zipfile's CRC check, not the bytes as they are
    zf = open_zip(_damaged(data, b"xxxx", b"xyxx"), Budget(Limits()))
    with pytest.raises(CorruptDocument, match="Bad CRC-32"):
        read_member(zf, "a.xml", Budget(Limits()))
    # the local header names another member than the directory does
    zf = open_zip(_damaged(data, b"a.xml", b"b.xml"), Budget(Limits()))
    with pytest.raises(CorruptDocument, match="differ"):
        read_member(zf, "a.xml", Budget(Limits()))
    # a deflate stream cut short
    deflated = _zip({"a.xml": content})
    info = zipfile.ZipFile(io.BytesIO(deflated)).getinfo("a.xml")
    start = info.header_offset + 30 + len("a.xml")
    cut = deflated[:start + 2] + b"\0" * (info.compress_size - 2) + deflated[start + info.compress_size:]
    with pytest.raises(CorruptDocument, match="damaged"):
        read_member(open_zip(cut, Budget(Limits())), "a.xml", Budget(Limits()))


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><r>&lol3;</r>"""

XXE = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>"""


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, XXE])
def test_entity_declarations_are_refused(xml):
    with pytest.raises(CorruptDocument, match="entit"):
        parse_xml(xml, Budget(Limits()))


def test_xml_depth_is_bounded():
    deep = b"<a>" * 300 + b"</a>" * 300
    with pytest.raises((LimitExceeded, CorruptDocument)):
        parse_xml(deep, Budget(Limits(max_xml_depth=100)))


def test_limits_from_env_and_overrides():
    lim = Limits.from_env({"DOCEXTRACT_MAX_PAGES": "7", "DOCEXTRACT_TIMEOUT_SECONDS": "1.5"},
                          max_sections=3)
    assert (lim.max_pages, lim.timeout_seconds, lim.max_sections) == (7, 1.5, 3)
    with pytest.raises(ValueError):
        Limits.from_env({"DOCEXTRACT_MAX_PAGES": "many"})
