"""Rewrite a zip package with some members replaced and every other member copied as it
was stored: same local header, same compressed bytes, same data descriptor, same order.

Only the offsets in the central directory and its end record change (members after a
replaced one move). A replaced member keeps its name, compression method, time stamp
and central-directory fields; its new data is compressed with the same method (deflate
or stored). ZIP64 packages (over 4 GiB or 65,535 members) are refused.
"""

from __future__ import annotations

import struct
import zlib

from ..errors import CorruptDocument, UnsupportedFormat

_EOCD = b"PK\x05\x06"
_CENTRAL = b"PK\x01\x02"
_LOCAL = b"PK\x03\x04"
_EOCD_SIZE = 22
_CENTRAL_SIZE = 46
_LOCAL_SIZE = 30
_DEFLATED, _STORED = 8, 0
_FLAG_ENCRYPTED, _FLAG_DESCRIPTOR, _FLAG_UTF8 = 0x1, 0x8, 0x800


def _eocd(data: bytes) -> int:
    start = data.rfind(_EOCD, max(0, len(data) - _EOCD_SIZE - 0xFFFF))
    if start < 0 or len(data) - start < _EOCD_SIZE:
        raise CorruptDocument("zip end of central directory not found")
    return start


def _name(raw: bytes, flags: int) -> str:
    return raw.decode("utf-8" if flags & _FLAG_UTF8 else "cp437", "replace")


def _compress(data: bytes, method: int) -> bytes:
    if method == _STORED:
        return data
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def rewrite(data: bytes, replacements: dict[str, bytes]) -> bytes:
    """``data`` (a zip) with the members named in ``replacements`` holding the new bytes."""
    end = _eocd(data)
    (_, _, _, count, cd_size, cd_offset, comment_len) = struct.unpack(
        "<HHHHIIH", data[end + 4:end + _EOCD_SIZE])
    if count == 0xFFFF or cd_offset == 0xFFFFFFFF or cd_size == 0xFFFFFFFF:
        raise UnsupportedFormat("ZIP64 packages cannot be rewritten in place")
    entries = []
    pos = cd_offset
    for _ in range(count):
        if data[pos:pos + 4] != _CENTRAL:
            raise CorruptDocument("zip central directory is damaged")
        fields = list(struct.unpack("<4s6H3I5HII", data[pos:pos + _CENTRAL_SIZE]))
        name_len, extra_len, comment = fields[10], fields[11], fields[12]
        size = _CENTRAL_SIZE + name_len + extra_len + comment
        entries.append((fields, data[pos + _CENTRAL_SIZE:pos + size]))
        pos += size
    by_offset = sorted(range(len(entries)), key=lambda i: entries[i][0][16])
    out = bytearray()
    new_offsets: dict[int, int] = {}
    new_fields: dict[int, list[int]] = {}
    for k, i in enumerate(by_offset):
        fields, tail = entries[i]
        flags, method = fields[3], fields[4]
        name = _name(tail[:fields[10]], flags)
        # a member's stored bytes run up to the next member (its data descriptor included)
        start = fields[16]
        stop = entries[by_offset[k + 1]][0][16] if k + 1 < len(by_offset) else cd_offset
        if data[start:start + 4] != _LOCAL or stop < start + _LOCAL_SIZE:
            raise CorruptDocument(f"zip member {name!r} has no local header where the "
                                  "central directory says")
        new_offsets[i] = len(out)
        if name not in replacements:
            out += data[start:stop]
            continue
        if flags & _FLAG_ENCRYPTED:
            raise UnsupportedFormat(f"zip member {name!r} is encrypted and cannot be rewritten")
        if method not in (_DEFLATED, _STORED):
            raise UnsupportedFormat(f"zip member {name!r} uses compression method {method}")
        raw = replacements[name]
        packed = _compress(raw, method)
        crc = zlib.crc32(raw) & 0xFFFFFFFF
        flags &= ~_FLAG_DESCRIPTOR
        name_bytes = tail[:fields[10]]
        out += struct.pack("<4s5H3I2H", _LOCAL, fields[2], flags, method, fields[5], fields[6],
                           crc, len(packed), len(raw), len(name_bytes), 0) + name_bytes + packed
        changed = list(fields)
        changed[3], changed[7], changed[8], changed[9] = flags, crc, len(packed), len(raw)
        new_fields[i] = changed
    central = bytearray()
    for i, (fields, tail) in enumerate(entries):
        row = list(new_fields.get(i, fields))
        row[16] = new_offsets[i]
        if row[16] > 0xFFFFFFFF:
            raise UnsupportedFormat("the rewritten package would need ZIP64")
        central += struct.pack("<4s6H3I5HII", *row) + tail
    eocd = bytearray(data[end:end + _EOCD_SIZE + comment_len])
    struct.pack_into("<II", eocd, 12, len(central), len(out))
    return bytes(out + central + eocd)


__all__ = ["rewrite"]
