"""Table finders: a value found by the cell that labels it.

``table_cell``  the cell a label cell heads: the next filled cell to its right in the same
                row, else the cell below it (a header row above a data row). Option
                ``direction: right|below`` forces one; with ``below`` a list type takes the
                whole column under the header cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...evidence import Evidence
from ...model import Cell, Table
from ..base import Found
from ..context import FindContext
from ..spec_types import FieldSpec
from ..values import value_type
from . import finder


def region_tables(ctx: FindContext, region: str) -> Iterator[Table]:
    """The tables (nested ones too) that have lines in ``region``, in order."""
    seen: set[str] = set()
    for _, line in ctx.region_lines(region):
        if line.table is not None and line.table not in seen:
            seen.add(line.table)
            table = ctx.doc.find(line.table)
            if isinstance(table, Table):
                yield table


def cell_text(cell: Cell) -> str:
    return " ".join(cell.text.split())


def is_whole_label(ctx: FindContext, keys: tuple[str, ...], text: str) -> bool:
    for key in keys:
        m = ctx.label(key, text)
        if m is not None and not text[m.end():].strip():
            return True
    return False


def cell_evidence(ctx: FindContext, cell: Cell, rule: str) -> list[Evidence]:
    """Evidence for each non-empty paragraph of ``cell``."""
    out = []
    for block in cell.blocks:
        span = block.prov.span
        if span is None or span[1] <= span[0]:
            continue
        out.append(Evidence(text=ctx.doc.text[span[0]:span[1]], path=block.prov.path, span=span,
                            page=block.prov.page, rule=rule))
    return out


def neighbours(table: Table, cell: Cell, direction: str) -> list[Cell]:
    grid = table.grid()
    out: list[Cell] = []
    if direction in ("right", "auto"):
        row = grid[cell.row] if cell.row < len(grid) else []
        for c in row[cell.col + cell.col_span:]:
            if c is not None and c is not cell and cell_text(c):
                out.append(c)
                break
    if not out and direction in ("below", "auto"):
        r = cell.row + cell.row_span
        if r < len(grid) and cell.col < len(grid[r]):
            below = grid[r][cell.col]
            if below is not None and cell_text(below):
                out.append(below)
    return out


@finder("table_cell", needs=("label",), printed=True)
def table_cell(ctx: FindContext, field: FieldSpec) -> Found | None:
    direction = str(field.option("direction", "auto"))
    column = value_type(field.type)[1] and direction == "below"
    for table in region_tables(ctx, field.region):
        grid = table.grid()
        for cell in table.cells():
            if not is_whole_label(ctx, field.label_keys, cell_text(cell)):
                continue
            if column:
                cells = []
                for r in range(cell.row + cell.row_span, table.n_rows):
                    c = grid[r][cell.col] if cell.col < len(grid[r]) else None
                    if c is not None and cell_text(c) and c not in cells:
                        cells.append(c)
                if cells:
                    return Found([cell_text(c) for c in cells],
                                 [e for c in cells for e in cell_evidence(ctx, c, f"{field.name}:column")])
                continue
            for value in neighbours(table, cell, direction):
                return Found(cell_text(value), cell_evidence(ctx, value, f"{field.name}:cell"))
    return None


__all__ = ["cell_evidence", "cell_text", "is_whole_label", "neighbours", "region_tables", "table_cell"]
