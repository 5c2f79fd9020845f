"""Zip packages with fixed entry timestamps, so generated samples are byte-for-byte repeatable."""

from __future__ import annotations

import io
import zipfile
from typing import Callable

FIXED_TIME = (2025, 1, 1, 0, 0, 0)


def build_zip(members: list[tuple[str, bytes, bool]]) -> bytes:
    """A zip of ``(name, data, compress)`` entries in the given order, every entry dated FIXED_TIME."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data, compress in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=6 if compress else None)
    return buf.getvalue()


def refreeze(data: bytes, changes: dict[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    """The same zip with every entry re-dated to FIXED_TIME (python-docx stamps the current time);
    ``changes`` rewrites the named members' bytes on the way."""
    changes = changes or {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = [(i.filename, zf.read(i.filename), i.compress_type != zipfile.ZIP_STORED)
                   for i in zf.infolist()]
    return build_zip([(name, changes[name](body) if name in changes else body, packed)
                      for name, body, packed in members])
