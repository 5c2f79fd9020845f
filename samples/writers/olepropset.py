"""An OLE property set stream (MS-OLEPS) with string properties: HWP's ``\\x05HwpSummaryInformation``."""

from __future__ import annotations

import struct
from uuid import UUID

HWP_SUMMARY_FMTID = UUID("9fa2b660-1061-11d4-b4c6-006097c09d8c")
VT_LPWSTR = 0x001F
PID_DICTIONARY, PID_TITLE, PID_AUTHOR, PID_DATE_STR = 0, 2, 4, 0x14


def _lpwstr(text: str) -> bytes:
    raw = (text + "\0").encode("utf-16-le")
    value = struct.pack("<HHI", VT_LPWSTR, 0, len(raw) // 2) + raw
    return value + b"\0" * (-len(value) % 4)


def summary_stream(title: str, author: str, date_text: str) -> bytes:
    """The property set stream holding title, author and date string as VT_LPWSTR (UTF-16LE).

    Like Hancom's own files it carries no code page property (HWP readers expect VT_LPWSTR only)
    and an empty dictionary (property 0), which some readers require.
    """
    values = [(PID_DICTIONARY, struct.pack("<I", 0)), (PID_TITLE, _lpwstr(title)), (PID_AUTHOR, _lpwstr(author)),
              (PID_DATE_STR, _lpwstr(date_text))]
    table_size = 8 + 8 * len(values)
    offsets, blob = [], b""
    for pid, value in values:
        offsets.append((pid, table_size + len(blob)))
        blob += value
    pset = struct.pack("<II", table_size + len(blob), len(values))
    pset += b"".join(struct.pack("<II", pid, off) for pid, off in offsets) + blob
    # The stream's CLSID repeats the FMTID, as Hancom writes it (readers check it).
    header = struct.pack("<HHI16sI", 0xFFFE, 0, 0x00020006, HWP_SUMMARY_FMTID.bytes_le, 1)
    header += HWP_SUMMARY_FMTID.bytes_le + struct.pack("<I", len(header) + 20)
    return header + pset
