"""The ``\\x05HwpSummaryInformation`` stream: an OLE property set → Metadata.

The stream is a standard OLE property set (MS-OLEPS) with Hancom's FMTID. Strings are
VT_LPWSTR, dates VT_FILETIME; property ids follow the Office summary set (2 title,
3 subject, 4 author, 5 keywords, 6 comments, 8 last saved by, 12 created, 13 last
saved, 14 page count) plus 20, Hancom's free-text date.
"""

from __future__ import annotations

import struct
from codecs import utf_16_le_decode
from datetime import datetime, timedelta, timezone

from ...model import Metadata

STREAM = "\x05HwpSummaryInformation"

_VT_I2, _VT_I4, _VT_LPSTR, _VT_LPWSTR, _VT_FILETIME = 2, 3, 0x1E, 0x1F, 0x40
_EPOCH = datetime(1601, 1, 1, tzinfo=timezone.utc)
_MAX_PROPERTIES = 256
_ENTRY = struct.Struct("<II")  # property id, offset of its value
_U32 = struct.Struct("<I").unpack_from
_U64 = struct.Struct("<Q").unpack_from
_I32 = struct.Struct("<i").unpack_from
_I16 = struct.Struct("<h").unpack_from
# the properties summary_metadata reads (see the module docstring)
_USED = frozenset({2, 3, 4, 5, 6, 8, 12, 13, 14, 20})


def read_properties(data: bytes, wanted: frozenset[int] | None = None) -> dict[int, object]:
    """Property id → value of the first property set in ``data`` (only the ids in ``wanted``
    when given); damage yields fewer items."""
    out: dict[int, object] = {}
    n = len(data)
    if n < 48 or data[:2] != b"\xfe\xff":
        return out
    offset = _U32(data, 44)[0]
    if offset + 8 > n:
        return out
    first = offset + 8
    # the declared entries, as many as the stream holds whole
    count = min(_U32(data, offset + 4)[0], _MAX_PROPERTIES, (n - first) // 8)
    for pid, rel in _ENTRY.iter_unpack(data[first:first + 8 * count]):
        if wanted is not None and pid not in wanted:
            continue
        pos = offset + rel
        if pos + 4 > n:
            continue
        value = _value(data, pos, n)
        if value is not None:
            out[pid] = value
    return out


def _value(data: bytes, pos: int, n: int) -> object:
    vtype = _U32(data, pos)[0] & 0xFFFF
    body = pos + 4
    if vtype == _VT_LPWSTR and body + 4 <= n:
        count = _U32(data, body)[0]
        raw = data[body + 4:min(n, body + 4 + 2 * count)]
        # the codec function itself: bytes.decode("utf-16-le") adds a Python-level wrapper
        return utf_16_le_decode(raw, "replace", True)[0].split("\x00", 1)[0]
    if vtype == _VT_LPSTR and body + 4 <= n:
        count = _U32(data, body)[0]
        raw = data[body + 4:min(n, body + 4 + count)].split(b"\x00", 1)[0]
        return raw.decode("cp949", "replace")
    if vtype == _VT_FILETIME and body + 8 <= n:
        ticks = _U64(data, body)[0]
        if ticks == 0:
            return None
        try:
            return _EPOCH + timedelta(microseconds=ticks // 10)
        except OverflowError:
            return None
    if vtype == _VT_I4 and body + 4 <= n:
        return _I32(data, body)[0]
    if vtype == _VT_I2 and body + 2 <= n:
        return _I16(data, body)[0]
    return None


def _text(value: object) -> str | None:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return None


def summary_metadata(data: bytes) -> Metadata:
    """Metadata from a ``\\x05HwpSummaryInformation`` stream."""
    props = read_properties(data, _USED)
    extra: dict[str, str] = {}
    for pid, key in ((6, "comments"), (8, "last_saved_by"), (20, "date")):
        value = _text(props.get(pid))
        if value:
            extra[key] = value
    created = props.get(12)
    modified = props.get(13)
    pages = props.get(14)
    return Metadata(
        title=_text(props.get(2)), author=_text(props.get(4)), subject=_text(props.get(3)),
        keywords=_text(props.get(5)),
        created=created if isinstance(created, datetime) else None,
        modified=modified if isinstance(modified, datetime) else None,
        page_count=pages if isinstance(pages, int) and pages > 0 else None,
        extra=extra)
