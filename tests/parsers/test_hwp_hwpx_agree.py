"""HWP 5.0 and HWPX are two encodings of one Hangul document: the same content gives the same blocks.

The document is written twice by the project's own sample writers (``samples/writers/hwp.py``
and ``samples/writers/hwpx.py``) from one format-neutral block list, then parsed; the two
Documents must agree block for block: text, role, style, numbering level, annotations, table
grids, spans, provenance (path, section, page, text span). Only what belongs to the file
format differs (``format``, ``source``, metadata).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import docextract
from docextract.model import Paragraph, Table

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # importlib mode does not put the project root on sys.path
    sys.path.insert(0, str(ROOT))

from samples.layout import Cell, Doc, Para  # noqa: E402
from samples.layout import Table as LayoutTable  # noqa: E402
from samples.writers import render  # noqa: E402


def _document() -> Doc:
    status = LayoutTable(3, 3, [
        Cell(0, 0, [Para("구분", align="center")]), Cell(0, 1, [Para("실적", align="center")], col_span=2),
        Cell(1, 0, [Para("상반기")], row_span=2), Cell(1, 1, [Para("교육")]), Cell(1, 2, [Para("12건")]),
        Cell(2, 1, [Para("점검")]), Cell(2, 2, [Para("7건"), Para("(재점검 2건 포함)")]),
    ], [0.3, 0.35, 0.35], lead=Para("붙임 1. 현황표"))
    merged = LayoutTable(2, 4, [
        Cell(0, 0, [Para("협조자")]), Cell(0, 1, [Para("정보공개정책과장 김동원")], col_span=3),
        Cell(1, 0, [Para("시행")]), Cell(1, 1, [Para("")]), Cell(1, 2, [Para("접수")]),
        Cell(1, 3, [Para("정보공개정책과-2357")]),
    ], [0.15, 0.35, 0.15, 0.35])
    return Doc(title="같은 내용 두 형식", blocks=[
        Para("행정안전부", align="center", size="large", bold=True),
        Para("수신  수신자 참조"),
        Para("1. 관련: 정보공개정책과-1234(2025. 1. 2.)", indent=0, hanging=2, space_before=True),
        Para("2. 지역 안전문화 확산 실적을 아래와 같이 알려 드립니다.", indent=0, hanging=2),
        status,
        Para("  가. 제출 기한: 2025. 10. 2.(목) 18:00까지", indent=2, hanging=2),
        merged,
        Para("끝.", align="right"),
    ])


@pytest.fixture(scope="module")
def parsed() -> dict[str, docextract.Document]:
    doc = _document()
    return {fmt: docextract.parse(render(doc, fmt), name=f"same.{fmt}") for fmt in ("hwp", "hwpx")}


def _blocks(doc: docextract.Document) -> list[dict]:
    return [block.to_dict() for block in doc.blocks]


def test_both_formats_give_the_same_blocks(parsed):
    hwp, hwpx = parsed["hwp"], parsed["hwpx"]
    assert (hwp.format, hwpx.format) == ("hwp", "hwpx")
    assert hwp.text == hwpx.text
    assert len(hwp.blocks) == len(hwpx.blocks)
    for a, b in zip(_blocks(hwp), _blocks(hwpx)):
        assert a == b


def test_the_introducing_paragraph_comes_before_its_table(parsed):
    for doc in parsed.values():
        kinds = [(type(b).__name__, b.text.splitlines()[0] if b.text else "") for b in doc.blocks]
        assert kinds[4:6] == [("Paragraph", "붙임 1. 현황표"), ("Table", "구분")], doc.format


def test_merged_cells_keep_their_spans(parsed):
    for doc in parsed.values():
        status, merged = doc.tables()
        assert isinstance(status, Table) and (status.n_rows, status.n_cols) == (3, 3)
        assert [(c.row, c.col, c.row_span, c.col_span, c.text) for c in status.cells()] == [
            (0, 0, 1, 1, "구분"), (0, 1, 1, 2, "실적"), (1, 0, 2, 1, "상반기"), (1, 1, 1, 1, "교육"),
            (1, 2, 1, 1, "12건"), (2, 1, 1, 1, "점검"), (2, 2, 1, 1, "7건\n(재점검 2건 포함)")]
        assert status.cell(2, 0).text == "상반기"  # the merged cell covers the slot below it
        assert [(c.row, c.col, c.col_span) for c in merged.cells()] == [
            (0, 0, 1), (0, 1, 3), (1, 0, 1), (1, 1, 1), (1, 2, 1), (1, 3, 1)]
        assert merged.cell(1, 1).blocks == []  # an empty cell keeps its slot
        assert all(isinstance(b, Paragraph) for b in status.cell(2, 2).blocks)
