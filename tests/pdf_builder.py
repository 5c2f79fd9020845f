"""PDF byte builders for tests: a PDF written object by object, with a correct xref.

The hostile, bounds and fuzz tests each need PDFs that no PDF library would write (self-
drawing forms, lying lengths, xref loops), so they build the bytes themselves; this is
the one writer they share, as the HWP tests share the record builders.
"""

from __future__ import annotations

import zlib


def pdf_file(objects: list[bytes], *, root: int = 1, xref: bool = True,
             extra_trailer: bytes = b"", version: bytes = b"1.7") -> bytes:
    """A PDF of numbered objects (object ``i + 1`` is ``objects[i]``) whose catalog is
    object ``root``; ``xref=False`` leaves the cross-reference table out (the reader must
    rebuild it) and ``extra_trailer`` adds trailer keys (``/Prev``, ``/Encrypt`` ...)."""
    out = bytearray(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, extra_trailer, start)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    """An uncompressed stream object's body; ``extra`` adds dictionary keys."""
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def flate_stream(data: bytes, extra: bytes = b"") -> bytes:
    """A FlateDecode stream object's body holding ``data`` compressed."""
    packed = zlib.compress(data, 9)
    return stream(packed, b"/Filter /FlateDecode " + extra)
