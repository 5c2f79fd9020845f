"""The OLE compound file around an HWP 5.0 document: FileHeader, streams, inflation.

An HWP 5.0 file is an OLE2 compound file. ``FileHeader`` (256 bytes) holds the
signature, the version and property flags that say whether the body streams are
deflated, password-encrypted or distribution-encrypted (배포용). Body text lives in
``BodyText/Section{n}`` streams, or for distribution documents in encrypted
``ViewText/Section{n}`` streams; ``DocInfo`` holds the shared shapes and numbering.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from typing import Any

from ...errors import CorruptDocument, EncryptedDocument, LimitExceeded
from ...safeio import inflate
from ..base import ParseContext
from .cfb import CompoundFile

SIGNATURE = b"HWP Document File"

# FileHeader property bits (spec: "파일 인식 정보", properties field)
FLAG_COMPRESSED = 1 << 0
FLAG_PASSWORD = 1 << 1
FLAG_DISTRIBUTION = 1 << 2
FLAG_DRM = 1 << 4
FLAG_CERT_ENCRYPTED = 1 << 8
FLAG_CERT_DRM = 1 << 10


@dataclass(frozen=True)
class FileHeader:
    """The parsed ``FileHeader`` stream."""

    version: tuple[int, int, int, int]
    flags: int

    @property
    def compressed(self) -> bool:
        return bool(self.flags & FLAG_COMPRESSED)

    @property
    def password(self) -> bool:
        return bool(self.flags & FLAG_PASSWORD)

    @property
    def distribution(self) -> bool:
        return bool(self.flags & FLAG_DISTRIBUTION)

    @property
    def version_text(self) -> str:
        return ".".join(str(v) for v in self.version)


def parse_file_header(raw: bytes) -> FileHeader:
    """Check the signature and read version and flags from the ``FileHeader`` stream."""
    if len(raw) < 40 or not raw.startswith(SIGNATURE):
        raise CorruptDocument("HWP FileHeader stream is missing its signature or is too short")
    version_word, flags = struct.unpack_from("<II", raw, 32)
    version = ((version_word >> 24) & 0xFF, (version_word >> 16) & 0xFF,
               (version_word >> 8) & 0xFF, version_word & 0xFF)
    return FileHeader(version=version, flags=flags)


class HwpContainer:
    """Read access to the streams of one HWP 5.0 compound file.

    Well-formed files are read by the strict :class:`~.cfb.CompoundFile`; a file (or a
    single stream) it refuses as damaged is read through olefile instead, whose lenient
    recovery decides what a damaged file still yields.
    """

    def __init__(self, data: bytes, ctx: ParseContext) -> None:
        self.ctx = ctx
        self._data = data
        self._ole: Any = None
        try:
            self._cfb: CompoundFile | None = CompoundFile(data)
            self._names = set(self._cfb.streams)
        except CorruptDocument:
            self._cfb = None
            self._names = self._olefile_names()
        if "FileHeader" not in self._names:
            raise CorruptDocument("OLE file has no FileHeader stream; not an HWP 5.0 document")
        self.header = parse_file_header(self.read("FileHeader"))

    def _olefile(self) -> Any:
        """olefile's reader of the same bytes, opened on first use."""
        if self._ole is None:
            import olefile

            try:
                self._ole = olefile.OleFileIO(io.BytesIO(self._data))
            except Exception as exc:  # olefile raises OSError, struct.error, IndexError on damage
                raise CorruptDocument(f"broken OLE compound file ({exc})") from exc
        return self._ole

    def _olefile_names(self) -> set[str]:
        ole = self._olefile()
        try:
            entries = ole.listdir(streams=True, storages=False)
        except Exception as exc:
            raise CorruptDocument(f"broken OLE directory ({exc})") from exc
        return {"/".join(parts) for parts in entries}

    def close(self) -> None:
        if self._ole is not None:
            self._ole.close()

    def has(self, name: str) -> bool:
        return name in self._names

    def read(self, name: str) -> bytes:
        """The raw bytes of one stream (no inflation)."""
        if self._cfb is not None and name in self._names:
            try:
                return self._cfb.read(name)
            except CorruptDocument:
                pass  # damaged chain: let olefile recover what it can, as it always did
        try:
            ole = self._olefile()
            raw = bytes(ole.openstream(name).read())
            declared = ole.get_size(name)
        except Exception as exc:
            raise CorruptDocument(f"HWP stream {name!r} cannot be read ({exc})") from exc
        if len(raw) < declared:
            # olefile hands back what a cut file still holds, down to nothing at all: an
            # empty stream read as an empty document would hide the damage, and a partial
            # one is only worth reading with a warning (inflate still checks its end)
            if not raw:
                raise CorruptDocument(f"HWP stream {name!r} holds none of its {declared:,} "
                                      "bytes (the file is truncated or damaged)")
            self.ctx.warn("hwp-stream-short", f"HWP stream {name!r} is cut short: "
                          f"{len(raw):,} of {declared:,} bytes; read what it holds", name)
        return raw

    def read_inflated(self, name: str, compressed: bool | None = None) -> bytes:
        """A stream inflated when the file is compressed, within the decompression budget."""
        raw = self.read(name)
        if compressed is None:
            compressed = self.header.compressed
        if not compressed:
            return raw
        return inflate(raw, self.ctx.budget, what=f"HWP stream {name}")

    def sections(self, storage: str) -> list[str]:
        """Stream names ``{storage}/Section{n}`` in numeric order."""
        prefix = storage + "/Section"
        found: list[tuple[int, str]] = []
        for name in self._names:
            if name.startswith(prefix):
                suffix = name[len(prefix):]
                if suffix.isdigit():
                    found.append((int(suffix), name))
        found.sort()
        limit = self.ctx.limits.max_sections
        if len(found) > limit:
            raise LimitExceeded(f"HWP document has {len(found):,} sections, more than "
                                f"max_sections={limit:,}", limit="max_sections")
        return [name for _, name in found]


def check_readable(header: FileHeader) -> None:
    """Refuse documents whose body docextract cannot decrypt."""
    if header.password:
        raise EncryptedDocument("this HWP document is password-protected; docextract does not "
                                "decrypt HWP passwords (remove the password in Hancom Office)",
                                code="password")
    if header.flags & (FLAG_DRM | FLAG_CERT_DRM | FLAG_CERT_ENCRYPTED):
        raise EncryptedDocument("this HWP document is DRM- or certificate-encrypted; decrypt it "
                                "with its DRM client before reading", code="drm")
    if header.version[0] != 5:
        raise CorruptDocument(f"unsupported HWP version {header.version_text} (expected 5.x)")
