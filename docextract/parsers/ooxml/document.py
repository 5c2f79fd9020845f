"""A DOCX document's stories put together in reading order.

Reading order of the blocks: headers of every section (deduplicated by part and by text,
default then first then even page, each with the index of the first section using it),
the body with each text box in its place in the text of the paragraph that anchors it
and each footnote and comment right after that paragraph (inside the same table cell
when it is in one), then endnotes in reference order and any note or comment nobody
references, then the footers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ...errors import CorruptDocument
from ...model import Document, Paragraph, Role, Table
from ..assembly import BlockBudget
from ..base import ParseContext
from ..headings import mark_headings
from .blocks import Block, BlockReader, Shared
from .inline import W
from .numbering import Numbering
from .package import Package
from .styles import Styles

if TYPE_CHECKING:
    from lxml import etree

_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SKIPPED_NOTES = ("separator", "continuationSeparator", "continuationNotice")
_HEADER_ORDER = {"default": 0, "first": 1, "even": 2}

class DocumentReader:
    """One document's parts read into blocks in reading order."""

    def __init__(self, package: Package, ctx: ParseContext) -> None:
        self.package = package
        self.ctx = ctx
        self.main = package.main_part()
        styles_parts = package.related(self.main, "styles")
        styles = Styles(package.xml_bytes(styles_parts[0]) if styles_parts else None, ctx.budget,
                        f"DOCX part {styles_parts[0] if styles_parts else 'styles'}")
        numbering = Numbering(self._optional_part("numbering"), styles.numbering_styles)
        self.shared = Shared(ctx, styles, numbering, BlockBudget(ctx, "DOCX"))
        self.notes: dict[str, dict[str, list[Block]]] = {}
        self.used: dict[str, list[str]] = {"footnote": [], "endnote": [], "comment": []}
        # the same ids as sets: a reference is looked up once per use (40,000 references
        # to notes made the list lookup quadratic)
        self.used_ids: dict[str, set[str]] = {kind: set() for kind in self.used}

    def read(self) -> Document:
        root = self.package.xml(self.main)
        if root.tag != W + "document":
            raise CorruptDocument(f"DOCX main part {self.main} is not a WordprocessingML "
                                  f"document (root element {_local(root.tag)!r})")
        body = root.find(W + "body")
        for kind, part_kind, tag, role in (
                ("footnote", "footnotes", "footnote", Role.FOOTNOTE),
                ("endnote", "endnotes", "endnote", Role.ENDNOTE),
                ("comment", "comments", "comment", Role.COMMENT)):
            self.notes[kind] = self._read_notes(part_kind, tag, role)
        blocks: list[Block] = []
        last_section = 0
        sections: list[tuple[int, "etree._Element"]] = []
        if body is not None:
            breaks = [el for el in body.iter(W + "sectPr") if _is_section_break(el)]
            reader = BlockReader(self.shared, self._links(self.main), self._resolve_anchor,
                                 track_pages=True, section_breaks=breaks)
            blocks = reader.read(body, top=True)
            last_section, sections = reader.section, reader.section_props
        mark_headings(blocks, self.shared.looks, trust_outline=True)
        blocks.extend(self._leftovers(last_section))
        headers, footers = self._headers_footers(sections)
        metadata = self.package.metadata()
        return Document.assemble(headers + blocks + footers, format="docx",
                                 source=self.ctx.source, metadata=metadata,
                                 warnings=self.ctx.warnings)

    # parts --------------------------------------------------------------------------

    def _optional_part(self, kind: str) -> "etree._Element | None":
        targets = self.package.related(self.main, kind)
        return self.package.xml(targets[0]) if targets else None

    def _links(self, part: str) -> Callable[[str], str | None]:
        rels = self.package.rels(part)

        def target(rel_id: str) -> str | None:
            rel = rels.get(rel_id)
            return rel.target if rel is not None else None

        return target

    # notes and comments ---------------------------------------------------------------

    def _read_notes(self, part_kind: str, tag: str, role: Role) -> dict[str, list[Block]]:
        out: dict[str, list[Block]] = {}
        for part in self.package.related(self.main, part_kind)[:1]:
            root = self.package.xml(part)
            reader = BlockReader(self.shared, self._links(part))
            for note in root.iter(W + tag):
                if note.get(W + "type") in _SKIPPED_NOTES:
                    continue
                note_id = note.get(W + "id")
                if note_id is None or note_id in out:
                    continue
                out[note_id] = reader.read(note, role, 1)
        return out

    def _resolve_anchor(self, kind: str, anchor_id: str, section: int,
                        page: int | None) -> list[Block]:
        """Blocks to place after the paragraph referencing a note or comment."""
        store = self.notes.get(kind, {})
        used = self.used_ids[kind]
        if anchor_id not in store or anchor_id in used:
            return []
        used.add(anchor_id)
        self.used[kind].append(anchor_id)
        if kind == "endnote":
            return []  # endnotes go to the end of the document, in reference order
        blocks = store[anchor_id]
        for block in blocks:
            _stamp(block, section, page)
        return blocks

    def _leftovers(self, section: int) -> list[Block]:
        """Endnotes in reference order, then notes and comments nobody references."""
        out: list[Block] = []
        endnotes = self.notes.get("endnote", {})
        for note_id in self.used["endnote"]:
            out.extend(endnotes[note_id])
        for kind in ("footnote", "endnote", "comment"):
            used = self.used_ids[kind]
            for note_id, blocks in self.notes.get(kind, {}).items():
                if note_id not in used:
                    out.extend(blocks)
        for block in out:
            _stamp(block, section, None)
        return out

    # headers and footers --------------------------------------------------------------

    def _headers_footers(self, sections: list[tuple[int, "etree._Element"]]
                         ) -> tuple[list[Block], list[Block]]:
        rels = self.package.rels(self.main)
        seen_parts: set[str] = set()
        seen_text: set[tuple[str, tuple[str, ...]]] = set()
        result: dict[str, list[Block]] = {"header": [], "footer": []}
        for section, sect_pr in sections:
            refs = [(kind, ref) for kind in ("header", "footer")
                    for ref in sect_pr.findall(f"{W}{kind}Reference")]
            refs.sort(key=lambda kr: _HEADER_ORDER.get(kr[1].get(W + "type", "default"), 3))
            for kind, ref in refs:
                rel = rels.get(ref.get(_R_ID, ""))
                if rel is None or rel.external or rel.target in seen_parts \
                        or not self.package.has(rel.target):
                    continue
                seen_parts.add(rel.target)
                role = Role.HEADER if kind == "header" else Role.FOOTER
                blocks = BlockReader(self.shared, self._links(rel.target)).read(
                    self.package.xml(rel.target), role, 1)
                signature = (kind, tuple(b.text for b in blocks))
                if not blocks or signature in seen_text:
                    continue
                seen_text.add(signature)
                for block in blocks:
                    _stamp(block, section, None)
                result[kind].extend(blocks)
        return result["header"], result["footer"]


def _stamp(block: Paragraph | Table, section: int, page: int | None) -> None:
    """Give a block read out of place (note, header) the section and page where it goes."""
    block.prov.section = section
    block.prov.page = page
    if isinstance(block, Table):
        for cell in block.cells():
            cell.prov.section = section
            for child in cell.blocks:
                _stamp(child, section, page)


def _is_section_break(sect_pr: "etree._Element") -> bool:
    """A sectPr that ends a section (not one kept inside a tracked-change record)."""
    parent = sect_pr.getparent()
    return parent is not None and parent.tag in (W + "pPr", W + "body")


def _local(tag: object) -> str:
    text = str(tag)
    return text.rsplit("}", 1)[-1]



__all__ = ["DocumentReader"]
