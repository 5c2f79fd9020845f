"""The document model: paths, spans, navigation, rendering and lossless JSON."""

from __future__ import annotations

from docextract.model import Annotation, Cell, Document, Paragraph, Provenance, Role, Table
from docextract.serialize import load_document


def _letter_like() -> Document:
    approvals = Table(n_rows=2, n_cols=3, rows=[
        [Cell(row=0, col=0, blocks=[Paragraph(text="주무관")]),
         Cell(row=0, col=1, blocks=[Paragraph(text="팀장")]),
         Cell(row=0, col=2, row_span=2, blocks=[Paragraph(text="과장 전결")])],
        [Cell(row=1, col=0, blocks=[Paragraph(text="홍길동")]),
         Cell(row=1, col=1, blocks=[
             Table(n_rows=1, n_cols=1, rows=[[Cell(row=0, col=0, blocks=[Paragraph(text="김철수")])]])
         ])],
    ])
    blocks = [
        Paragraph(text="행정안전부", role=Role.HEADER),
        Paragraph(text="수신  수신자 참조"),
        Paragraph(text="제목  공공데이터 개방 실적 제출 요청", outline_level=1, style="제목 1", heading=1,
                  annotations=[Annotation(kind="field", name="title", start=4, end=21)]),
        approvals,
        Paragraph(text="", prov=Provenance(section=1)),
        Paragraph(text="끝.", prov=Provenance(section=1)),
    ]
    return Document.assemble(blocks, format="hwp")


def test_spans_point_at_each_blocks_text():
    doc = _letter_like()
    for block in doc.paragraphs():
        start, end = block.prov.span
        assert doc.text[start:end] == block.text


def test_paths_count_blocks_per_section_and_descend_into_cells():
    doc = _letter_like()
    paths = [b.prov.path for b in doc.iter_blocks()]
    assert paths[:4] == ["s0/b0", "s0/b1", "s0/b2", "s0/b3"]
    assert "s0/b3/r1c1/b0/r0c0/b0" in paths  # nested table inside a cell
    assert paths[-2:] == ["s1/b0", "s1/b1"]
    nested = doc.find("s0/b3/r1c1/b0/r0c0/b0")
    assert isinstance(nested, Paragraph) and nested.text == "김철수"
    cell = doc.find("s0/b3/r0c2")
    assert isinstance(cell, Cell) and cell.row_span == 2


def test_table_grid_fills_merged_slots():
    table = next(_letter_like().tables())
    grid = table.grid()
    assert grid[1][2] is grid[0][2]
    assert table.cell(1, 2).text == "과장 전결"


def test_table_cell_text_never_glued():
    doc = _letter_like()
    assert "주무관\n팀장\n과장 전결\n홍길동\n김철수" in doc.text


def test_paragraph_at_maps_offsets_back():
    doc = _letter_like()
    offset = doc.text.index("공공데이터")
    assert doc.paragraph_at(offset).prov.path == "s0/b2"


def test_json_round_trip_is_lossless():
    doc = _letter_like()
    again = load_document(doc.to_json())
    assert again == doc
    assert again.to_json() == doc.to_json()


def test_markdown_uses_html_for_merged_cells_and_gfm_otherwise():
    doc = _letter_like()
    md = doc.to_markdown()
    assert '<td rowspan="2">과장 전결</td>' in md
    assert "# 제목  공공데이터" in md
    simple = Document.assemble([Table(n_rows=2, n_cols=2, rows=[
        [Cell(row=0, col=0, blocks=[Paragraph(text="항목")]), Cell(row=0, col=1, blocks=[Paragraph(text="a|b")])],
        [Cell(row=1, col=0, blocks=[Paragraph(text="1")]), Cell(row=1, col=1, blocks=[Paragraph(text="2")])],
    ])], format="docx")
    assert simple.to_markdown() == "| 항목 | a\\|b |\n|---|---|\n| 1 | 2 |\n"


def test_roles_filter_paragraphs():
    doc = _letter_like()
    assert [p.text for p in doc.paragraphs(roles={Role.HEADER})] == ["행정안전부"]
