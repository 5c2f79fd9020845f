"""The assembly rules the HWP, HWPX and DOCX parsers share (docextract.parsers.assembly)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import docextract
from docextract.errors import LimitExceeded
from docextract.model import Annotation, Paragraph, Role, Table
from docextract.parsers.assembly import (BlockBudget, CellDraft, lay_out_table, place_anchored,
                                         slice_annotations)
from docextract.parsers.base import ParseContext

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # importlib mode does not put the project root on sys.path
    sys.path.insert(0, str(ROOT))

from samples.layout import Cell as LayoutCell, Doc, Para  # noqa: E402
from samples.layout import Table as LayoutTable  # noqa: E402
from samples.writers import render  # noqa: E402


def _table(name: str) -> Table:
    return Table(n_rows=1, n_cols=1, rows=[[]], role=Role.BODY)


def _placed(text: str, anchors: list[tuple[int, str]], lead: int = 0,
            annotations: list[Annotation] | None = None) -> list[tuple[str, object]]:
    """Run the rule; tables are named by the first field of their anchor tuple."""
    tables = {name: _table(name) for _, name in anchors}
    names = {id(t): name for name, t in tables.items()}
    out: list[Paragraph | Table] = []

    def make(piece: str, marks: list[Annotation]) -> Paragraph:
        return Paragraph(text=piece, annotations=marks)

    place_anchored(text, lead, [(pos, [tables[name]]) for pos, name in anchors],
                   annotations or [], make, out)
    return [("P", b.text) if isinstance(b, Paragraph) else ("T", names[id(b)]) for b in out]


def test_text_before_an_object_comes_first():
    assert _placed("붙임 1. 현황표", [(9, "표")]) == [("P", "붙임 1. 현황표"), ("T", "표")]


def test_an_object_at_the_start_comes_before_the_text():
    assert _placed("현황은 다음과 같다", [(0, "표")]) == [("T", "표"), ("P", "현황은 다음과 같다")]


def test_text_on_both_sides_is_split_around_the_object():
    assert _placed("앞 글 뒤 글", [(4, "가"), (4, "나")]) == [
        ("P", "앞 글 "), ("T", "가"), ("T", "나"), ("P", "뒤 글")]


def test_a_paragraph_number_alone_is_not_text_before_the_object():
    # "1. " is the paragraph's own number: the table comes first, then the numbered text
    assert _placed("1. 현황", [(3, "표")], lead=3) == [("T", "표"), ("P", "1. 현황")]
    assert _placed("1. 현황", [(5, "표")], lead=3) == [("P", "1. 현황"), ("T", "표")]


def test_blank_pieces_are_dropped():
    assert _placed("   ", [(1, "표")]) == [("T", "표")]


def test_annotations_follow_their_piece():
    link = Annotation(kind="hyperlink", name="https://www.go.kr/", start=0, end=2)
    mark = Annotation(kind="bookmark", name="b", start=3, end=3)
    out: list[Paragraph | Table] = []
    place_anchored("본문 끝", 0, [(3, [_table("표")])], [link, mark],
                   lambda piece, marks: Paragraph(text=piece, annotations=marks), out)
    first, _, second = out
    assert [(a.kind, a.start, a.end) for a in first.annotations] == [("hyperlink", 0, 2)]
    assert [(a.kind, a.start, a.end) for a in second.annotations] == [("bookmark", 0, 0)]


def test_an_annotation_across_a_cut_is_clipped_to_the_first_piece():
    wide = Annotation(kind="field", name="f", start=1, end=6)
    assert slice_annotations([wide], 0, 3, last=False) == [
        Annotation(kind="field", name="f", start=1, end=3)]
    assert slice_annotations([wide], 3, 8) == []
    assert slice_annotations([wide], 0, 8) == [wide]


def test_a_mark_at_the_end_of_the_text_stays_with_the_last_piece():
    end = Annotation(kind="bookmark", name="끝", start=5, end=5)
    assert slice_annotations([end], 0, 5) == [end]
    assert slice_annotations([end], 2, 5) == [Annotation(kind="bookmark", name="끝", start=3, end=3)]
    assert slice_annotations([end], 0, 5, last=False) == []


def _ctx(**limits) -> ParseContext:
    return ParseContext(limits=docextract.Limits(**limits))


def _budget(**limits) -> BlockBudget:
    return BlockBudget(_ctx(**limits), "test document")


def _cells(*specs) -> list[CellDraft]:
    return [CellDraft(r, c, rs, cs, [], (i, 0)) for i, (r, c, rs, cs) in enumerate(specs)]


def test_the_declared_grid_holds_and_spans_are_clipped_to_it():
    ctx = _ctx()
    table = lay_out_table(_cells((0, 0, 500, 9), (1, 1, 1, 1)), 2, 3, Role.BODY, 0, 1, ctx, "x", _budget())
    assert (table.n_rows, table.n_cols) == (2, 3)
    assert [(c.row, c.col, c.row_span, c.col_span) for c in table.cells()] == [
        (0, 0, 2, 3), (1, 1, 1, 1)]
    assert table.prov.page == 1 and all(c.prov.page is None for c in table.cells())
    assert not ctx.warnings


def test_the_grid_grows_for_an_anchor_outside_it_and_rows_are_sorted():
    table = lay_out_table(_cells((1, 2, 1, 1), (0, 0, 1, 1), (1, 0, 1, 1)), 1, 1, Role.BODY, 0,
                          None, _ctx(), "x", _budget())
    assert (table.n_rows, table.n_cols) == (2, 3)
    assert [[c.col for c in row] for row in table.rows] == [[0], [0, 2]]


def test_hostile_addresses_fall_back_to_the_listed_order_with_a_warning():
    ctx = _ctx()
    cells = [CellDraft(0, 0, 1, 1, [], (0, 0)), CellDraft(10**6, 10**6, 1, 1, [], (0, 1)),
             CellDraft(5 * 10**6, 3, 1, 1, [], (1, 0))]
    table = lay_out_table(cells, 2, 2, Role.BODY, 0, None, ctx, "hwpx", _budget())
    assert (table.n_rows, table.n_cols) == (2, 2)
    assert [(c.row, c.col) for c in table.cells()] == [(0, 0), (0, 1), (1, 0)]
    assert [w.code for w in ctx.warnings] == ["hwpx-table-grid"]


def test_a_listing_too_wide_to_lay_out_becomes_one_column():
    # one long listed row and many short ones: even the listing is out of proportion
    cells = [CellDraft(10**6, 10**6, 1, 1, [], (0, k)) for k in range(5000)]
    cells += [CellDraft(10**6, 10**6, 1, 1, [], (r, 0)) for r in range(1, 5000)]
    table = lay_out_table(cells, 0, 0, Role.BODY, 0, None, _ctx(), "hwp", _budget())
    assert (table.n_rows, table.n_cols) == (len(cells), 1)


def test_a_huge_declared_grid_without_cells_or_columns_stays_small():
    ctx = _ctx()
    table = lay_out_table([], 10**9, 0, Role.BODY, 0, None, ctx, "hwpx", _budget())
    assert (table.n_rows, table.n_cols, table.rows) == (0, 0, [])
    assert [w.code for w in ctx.warnings] == ["hwpx-table-grid"]


def test_the_block_budget_counts_the_whole_document():
    budget = BlockBudget(_ctx(max_blocks=3), "test document")
    for _ in range(3):
        budget.count()
    with pytest.raises(LimitExceeded, match="max_blocks=3"):
        budget.count()


@pytest.mark.parametrize("fmt", ["hwp", "hwpx", "docx"])
def test_every_format_counts_table_cells_against_max_blocks(fmt):
    # 2 paragraphs and a table of 24 cells: 27 blocks with the table and its cells
    cells = [LayoutCell(r, c, [Para(f"{r}-{c}")]) for r in range(6) for c in range(4)]
    doc = Doc(title="칸 세기", blocks=[Para("앞"), LayoutTable(6, 4, cells, [0.25] * 4), Para("뒤")])
    data = render(doc, fmt)
    assert len(list(docextract.parse(data, limits={"max_blocks": 60}).tables())) == 1
    with pytest.raises(LimitExceeded, match="max_blocks"):
        docextract.parse(data, limits={"max_blocks": 20})


def test_declared_rows_are_charged_to_the_document_before_the_grid_is_made():
    budget = _budget(max_blocks=5_000)
    one_cell = [CellDraft(0, 0, 1, 1, [], (0, 0))]
    table = lay_out_table(one_cell, 4_000, 1, Role.BODY, 0, None, _ctx(), "hwp", budget)
    assert table.n_rows == 4_000 and budget.made == 4_000
    with pytest.raises(LimitExceeded, match="max_blocks=5,000"):
        lay_out_table(one_cell, 4_000, 1, Role.BODY, 0, None, _ctx(), "hwp", budget)
