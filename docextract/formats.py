"""Format detection by content, never by file name.

``detect_format(data)`` returns the name of the format a parser is registered for
(``hwp``, ``hwpx``, ``docx``, ``pdf``, or a plugin's own), or raises a typed error that
says what the bytes really are: HWP 3.x, HWPML, a DRM wrapper, HTML, plain text.
"""

from __future__ import annotations

import io
import struct

from .errors import EncryptedDocument, UnsupportedFormat

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
HWP5_SIGNATURE = b"HWP Document File"
HWP3_SIGNATURE = b"HWP Document File V3"
HWPX_MIMETYPE = b"application/hwp+zip"

# Headers of DRM containers that wrap HWP/Office files in Korean government offices.
DRM_MARKERS: dict[bytes, str] = {
    b"<MARKANY": "MarkAny DRM",
    b"<##SoftCamp": "SoftCamp DRM",
    b"SCDSA00": "SoftCamp DRM",
    b"<DOCUMENT SAFER": "Document SAFER DRM",
    b"FASOO": "Fasoo DRM",
}

EXTENSIONS: dict[str, tuple[str, ...]] = {
    "hwp": (".hwp",),
    "hwpx": (".hwpx",),
    "docx": (".docx", ".docm", ".dotx"),
    "pdf": (".pdf",),
}


def detect_format(data: bytes) -> str:
    """Name the built-in format of ``data`` or raise ``UnsupportedFormat``/``EncryptedDocument``."""
    if not data:
        raise UnsupportedFormat("the file is empty")
    head = data[:1024]
    if data.startswith(OLE_MAGIC):
        return _detect_ole(data)
    if data.startswith(ZIP_MAGIC):
        return _detect_zip(data)
    if b"%PDF-" in head:
        return "pdf"
    if _looks_reencoded(head):
        from .errors import CorruptDocument

        raise CorruptDocument("the file was damaged by a text-mode transfer (binary bytes replaced "
                              "by U+FFFD); fetch the original file again", code="reencoded")
    if data.startswith(HWP3_SIGNATURE):
        raise UnsupportedFormat("this is an HWP 3.x document (HWP 97 era); docextract reads "
                                "HWP 5.0 and later: save it as .hwp 5.0 or .hwpx in Hancom Office")
    for marker, name in DRM_MARKERS.items():
        if head.lstrip().startswith(marker):
            raise EncryptedDocument(f"the file is wrapped in {name}; decrypt it with the DRM "
                                    "client before reading", code="drm")
    return _detect_text(head)


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


# OLE directory entries store stream names in UTF-16LE, so a byte search finds them without
# opening the container twice (the HWP parser opens it anyway and validates the signature).
_OLE_MARKERS: tuple[tuple[bytes, str], ...] = (
    (_utf16("FileHeader"), "hwp"),
    (_utf16("WordDocument"), "doc"),
    (_utf16("Workbook"), "xls"),
    (_utf16("EncryptedPackage"), "encrypted-ooxml"),
)


def _detect_ole(data: bytes) -> str:
    if _directory_names(data, _OLE_MARKERS[0][0]) or _OLE_MARKERS[0][0] in data:
        return "hwp"  # what the searches below would say, most often without reading it all
    kinds = {kind for marker, kind in _OLE_MARKERS if marker in data}
    if "hwp" in kinds:
        return "hwp"
    if "encrypted-ooxml" in kinds:
        raise EncryptedDocument("this is a password-protected Office (OOXML) file",
                                code="password")
    if "doc" in kinds:
        raise UnsupportedFormat("this is a legacy Word (.doc) file; save it as .docx")
    if "xls" in kinds:
        raise UnsupportedFormat("this is a legacy Excel (.xls) file, not a document")
    return _detect_ole_strictly(data)


def _directory_names(data: bytes, marker: bytes) -> bool:
    """True when one of the first directory sectors holds ``marker``.

    Follows the directory's sector chain through the FAT sectors the header lists, for
    at most 32 sectors; any oddity just answers False and the caller searches the file.
    """
    if len(data) < 512:
        return False
    shift = int.from_bytes(data[0x1E:0x20], "little")
    if shift not in (9, 12):
        return False
    size = 1 << shift
    per_fat_sector = size // 4
    sector = int.from_bytes(data[0x30:0x34], "little")
    for _ in range(32):
        start = (sector + 1) * size
        if start + size > len(data):
            return False
        if marker in data[start:start + size]:
            return True
        fat_index = sector // per_fat_sector
        if fat_index >= 109:
            return False
        fat_sector = int.from_bytes(data[0x4C + 4 * fat_index:0x50 + 4 * fat_index], "little")
        entry = (fat_sector + 1) * size + 4 * (sector % per_fat_sector)
        if entry + 4 > len(data):
            return False
        sector = int.from_bytes(data[entry:entry + 4], "little")
    return False


def _detect_ole_strictly(data: bytes) -> str:
    """No known stream name in the bytes: open the container to tell damage from other kinds."""
    import olefile

    from .errors import CorruptDocument

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # olefile raises OSError and assorted errors on damage
        raise CorruptDocument(f"broken OLE compound file ({exc})") from exc
    try:
        names = ["/".join(entry) for entry in ole.listdir()]
    except Exception as exc:
        raise CorruptDocument(f"broken OLE compound file directory ({exc})") from exc
    finally:
        ole.close()
    shown = ", ".join(names[:5]) or "no streams"
    raise UnsupportedFormat(f"OLE compound file that is not an HWP 5.0 document ({shown})")


def _leading_mimetype(data: bytes) -> bytes:
    """The start of a stored ``mimetype`` member that opens the zip, read from its local
    header (b"" when the zip does not open so). OWPML, like ODF and EPUB, writes it first
    and uncompressed, so an HWPX package is told without reading the central directory,
    which the parser reads anyway."""
    if not data.startswith(ZIP_MAGIC) or data[30:38] != b"mimetype":
        return b""
    flags, method = struct.unpack_from("<HH", data, 6)
    size, _, name_length, extra_length = struct.unpack_from("<IIHH", data, 18)
    if method != 0 or flags & 0x09 or name_length != 8:  # compressed, encrypted or sized later
        return b""
    start = 38 + extra_length
    return data[start:start + min(size, 64)]


def _detect_zip(data: bytes) -> str:
    if _leading_mimetype(data).startswith(HWPX_MIMETYPE):
        return "hwpx"
    import zipfile  # only zip-based inputs pay for it

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        from .errors import CorruptDocument

        raise CorruptDocument(f"broken zip container ({exc})") from exc
    if "mimetype" in names:
        try:
            info = zf.getinfo("mimetype")
            mime = zf.read("mimetype")[:64].strip() if info.file_size < 256 else b""
        except Exception:
            mime = b""
        if mime.startswith(HWPX_MIMETYPE):
            return "hwpx"
    if any(n.startswith("Contents/section") and n.endswith(".xml") for n in names):
        return "hwpx"
    if "word/document.xml" in names or any(n.endswith("/document.xml") and n.startswith("word")
                                           for n in names):
        return "docx"
    if "xl/workbook.xml" in names:
        raise UnsupportedFormat("this is an Excel workbook (.xlsx), not a document")
    if "ppt/presentation.xml" in names:
        raise UnsupportedFormat("this is a PowerPoint file (.pptx), not a document")
    if "content.xml" in names and "mimetype" in names:
        raise UnsupportedFormat("this is an OpenDocument file; save it as .docx")
    raise UnsupportedFormat("zip archive that is neither HWPX nor DOCX")


def _looks_reencoded(head: bytes) -> bool:
    """An OLE or zip header whose high bytes were turned into U+FFFD by a text conversion."""
    if not head.startswith(b"\xef\xbf\xbd"):
        return False
    return b"\x11\xe0\xa1\xb1\x1a" in head[:16] or b"PK\x03\x04" in head[:8]


def _detect_text(head: bytes) -> str:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = stripped[:512].lower()
    if lower.startswith(b"<?xml") or lower.startswith(b"<hwpml"):
        if b"<hwpml" in lower:
            raise UnsupportedFormat("this is an HWPML (XML) document, not HWP 5.0 binary; "
                                    "save it as .hwpx in Hancom Office")
        raise UnsupportedFormat("this is an XML file, not a document format docextract reads")
    if lower.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<!--")) \
            or b"<html" in lower:
        raise UnsupportedFormat("this is an HTML page, not a document (often an error page "
                                "saved under a document name)")
    if b"\x00" not in head:
        for enc in ("utf-8", "cp949"):
            try:
                head.decode(enc)
            except UnicodeDecodeError:
                continue
            raise UnsupportedFormat("this is plain text, not a document format")
    raise UnsupportedFormat("unrecognised file content (not HWP, HWPX, DOCX or PDF)")


def extension_mismatch(name: str | None, fmt: str) -> str | None:
    """A warning text when the file name's extension disagrees with the detected format."""
    if not name or "." not in name.rsplit("/", 1)[-1]:
        return None
    ext = "." + name.rsplit(".", 1)[-1].lower()
    known = EXTENSIONS.get(fmt)
    if known is None or ext in known:
        return None
    return f"file is named {ext} but its content is {fmt}"
