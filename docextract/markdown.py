"""Markdown from the document model, for people, AI tools and indexing pipelines.

* A paragraph with a heading level (:attr:`Paragraph.heading`) is written ``#`` … ``######``.
* Body paragraphs are their text; a line break inside one is a hard break.
* Running headers and footers are page furniture: they stay in the model but are left
  out of the Markdown unless ``furniture=True``; then, like footnotes, endnotes and
  comments (which are content and always written), they are quoted with their role
  (``> *footer:* - 3 -``) so that they cannot be mistaken for body text.
* A table is GitHub-flavoured (GFM) when every cell is one grid slot holding text, else
  HTML with ``rowspan``/``colspan`` and nested tables.
* Escaping is minimal (:func:`escape`): a character gets a backslash only where Markdown
  would otherwise read it as syntax, so ``snake_case``, ``3 * 4``, ``※ 참고`` and
  ``<붙임>`` reach the reader as printed.
"""

from __future__ import annotations

import html
import re
from typing import Iterable, Iterator, Protocol, Sequence, TypeGuard

# The model delegates its Markdown here, so this module reads blocks by their fields and
# imports nothing of the model (no import cycle): a block is a table when its kind is
# "table", and roles are compared by value.
FURNITURE = ("header", "footer")
QUOTED = ("footnote", "endnote", "comment")


class Block(Protocol):
    """What a paragraph or a table offers (the model's classes, read by their fields)."""

    @property
    def kind(self) -> str: ...

    @property
    def role(self) -> str: ...

    @property
    def text(self) -> str: ...


class Cell(Protocol):
    @property
    def row_span(self) -> int: ...

    @property
    def col_span(self) -> int: ...

    @property
    def blocks(self) -> Sequence[Block]: ...


class Table(Block, Protocol):
    @property
    def n_rows(self) -> int: ...

    @property
    def n_cols(self) -> int: ...

    @property
    def rows(self) -> Sequence[Sequence[Cell]]: ...

    def cells(self) -> Iterator[Cell]: ...

    def grid(self) -> Sequence[Sequence[Cell | None]]: ...


def _is_table(block: Block) -> TypeGuard[Table]:
    return block.kind == "table"

# Inline syntax: characters that only mean something in pairs or in a sequence.
_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation escapes it
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")  # a tag, comment or autolink (``<붙임>`` is text)
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LINK_TAIL = re.compile(r"\](?=[(\[:])")
# Line starts: ATX heading, block quote, bullet (``-`` stays a list: it is one in the
# source), ordered list with a number no item list uses (``2025. 3. 12.``), and lines
# of rule characters (a setext underline or a thematic break).
_LINE_START = re.compile(r"^(?:#{1,6}(?=\s|$)|>|[*+](?=\s|$)|\d{3,9}(?=[.)](?:\s|$)))")
_RULE_LINE = re.compile(r"^[-=*_+\s]+$")
_HEADING_CLOSE = re.compile(r"(\s)(#+)\s*$")


def render(blocks: Iterable[Block], *, furniture: bool = False) -> str:
    """The blocks as Markdown, blank lines between blocks, a newline at the end."""
    out = [text for text in (block_markdown(b, furniture=furniture) for b in blocks) if text]
    return "\n\n".join(out) + ("\n" if out else "")


def block_markdown(block: Block, *, furniture: bool = False) -> str:
    """One block as Markdown ("" for an empty block or furniture left out)."""
    role = str(getattr(block.role, "value", block.role))
    if _is_table(block):
        if role in FURNITURE and not furniture:
            return ""
        return table_markdown(block)
    text = block.text.strip()
    if not text:
        return ""
    if role in FURNITURE:
        return f"> *{role}:* {escape(_one_line(text))}" if furniture else ""
    if role in QUOTED:
        return f"> *{role}:* {escape(_one_line(text))}"
    heading = getattr(block, "heading", None)
    if heading is not None:
        level = max(1, min(heading, 6))
        title = _HEADING_CLOSE.sub(r"\1\\\2", escape(_one_line(text), line_start=False))
        return "#" * level + " " + title
    return "  \n".join(escape(line.strip()) for line in text.split("\n"))


def _one_line(text: str) -> str:
    return " ".join(part.strip() for part in text.split("\n") if part.strip())


def escape(text: str, *, line_start: bool = True) -> str:
    """``text`` with a backslash before each character Markdown would read as syntax.

    Escaped: a backslash before ASCII punctuation; ``*``, ``_``, ``~`` and backticks
    only when the text has two that could pair up (emphasis, strikethrough, code; an
    underscore inside a word never can); ``<`` that could open a tag; ``&`` that could
    start an entity; ``]`` before ``(``, ``[`` or ``:`` (a link); and, at the start of
    the text (``line_start``), what would make it a heading, quote, list or rule.
    """
    text = _BACKSLASH.sub(r"\\\\", text)
    for char in "*_~`":
        if char in text:
            text = _pairs(text, char)
    if "<" in text:
        text = _HTML_START.sub(r"\\<", text)
    if "&" in text:
        text = _ENTITY.sub(r"\\&", text)
    if "]" in text:
        text = _LINK_TAIL.sub(r"\\]", text)
    if line_start:
        if _RULE_LINE.match(text):
            text = "\\" + text
        else:
            m = _LINE_START.match(text)
            if m:
                at = m.end() if m.group(0)[:1].isdigit() else 0
                text = text[:at] + "\\" + text[at:]
    return text


def _pairs(text: str, char: str) -> str:
    """Escape ``char`` where it could delimit, when at least two such places exist."""
    spots = []
    for i, c in enumerate(text):
        if c != char or (i and text[i - 1] == "\\"):
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if char != "`" and before.isspace() and after.isspace():
            continue  # surrounded by spaces: neither opens nor closes
        if char == "_" and before.isalnum() and after.isalnum():
            continue  # inside a word: GFM never reads it as emphasis
        spots.append(i)
    if len(spots) < 2:
        return text
    out = list(text)
    for i in reversed(spots):
        out.insert(i, "\\")
    return "".join(out)


def _fits_gfm(table: Table) -> bool:
    if table.n_rows == 0 or table.n_cols == 0:
        return False
    count = 0
    for cell in table.cells():
        count += 1
        if cell.row_span != 1 or cell.col_span != 1:
            return False
        if any(_is_table(b) for b in cell.blocks):
            return False
    return count == table.n_rows * table.n_cols


def table_markdown(table: Table) -> str:
    """A GFM table, or HTML where cells are merged or hold tables."""
    if not _fits_gfm(table):
        return table_html(table)
    grid = table.grid()

    def cell_md(c: Cell | None) -> str:
        if c is None:
            return ""
        text = " ".join(_one_line(b.text) for b in c.blocks if b.text.strip())
        return escape(text, line_start=False).replace("|", "\\|")

    lines = ["| " + " | ".join(cell_md(c) for c in grid[0]) + " |",
             "|" + "---|" * table.n_cols]
    for row in grid[1:]:
        lines.append("| " + " | ".join(cell_md(c) for c in row) + " |")
    return "\n".join(lines)


def table_html(table: Table) -> str:
    """The table as one line of HTML, spans as ``rowspan``/``colspan``."""
    rows = []
    for row in table.rows:
        cells = []
        for c in row:
            attrs = ""
            if c.row_span > 1:
                attrs += f' rowspan="{c.row_span}"'
            if c.col_span > 1:
                attrs += f' colspan="{c.col_span}"'
            inner = "<br>".join(
                table_html(b) if _is_table(b) else html.escape(b.text).replace("\n", "<br>")
                for b in c.blocks
                if _is_table(b) or b.text.strip()
            )
            cells.append(f"<td{attrs}>{inner}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table>" + "".join(rows) + "</table>"


__all__ = ["block_markdown", "escape", "render", "table_html", "table_markdown"]
