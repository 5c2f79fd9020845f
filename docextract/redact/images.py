"""Blank stand-ins for preview images, which show a document's first page as pixels.

A masked body under an unmasked thumbnail still leaks, and the pixels cannot be masked,
so a package's preview image (``docProps/thumbnail.*``, ``Preview/PrvImage.*``) is
replaced by a one-pixel white image of the same type. Word and Hangul draw a new
preview the next time the document is saved.
"""

from __future__ import annotations

import struct
import zlib

# A 1×1 white baseline JPEG (greyscale), as any JPEG encoder writes it.
BLANK_JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a18"
    "1616183123251d283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c"
    "656763ffc0000b080001000101011100ffc40014000100000000000000000000000000000007ffc4001410"
    "0100000000000000000000000000000000ffda0008010100003f00407fffd9")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + \
        struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def blank_png() -> bytes:
    """A 1×1 white PNG."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 8-bit RGB, no interlace
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + _chunk(b"IEND", b""))


def blank_bmp() -> bytes:
    """A 1×1 white 24-bit BMP."""
    pixels = b"\xff\xff\xff\x00"  # one pixel, row padded to four bytes
    info = struct.pack("<IiiHHIIiiII", 40, 1, 1, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 14 + len(info) + len(pixels), 0, 0, 14 + len(info)) \
        + info + pixels


def blank_like(data: bytes) -> bytes | None:
    """A blank image in the format of ``data`` (PNG, JPEG or BMP), None for other formats."""
    if data.startswith(b"\x89PNG"):
        return blank_png()
    if data.startswith(b"\xff\xd8"):
        return BLANK_JPEG
    if data.startswith(b"BM"):
        return blank_bmp()
    return None


__all__ = ["BLANK_JPEG", "blank_bmp", "blank_like", "blank_png"]
