"""Format detection by content, with typed errors for look-alikes."""

from __future__ import annotations

import io
import zipfile

import pytest

from docextract.errors import CorruptDocument, EncryptedDocument, UnsupportedFormat
from docextract.formats import detect_format, extension_mismatch


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("data, fmt", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
    (b"\r\n%PDF-1.4\n", "pdf"),
    (_zip({"mimetype": b"application/hwp+zip", "Contents/section0.xml": b"<x/>"}), "hwpx"),
    (_zip({"Contents/section0.xml": b"<x/>"}), "hwpx"),
    (_zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"}), "docx"),
])
def test_detects_by_content(data, fmt):
    assert detect_format(data) == fmt


@pytest.mark.parametrize("data, error, words", [
    (b"", UnsupportedFormat, "empty"),
    (b"HWP Document File V3.00 \x1a\x01\x02", UnsupportedFormat, "HWP 3.x"),
    (b"<MARKANY_DOCUMENTSAFER>\x04\xbf", EncryptedDocument, "MarkAny"),
    (b'\xef\xbb\xbf<?xml version="1.0"?><HWPML Version="2.91">', UnsupportedFormat, "HWPML"),
    (b"\n\n<!-- 2013 12 31 -->\n", UnsupportedFormat, "HTML"),
    (b"<!DOCTYPE html><html><body>404</body></html>", UnsupportedFormat, "HTML"),
    ("사업명: 공개 HWP 파싱 검증 사업\n".encode(), UnsupportedFormat, "plain text"),
    ("공문 본문".encode("cp949"), UnsupportedFormat, "plain text"),
    (b"\x00\x01\x02\x03\xff\xfe\x00", UnsupportedFormat, "unrecognised"),
    (b"\xef\xbf\xbd\xef\xbf\xbd\x11\xe0\xa1\xb1\x1a\xef\xbf\xbd\x00\x00", CorruptDocument, "U+FFFD"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, CorruptDocument, "OLE"),
    (b"PK\x03\x04" + b"\x00" * 40, CorruptDocument, "zip"),
    (_zip({"xl/workbook.xml": b"<x/>"}), UnsupportedFormat, "Excel"),
    (_zip({"a.txt": b"hello"}), UnsupportedFormat, "neither"),
])
def test_lookalikes_get_typed_errors(data, error, words):
    with pytest.raises(error) as info:
        detect_format(data)
    assert words in str(info.value)


def test_hwpx_told_by_its_leading_mimetype_or_by_its_members():
    package = {"mimetype": b"application/hwp+zip", "Contents/section0.xml": b"<x/>"}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:  # mimetype not stored
        zf.writestr("mimetype", b"application/hwp+zip")
        zf.writestr("word/document.xml", b"<x/>")
    assert detect_format(buf.getvalue()) == "hwpx"
    # a leading stored mimetype names the format; a package cut short is still refused
    # (by the HWPX reader, with the same message the detection gave)
    import docextract

    cut = _zip(package)[:-30]
    assert detect_format(cut) == "hwpx"
    with pytest.raises(CorruptDocument, match="broken zip container"):
        docextract.parse(cut)


def test_extension_mismatch_is_reported_not_fatal():
    assert extension_mismatch("보고서.hwp", "hwpx") == "file is named .hwp but its content is hwpx"
    assert extension_mismatch("보고서.HWPX", "hwpx") is None
    assert extension_mismatch("no-extension", "pdf") is None
    assert extension_mismatch(None, "pdf") is None


def test_corpus_lookalikes(corpus_dir):
    other = corpus_dir / "other"
    expect = {
        "bidmate_public_hwp_fixture_text-as-hwp.hwp": UnsupportedFormat,
        "hwplib_bad-source_corrupted.hwp": CorruptDocument,
        "hwplib_nts02_010000000000147207_markany-drm.hwp": EncryptedDocument,
        "hwplib_nts06_000000000000634833_html-not-hwp.hwp": UnsupportedFormat,
        "ohah_aligns.hml": UnsupportedFormat,
    }
    for name, error in expect.items():
        with pytest.raises(error):
            detect_format((other / name).read_bytes())
    hwpx_as_hwp = next(p for p in other.iterdir() if p.name.endswith("_hwpx-as-hwp.hwp"))
    assert detect_format(hwpx_as_hwp.read_bytes()) == "hwpx"
