"""Block-level WordprocessingML: paragraphs and tables in document order.

:class:`BlockReader` turns one story (the body, a header, a note, a text box) into
model blocks. It resolves each paragraph's style, outline level and list marker, builds
tables on the ``w:tblGrid`` with ``w:gridSpan``/``w:vMerge`` merges anchored once at
their top-left slot, and descends into nested tables and content controls. A text box
keeps its place in the text of the paragraph that anchors it
(:func:`~docextract.parsers.assembly.place_anchored`); the footnotes and comments a
paragraph references follow it.

Pages: DOCX stores no layout, so ``prov.page`` is approximate: it counts explicit page
breaks (``w:br w:type="page"``, ``w:pageBreakBefore``, page-starting section breaks) and
the ``w:lastRenderedPageBreak`` marks Word leaves where it last broke pages, collapsing
breaks with no text between them. It is right for documents last saved by Word and a
lower bound elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from ...errors import LimitExceeded
from ...model import Annotation, Paragraph, Role, Table
from ..assembly import BlockBudget, CellDraft, lay_out_table, place_anchored
from ..assembly import paragraph as new_paragraph
from ..base import ParseContext
from ..headings import Looks
from .looks import paragraph_look
from .numbering import Numbering
from .styles import Styles, numpr_values, outline_from_ppr
from .inline import MC, VAL, W, FieldState, InlineText, alternate_branch

if TYPE_CHECKING:
    from lxml import etree

Block = Paragraph | Table
# Tags compared on every paragraph, concatenated once.
_P = W + "p"
_TBL = W + "tbl"
_PPR = W + "pPr"
_PSTYLE = W + "pStyle"
_NUMPR = W + "numPr"
_OUTLINE_LVL = W + "outlineLvl"
_PAGE_BREAK_BEFORE = W + "pageBreakBefore"
_SECT_PR = W + "sectPr"

# Word allows 63 columns; a grid far wider is hostile and would make Table.grid() huge.
MAX_TABLE_COLUMNS = 512
_NOTE_ROLES = (Role.FOOTNOTE, Role.ENDNOTE, Role.COMMENT)
# Containers whose children are read as if they stood in the parent; anything not handled
# (w:del and w:moveFrom among them) is skipped with its content.
_TRANSPARENT = frozenset((W + "customXml", W + "ins", W + "moveTo", W + "smartTag"))


@dataclass
class Shared:
    """State shared by every story of one document: definitions, limits, counters."""

    ctx: ParseContext
    styles: Styles
    numbering: Numbering
    blocks: BlockBudget
    warned: set[str] = field(default_factory=set)
    looks: Looks = field(default_factory=Looks)  # of top-level body paragraphs

    def warn_once(self, code: str, message: str) -> None:
        if code not in self.warned:
            self.warned.add(code)
            self.ctx.warn(code, message)


# Hooks the document reader supplies: blocks for a note/comment id, given its kind.
AnchorResolver = Callable[[str, str, int, "int | None"], list[Block]]


class BlockReader:
    """Reads the stories of one part (body, header, notes) into blocks."""

    def __init__(self, shared: Shared, links: Callable[[str], str | None],
                 resolve_anchor: AnchorResolver | None = None, *, track_pages: bool = False,
                 section_breaks: list["etree._Element"] | None = None) -> None:
        self.shared = shared
        self.links = links
        self.resolve_anchor = resolve_anchor
        self.fields = FieldState()
        self.section = 0
        self.track_pages = track_pages
        self.page: int | None = 1 if track_pages else None
        self._fresh_page = True  # no text read since the last counted page break
        self._inline: InlineText | None = None  # paragraph being read
        self._mark = 0  # its text length at its start or its last counted break
        self._para_page: int | None = None  # page its first text is on
        self._section_breaks = section_breaks or []
        self.section_props: list[tuple[int, "etree._Element"]] = []

    # pages -------------------------------------------------------------------------

    def page_break(self) -> None:
        """Advance the approximate page unless no text was read since the last break."""
        if not self.track_pages or self.page is None:
            return
        inline = self._inline
        length = inline.length if inline is not None else 0
        if self._fresh_page and length <= self._mark:
            return
        self.page += 1
        self._fresh_page = True
        if inline is not None and length <= inline.prefix_length:
            self._para_page = self.page  # the break comes before any of the paragraph's text
        self._mark = length

    # stories ------------------------------------------------------------------------

    def read(self, container: "etree._Element", role: Role = Role.BODY, depth: int = 0,
             *, top: bool = False) -> list[Block]:
        """Blocks of ``container``'s children (a ``w:body``, ``w:tc``, ``w:hdr``, note...)."""
        if depth > self.shared.ctx.limits.max_nesting:
            raise LimitExceeded(f"DOCX tables or text boxes nest deeper than max_nesting="
                                f"{self.shared.ctx.limits.max_nesting}", limit="max_nesting")
        out: list[Block] = []
        for child in container:
            tag = child.tag
            if tag == _P:
                self._paragraph(child, role, depth, out, top)
            elif tag == _TBL:
                table = self._table(child, role, depth)
                if table is not None:
                    out.append(table)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    out.extend(self.read(content, role, depth, top=top))
            elif tag in _TRANSPARENT:
                out.extend(self.read(child, role, depth, top=top))
            elif tag == MC + "AlternateContent":
                branch = alternate_branch(child)
                if branch is not None:
                    out.extend(self.read(branch, role, depth, top=top))
            elif tag == _SECT_PR and top:
                self.section_props.append((self.section, child))
            elif tag == W + "altChunk":
                self.shared.warn_once("docx-altchunk", "DOCX embeds alternative-format content "
                                      "(w:altChunk) that is not read")
        return out

    def _paragraph(self, p: "etree._Element", role: Role, depth: int, out: list[Block],
                   top: bool) -> None:
        shared = self.shared
        first = p[0] if len(p) else None
        ppr = first if first is not None and first.tag == _PPR else None  # pPr comes first
        style_id = num_id = level = None
        outline = None
        sect_pr = None
        if ppr is not None:
            for prop in ppr:  # one loop over the properties beats several find() calls
                tag = prop.tag
                if tag == _PSTYLE:
                    style_id = prop.get(VAL)
                elif tag == _NUMPR:
                    num_id, level = numpr_values(prop)
                elif tag == _OUTLINE_LVL:
                    outline = outline_from_ppr(ppr)
                elif tag == _PAGE_BREAK_BEFORE:
                    if prop.get(VAL, "true") not in ("0", "false", "off"):
                        self.page_break()
                elif tag == _SECT_PR and top:
                    sect_pr = prop
        info = shared.styles.get(style_id)
        if num_id is None and info.num_id is not None:
            num_id = info.num_id
            if level is None:
                level = info.num_level
            if level is None:
                level = shared.numbering.level_for_style(num_id, style_id)
        marker = shared.numbering.marker(num_id, level) if num_id is not None else ""
        inline = InlineText(self.fields, self.links, self.page_break, marker)
        self._inline, self._mark, self._para_page = inline, 0, self.page
        inline.walk(p)
        self._inline = None
        if inline.length > self._mark:
            self._fresh_page = False
        start_page = self._para_page
        self.fields.close_code_phases()
        text = inline.text
        lead = inline.prefix_length
        placed: list[tuple[int, list[Block]]] = []
        after: list[Block] = []
        for kind, value, pos in inline.anchors:
            if kind == "textbox":
                placed.append((pos, self.read(value, Role.TEXTBOX, depth + 1)))
            elif self.resolve_anchor is not None:  # notes and comments follow the paragraph
                after.extend(self.resolve_anchor(kind, value, self.section, self.page))
        if role in _NOTE_ROLES:
            cut = _lstrip_length(text)
            if cut:
                text = _lstrip(text, cut, inline.annotations)
                placed = [(max(0, pos - cut), blocks) for pos, blocks in placed]
                lead = max(0, lead - cut)
        para_role = Role.CAPTION if info.is_caption and role == Role.BODY else role
        outline_level = outline if outline is not None else info.outline_level
        count, section = shared.blocks.count, self.section

        def make(piece: str, marks: list[Annotation]) -> Paragraph:
            count()
            return new_paragraph(piece, para_role, info.name, outline_level, marks, section,
                                 start_page)

        first_block = len(out)
        place_anchored(text, lead, placed, inline.annotations, make, out)
        if top and para_role is Role.BODY:
            look = paragraph_look(p, ppr, info)
            for block in out[first_block:]:
                if isinstance(block, Paragraph) and block.role is Role.BODY:
                    shared.looks.note(block, look)
        out.extend(after)
        if sect_pr is not None:
            self.section_props.append((self.section, sect_pr))
            self._next_section()

    def _next_section(self) -> None:
        limit = self.shared.ctx.limits.max_sections
        if self.section + 1 >= limit:
            raise LimitExceeded(f"DOCX has more than max_sections={limit:,} sections",
                                limit="max_sections")
        self.section += 1
        following = self._section_breaks[self.section] if self.section < len(
            self._section_breaks) else None
        kind = None
        if following is not None:
            type_el = following.find(W + "type")
            kind = type_el.get(VAL) if type_el is not None else None
        if kind in (None, "nextPage", "oddPage", "evenPage"):
            self.page_break()

    # tables --------------------------------------------------------------------------

    def _table(self, tbl: "etree._Element", role: Role, depth: int) -> Table | None:
        grid = tbl.find(W + "tblGrid")
        grid_cols = len(grid.findall(W + "gridCol")) if grid is not None else 0
        grid_cols = min(grid_cols, MAX_TABLE_COLUMNS)
        start_page = self.page
        cells: list[CellDraft] = []
        n_rows = 0
        above: dict[int, CellDraft] = {}  # grid column -> cell covering it in the previous row
        n_cols = grid_cols
        check_time = self.shared.ctx.budget.check_time
        for listed_rows, tr in enumerate(_children(tbl, W + "tr"), 1):
            if not listed_rows & 0x3FF:  # empty rows make no blocks, so check here too
                check_time()
            trpr = tr.find(W + "trPr")
            col = 0
            if trpr is not None:
                if trpr.find(W + "del") is not None:
                    continue  # a tracked row deletion
                col = min(_int_val(trpr.find(W + "gridBefore")), MAX_TABLE_COLUMNS - 1)
            r = n_rows
            listed = 0  # cells of this row so far
            current: dict[int, CellDraft] = {}
            for tc in _children(tr, W + "tc"):
                self.shared.blocks.count()
                span, vmerge, hmerge = _cell_props(tc)
                blocks = self.read(tc, role, depth + 1)
                if col >= MAX_TABLE_COLUMNS:
                    # Past any real table's width: keep the text, in the row's last cell.
                    self.shared.warn_once("docx-wide-table", "DOCX table wider than "
                                          f"{MAX_TABLE_COLUMNS} columns; extra cells merged")
                    current[col - 1].blocks.extend(blocks)
                    continue
                span = max(1, min(span, MAX_TABLE_COLUMNS - col))
                left = current.get(col - 1)
                if hmerge == "continue" and left is not None and left.row == r:
                    target = left
                    target.col_span += span
                    target.blocks.extend(blocks)
                    for k in range(col, col + span):
                        current[k] = target
                    col += span
                    continue
                anchor = above.get(col) if vmerge == "continue" else None
                if anchor is not None and anchor.col == col:
                    anchor.row_span = r - anchor.row + 1
                    anchor.blocks.extend(blocks)  # Word hides it; keep any text there anyway
                    cell = anchor
                else:
                    cell = CellDraft(r, col, 1, span, blocks, (r, listed))
                    cells.append(cell)
                    listed += 1
                for k in range(col, col + max(span, 1)):
                    current[k] = cell
                col += max(span, 1)
            if trpr is not None:
                col = min(col + _int_val(trpr.find(W + "gridAfter")), MAX_TABLE_COLUMNS)
            n_cols = min(max(n_cols, col), MAX_TABLE_COLUMNS)
            above = current
            n_rows += 1
        if not n_rows:
            return None
        self.shared.blocks.count()
        return lay_out_table(cells, n_rows, n_cols, role, self.section, start_page,
                             self.shared.ctx, "docx", self.shared.blocks)


def _children(el: "etree._Element", tag: str) -> list["etree._Element"]:
    """``tag`` children of ``el``, looking through content controls and custom XML wrappers."""
    out: list["etree._Element"] = []
    stack = [iter(el)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if child.tag == tag:
            out.append(child)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None and len(stack) < 16:
                stack.append(iter(content))
        elif child.tag in _TRANSPARENT and len(stack) < 16:
            stack.append(iter(child))
    return out


def _cell_props(tc: "etree._Element") -> tuple[int, str | None, str | None]:
    """``(gridSpan, vMerge, hMerge)`` of a ``w:tc``; merges are "restart", "continue" or None."""
    tcpr = tc.find(W + "tcPr")
    if tcpr is None:
        return 1, None, None
    span = max(1, min(_int_val(tcpr.find(W + "gridSpan")) or 1, 1000))
    vmerge = hmerge = None
    v = tcpr.find(W + "vMerge")
    if v is not None:
        vmerge = "restart" if v.get(VAL) == "restart" else "continue"
    h = tcpr.find(W + "hMerge")
    if h is not None:
        hmerge = "restart" if h.get(VAL) == "restart" else "continue"
    return span, vmerge, hmerge


def _int_val(el: "etree._Element | None") -> int:
    if el is None:
        return 0
    raw = el.get(VAL, "")
    return min(int(raw), 1000) if raw.isdigit() else 0


def _lstrip_length(text: str) -> int:
    """How many blanks open ``text`` (notes start with a space after their reference mark)."""
    return len(text) - len(text.lstrip())


def _lstrip(text: str, cut: int, annotations: list[Annotation]) -> str:
    """``text`` without its first ``cut`` characters, its annotations moved to match."""
    for a in annotations:
        a.start = max(0, a.start - cut)
        a.end = max(0, a.end - cut)
    return text[cut:]
