"""The document model every parser produces.

A :class:`Document` is a tree of blocks in reading order: :class:`Paragraph` and
:class:`Table` (whose :class:`Cell` objects hold blocks of their own, so tables nest).
Headers, footers, notes, captions and text boxes are ordinary blocks marked by a
:class:`Role`.

Every block carries :class:`Provenance`:

* ``path``  a stable address, ``s{section}/b{index}`` for a top-level block and
  ``…/r{row}c{col}/b{index}`` inside a table cell (``s0/b12/r2c1/b0``);
* ``page``  1-based, where the format knows pages;
* ``span``  ``[start, end)`` of the block's text inside :attr:`Document.text`.

:attr:`Document.text` is the document's linear text: every paragraph on its own line
(cell paragraphs too, row by row), so a character offset found by a regular expression
in the text maps back to exactly one block. Parsers build blocks and call
:meth:`Document.assemble`, which assigns paths and spans.
"""

from __future__ import annotations

from dataclasses import field
from datetime import datetime
from enum import Enum
from typing import Annotated, Iterator, Literal, Union

from .plain import PlainData, Tagged, plain_dataclass


class Role(str, Enum):
    """What part of the page a block belongs to."""

    BODY = "body"
    HEADER = "header"
    FOOTER = "footer"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    CAPTION = "caption"
    TEXTBOX = "textbox"
    COMMENT = "comment"


@plain_dataclass
class BBox(PlainData):
    """A rectangle in PDF points, origin at the top-left of the page."""

    x0: float
    top: float
    x1: float
    bottom: float


@plain_dataclass
class Provenance(PlainData):
    """Where a block came from: its path, section, page, text span and box."""

    path: str = ""
    section: int = 0
    page: int | None = None
    span: tuple[int, int] | None = None
    bbox: BBox | None = None


AnnotationKind = Literal["field", "hyperlink", "comment", "bookmark"]


@plain_dataclass
class Annotation(PlainData):
    """A marked range inside a paragraph's text: a form field, a link, a comment anchor."""

    kind: AnnotationKind
    name: str | None = None
    start: int
    end: int


@plain_dataclass
class Paragraph(PlainData):
    """A run of text: a body paragraph, a heading, or a line of a header or note.

    ``style`` and ``outline_level`` are what the file records (a style name; the outline
    level of Hangul's 개요 numbering or Word's ``outlineLvl``, 1-based). ``heading`` is the
    parser's reading: 1-6 when the paragraph is a heading, from a heading style, the
    outline or, where the document only looks structured, its layout (size, weight,
    numbering such as ``제1장`` or ``Ⅰ.``); None for body text. Markdown writes it as
    ``#`` … ``######``.
    """

    kind: Literal["paragraph"] = "paragraph"
    text: str
    role: Role = Role.BODY
    style: str | None = None
    outline_level: int | None = None
    heading: int | None = None
    annotations: list[Annotation] = field(default_factory=list)
    prov: Provenance = field(default_factory=Provenance)


@plain_dataclass
class Cell(PlainData):
    """One table cell, anchored at (row, col), covering row_span x col_span grid slots."""

    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    blocks: list[Block] = field(default_factory=list)
    prov: Provenance = field(default_factory=Provenance)

    @property
    def text(self) -> str:
        """The cell's paragraphs (and nested tables' text), one per line."""
        return "\n".join(_block_text(b) for b in self.blocks)


@plain_dataclass
class Table(PlainData):
    """A table: ``rows[i]`` lists the cells whose top-left slot is in grid row ``i``."""

    kind: Literal["table"] = "table"
    n_rows: int
    n_cols: int
    rows: list[list[Cell]] = field(default_factory=list)
    role: Role = Role.BODY
    prov: Provenance = field(default_factory=Provenance)

    def cells(self) -> Iterator[Cell]:
        """Every cell once, in row-major order of their anchors."""
        for row in self.rows:
            yield from row

    def cell(self, row: int, col: int) -> Cell | None:
        """The cell covering grid slot (row, col), merged cells included."""
        for c in self.cells():
            if c.row <= row < c.row + c.row_span and c.col <= col < c.col + c.col_span:
                return c
        return None

    def grid(self) -> list[list[Cell | None]]:
        """A dense n_rows x n_cols matrix; a merged cell fills every slot it covers."""
        out: list[list[Cell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells():
            for r in range(c.row, min(c.row + c.row_span, self.n_rows)):
                for k in range(c.col, min(c.col + c.col_span, self.n_cols)):
                    out[r][k] = c
        return out

    @property
    def text(self) -> str:
        return "\n".join(c.text for c in self.cells())


Block = Annotated[Union[Paragraph, Table], Tagged("kind")]



def _block_text(block: Paragraph | Table) -> str:
    return block.text


def _place(block: Paragraph | Table, path: str, pos: int, texts: list[str]) -> int:
    """Give ``block`` (and everything inside it) its path and span, starting at text
    offset ``pos``; append paragraph texts to ``texts``; return the offset after it."""
    prov = block.prov
    prov.path = path
    if isinstance(block, Paragraph):
        text = block.text
        end = pos + len(text)
        prov.span = (pos, end)
        texts.append(text)
        return end + 1
    start = pos
    add_text = texts.append
    for row in block.rows:
        for cell in row:
            cell_path = f"{path}/r{cell.row}c{cell.col}"
            cell_prov = cell.prov
            cell_prov.path = cell_path
            blocks = cell.blocks
            if not blocks:  # most cells of a form are empty
                cell_prov.span = (pos, pos)
                continue
            cell_start = pos
            for j, child in enumerate(blocks):
                if isinstance(child, Paragraph):
                    # the paragraph case above, inline: cells hold most paragraphs
                    child_prov = child.prov
                    child_prov.path = f"{cell_path}/b{j}"
                    text = child.text
                    end = pos + len(text)
                    child_prov.span = (pos, end)
                    add_text(text)
                    pos = end + 1
                else:
                    pos = _place(child, f"{cell_path}/b{j}", pos, texts)
            cell_prov.span = (cell_start, max(cell_start, pos - 1))
    prov.span = (start, max(start, pos - 1))
    return pos


@plain_dataclass
class Issue(PlainData):
    """A warning recorded while parsing: content skipped, extension mismatch, and so on."""

    code: str
    message: str
    path: str | None = None


@plain_dataclass
class Metadata(PlainData):
    """Document properties, where the format records them."""

    title: str | None = None
    author: str | None = None
    subject: str | None = None
    keywords: str | None = None
    created: datetime | None = None
    modified: datetime | None = None
    page_count: int | None = None
    extra: dict[str, str] = field(default_factory=dict)


@plain_dataclass
class Source(PlainData):
    """The input file: name as given, size, SHA-256 and extension."""

    name: str | None = None
    size: int = 0
    sha256: str = ""
    extension: str | None = None


@plain_dataclass
class Document(PlainData):
    """A parsed document: blocks in reading order plus their linear text."""

    schema_version: Literal[1] = 1
    source: Source = field(default_factory=Source)
    format: str
    metadata: Metadata = field(default_factory=Metadata)
    warnings: list[Issue] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    text: str = ""

    @classmethod
    def assemble(
        cls,
        blocks: list[Paragraph | Table],
        *,
        format: str,
        source: Source | None = None,
        metadata: Metadata | None = None,
        warnings: list[Issue] | None = None,
    ) -> "Document":
        """Build a Document from parser output: assign block paths and text spans."""
        doc = cls(
            source=source or Source(),
            format=format,
            metadata=metadata or Metadata(),
            warnings=list(warnings or []),
            blocks=list(blocks),
        )
        texts: list[str] = []
        counters: dict[int, int] = {}
        pos = 0
        for block in doc.blocks:
            section = block.prov.section
            index = counters.get(section, 0)
            counters[section] = index + 1
            pos = _place(block, f"s{section}/b{index}", pos, texts)
        # every paragraph's text is followed by a newline
        doc.text = "\n".join(texts) + "\n" if texts else ""
        return doc

    # navigation -----------------------------------------------------------------------

    def iter_blocks(self) -> Iterator[Paragraph | Table]:
        """Every block depth-first in reading order, descending into table cells."""
        stack: list[Iterator[Paragraph | Table]] = [iter(self.blocks)]
        while stack:
            block = next(stack[-1], None)
            if block is None:
                stack.pop()
                continue
            yield block
            if isinstance(block, Table):
                stack.append(b for c in block.cells() for b in c.blocks)

    def paragraphs(self, *, roles: set[Role] | None = None) -> Iterator[Paragraph]:
        """Every paragraph (inside tables too), optionally only those with the given roles."""
        for b in self.iter_blocks():
            if isinstance(b, Paragraph) and (roles is None or b.role in roles):
                yield b

    def tables(self) -> Iterator[Table]:
        """Every table, nested ones included."""
        for b in self.iter_blocks():
            if isinstance(b, Table):
                yield b

    def find(self, path: str) -> Paragraph | Table | Cell | None:
        """The block or cell at a provenance path."""
        for b in self.iter_blocks():
            if b.prov.path == path:
                return b
            if isinstance(b, Table) and path.startswith(b.prov.path + "/"):
                for c in b.cells():
                    if c.prov.path == path:
                        return c
        return None

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph whose span in :attr:`text` contains ``offset``."""
        for p in self.paragraphs():
            span = p.prov.span
            if span is not None and span[0] <= offset <= span[1]:
                return p
        return None

    # rendering ------------------------------------------------------------------------

    def to_text(self) -> str:
        """The linear text: one line per paragraph, cell paragraphs row by row."""
        return self.text

    def to_markdown(self, *, furniture: bool = False) -> str:
        """GitHub-flavoured Markdown (see :mod:`docextract.markdown`): headings as ``#``,
        tables as GFM, or HTML where cells are merged or nested; running headers and
        footers only with ``furniture=True``."""
        from .markdown import render

        return render(self.blocks, furniture=furniture)


__all__ = [
    "Annotation",
    "AnnotationKind",
    "BBox",
    "Block",
    "Cell",
    "Document",
    "Issue",
    "Metadata",
    "Paragraph",
    "Provenance",
    "Role",
    "Source",
    "Table",
]
