"""The HWP 5.0 parser on small documents built here record by record.

Record payloads are packed with struct following the HWP 5.0 spec; the OLE container
comes from the project's own compound-file writer (samples/writers/cfb.py).
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

import pytest

import docextract
from docextract.errors import CorruptDocument, EncryptedDocument, LimitExceeded
from docextract.model import Role, Table
from docextract.parsers.hwp5.records import pack_header

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # samples/ is a top-level package of the repository
    sys.path.insert(0, str(ROOT))

from samples.writers import cfb  # noqa: E402

# ------------------------------------------------------------------------- builders


def rec(tag: int, level: int, payload: bytes) -> bytes:
    return pack_header(tag, level, len(payload)) + payload


def u16s(*parts: object) -> bytes:
    out = b""
    for part in parts:
        out += part.encode("utf-16-le") if isinstance(part, str) else struct.pack("<H", part)
    return out


def ext(code: int, cid: str) -> bytes:
    return struct.pack("<H", code) + cid[::-1].encode("latin-1") + bytes(8) + struct.pack("<H", code)


FIELD_END = struct.pack("<H", 4) + bytes(12) + struct.pack("<H", 4)


def line_seg(vpos: int, first_of_page: bool = False) -> bytes:
    return struct.pack("<IiiiiiiiI", 0, vpos, 1000, 1000, 850, 600, 0, 40000,
                       1 if first_of_page else 0)


def para(level: int, text: bytes, *, shape: int = 0, controls: bytes = b"",
         seg: bytes | None = None) -> bytes:
    """A PARA_HEADER with its text, optional layout cache and control records."""
    header = struct.pack("<IIHBBHHHI", len(text) // 2, 0, shape, 0, 0, 1, 0, 1, 0)
    out = rec(0x42, level, header) + rec(0x43, level + 1, text)
    out += rec(0x44, level + 1, struct.pack("<II", 0, 0))
    if seg is not None:
        out += rec(0x45, level + 1, seg)
    return out + controls


def text_para(level: int, text: str, **kw: object) -> bytes:
    return para(level, u16s(text, 13), **kw)  # type: ignore[arg-type]


def list_ctrl(level: int, cid: str, paragraphs: list[str]) -> bytes:
    """A control holding one paragraph list (header, footer, note, hidden comment)."""
    out = rec(0x47, level, cid[::-1].encode("latin-1") + bytes(8))
    out += rec(0x48, level + 1, struct.pack("<HHI", len(paragraphs), 0, 0))
    return out + b"".join(text_para(level + 1, t) for t in paragraphs)


def note_ctrl(level: int, cid: str, text: str, number: int, shape: int) -> bytes:
    """A footnote or endnote whose paragraph starts with its auto-number control."""
    atno = rec(0x47, level + 2, b"onta" + struct.pack("<IHHHH", 1 | (shape << 4), number, 0, 0,
                                                     ord(")")))
    out = rec(0x47, level, cid[::-1].encode("latin-1") + bytes(8))
    out += rec(0x48, level + 1, struct.pack("<HHI", 1, 0, 0))
    return out + para(level + 1, ext(18, "atno") + u16s(" " + text, 13), controls=atno)


def table_ctrl(level: int, cells: list[tuple[int, int, int, int, bytes]], n_rows: int, n_cols: int,
               caption: str | None = None) -> bytes:
    """A 'tbl ' control; cells are (row, col, row_span, col_span, paragraph records)."""
    out = rec(0x47, level, b" lbt" + bytes(40))
    if caption is not None:
        out += rec(0x48, level + 1, struct.pack("<HHII", 1, 0, 0, 2) + bytes(12))  # caption on top
        out += text_para(level + 1, caption)
    out += rec(0x4D, level + 1, struct.pack("<IHH", 0, n_rows, n_cols) + bytes(12))
    for row, col, row_span, col_span, body in cells:
        out += rec(0x48, level + 1, struct.pack("<HHIHHHH", 1, 0, 0, col, row, col_span, row_span)
                   + bytes(20))
        out += body
    return out


def numbering_record(formats: list[str], shapes: list[int]) -> bytes:
    out = b""
    for fmt, shape in zip(formats, shapes):
        out += struct.pack("<IhhI", shape << 5, 0, 50, 0xFFFFFFFF) + u16s(len(fmt), fmt)
    return out + struct.pack("<H", 1) + struct.pack("<7I", *([1] * 7))


def para_shape(head: int = 0, level: int = 0, numbering_id: int = 0) -> bytes:
    attr = (head << 23) | (level << 25)
    return struct.pack("<I6iHH", attr, 0, 0, 0, 0, 0, 160, 0, numbering_id) + bytes(22)


def docinfo() -> bytes:
    """Shape 0 plain; shapes 1-2 outline levels 1-2; shape 3 bullet 1."""
    formats = ["^1.", "^2.", "^3)", "^4)", "(^5)", "(^6)", "^7"]
    shapes = [0, 8, 0, 8, 0, 8, 1]
    out = rec(0x17, 0, numbering_record(formats, shapes))
    out += rec(0x18, 0, struct.pack("<IhhI", 0, 0, 50, 0) + u16s("\uf06c"))
    for shape in (para_shape(), para_shape(1, 0), para_shape(1, 1), para_shape(3, 0, 1)):
        out += rec(0x19, 0, shape)
    out += rec(0x1A, 0, u16s(3, "바탕글", 6, "Normal") + bytes(10))
    return out


def file_header(flags: int, version: tuple[int, int, int, int] = (5, 1, 0, 1)) -> bytes:
    word = (version[0] << 24) | (version[1] << 16) | (version[2] << 8) | version[3]
    return (b"HWP Document File".ljust(32, b"\0") + struct.pack("<IIII", word, flags, 0, 4)).ljust(256, b"\0")


def deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def hwp(sections: list[bytes], *, compressed: bool = True, flags: int = 0,
        raw_sections: list[bytes] | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    pack = deflate if compressed else (lambda b: b)
    streams = {"FileHeader": file_header(flags | (1 if compressed else 0)),
               "DocInfo": pack(docinfo())}
    for i, body in enumerate(sections):
        streams[f"BodyText/Section{i}"] = pack(body)
    for i, body in enumerate(raw_sections or []):
        streams[f"BodyText/Section{len(sections) + i}"] = body
    streams.update(extra or {})
    return cfb.build(streams)


def section_def() -> bytes:
    return rec(0x47, 1, b"dces" + struct.pack("<IhhhIH", 0, 0, 0, 0, 8000, 1) + bytes(20))


# ---------------------------------------------------------------------------- tests


def rich_section() -> bytes:
    nested = table_ctrl(3, [(0, 0, 1, 1, text_para(4, "안쪽 표"))], 1, 1)
    cells = [
        (0, 0, 1, 2, text_para(2, "병합된 머리칸")),
        (1, 0, 1, 1, text_para(2, "왼쪽")),
        (1, 1, 1, 1, para(2, u16s("바깥 ") + ext(11, "tbl ") + u16s(13), controls=nested)),
    ]
    body = para(0, ext(2, "secd") + ext(16, "head") + u16s("본문 첫 줄", 13),
                controls=section_def() + list_ctrl(1, "head", ["머리말 글"]), seg=line_seg(0, True))
    body += text_para(0, "개요 하나", shape=1, seg=line_seg(2000))
    body += text_para(0, "개요 둘", shape=2, seg=line_seg(4000))
    body += text_para(0, "글머리", shape=3, seg=line_seg(6000))
    body += para(0, u16s("표 앞") + ext(11, "tbl ") + u16s("표 뒤", 13),
                 controls=table_ctrl(1, cells, 2, 2, caption="표 1. 예시"), seg=line_seg(8000))
    body += para(0, u16s("각주 자리") + ext(17, "fn  ") + u16s(13),
                 controls=note_ctrl(1, "fn  ", "각주 내용", 3, 2), seg=line_seg(0))
    body += para(0, u16s("숨은 설명") + ext(15, "tcmt") + u16s(13),
                 controls=list_ctrl(1, "tcmt", ["검토 의견"]), seg=line_seg(1000))
    name = "담당자"
    field = rec(0x47, 1, b"klc%" + bytes(20)) + rec(
        0x57, 2, struct.pack("<HhHHHH", 0x21B, 1, 0, 0x4000, 1, len(name)) + name.encode("utf-16-le"))
    url = "https\\://www.korea.kr;1;0;0;"
    link = rec(0x47, 1, b"klh%" + struct.pack("<IBH", 0, 0, len(url)) + url.encode("utf-16-le")
               + struct.pack("<I", 7))
    body += para(0, u16s("담당: ") + ext(3, "%clk") + u16s("홍길동") + FIELD_END + u16s(", 누리집 ")
                 + ext(3, "%hlk") + u16s("정책브리핑") + FIELD_END + u16s(13),
                 controls=field + link, seg=line_seg(2000))
    gso = (rec(0x47, 1, b" osg" + bytes(40)) + rec(0x4C, 2, bytes(16))
           + rec(0x48, 3, struct.pack("<HHI", 1, 0, 0)) + text_para(3, "글상자 속 글"))
    body += para(0, ext(11, "gso ") + u16s(13), controls=gso, seg=line_seg(3000))
    return body


@pytest.fixture(scope="module")
def rich_doc():
    return docextract.parse(hwp([rich_section()]), name="rich.hwp")


def test_text_and_reading_order(rich_doc):
    lines = rich_doc.text.splitlines()
    assert lines[:4] == ["본문 첫 줄", "머리말 글", "1. 개요 하나", "가. 개요 둘"]
    assert lines[4] == "● 글머리"
    order = ["표 앞", "표 1. 예시", "병합된 머리칸", "왼쪽", "바깥 ", "안쪽 표", "표 뒤", "각주 자리"]
    positions = [rich_doc.text.index(s) for s in order]
    assert positions == sorted(positions)


def test_outline_numbering_sets_level_and_style(rich_doc):
    paras = {p.text: p for p in rich_doc.paragraphs()}
    assert paras["1. 개요 하나"].outline_level == 1
    assert paras["가. 개요 둘"].outline_level == 2
    assert paras["1. 개요 하나"].style == "바탕글"
    # 개요 paragraphs that read like headings are headings at their outline level
    assert (paras["1. 개요 하나"].heading, paras["가. 개요 둘"].heading) == (1, 2)
    assert "# 1. 개요 하나\n" in rich_doc.to_markdown() and "## 가. 개요 둘\n" in rich_doc.to_markdown()


def test_table_cells_spans_and_nesting(rich_doc):
    outer = next(b for b in rich_doc.blocks if isinstance(b, Table))
    assert (outer.n_rows, outer.n_cols) == (2, 2)
    head = outer.cell(0, 1)
    assert head is not None and head.col_span == 2 and head.text == "병합된 머리칸"
    inner_cell = outer.cell(1, 1)
    assert inner_cell is not None
    inner = [b for b in inner_cell.blocks if isinstance(b, Table)]
    assert len(inner) == 1 and inner[0].text == "안쪽 표"
    assert inner[0].prov.path.startswith(outer.prov.path + "/r1c1/")


def test_roles_for_header_caption_note_comment_textbox(rich_doc):
    roles = {p.text: p.role for p in rich_doc.paragraphs()}
    assert roles["머리말 글"] == Role.HEADER
    assert roles["표 1. 예시"] == Role.CAPTION
    assert roles["III) 각주 내용"] == Role.FOOTNOTE
    assert roles["검토 의견"] == Role.COMMENT
    assert roles["글상자 속 글"] == Role.TEXTBOX
    assert roles["본문 첫 줄"] == Role.BODY


def test_field_and_hyperlink_annotations(rich_doc):
    p = next(p for p in rich_doc.paragraphs() if p.text.startswith("담당"))
    assert p.text == "담당: 홍길동, 누리집 정책브리핑"
    kinds = {(a.kind, a.name, p.text[a.start:a.end]) for a in p.annotations}
    assert kinds == {("field", "담당자", "홍길동"), ("hyperlink", "https://www.korea.kr", "정책브리핑")}


def test_pages_from_the_layout_cache(rich_doc):
    pages = {p.text: p.prov.page for p in rich_doc.paragraphs() if p.role == Role.BODY}
    assert pages["본문 첫 줄"] == 1
    assert pages["표 앞"] == 1
    assert pages["각주 자리"] == 2
    assert rich_doc.metadata.page_count == 2


def test_uncompressed_document_reads_the_same(rich_doc):
    plain = docextract.parse(hwp([rich_section()], compressed=False))
    assert plain.text == rich_doc.text


def test_sections_in_order_with_section_numbers():
    doc = docextract.parse(hwp([text_para(0, "첫 구역"), text_para(0, "둘째 구역")]))
    assert doc.text == "첫 구역\n둘째 구역\n"
    assert [b.prov.section for b in doc.blocks] == [0, 1]
    assert doc.blocks[1].prov.path == "s1/b0"


def test_password_flag_is_encrypted_document():
    with pytest.raises(EncryptedDocument, match="password"):
        docextract.parse(hwp([text_para(0, "비밀")], flags=0x2))


def test_drm_flag_is_encrypted_document():
    with pytest.raises(EncryptedDocument, match="DRM"):
        docextract.parse(hwp([text_para(0, "비밀")], flags=0x10))


def test_zlib_bomb_section_is_a_limit():
    bomb = deflate(bytes(64 * 1024 * 1024))
    data = hwp([text_para(0, "앞")], raw_sections=[bomb])
    with pytest.raises(LimitExceeded):
        docextract.parse(data, limits={"max_decompressed_bytes": 8 * 1024 * 1024})


def test_truncated_record_keeps_the_text_before_it_with_a_warning():
    body = text_para(0, "살아남은 문단") + pack_header(0x42, 0, 4000) + b"\x00" * 10
    doc = docextract.parse(hwp([body]))
    assert doc.text == "살아남은 문단\n"
    assert any(w.code == "hwp-truncated" for w in doc.warnings)


def test_section_that_is_not_deflate_is_skipped_with_a_warning():
    doc = docextract.parse(hwp([text_para(0, "읽히는 구역")], raw_sections=[b"not deflate at all"]))
    assert "읽히는 구역" in doc.text
    assert any(w.code == "hwp-section-unreadable" for w in doc.warnings)


def test_no_readable_section_is_corrupt():
    with pytest.raises(CorruptDocument):
        docextract.parse(hwp([], raw_sections=[b"\xff" * 64]))


def test_deep_table_nesting_is_a_limit():
    inner = text_para(2 * 40, "바닥")
    for depth in range(39, -1, -1):
        level = 2 * depth
        cell = [(0, 0, 1, 1, inner)]
        inner = para(level, ext(11, "tbl ") + u16s(13), controls=table_ctrl(level + 1, cell, 1, 1))
    with pytest.raises(LimitExceeded, match="max_nesting"):
        docextract.parse(hwp([inner]), limits={"max_nesting": 16})
    doc = docextract.parse(hwp([inner]))
    assert "바닥" in doc.text


def test_record_count_limit():
    body = b"".join(text_para(0, f"문단 {i}") for i in range(200))
    with pytest.raises(LimitExceeded, match="max_records"):
        docextract.parse(hwp([body]), limits={"max_records": 100})


def test_distribution_placeholder_is_never_content():
    from docextract.parsers.hwp5.distribution import distribution_key

    placeholder = "이 문서는 상위 버전의 배포용 문서입니다. 문서를 보려면 최신 버전의 한글을 사용하십시오."
    seed_record = struct.pack("<I", 0x1234567) + bytes(range(252))
    key = distribution_key(seed_record)
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    plain = deflate(text_para(0, "배포용 본문"))
    plain += bytes(-len(plain) % 16)
    enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    view = rec(0x1C, 0, seed_record) + enc.update(plain) + enc.finalize()
    data = hwp([text_para(0, placeholder)], flags=0x4, extra={"ViewText/Section0": view})
    doc = docextract.parse(data)
    assert doc.text == "배포용 본문\n"
    assert "배포용 문서" not in doc.text


def test_block_count_limit():
    body = b"".join(text_para(0, f"문단 {i}") for i in range(3000))
    with pytest.raises(LimitExceeded, match="max_blocks"):
        docextract.parse(hwp([body]), limits={"max_blocks": 2000})


def test_distribution_flag_without_view_text_drops_the_notice():
    notice = "이 문서는 상위 버전의 배포용 문서입니다. 문서를 읽으려면 최신 버전의 한글이 필요합니다."
    doc = docextract.parse(hwp([text_para(0, notice) + text_para(0, "남는 글")], flags=0x4))
    assert doc.text == "남는 글\n"
    codes = {w.code for w in doc.warnings}
    assert {"hwp-distribution", "hwp-distribution-placeholder"} <= codes


def test_spans_are_clipped_to_the_declared_grid():
    cells = [(0, 0, 500, 9, text_para(2, "넘치는 병합")), (1, 1, 1, 1, text_para(2, "나머지"))]
    body = para(0, ext(11, "tbl ") + u16s(13), controls=table_ctrl(1, cells, 2, 2))
    table = next(docextract.parse(hwp([body])).tables())
    assert (table.n_rows, table.n_cols) == (2, 2)
    assert [(c.row_span, c.col_span) for c in table.cells()] == [(2, 2), (1, 1)]


def test_absurd_declared_table_size_keeps_the_text_on_a_small_grid():
    cells = [(0, 0, 1, 1, text_para(2, "칸"))]
    body = para(0, ext(11, "tbl ") + u16s(13), controls=table_ctrl(1, cells, 60000, 60000))
    doc = docextract.parse(hwp([body]))
    table = next(doc.tables())
    assert (table.n_rows, table.n_cols) == (1, 1)
    assert table.cell(0, 0).text == "칸"
    assert "hwp-table-grid" in {w.code for w in doc.warnings}
