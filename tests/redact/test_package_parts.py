"""In-place masking pieces: XML text segments and byte-exact patches, the zip rewrite."""

from __future__ import annotations

import io
import zipfile

import pytest

from docextract.errors import UnsupportedFormat
from docextract.redact import xmltext
from docextract.redact.images import BLANK_JPEG, blank_bmp, blank_like, blank_png
from docextract.redact.zippatch import rewrite

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_paragraph_text_joins_runs_and_maps_back_through_entities():
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>'
           '<w:p><w:r><w:t>A&amp;B 800101-</w:t></w:r><w:proofErr w:type="spellStart"/>'
           '<w:r><w:t xml:space="preserve">12&#51;4567</w:t></w:r><w:r><w:tab/><w:t>끝</w:t></w:r></w:p>'
           '</w:body></w:document>')
    (seg,) = xmltext.segments(xml)
    assert seg.kind == "paragraph" and seg.text == "A&B 800101-1234567 끝"
    start = seg.text.index("800101")

    def masker(s):
        return [(start + 8, start + 14, "●" * 6)] if s is seg or s.text == seg.text else []

    new, changed = xmltext.mask_segments(xml, masker)
    assert changed == 6
    assert new == xml.replace(">12&#51;4567<", ">1●●●●●●<")  # the reference became one mask
    assert new.startswith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')


def test_elements_attributes_and_cdata_are_segments():
    xml = ('<cp:coreProperties xmlns:cp="urn:cp" xmlns:dc="urn:dc"><dc:creator>홍길동</dc:creator>'
           '<!-- 주석 --><x Target="mailto:a@b.com" w="1"/><y><![CDATA[010-1234-5678]]></y>'
           '</cp:coreProperties>')
    segs = xmltext.segments(xml)
    assert [(s.kind, s.element, s.text) for s in segs] == [
        ("element", "creator", "홍길동"), ("attribute", "x", "mailto:a@b.com"),
        ("element", "y", "010-1234-5678")]
    new, _ = xmltext.mask_segments(xml, lambda s: [(4, 8, "●●●●")] if s.element == "y" else [])
    assert "<![CDATA[010-●●●●-5678]]>" in new and "<!-- 주석 -->" in new


def test_a_masked_character_that_needs_escaping_is_escaped():
    xml = "<a><t>x&lt;y</t></a>"
    new, _ = xmltext.mask_segments(xml, lambda s: [(0, 1, "<")] if s.element == "t" else [])
    assert new == "<a><t>&lt;&lt;y</t></a>"


def _zip(members, *, descriptor: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data, method in members:
            info = zipfile.ZipInfo(name, date_time=(2024, 5, 6, 7, 8, 10))
            info.compress_type = method
            zf.writestr(info, data)
    data = buf.getvalue()
    if descriptor:  # a streamed zip: sizes in data descriptors, as some writers leave them
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zf:
            for name, body, method in members:
                with zf.open(zipfile.ZipInfo(name, date_time=(2024, 5, 6, 7, 8, 10)), "w") as fh:
                    fh.write(body)
        data = out.getvalue()
    return data


@pytest.mark.parametrize("descriptor", [False, True])
def test_rewrite_replaces_members_and_copies_the_rest_as_stored(descriptor):
    members = [("mimetype", b"application/hwp+zip", zipfile.ZIP_STORED),
               ("a.xml", b"<a>" + b"x" * 500 + b"</a>", zipfile.ZIP_DEFLATED),
               ("b.bin", bytes(range(256)) * 8, zipfile.ZIP_DEFLATED),
               ("c.txt", b"plain", zipfile.ZIP_STORED)]
    data = _zip(members, descriptor=descriptor)
    assert rewrite(data, {}) == data
    new = rewrite(data, {"a.xml": b"<a>masked</a>", "c.txt": b"PLAIN"})
    before, after = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(new))
    assert after.testzip() is None and after.namelist() == before.namelist()
    assert after.read("a.xml") == b"<a>masked</a>" and after.read("c.txt") == b"PLAIN"
    for name in ("mimetype", "b.bin"):  # local header and stored bytes copied unchanged
        old_info, new_info = before.getinfo(name), after.getinfo(name)
        assert (new_info.compress_type, new_info.CRC, new_info.date_time) == \
               (old_info.compress_type, old_info.CRC, old_info.date_time)
        assert after.read(name) == before.read(name)
    assert after.getinfo("c.txt").compress_type == zipfile.ZIP_STORED
    assert after.getinfo("a.xml").date_time == (2024, 5, 6, 7, 8, 10)


def test_untouched_member_bytes_are_identical_in_the_file():
    data = _zip([("x.xml", b"<x>1</x>", zipfile.ZIP_DEFLATED),
                 ("y.xml", b"<y>" + b"z" * 300 + b"</y>", zipfile.ZIP_DEFLATED)])
    new = rewrite(data, {"x.xml": b"<x>2</x>"})
    before, after = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(new))
    old, moved = before.getinfo("y.xml"), after.getinfo("y.xml")
    size = 30 + len(b"y.xml") + old.compress_size
    assert data[old.header_offset:old.header_offset + size] == new[moved.header_offset:moved.header_offset + size]


def test_zip64_is_refused():
    data = _zip([("a", b"1", zipfile.ZIP_STORED)])
    end = data.rfind(b"PK\x05\x06")
    patched = data[:end + 10] + b"\xff\xff" + data[end + 12:]
    with pytest.raises(UnsupportedFormat, match="ZIP64"):
        rewrite(patched, {"a": b"2"})


def test_blank_images_are_valid_one_pixel_images():
    assert blank_like(b"\x89PNG\r\n\x1a\n...") == blank_png()
    assert blank_like(b"\xff\xd8\xff\xe0...") == BLANK_JPEG
    assert blank_like(b"BM....") == blank_bmp()
    assert blank_like(b"\x01\x00\x00\x00 EMF") is None
    png = blank_png()
    assert png.startswith(b"\x89PNG") and b"IHDR" in png and png.endswith(b"IEND\xaeB`\x82")
    assert BLANK_JPEG.startswith(b"\xff\xd8") and BLANK_JPEG.endswith(b"\xff\xd9")
