"""Small files that declare huge structures, or drive a loop once per element in ways
that used to be quadratic: each ends in a typed limit error or a bounded result, within
stated time and memory, measured in a child interpreter (:mod:`.bounded`).

Before the document-wide budget, the 21 KB HWP of 3,000 tables reached 8 GB and the
7 KB HWPX 582 MB; before the loops were made linear, 30,000 unpaired HWP controls took
over two minutes and 40,000 DOCX footnote references 11 s past a 2 s limit.
"""

from __future__ import annotations

import os
import zlib

import pytest

import docextract

from ..parsers.test_hwp5_generated import ext, hwp, para, rec, table_ctrl, text_para, u16s
from .bounded import run_child
from .test_hostile_files import CONTENT_TYPES, HP_NS, HS_NS, W_NS, _zip

# Generous for a loaded two-CPU CI machine; the failures these guard against took minutes
# and gigabytes. The interpreter with docextract imported peaks near 30 MiB; the
# largest case here (3,000 tables, up to max_blocks rows declared) near 45 MiB.
SECONDS = 20
PEAK_MIB = 400
# Rows that hold no cell cost a pointer each: two million of them (max_blocks) stay far
# under this, where a list each made 165 MiB.
DECLARED_ROWS_PEAK_MIB = 100
# Let the generated parts through the zip ratio check (their repeated markup compresses
# far past it), so that the loop under test is reached.
RATIO = {"max_compression_ratio": 1_000_000}


def bounded(result: dict, seconds: float = SECONDS, peak: int = PEAK_MIB) -> None:
    assert result["seconds"] < seconds and result["peak_mib"] < peak, result


# ---------------------------------------------------------------- HWP

def hwp_tables(n_tables: int, rows: int) -> bytes:
    """``n_tables`` tables of one cell, each declaring ``rows`` rows of one column."""
    cell = [(0, 0, 1, 1, text_para(2, "칸"))]
    table = para(0, ext(11, "tbl ") + u16s(13), controls=table_ctrl(1, cell, rows, 1))
    return hwp([table * n_tables])


def test_hwp_thousands_of_tables_declaring_rows_end_at_max_blocks(tmp_path):
    path = tmp_path / "rows.hwp"
    path.write_bytes(hwp_tables(3_000, 4_000))
    assert path.stat().st_size < 32 * 1024
    result = run_child("parse", path)
    assert result["outcome"] == "LimitExceeded" and result["limit"] == "max_blocks", result
    bounded(result, peak=DECLARED_ROWS_PEAK_MIB)


def test_hwp_tables_declaring_rows_within_the_budget_are_read(tmp_path):
    path = tmp_path / "rows-within.hwp"
    path.write_bytes(hwp_tables(100, 4_000))
    result = run_child("parse", path)
    assert result["outcome"] == "ok" and result["tables"] == 100, result
    bounded(result)



def test_declared_rows_without_cells_read_as_empty_rows_that_refuse_changes(tmp_path):
    path = tmp_path / "few-rows.hwp"
    path.write_bytes(hwp_tables(2, 5))
    tables = list(docextract.parse(path).tables())
    assert len(tables) == 2
    for t in tables:
        assert t.n_rows == 5 and [len(r) for r in t.rows] == [1, 0, 0, 0, 0]
        assert t.to_dict()["rows"][1:] == [[], [], [], []] and t.rows[1:] == [[], [], [], []]
        assert t.cell(0, 0) is not None and t.cell(3, 0) is None
        # the rows without cells are one shared list: changing it in place is refused,
        # replacing it is how a caller fills a row
        with pytest.raises(TypeError):
            t.rows[2].append(t.rows[0][0])
        t.rows[2] = [t.rows[0][0]]
        assert [len(r) for r in t.rows] == [1, 0, 1, 0, 0]


def test_hwp_thirty_thousand_unpaired_controls_pair_in_linear_time(tmp_path):
    # 30,000 controls in the text with no header of their id, and 30,000 headers of
    # another id: pairing scanned every header for every control
    n = 30_000
    headers = rec(0x47, 1, b"zzzx" + bytes(8)) * n  # id "xzzz"
    body = para(0, u16s("앞 ") + ext(21, "yzzz") * n + u16s(" 뒤", 13), controls=headers)
    path = tmp_path / "controls.hwp"
    path.write_bytes(hwp([body]))
    result = run_child("parse", path)
    assert result["outcome"] == "ok" and result["chars"] > 0, result
    bounded(result)


def test_hwp_zlib_bomb_is_refused_holding_a_fraction_of_the_cap(tmp_path):
    # 1 GiB of zeros in about 1 MB: inflated to the 1 GiB cap and held, it peaked at 1,048 MB
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(1024 * 1024)
    bomb = b"".join(packer.compress(block) for _ in range(1100)) + packer.flush()
    path = tmp_path / "bomb.hwp"
    path.write_bytes(hwp([text_para(0, "앞")], raw_sections=[bomb]))
    result = run_child("parse", path)
    assert result["outcome"] == "LimitExceeded", result
    assert result["limit"] == "max_decompressed_bytes", result
    bounded(result, seconds=60, peak=200)


# ---------------------------------------------------------------- HWPX

def hwpx(body: str) -> bytes:
    section = (f'<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="{HS_NS}" '
               f'xmlns:hp="{HP_NS}">{body}</hs:sec>').encode()
    return _zip({"mimetype": b"application/hwp+zip", "Contents/section0.xml": section})


def hwpx_table(cells: str, rows: int, cols: int) -> str:
    return (f'<hp:p><hp:run><hp:tbl rowCnt="{rows}" colCnt="{cols}">{cells}</hp:tbl>'
            '</hp:run></hp:p>')


ONE_CELL = ('<hp:tr><hp:tc><hp:subList><hp:p><hp:run><hp:t>칸</hp:t></hp:run></hp:p>'
            '</hp:subList></hp:tc></hp:tr>')


def test_hwpx_tables_declaring_rows_end_at_max_blocks(tmp_path):
    path = tmp_path / "rows.hwpx"
    path.write_bytes(hwpx(hwpx_table(ONE_CELL, 4_000, 1) * 3_000))
    assert path.stat().st_size < 16 * 1024
    result = run_child("parse", path, limits=RATIO)
    assert result["outcome"] == "LimitExceeded" and result["limit"] == "max_blocks", result
    bounded(result, peak=DECLARED_ROWS_PEAK_MIB)


def test_hwpx_sixty_thousand_cells_find_their_slots_in_linear_time(tmp_path):
    # 30,000 addressed cells fill row 0 from column 1; then 15,000 pairs of a cell at
    # column 0 and one without a column, which looks for the row's first free slot
    n = 30_000
    addressed = "".join(f'<hp:tc><hp:cellAddr rowAddr="0" colAddr="{c}"/></hp:tc>'
                        for c in range(1, n + 1))
    pairs = ('<hp:tc><hp:cellAddr rowAddr="0" colAddr="0"/></hp:tc>'
             '<hp:tc><hp:cellAddr rowAddr="0"/></hp:tc>') * (n // 2)
    path = tmp_path / "slots.hwpx"
    path.write_bytes(hwpx(hwpx_table(f"<hp:tr>{addressed}{pairs}</hp:tr>", 1, n + 1)))
    result = run_child("parse", path, limits=RATIO)
    assert result["outcome"] == "ok" and result["tables"] == 1, result
    bounded(result)


def test_hwpx_thirty_thousand_unmatched_field_ends_close_in_linear_time(tmp_path):
    n = 30_000
    # 30,000 open fields, then 30,000 ends naming neither their begin nor its field id:
    # each end scanned every open field
    begins = "".join(f'<hp:ctrl><hp:fieldBegin id="{i}" type="CLICK_HERE" fieldid="1"/></hp:ctrl>'
                     for i in range(n))
    ends = "".join(f'<hp:ctrl><hp:fieldEnd beginIDRef="x{i}" fieldid="2"/></hp:ctrl>'
                   for i in range(n))
    path = tmp_path / "fields.hwpx"
    path.write_bytes(hwpx(f'<hp:p><hp:run><hp:t>누름틀</hp:t>{begins}{ends}</hp:run></hp:p>'))
    result = run_child("parse", path, limits=RATIO)
    assert result["outcome"] == "ok" and result["chars"] > 0, result
    bounded(result)


# ---------------------------------------------------------------- DOCX

DOC_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://'
            b'schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" '
            b'Target="footnotes.xml"/></Relationships>')
ROOT_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
             b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
             b'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
             b'Target="word/document.xml"/></Relationships>')


def docx(body: str, footnotes: str | None = None) -> bytes:
    members = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
               "word/document.xml": (f'<?xml version="1.0" encoding="UTF-8"?><w:document '
                                     f'xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
                                     ).encode()}
    if footnotes is not None:
        members["word/_rels/document.xml.rels"] = DOC_RELS
        members["word/footnotes.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><w:footnotes '
                                         f'xmlns:w="{W_NS}">{footnotes}</w:footnotes>').encode()
    return _zip(members)


def test_docx_forty_thousand_footnote_references_resolve_in_linear_time(tmp_path):
    n = 40_000
    notes = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:t>주 {i}</w:t></w:r></w:p></w:footnote>'
                    for i in range(n))
    refs = "".join(f'<w:r><w:footnoteReference w:id="{i}"/></w:r>' for i in range(n))
    path = tmp_path / "notes.docx"
    path.write_bytes(docx(f"<w:p><w:r><w:t>본문</w:t></w:r>{refs}</w:p>", notes))
    result = run_child("parse", path, limits={**RATIO, "timeout_seconds": 10})
    assert result["outcome"] == "ok" and result["blocks"] == n + 1, result
    bounded(result)


def test_docx_tables_of_empty_rows_keep_a_small_grid_with_a_warning(tmp_path):
    # 100,000 rows with no cells in each of seven tables: 700,000 grid rows declared
    table = "<w:tbl>" + "<w:tr/>" * 100_000 + "</w:tbl>"
    path = tmp_path / "rows.docx"
    path.write_bytes(docx(table * 7))
    assert path.stat().st_size < 64 * 1024
    result = run_child("parse", path, limits=RATIO)
    assert result["outcome"] == "ok" and result["tables"] == 7, result
    assert result["warnings"] == ["docx-table-grid"] * 7, result
    bounded(result)


def test_docx_fifty_megabyte_text_node_is_a_limit(tmp_path):
    path = tmp_path / "text-node.docx"
    path.write_bytes(docx("<w:p><w:r><w:t>" + "가" * (17 * 1024 * 1024) + "</w:t></w:r></w:p>"))
    env = dict(os.environ, DOCEXTRACT_MAX_COMPRESSION_RATIO=str(RATIO["max_compression_ratio"]))
    result = run_child("cli", argv=["text", str(path)], env=env)
    assert result["exit"] == 5, result
    assert b"libxml2" in result["stderr"] and b"not well-formed" not in result["stderr"]
