"""HWP 5.0 rendering, written from Hancom's published format description (한글 문서 파일 형식 5.0).

The file is a compound file (see :mod:`samples.writers.cfb`) holding

* ``FileHeader``: 256 bytes, signature ``HWP Document File``, version 5.0.3.4, compressed flag;
* ``DocInfo``: raw-deflate records DOCUMENT_PROPERTIES, ID_MAPPINGS, FACE_NAME ×7 (one face per
  language), BORDER_FILL ×3 (none, none, solid), CHAR_SHAPE, TAB_DEF, PARA_SHAPE, STYLE,
  COMPATIBLE_DOCUMENT and LAYOUT_COMPATIBILITY;
* ``BodyText/Section0``: raw-deflate paragraph records (PARA_HEADER, PARA_TEXT, PARA_CHAR_SHAPE,
  PARA_LINE_SEG). The first paragraph carries the section definition (``secd`` with PAGE_DEF,
  FOOTNOTE_SHAPE ×2, PAGE_BORDER_FILL ×3) and the column definition (``cold``). A table is a
  ``tbl `` extended control in a paragraph of its own: CTRL_HEADER, TABLE, then per cell a
  LIST_HEADER with its column/row address, spans and size, followed by the cell's paragraphs;
* ``PrvText``: the UTF-16LE preview text.

* ``\\x05HwpSummaryInformation``: an OLE property set with title, author and date.
"""

from __future__ import annotations

import struct
import zlib

from ..layout import Doc, Para, Table, plain_lines
from . import cfb
from .olepropset import summary_stream

VERSION = (5, 0, 3, 4)

# Tag ids (HWPTAG_BEGIN = 0x10)
DOCUMENT_PROPERTIES, ID_MAPPINGS, FACE_NAME, BORDER_FILL, CHAR_SHAPE, TAB_DEF = 16, 17, 19, 20, 21, 22
PARA_SHAPE, STYLE, COMPATIBLE_DOCUMENT, LAYOUT_COMPATIBILITY = 25, 26, 30, 31
PARA_HEADER, PARA_TEXT, PARA_CHAR_SHAPE, PARA_LINE_SEG = 66, 67, 68, 69
CTRL_HEADER, LIST_HEADER, PAGE_DEF, FOOTNOTE_SHAPE, PAGE_BORDER_FILL, TABLE = 71, 72, 73, 74, 75, 77

PAGE_W, PAGE_H, MARGIN_LR = 59528, 84188, 8504
TEXT_W = PAGE_W - 2 * MARGIN_LR
CHAR_W = 1000
CELL_MARGIN = (510, 510, 141, 141)
CHAR_SHAPES = {("normal", False): 0, ("normal", True): 1, ("large", True): 2, ("large", False): 3,
               ("small", False): 4, ("small", True): 5}
SIZE_HWP = {"normal": 1000, "large": 1600, "small": 900}
ALIGN_HWP = {"left": 0, "center": 3, "right": 2}      # 0 = justify (양쪽 정렬)
FONT_NAME = "함초롬바탕"


def chid(text: str) -> int:
    """MAKE_4CHID: the control id ``'tbl '`` as the 32-bit number HWP stores."""
    a, b, c, d = (ord(ch) for ch in text)
    return (a << 24) | (b << 16) | (c << 8) | d


def record(tag: int, level: int, data: bytes) -> bytes:
    """One record: header (tag 10 bits, level 10 bits, size 12 bits; 0xFFF → 4-byte size) + data."""
    size = len(data)
    if size >= 0xFFF:
        return struct.pack("<II", tag | (level << 10) | (0xFFF << 20), size) + data
    return struct.pack("<I", tag | (level << 10) | (size << 20)) + data


def bstr(text: str) -> bytes:
    return struct.pack("<H", len(text)) + text.encode("utf-16-le")


def deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


# ---------------------------------------------------------------------------- DocInfo

def _border(kind: int) -> bytes:
    return struct.pack("<BBI", kind, 1, 0)       # type (0 none, 1 solid), width 0.12 mm, black


def _border_fill(solid: bool) -> bytes:
    kind = 1 if solid else 0
    # attribute, 4 sides + diagonal, fill type 0 (none), size of additional fill data 0
    return struct.pack("<H", 0) + _border(kind) * 4 + _border(0) + struct.pack("<II", 0, 0)


def _char_shape(size: str, bold: bool) -> bytes:
    return (struct.pack("<7H", *[0] * 7) + bytes([100] * 7) + bytes(7) + bytes([100] * 7) + bytes(7)
            + struct.pack("<iIbbIIIIHI", SIZE_HWP[size], 0x2 if bold else 0, 10, 10,
                          0x000000, 0x000000, 0xFFFFFFFF, 0xB2B2B2, 2, 0x000000))


def _para_shape(key: tuple[str, int, int, bool]) -> bytes:
    align, indent, hanging, before = key
    attr1 = ALIGN_HWP[align] << 2
    left = (indent + hanging) * CHAR_W * 2          # margins are stored doubled
    first = -hanging * CHAR_W * 2
    top = 800 * 2 if before else 0
    return struct.pack("<Iiiiiii HHH hhhh III", attr1, left, 0, first, top, 0, 160,
                       0, 0, 2, 0, 0, 0, 0, 0, 0, 160)


def _doc_info(para_keys: list[tuple[str, int, int, bool]]) -> bytes:
    out = [record(DOCUMENT_PROPERTIES, 0, struct.pack("<7H3I", 1, 1, 1, 1, 1, 1, 1, 0, 0, 0))]
    counts = [0] + [1] * 7 + [3, len(CHAR_SHAPES), 1, 0, 0, len(para_keys), 1, 0, 0, 0]
    out.append(record(ID_MAPPINGS, 0, struct.pack("<18i", *counts)))
    out += [record(FACE_NAME, 1, b"\0" + bstr(FONT_NAME)) for _ in range(7)]
    out += [record(BORDER_FILL, 1, _border_fill(solid)) for solid in (False, False, True)]
    out += [record(CHAR_SHAPE, 1, _char_shape(size, bold)) for (size, bold) in CHAR_SHAPES]
    out.append(record(TAB_DEF, 1, struct.pack("<II", 0, 0)))
    out += [record(PARA_SHAPE, 1, _para_shape(key)) for key in para_keys]
    out.append(record(STYLE, 1, bstr("바탕글") + bstr("Normal")
                      + struct.pack("<BBhHHH", 0, 0, 1042, 0, 0, 0)))
    out.append(record(COMPATIBLE_DOCUMENT, 0, struct.pack("<I", 0)))
    out.append(record(LAYOUT_COMPATIBILITY, 1, struct.pack("<5I", 0, 0, 0, 0, 0)))
    return b"".join(out)


# ---------------------------------------------------------------------------- BodyText

def _section_controls(level: int) -> list[bytes]:
    """Records of the ``secd`` and ``cold`` controls that open the first paragraph."""
    secd = struct.pack("<IIHHHIHHHHH", chid("secd"), 0, 1134, 0, 0, 8000, 1, 0, 0, 0, 0)
    secd = secd.ljust(47, b"\0")   # language and reserved fields, zero as in Hancom's files
    page = struct.pack("<10I", PAGE_W, PAGE_H, MARGIN_LR, MARGIN_LR, 5668, 4252, 4252, 4252, 0, 0)
    note = struct.pack("<IHHHHIHHHBBI", 0, 0, 0, ord(")"), 1, 0xFFFFFFFF & -1, 850, 567, 283, 1, 1, 0)
    border = struct.pack("<I4HH", 1, 1417, 1417, 1417, 1417, 1)
    cold = struct.pack("<IHHH", chid("cold"), 0x1004, 0, 0) + _border(0)
    return ([record(CTRL_HEADER, level, secd), record(PAGE_DEF, level + 1, page),
             record(FOOTNOTE_SHAPE, level + 1, note), record(FOOTNOTE_SHAPE, level + 1, note),
             record(PAGE_BORDER_FILL, level + 1, border), record(PAGE_BORDER_FILL, level + 1, border),
             record(PAGE_BORDER_FILL, level + 1, border), record(CTRL_HEADER, level, cold)])


def _control_chars(code: int, ident: str) -> list[int]:
    """An extended control in PARA_TEXT: 8 WCHARs (code, 4-byte id, 8 reserved bytes, code)."""
    raw = struct.pack("<I", chid(ident)) + bytes(8)
    return [code] + list(struct.unpack("<6H", raw)) + [code]


class _Body:
    def __init__(self) -> None:
        self.para_keys: list[tuple[str, int, int, bool]] = [("left", 0, 0, False)]
        self.records: list[bytes] = []

    def _shape(self, para: Para) -> int:
        key = (para.align, para.indent, para.hanging, para.space_before)
        if key not in self.para_keys:
            self.para_keys.append(key)
        return self.para_keys.index(key)

    def paragraph(self, para: Para, level: int, *, last: bool, width: int,
                  controls: list[tuple[int, str]] = (), control_records: list[bytes] = (),
                  trailing_controls: list[tuple[int, str]] = ()) -> None:
        """``controls`` stand before the text, ``trailing_controls`` after it; their records
        (``control_records``) are listed in that order."""
        units: list[int] = []
        mask = 0
        for code, ident in controls:
            units += _control_chars(code, ident)
            mask |= 1 << code
        units += list(struct.unpack(f"<{len(para.text.encode('utf-16-le')) // 2}H",
                                    para.text.encode("utf-16-le")))
        for code, ident in trailing_controls:
            units += _control_chars(code, ident)
            mask |= 1 << code
        units.append(13)
        nchars = len(units) | (0x80000000 if last else 0)
        cs = CHAR_SHAPES[(para.size, para.bold)]
        self.records.append(record(PARA_HEADER, level, struct.pack(
            "<IIHBBHHHIH", nchars, mask, self._shape(para), 0, 0, 1, 0, 1, 0, 0)))
        if len(units) > 1:
            self.records.append(record(PARA_TEXT, level + 1, struct.pack(f"<{len(units)}H", *units)))
        self.records.append(record(PARA_CHAR_SHAPE, level + 1, struct.pack("<II", 0, cs)))
        h = SIZE_HWP[para.size]
        self.records.append(record(PARA_LINE_SEG, level + 1, struct.pack(
            "<iiiiiiiiI", 0, 0, h, h, int(h * 0.85), int(h * 0.6), 0, width, 0x60000)))
        self.records += control_records

    def table(self, table: Table, level: int, *, last: bool, prefix: list[bytes] = (),
              prefix_controls: list[tuple[int, str]] = ()) -> None:
        widths = [int(TEXT_W * f) for f in table.widths]
        row_h = 1800
        bf = 3 if table.borders else 1
        ctrl_level = level + 1
        common = struct.pack("<IIiiIIihhhhIiH", chid("tbl "),
                             1 | (2 << 3) | (2 << 8) | (4 << 15) | (2 << 18) | (1 << 21) | (2 << 26),
                             0, 0, sum(widths), row_h * table.n_rows, 0, 0, 0, 0, 0, 0, 0, 0)
        per_row = [sum(1 for c in table.cells if c.row == r) for r in range(table.n_rows)]
        body = (struct.pack("<IHHH4H", 0x04000006, table.n_rows, table.n_cols, 0, *CELL_MARGIN)
                + struct.pack(f"<{table.n_rows}H", *per_row) + struct.pack("<HH", bf, 0))
        sub = _Body()
        sub.para_keys = self.para_keys
        for cell in table.cells:
            width = sum(widths[cell.col:cell.col + cell.col_span])
            height = row_h * cell.row_span
            paras = cell.paras or [Para("")]
            sub.records.append(record(LIST_HEADER, ctrl_level + 1, struct.pack(
                "<HHI4H2I4HHI", len(paras), 0, 1 << 5, cell.col, cell.row, cell.col_span,
                cell.row_span, width, height, *CELL_MARGIN, bf, width) + bytes(9)))
            for i, p in enumerate(paras):
                sub.paragraph(p, ctrl_level + 1, last=i == len(paras) - 1, width=width - 1020)
        control = [record(CTRL_HEADER, ctrl_level, common), record(TABLE, ctrl_level + 1, body)]
        control += sub.records
        if table.lead is None:
            self.paragraph(Para(""), level, last=last, width=TEXT_W,
                           controls=[*prefix_controls, (11, "tbl ")],
                           control_records=[*prefix, *control])
        else:  # the table typed at the end of its introducing paragraph's text
            self.paragraph(table.lead, level, last=last, width=TEXT_W, controls=prefix_controls,
                           trailing_controls=[(11, "tbl ")], control_records=[*prefix, *control])


def _list_control(body: _Body, ident: str, text: str, level: int, attributes: int = 0) -> list[bytes]:
    """A header, footer or footnote control: CTRL_HEADER, LIST_HEADER and its one paragraph."""
    sub = _Body()
    sub.para_keys = body.para_keys
    sub.paragraph(Para(text, size="small"), level + 1, last=True, width=TEXT_W)
    return [record(CTRL_HEADER, level, struct.pack("<II", chid(ident), attributes)),
            record(LIST_HEADER, level + 1, struct.pack("<HHI", 1, 0, 0)), *sub.records]


def _section(doc: Doc) -> tuple[bytes, list[tuple[str, int, int, bool]]]:
    body = _Body()
    blocks = doc.blocks
    notes = 0
    for i, block in enumerate(blocks):
        last = i == len(blocks) - 1
        first = i == 0
        controls = [(2, "secd"), (2, "cold")] if first else []
        prefix = _section_controls(1) if first else []
        if first:  # page header and footer hang on the first paragraph, after the section
            for ident, text in (("head", doc.header), ("foot", doc.footer)):
                if text:
                    controls.append((16, ident))
                    prefix += _list_control(body, ident, text, 1)
        if isinstance(block, Para):
            trailing = []
            if block.footnote:  # the note's mark follows the text it annotates
                notes += 1
                trailing = [(17, "fn  ")]
                prefix = [*prefix, *_list_control(body, "fn  ", block.footnote, 1, notes)]
            body.paragraph(block, 0, last=last, width=TEXT_W, controls=controls, control_records=prefix,
                           trailing_controls=trailing)
        else:
            body.table(block, 0, last=last, prefix=prefix, prefix_controls=controls)
    return b"".join(body.records), body.para_keys


def _file_header() -> bytes:
    major, minor, build, rev = VERSION
    version = (major << 24) | (minor << 16) | (build << 8) | rev
    data = b"HWP Document File".ljust(32, b"\0") + struct.pack("<IIII", version, 0x1, 0, 4)
    return data.ljust(256, b"\0")


def render(doc: Doc) -> bytes:
    """The document as HWP 5.0 bytes."""
    section, para_keys = _section(doc)
    preview = "\r\n".join(plain_lines(doc))[:1023] + "\0"
    return cfb.build({
        "FileHeader": _file_header(),
        "DocInfo": deflate(_doc_info(para_keys)),
        "BodyText/Section0": deflate(section),
        "PrvText": preview.encode("utf-16-le"),
        "\x05HwpSummaryInformation": summary_stream(doc.title, doc.author,
                                                    "2025년 1월 1일 수요일 오전 9:00:00"),
    })
