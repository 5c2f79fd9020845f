"""Hostile and broken input ends in a typed error (or a correct partial result) within bounds.

Every case runs ``docextract.parse`` in a child process capped at HOSTILE_MEMORY_MB of
address space and HOSTILE_SECONDS of wall time, so a hang or a memory blow-up fails the
test instead of taking the suite down. The files are generated here, never downloaded.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from pdf_builder import pdf_file

HOSTILE_SECONDS = 30
HOSTILE_MEMORY_MB = 1536
TYPED = {"UnsupportedFormat", "CorruptDocument", "EncryptedDocument", "LimitExceeded"}

CHILD = textwrap.dedent("""
    import json, resource, sys, time, tracemalloc
    resource.setrlimit(resource.RLIMIT_AS, ({mem} * 1024 * 1024, {mem} * 1024 * 1024))
    import docextract
    from docextract.errors import DocextractError
    t0 = time.monotonic()
    try:
        doc = docextract.parse(sys.argv[1])
        out = {{"outcome": "ok", "format": doc.format, "chars": len(doc.text),
               "blocks": len(doc.blocks), "warnings": [w.code for w in doc.warnings]}}
    except DocextractError as exc:
        out = {{"outcome": type(exc).__name__, "message": str(exc)}}
    out["seconds"] = round(time.monotonic() - t0, 3)
    out["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps(out))
""").format(mem=HOSTILE_MEMORY_MB)


def parse_bounded(path: Path) -> dict:
    """Parse in a child process; a crash, hang or non-typed exception fails the test."""
    env = dict(os.environ, DOCEXTRACT_TIMEOUT_SECONDS=str(HOSTILE_SECONDS - 5))
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True,
                          text=True, timeout=HOSTILE_SECONDS, env=env)
    assert proc.returncode == 0, f"child crashed:\n{proc.stderr[-3000:]}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


def expect_typed(path: Path, *allowed: str) -> dict:
    result = parse_bounded(path)
    assert result["outcome"] in (allowed or TYPED), result
    return result


# ---------------------------------------------------------------- builders

def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                 b'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
                 b'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
                 b'application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
                 b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
ROOT_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
             b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
             b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def docx_bytes(document_xml: bytes, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    return _zip({"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
                 "word/document.xml": document_xml}, compression)


def docx_body(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}'
            "</w:body></w:document>").encode()


HP_NS = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HS_NS = "http://www.hancom.co.kr/hwpml/2011/section"


def hwpx_bytes(section_xml: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    members = {"mimetype": b"application/hwp+zip", "Contents/section0.xml": section_xml}
    members.update(extra or {})
    return _zip(members)


def hwpx_section(text: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="{HS_NS}" xmlns:hp="{HP_NS}">'
            f'<hp:p><hp:run><hp:t>{text}</hp:t></hp:run></hp:p></hs:sec>').encode()


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
                  + b"".join(b'<!ENTITY a%d "%s">' % (i + 1, (b"&a%d;" % i if i else b"&a;") * 10)
                             for i in range(9))
                  + b"]>")
XXE_DTD = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def billion_laughs_docx() -> bytes:
    body = docx_body(["&a9;"]).split(b"?>", 1)[1]
    return docx_bytes(BILLION_LAUGHS + body)


def xxe_docx() -> bytes:
    return docx_bytes(XXE_DTD + docx_body(["&xxe;"]).split(b"?>", 1)[1])


def billion_laughs_hwpx() -> bytes:
    return hwpx_bytes(BILLION_LAUGHS + hwpx_section("&a9;").split(b"?>", 1)[1])


def xxe_hwpx() -> bytes:
    return hwpx_bytes(XXE_DTD + hwpx_section("&xxe;").split(b"?>", 1)[1])


PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"


def pdf_simple() -> bytes:
    return pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", PAGE])


def pdf_declaring_100k_pages() -> bytes:
    kids = b" ".join([b"3 0 R"] * 100_000)
    return pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [" + kids + b"] /Count 100000 >>", PAGE])


def pdf_cyclic_pages() -> bytes:
    return pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"])


def pdf_xref_loop() -> bytes:
    data = pdf_simple()
    xref_at = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    return data.replace(b"/Root 1 0 R ", b"/Root 1 0 R /Prev %d " % xref_at)


def zip_bomb_docx() -> bytes:
    """document.xml inflates to 300 MiB of whitespace from about 300 KB."""
    body = docx_body(["x"])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", ROOT_RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(body[:-30])
            chunk = b" " * (1024 * 1024)
            for _ in range(300):
                fh.write(chunk)
            fh.write(body[-30:])
    return buf.getvalue()


def zip_with_future_version() -> bytes:
    """A central directory claiming 'version needed to extract' 25.5 (found by fuzzing)."""
    data = bytearray(hwpx_bytes(hwpx_section("본문")))
    at = data.find(b"PK\x01\x02")
    data[at + 6:at + 8] = (255).to_bytes(2, "little")
    return bytes(data)


# ---------------------------------------------------------------- cases

CASES = {
    "empty.hwp": lambda: b"",
    "truncated-zip.docx": lambda: docx_bytes(docx_body(["수신 내부결재"]))[:200],
    "truncated-ole.hwp": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(400),
    "truncated.pdf": lambda: pdf_simple()[:120],
    "bad-hwp-signature.hwp": lambda: b"HWP Document File V2.00\x1a" + bytes(64),
    "billion-laughs.docx": billion_laughs_docx,
    "xxe.docx": xxe_docx,
    "billion-laughs.hwpx": billion_laughs_hwpx,
    "xxe.hwpx": xxe_hwpx,
    "zip-bomb.docx": zip_bomb_docx,
    "future-zip-version.hwpx": zip_with_future_version,
    "100k-pages.pdf": pdf_declaring_100k_pages,
    "cyclic-pages.pdf": pdf_cyclic_pages,
    "xref-loop.pdf": pdf_xref_loop,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_ends_typed_within_bounds(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(CASES[name]())
    result = parse_bounded(path)
    if name == "xref-loop.pdf" and result["outcome"] == "ok":
        return  # a reader may recover the one real page; what matters is no hang
    assert result["outcome"] in TYPED, result
    assert "passwd" not in json.dumps(result) and "root:" not in json.dumps(result)


@pytest.mark.parametrize("ext", [".hwp", ".hwpx", ".docx", ".pdf", ".txt", ""])
def test_random_bytes_under_every_extension(tmp_path, ext):
    rng = random.Random(hash(ext) & 0xFFFF)
    for i in range(3):
        path = tmp_path / f"random{i}{ext}"
        path.write_bytes(bytes(rng.getrandbits(8) for _ in range(rng.choice([1, 100, 5000]))))
        expect_typed(path)


def test_traversal_member_names_never_touch_the_filesystem(tmp_path):
    members = {"mimetype": b"application/hwp+zip", "Contents/section0.xml": hwpx_section("본문"),
               "../../../../tmp/docextract-pwned.txt": b"x", "/etc/docextract-pwned": b"x",
               "..\\..\\docextract-pwned.txt": b"x"}
    path = tmp_path / "traversal.hwpx"
    path.write_bytes(_zip(members))
    result = parse_bounded(path)
    assert result["outcome"] in TYPED | {"ok"}
    assert not Path("/tmp/docextract-pwned.txt").exists()
    assert not Path("/etc/docextract-pwned").exists()


def test_200k_paragraph_docx_parses_within_bounds(tmp_path):
    path = tmp_path / "huge.docx"
    path.write_bytes(docx_bytes(docx_body([f"문단 {i}" for i in range(200_000)])))
    result = parse_bounded(path)
    assert result["outcome"] == "ok" and result["blocks"] == 200_000, result
    assert result["seconds"] < HOSTILE_SECONDS and result["max_rss_mb"] < HOSTILE_MEMORY_MB


def test_encrypted_pdf_needs_its_password(tmp_path):
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="secret")
    pdf.set_encryption(owner_password="owner", user_password="12345")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    assert parse_bounded(path)["outcome"] == "EncryptedDocument"
