"""Block builders taking every field, for the parsers' hot paths.

Shared by the DOCX/OOXML parsers: one call per paragraph, cell or table, with the
provenance made here so :meth:`Document.assemble` can fill in path and span later.
"""

from __future__ import annotations

from ..model import Annotation, AnnotationKind, Cell, Paragraph, Provenance, Role, Table


def paragraph(text: str, role: Role, style: str | None, outline_level: int | None,
              annotations: list[Annotation], section: int, page: int | None) -> Paragraph:
    """A paragraph block with every field given."""
    return Paragraph(text=text, role=role, style=style, outline_level=outline_level,
                     annotations=annotations, prov=Provenance(section=section, page=page))


def cell(row: int, col: int, row_span: int, col_span: int, blocks: list[Paragraph | Table],
         section: int) -> Cell:
    """A table cell anchored at (row, col)."""
    return Cell(row=row, col=col, row_span=row_span, col_span=col_span, blocks=blocks,
                prov=Provenance(section=section))


def table(n_rows: int, n_cols: int, rows: list[list[Cell]], role: Role, section: int,
          page: int | None) -> Table:
    """A table block."""
    return Table(n_rows=n_rows, n_cols=n_cols, rows=rows, role=role,
                 prov=Provenance(section=section, page=page))


def annotation(kind: AnnotationKind, name: str | None, start: int, end: int) -> Annotation:
    """A marked range inside a paragraph's text."""
    return Annotation(kind=kind, name=name, start=start, end=end)
