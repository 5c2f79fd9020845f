"""Reading one HWPX section (``Contents/sectionN.xml``) into document blocks.

A section is a list of ``hp:p`` paragraphs; a paragraph is ``hp:run`` elements whose
children are text (``hp:t``), controls (``hp:ctrl``: headers, footers, notes, fields,
hidden comments) and objects (``hp:tbl``, shapes with ``hp:drawText``, pictures with
captions). The conventions are the HWP 5.0 reader's, so both formats of one document
give the same blocks: a table or drawing keeps its place in the text of the paragraph
that anchors it (:func:`~docextract.parsers.assembly.place_anchored`); notes, headers,
footers and comments follow their paragraph; blank paragraphs are left out, though
they still count for paragraph numbering.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable

from ...errors import LimitExceeded
from ...model import Annotation, AnnotationKind, Paragraph, Provenance, Role, Table
from ..assembly import BlockBudget, CellDraft, lay_out_table, place_anchored
from ..base import ParseContext
from ..headings import Look, Looks
from .fields import field_param, hyperlink_target
from .header import HeaderInfo
from .numbering import NumberingState, format_number
from .pages import PageTracker
from .elements import LOCAL_NAMES, child, children, int_attr, local_name

Block = Paragraph | Table

# Drawing objects that may carry a caption or a text box (hp:drawText).
_SHAPES = frozenset({"rect", "ellipse", "polygon", "curve", "arc", "container", "pic", "ole",
                     "equation", "line", "connectLine", "textart", "video", "chart"})
_INLINE_TEXT = {"tab": "\t", "lineBreak": "\n", "nbSpace": " ", "fwSpace": " ", "hyphen": "-"}
_INLINE_MARKS = frozenset({"markpenBegin", "markpenEnd", "titleMark", "insertBegin", "insertEnd"})
_NOTE_ROLES = {"footNote": (Role.FOOTNOTE, "FOOTNOTE"), "endNote": (Role.ENDNOTE, "ENDNOTE")}
_OBJECT_COUNTERS = {"pic": "PICTURE", "equation": "EQUATION"}
_TIME_CHECK_EVERY = 256
_TIME_CHECK_ELEMENTS = 4096
# lxml tag filters (any namespace), built once rather than per call
_RUN, _P, _SUB_LIST, _TR, _TC, _SEC_PR = (
    "{*}" + name for name in ("run", "p", "subList", "tr", "tc", "secPr"))


@dataclass
class DocumentState:
    """Counters shared by all sections of one document."""

    header: HeaderInfo
    numbering: NumberingState
    blocks: BlockBudget
    pages: PageTracker = field(default_factory=PageTracker)
    objects: dict[str, int] = field(default_factory=dict)
    paragraphs: int = 0
    looks: Looks = field(default_factory=Looks)  # of top-level body paragraphs


@dataclass
class _OpenField:
    kind: AnnotationKind
    name: str | None
    start: int
    field_id: str | None


class _ParagraphText:
    """Text, annotations and anchored blocks collected while walking one paragraph."""

    __slots__ = ("parts", "length", "annotations", "anchors", "after", "fields", "by_field_id")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.annotations: list[Annotation] = []
        # tables and drawings with their position in the text; notes, headers and
        # comments, which belong after the paragraph whatever their position
        self.anchors: list[tuple[int, list[Block]]] = []
        self.after: list[Block] = []
        self.fields: dict[str, _OpenField] = {}
        # open fields by field id, innermost last: an end that names no begin finds its
        # field here without a scan of every open field (30,000 such ends were quadratic)
        self.by_field_id: dict[str, list[tuple[str, _OpenField]]] = {}

    def anchor(self, blocks: list[Block]) -> None:
        if blocks:
            self.anchors.append((self.length, blocks))

    def add(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def open_field(self, key: str, f: _OpenField) -> None:
        self.fields[key] = f
        if f.field_id is not None:
            self.by_field_id.setdefault(f.field_id, []).append((key, f))

    def close_field(self, key: str, f: _OpenField) -> None:
        self.fields.pop(key, None)
        self.annotations.append(Annotation(kind=f.kind, name=f.name, start=f.start, end=self.length))


class SectionReader:
    """Turns one parsed section into blocks; one instance per section."""

    def __init__(self, ctx: ParseContext, state: DocumentState, section: int,
                 master_page: Callable[[str], Any | None] | None = None) -> None:
        self.ctx = ctx
        self.state = state
        self.section = section
        self.master_page = master_page
        self.outline_ref: str | None = None
        self.page: int | None = None
        self.deleting = 0
        self.memo_ids: set[str] = set()
        self.elements = 0  # run children read since the last deadline check

    # section level --------------------------------------------------------------------

    def read(self, root: Any) -> list[Block]:
        """All blocks of the section in reading order."""
        self.state.pages.start_section()
        self.page = self.state.pages.page
        out: list[Block] = []
        sec_pr = next(root.iterdescendants(_SEC_PR), None)
        if sec_pr is not None:
            ref = sec_pr.get("outlineShapeIDRef")
            self.outline_ref = ref if ref not in (None, "", "0") else None
            out.extend(self._master_pages(sec_pr))
        memo_groups = []
        for el in root:
            name = LOCAL_NAMES[el.tag]
            if name == "p":
                self.page = self.state.pages.paragraph(el)
                out.extend(self._paragraph(el, Role.BODY, 0))
            elif name == "memogroup":
                memo_groups.append(el)
        for group in memo_groups:
            out.extend(self._memo_group(group))
        return out

    def _master_pages(self, sec_pr: Any) -> list[Block]:
        if self.master_page is None:
            return []
        out: list[Block] = []
        for ref in children(sec_pr, "masterPage"):
            mp = self.master_page(ref.get("idRef", ""))
            if mp is None:
                continue
            for sub in children(mp, "subList"):
                for block in self._sub_list(sub, Role.HEADER, 1):
                    if isinstance(block, Paragraph):
                        block.style = "master-page"  # tells page decoration from real headers
                    out.append(block)
        return out

    def _memo_group(self, group: Any) -> list[Block]:
        out: list[Block] = []
        for memo in children(group, "memo"):
            if memo.get("id") in self.memo_ids:
                continue  # already emitted from the MEMO field that anchors it
            for sub in memo:
                if local_name(sub.tag) in ("paraList", "subList"):
                    out.extend(self._sub_list(sub, Role.COMMENT, 1))
        return out

    # paragraphs -----------------------------------------------------------------------

    def _paragraph(self, p: Any, role: Role, depth: int) -> list[Block]:
        state = self.state
        state.paragraphs += 1
        if state.paragraphs % _TIME_CHECK_EVERY == 0:
            self.ctx.budget.check_time()
        acc = _ParagraphText()
        # characters per character shape of the paragraph's own runs, for its look
        # (top-level body paragraphs only), counted as the runs are read
        chars: dict[str, int] | None = {} if depth == 0 and role is Role.BODY else None
        for el in p:
            name = LOCAL_NAMES[el.tag]
            if name == "run":
                self._run(el, acc, role, depth, chars)
            elif name == "switch":
                branch = self._switch_branch(el)
                if branch is not None:
                    for run in branch.iterchildren(_RUN):
                        self._run(run, acc, role, depth)
        if acc.fields:
            for key, f in list(acc.fields.items()):
                acc.close_field(key, f)  # a field left open ends with its paragraph
        text = "".join(acc.parts)
        outline_level = None
        prefix = ""
        header = state.header
        para_pr = p.get("paraPrIDRef", "")
        heading = header.heading(para_pr)
        if heading is not None:
            marker = state.numbering.marker(heading, self.outline_ref)  # counts even when blank
            if heading.kind == "OUTLINE":
                outline_level = heading.level + 1
            if marker and text.strip():
                prefix = marker + " "
        style = header.style(p.get("styleIDRef", "")) or None
        if prefix:
            text = prefix + text
        shift = len(prefix)
        annotations = acc.annotations
        anchors = acc.anchors
        if shift:
            annotations = [Annotation(kind=a.kind, name=a.name, start=a.start + shift,
                                      end=a.end + shift) for a in annotations]
            anchors = [(pos + shift, blocks) for pos, blocks in anchors]
        out: list[Block] = []
        if anchors or annotations:
            place_anchored(text, shift, anchors, annotations,
                           partial(self._made, role, style, outline_level), out)
        elif text.strip():  # what place_anchored does with nothing anchored or marked
            out.append(self._made(role, style, outline_level, text, annotations))
        if chars is not None and out:
            look = self._look(para_pr, chars)
            for block in out:
                if isinstance(block, Paragraph):
                    state.looks.note(block, look)
        out.extend(acc.after)
        return out

    def _made(self, role: Role, style: str | None, outline_level: int | None, text: str,
              annotations: list[Annotation]) -> Paragraph:
        """A paragraph (or a piece of one), counted."""
        return Paragraph(text=text, role=role, style=style, outline_level=outline_level,
                         annotations=annotations, prov=self._block_prov())

    def _look(self, para_pr: str, chars: dict[str, int]) -> Look:
        """Size and weight of most of the paragraph's text (``chars``: the characters of
        each character shape in the ``hp:t`` of its runs), and whether its paragraph shape
        ``para_pr`` centres it."""
        header = self.state.header
        centred = header.centred(para_pr)
        if not chars:
            return Look(centred=centred)
        size, bold = header.char_look(max(chars, key=chars.__getitem__))
        return Look(size=float(size), bold=bold, centred=centred)

    @staticmethod
    def _switch_branch(switch: Any) -> Any | None:
        """``hp:switch`` offers alternatives for older readers: take the default, else the first case."""
        default = child(switch, "default")
        return default if default is not None else child(switch, "case")

    def _run(self, run: Any, acc: _ParagraphText, role: Role, depth: int,
             chars: dict[str, int] | None = None) -> None:
        """A run's text and objects; its characters in ``hp:t`` are added to ``chars``
        under its character shape when given."""
        self.elements += len(run)
        if self.elements > _TIME_CHECK_ELEMENTS:  # controls and marks make no blocks
            self.elements = 0
            self.ctx.budget.check_time()
        counted = 0
        for el in run:
            name = LOCAL_NAMES[el.tag]
            if name == "t":
                counted += self._text(el, acc)
            elif name == "ctrl":
                for c in el:
                    self._control(c, acc, role, depth)
            elif name == "tbl":
                acc.anchor(self._table(el, role, depth + 1))
            elif name in _SHAPES:
                acc.anchor(self._shape(el, role, depth + 1))
            elif name == "compose":
                self._add(acc, el.get("composeText", ""))
            elif name == "dutmal":
                main = child(el, "mainText")
                self._add(acc, (main.text or "") if main is not None else "")
            elif name == "switch":
                branch = self._switch_branch(el)
                if branch is not None:
                    self._run(branch, acc, role, depth)
        if counted and chars is not None:
            ref = run.get("charPrIDRef", "")
            chars[ref] = chars.get(ref, 0) + counted

    def _add(self, acc: _ParagraphText, text: str | None) -> None:
        if text and not self.deleting:
            acc.add(text)

    def _text(self, t: Any, acc: _ParagraphText) -> int:
        """``hp:t`` is mixed content: text, inline characters and change-tracking marks.
        Returns the number of characters inside, deleted or not (for the paragraph's look)."""
        text = t.text  # read once: lxml decodes it on every read
        if text and not self.deleting:
            acc.add(text)
        if not len(t):
            return len(text) if text else 0  # plain text, as most are: no child iterator
        for el in t:
            name = LOCAL_NAMES[el.tag]
            if name in _INLINE_TEXT:
                self._add(acc, _INLINE_TEXT[name])
            elif name == "deleteBegin":
                self.deleting += 1  # tracked deletion: the text is shown struck out, not kept
            elif name == "deleteEnd":
                self.deleting = max(0, self.deleting - 1)
            elif name not in _INLINE_MARKS and name:
                self._add(acc, "".join(el.itertext()))
            self._add(acc, el.tail)
        return len("".join(t.itertext()))

    # controls -------------------------------------------------------------------------

    def _control(self, c: Any, acc: _ParagraphText, role: Role, depth: int) -> None:
        name = local_name(c.tag)
        if name in ("header", "footer"):
            acc.after.extend(self._sub_lists(c, Role.HEADER if name == "header" else Role.FOOTER,
                                                depth + 1))
        elif name in _NOTE_ROLES:
            note_role, counter = _NOTE_ROLES[name]
            self.state.objects[counter] = self.state.objects.get(counter, 0) + 1
            acc.after.extend(self._sub_lists(c, note_role, depth + 1))
        elif name == "hiddenComment":
            acc.after.extend(self._sub_lists(c, Role.COMMENT, depth + 1))
        elif name == "fieldBegin":
            self._field_begin(c, acc, depth)
        elif name == "fieldEnd":
            self._field_end(c, acc)
        elif name == "bookmark":
            acc.annotations.append(Annotation(kind="bookmark", name=c.get("name") or None,
                                              start=acc.length, end=acc.length))
        elif name == "autoNum":
            self._auto_number(c, acc)
        elif name == "newNum":
            num_type = c.get("numType", "")
            if num_type in ("FOOTNOTE", "ENDNOTE", "PICTURE", "TABLE", "EQUATION"):
                self.state.objects[num_type] = max(0, int_attr(c, "num", 1) - 1)
        elif name == "colPr" and role is Role.BODY and depth == 0:
            self.state.pages.columns = max(1, int_attr(c, "colCount", 1))

    def _field_begin(self, c: Any, acc: _ParagraphText, depth: int) -> None:
        field_type = (c.get("type") or "").upper()
        kind: AnnotationKind
        if field_type == "HYPERLINK":
            kind, name = "hyperlink", hyperlink_target(c)
        elif field_type == "MEMO":
            kind, name = "comment", c.get("name") or None
            memo_id = field_param(c, "ID")
            if memo_id:
                self.memo_ids.add(memo_id)
            acc.after.extend(self._sub_lists(c, Role.COMMENT, depth + 1))
        elif field_type == "BOOKMARK":
            kind, name = "bookmark", c.get("name") or None
        else:
            kind, name = "field", c.get("name") or field_type.lower() or None
        key = c.get("id") or c.get("fieldid") or f"#{len(acc.fields)}"
        acc.open_field(key, _OpenField(kind, name, acc.length, c.get("fieldid")))

    @staticmethod
    def _field_end(c: Any, acc: _ParagraphText) -> None:
        key = c.get("beginIDRef")
        if key in acc.fields:
            acc.close_field(key, acc.fields[key])
            return
        # Some writers do not match beginIDRef to the begin's id; fall back to the
        # field id, then to the innermost open field.
        fid = c.get("fieldid")
        if fid is None:
            if acc.fields:
                last = next(reversed(acc.fields))
                acc.close_field(last, acc.fields[last])
            return
        opened = acc.by_field_id.get(fid)
        while opened:  # innermost first; entries of fields closed since are dropped here
            k, f = opened.pop()
            if acc.fields.get(k) is f:
                acc.close_field(k, f)
                return

    def _auto_number(self, c: Any, acc: _ParagraphText) -> None:
        num_type = c.get("numType", "")
        if num_type not in ("FOOTNOTE", "ENDNOTE", "PICTURE", "TABLE", "EQUATION"):
            return  # page numbers depend on layout we do not reproduce
        fmt = child(c, "autoNumFormat")
        n = self.state.objects.get(num_type, 0)
        if fmt is None:
            self._add(acc, str(n))
            return
        number = fmt.get("userChar") if fmt.get("type") == "USER_CHAR" and fmt.get("userChar") \
            else format_number(n, fmt.get("type"))
        self._add(acc, f"{fmt.get('prefixChar', '')}{number}{fmt.get('suffixChar', '')}")

    def _sub_lists(self, el: Any, role: Role, depth: int) -> list[Block]:
        out: list[Block] = []
        for sub in children(el, "subList"):
            out.extend(self._sub_list(sub, role, depth))
        return out

    def _sub_list(self, sub: Any, role: Role, depth: int) -> list[Block]:
        self._check_depth(depth)
        out: list[Block] = []
        for p in sub.iterchildren(_P):
            out.extend(self._paragraph(p, role, depth))
        return out

    # tables and shapes ----------------------------------------------------------------

    def _check_depth(self, depth: int) -> None:
        if depth > self.ctx.limits.max_nesting:
            raise LimitExceeded(f"HWPX objects nest deeper than max_nesting={self.ctx.limits.max_nesting}",
                                limit="max_nesting")

    def _captioned(self, el: Any, body: list[Block], depth: int) -> list[Block]:
        caption = child(el, "caption")
        if caption is None:
            return body
        cap_blocks = self._sub_lists(caption, Role.CAPTION, depth + 1)
        if caption.get("side", "BOTTOM").upper() in ("TOP", "LEFT"):
            return cap_blocks + body
        return body + cap_blocks

    def _table(self, tbl: Any, role: Role, depth: int) -> list[Block]:
        self._check_depth(depth)
        objects = self.state.objects
        objects["TABLE"] = objects.get("TABLE", 0) + 1
        cells = self._table_cells(tbl, role, depth)
        self.state.blocks.count()
        table = lay_out_table(cells, int_attr(tbl, "rowCnt", 0), int_attr(tbl, "colCnt", 0), role,
                              self.section, self.page, self.ctx, "hwpx", self.state.blocks)
        return self._captioned(tbl, [table], depth)

    def _table_cells(self, tbl: Any, role: Role, depth: int) -> list[CellDraft]:
        """Every ``hp:tc`` with its address (``hp:cellAddr``), span and blocks."""
        cells: list[CellDraft] = []
        # per row: taken column -> the next column to try, shortened as it is followed
        # (a disjoint-set "next free slot"), so that finding the first free slot stays
        # near-linear however many cells lie in the way
        taken: dict[int, dict[int, int]] = {}
        count = self.state.blocks.count
        for tr_index, tr in enumerate(tbl.iterchildren(_TR)):
            next_col = 0
            for tc_index, tc in enumerate(tr.iterchildren(_TC)):
                addr = span = None
                subs = []
                for el in tc:  # one pass: the first address and span, every sub-list
                    name = LOCAL_NAMES[el.tag]
                    if name == "subList":
                        subs.append(el)
                    elif name == "cellAddr":
                        if addr is None:
                            addr = el
                    elif name == "cellSpan":
                        if span is None:
                            span = el
                row = int_attr(addr, "rowAddr", tr_index) if addr is not None else tr_index
                col = int_attr(addr, "colAddr", -1) if addr is not None else -1
                if row < 0:
                    row = tr_index
                row_taken = taken.setdefault(row, {})
                if col < 0:  # no address: the first free slot of the row
                    col = _first_free(row_taken, next_col)
                row_span = max(1, int_attr(span, "rowSpan", 1)) if span is not None else 1
                col_span = max(1, int_attr(span, "colSpan", 1)) if span is not None else 1
                row_taken.setdefault(col, col + 1)
                next_col = col + col_span
                if len(subs) == 1:  # the usual cell: its one list's blocks as they are
                    blocks = self._sub_list(subs[0], role, depth + 1)
                else:
                    blocks = []
                    for sub in subs:
                        blocks.extend(self._sub_list(sub, role, depth + 1))
                count()
                cells.append(CellDraft(row, col, row_span, col_span, blocks, (tr_index, tc_index)))
        return cells

    def _shape(self, el: Any, role: Role, depth: int) -> list[Block]:
        self._check_depth(depth)
        name = local_name(el.tag)
        counter = _OBJECT_COUNTERS.get(name)
        if counter:
            self.state.objects[counter] = self.state.objects.get(counter, 0) + 1
        body: list[Block] = []
        box_role = role if role is not Role.BODY else Role.TEXTBOX
        draw_text = child(el, "drawText")
        if draw_text is not None:
            body.extend(self._sub_lists(draw_text, box_role, depth + 1))
        if name == "textart" and el.get("text"):
            body.append(Paragraph(
                text=el.get("text"), role=box_role, style=None,
                outline_level=None, annotations=[], prov=self._block_prov()))
        if name == "container":
            for sub in el:
                if local_name(sub.tag) in _SHAPES:
                    body.extend(self._shape(sub, role, depth + 1))
        return self._captioned(el, body, depth)

    # helpers --------------------------------------------------------------------------

    def _block_prov(self) -> Provenance:
        """A new block's provenance; the block counts against the document's budget."""
        self.state.blocks.count()
        return Provenance(section=self.section, page=self.page)


def _first_free(taken: dict[int, int], col: int) -> int:
    """The first column from ``col`` not in ``taken``; the path walked is pointed at it."""
    path = []
    while col in taken:
        path.append(col)
        col = taken[col]
    for c in path:
        taken[c] = col
    return col
