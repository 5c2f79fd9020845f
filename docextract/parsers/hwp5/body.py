"""Turning one section's record tree into model blocks in reading order.

A paragraph is a PARA_HEADER record; its children hold the text (PARA_TEXT), the
layout cache (PARA_LINE_SEG) and one CTRL_HEADER per extended control in the text.
A control's own children hold its content: a table's TABLE record and one
LIST_HEADER per cell, each followed by that cell's paragraphs at the same level;
headers, footers, notes and hidden comments a LIST_HEADER and paragraphs; drawing
objects a SHAPE_COMPONENT whose LIST_HEADER carries text-box paragraphs.

Blocks are plain dataclasses built directly with every field given: a large document
has tens of thousands of them.
"""

from __future__ import annotations

import re
import struct
from operator import sub

from ...errors import LimitExceeded
from ...model import Annotation, AnnotationKind, Paragraph, Provenance, Role, Table
from ..assembly import BlockBudget, CellDraft, lay_out_table, place_anchored
from ..base import ParseContext
from ..headings import Look, Looks
from .docinfo import ALIGN_CENTRE, DocInfo
from .numbering import NumberingState, format_number
from .records import (TAG_CTRL_DATA, TAG_CTRL_HEADER, TAG_LIST_HEADER, TAG_PARA_CHAR_SHAPE,
                      TAG_PARA_HEADER, TAG_PARA_LINE_SEG, TAG_PARA_RANGE_TAG, TAG_PARA_TEXT,
                      TAG_TABLE, Records)
from .text import FIELD_END, FIELD_START, decode_para_text

_U16 = struct.Struct("<H").unpack_from
_U32 = struct.Struct("<I").unpack_from
_CELL = struct.Struct("<HHHH").unpack_from
_SHAPE_STYLE = struct.Struct("<HB").unpack_from  # PARA_HEADER: para shape id, style id
# auto number: attributes, number, user symbol, decoration before and after
_AUTO_NUMBER = struct.Struct("<IHHHH").unpack_from

# leaf records of BodyText the walker never reads: dropped while scanning (they are
# leaves, so dropping them leaves every other record's subtree unchanged)
BODY_LEAVES_UNUSED = frozenset({TAG_PARA_RANGE_TAG})
# read for top-level paragraphs only: the layout cache counts pages, the character shapes
# tell headings by their look; the (far more numerous) records of paragraphs in cells,
# notes and text boxes are dropped while scanning
BODY_TOP_LEVEL_ONLY = frozenset({TAG_PARA_LINE_SEG, TAG_PARA_CHAR_SHAPE})
# PARA_CHAR_SHAPE: (text position, char shape id) pairs, u32 each
MAX_SHAPE_RUNS = 64

_NOTE_ROLES = (Role.FOOTNOTE, Role.ENDNOTE)
_LIST_ROLES = {"head": Role.HEADER, "foot": Role.FOOTER, "fn  ": Role.FOOTNOTE,
               "en  ": Role.ENDNOTE, "tcmt": Role.COMMENT}
_LINE_SEG_SIZE = 36
# one line segment: text start, vertical position, five sizes, x, width, flags
_LINE_SEG = struct.Struct("<4xi24xI")
_FIRST_LINE_OF_PAGE = 1
_FIELD_KINDS: dict[str, AnnotationKind] = {"%hlk": "hyperlink", "%bmk": "bookmark"}
_UNESCAPED_SEMICOLON = re.compile(r"(?<!\\);")
_BACKSLASH_ESCAPE = re.compile(r"\\(.)")


class SectionReader:
    """Reads the paragraphs of one section stream into blocks."""

    def __init__(self, recs: Records, docinfo: DocInfo, numbering: NumberingState,
                 ctx: ParseContext, section: int, page: int, blocks: BlockBudget,
                 looks: Looks | None = None) -> None:
        self.recs = recs
        self.data = recs.data
        self.tags, self.levels, self.ends = recs.tag, recs.level, recs.end
        self.starts, self.stops = recs.start, recs.stop
        self.docinfo = docinfo
        self.numbering = numbering
        self.ctx = ctx
        self.section = section
        self.page = page  # pages seen so far, counted from the layout cache
        self.has_layout = False
        self.last_y: int | None = None
        self.new_section = True  # a section starts on a new page
        self.max_nesting = ctx.limits.max_nesting
        self.blocks = blocks  # the document's block budget
        self.numbered = docinfo.numbered  # paragraph shapes with a number or bullet
        self._styles: dict[int, str | None] = {}
        # how top-level body paragraphs look, for heading detection (one for the document)
        self.looks = looks if looks is not None else Looks()
        self._looks_seen: dict[tuple[int, int], Look] = {}  # (para shape, char shape) → look
        self._looks_made: dict[tuple[float, bool, bool], Look] = {}  # (size, bold, centred) → look

    # paragraphs ------------------------------------------------------------------------

    def read(self) -> list[Paragraph | Table]:
        """All top-level blocks of the section."""
        recs = self.recs
        out: list[Paragraph | Table] = []
        n = len(recs)
        i = 0
        tags, levels, ends = recs.tag, recs.level, recs.end
        base = min(levels) if n else 0
        check_time = self.ctx.budget.check_time
        count = 0
        while i < n:
            if tags[i] == TAG_PARA_HEADER and levels[i] == base:
                self._paragraph(i, 0, Role.BODY, out, top=True)
            i = ends[i]
            count += 1
            if not count & 0xFF:  # empty paragraphs make no blocks, so check here too
                check_time()
        return out

    def _paragraphs(self, i: int, stop: int, level: int, depth: int, role: Role,
                    out: list[Paragraph | Table]) -> int:
        """Paragraphs at ``level`` from record ``i``; returns the index after the last."""
        if depth > self.max_nesting:
            self._too_deep()
        tags, levels, ends = self.tags, self.levels, self.ends
        paragraph = self._paragraph
        while i < stop and levels[i] == level and tags[i] == TAG_PARA_HEADER:
            e = ends[i]
            if e == i + 1:
                # no children, so no text (most table cells hold one such paragraph):
                # only its number counts, what _paragraph does for it, without the call
                start = self.starts[i]
                if self.stops[i] - start >= 12:
                    para_shape = _U16(self.data, start + 8)[0]
                    if para_shape in self.numbered:
                        self.numbering.prefix(para_shape)
            else:
                paragraph(i, depth, role, out, False)
            i = e
        return i

    def _too_deep(self) -> None:
        raise LimitExceeded(f"HWP section {self.section} nests lists deeper than "
                            f"max_nesting={self.max_nesting}", limit="max_nesting")

    def _paragraph(self, i: int, depth: int, role: Role, out: list[Paragraph | Table],
                   top: bool) -> None:
        data = self.data
        start = self.starts[i]
        if self.stops[i] - start >= 12:
            para_shape, style_id = _SHAPE_STYLE(data, start + 8)
        else:
            para_shape = style_id = -1
        e = self.ends[i]
        numbered = para_shape in self.numbered
        if i + 1 == e:
            # no children: no text, controls or layout (most table cells hold such an
            # empty paragraph); a numbered one still advances its counter
            if numbered:
                self.numbering.prefix(para_shape)
            return
        tags, levels, ends = self.tags, self.levels, self.ends
        child_level = levels[i] + 1
        text_idx = seg_idx = shapes_idx = -1
        ctrls: list[int] = []
        j = i + 1
        while j < e:
            if levels[j] == child_level:
                t = tags[j]
                if t == TAG_PARA_TEXT:
                    text_idx = j
                elif t == TAG_CTRL_HEADER:
                    ctrls.append(j)
                elif t == TAG_PARA_LINE_SEG:
                    seg_idx = j
                elif t == TAG_PARA_CHAR_SHAPE:
                    shapes_idx = j
            j = ends[j]
        starts = self.starts
        if top:
            self._advance_page(seg_idx)
            for c in ctrls:
                # the section definition sits in the section's first paragraph and sets
                # the outline numbering that paragraph already uses
                if data[starts[c]:starts[c] + 4] == b"dces":
                    self._section_def(c)
        if text_idx < 0:
            if not ctrls:
                # an empty paragraph (most table cells hold one); a numbered one still counts
                if numbered:
                    self.numbering.prefix(para_shape)
                return
            text, events = "", list[tuple[int, int, str]]()
        else:
            text, events = decode_para_text(data[starts[text_idx]:self.stops[text_idx]])
        if numbered:
            prefix, outline_level = self.numbering.prefix(para_shape)
            if not text.strip():
                prefix = ""
        else:
            prefix, outline_level = "", None
        if events and role in _NOTE_ROLES and events[0][0] == 0 and events[0][2] == "atno" \
                and text.strip():
            # a note's own number ("1)") is an auto-number control at its start
            prefix = self._auto_number(ctrls) + prefix
        styles = self._styles
        style = styles[style_id] if style_id in styles else self._style(style_id)
        if not ctrls:
            # the common case: plain text, no objects, no fields
            if prefix:
                text = prefix + text
            if text.strip():
                self.blocks.count()
                paragraph = Paragraph(
                    text=text, role=role, style=style, outline_level=outline_level,
                    annotations=[],
                    prov=Provenance(section=self.section,
                                    page=self.page if self.has_layout else None))
                out.append(paragraph)
                if top:
                    self.looks.note(paragraph, self._look(para_shape, shapes_idx, len(text)))
            return
        after: list[Paragraph | Table] = []
        anchors: list[tuple[int, list[Paragraph | Table]]] = []
        annotations: list[Annotation] = []
        if events:
            self._controls(events, ctrls, depth, role, anchors, after, annotations, len(prefix))
        elif ctrls:  # controls without a text record to place them: read them in order
            self._controls([(0, 0, recs_ctrl_id(data, starts[c])) for c in ctrls], ctrls, depth,
                           role, anchors, after, annotations, 0)
        if prefix:
            text = prefix + text
            anchors = [(pos + len(prefix), blocks) for pos, blocks in anchors]

        def make(piece: str, marks: list[Annotation]) -> Paragraph:
            return Paragraph(text=piece, role=role, style=style, outline_level=outline_level,
                             annotations=marks, prov=self._prov())

        first = len(out)
        place_anchored(text, len(prefix), anchors, annotations, make, out)
        if top:
            look = self._look(para_shape, shapes_idx, len(text))
            for block in out[first:]:
                if isinstance(block, Paragraph):
                    self.looks.note(block, look)
        out.extend(after)

    def _look(self, para_shape: int, shapes_idx: int, length: int) -> Look:
        """Size and weight of most of a paragraph's text, and whether it is centred (the
        first MAX_SHAPE_RUNS character-shape runs are weighed)."""
        best = -1
        if shapes_idx >= 0:
            start, stop = self.starts[shapes_idx], self.stops[shapes_idx]
            if stop - start < 16:  # one run: the common case
                best = _U32(self.data, start + 4)[0] if stop - start >= 8 else -1
            else:
                # whole runs only, at most MAX_SHAPE_RUNS of them: the longest run wins, the
                # first of equally long ones; the last runs to the end of the text
                count = min((stop - start) // 8, MAX_SHAPE_RUNS)
                runs = struct.unpack_from(f"<{2 * count}I", self.data, start)
                positions = runs[0::2]
                lengths = list(map(sub, positions[1:], positions))
                lengths.append(max(length, positions[-1] + 1) - positions[-1])
                best = runs[2 * lengths.index(max(lengths)) + 1]
        key = (para_shape, best)
        look = self._looks_seen.get(key)
        if look is None:
            info = self.docinfo
            shapes, chars = info.para_shapes, info.char_shapes
            centred = 0 <= para_shape < len(shapes) and shapes[para_shape].align == ALIGN_CENTRE
            if 0 <= best < len(chars):
                shape = chars[best]
                fields = (float(shape.size), shape.bold, centred)
            else:
                fields = (0.0, False, centred)
            # many shape pairs look alike: one (frozen) Look for each
            look = self._looks_made.get(fields)
            if look is None:
                look = self._looks_made[fields] = Look(*fields)
            self._looks_seen[key] = look
        return look

    def _style(self, style_id: int) -> str | None:
        cache = self._styles
        if style_id in cache:
            return cache[style_id]
        styles = self.docinfo.styles
        name = cache[style_id] = styles[style_id] if 0 <= style_id < len(styles) else None
        return name

    def _prov(self) -> Provenance:
        """A new block's provenance; the block counts against the document's budget."""
        self.blocks.count()
        return Provenance(section=self.section, page=self._page())

    def _page(self) -> int | None:
        """The page being read, when the file keeps its layout cache."""
        return self.page if self.has_layout else None

    def _advance_page(self, seg_idx: int) -> None:
        """Count pages from the layout cache: a line that starts higher up than the line
        before it (or is flagged as a page's first line) starts a new page."""
        if seg_idx < 0:
            return
        self.has_layout = True
        start, stop = self.starts[seg_idx], self.stops[seg_idx]
        lines = (stop - start) // _LINE_SEG_SIZE
        if not lines:
            return
        last_y = self.last_y
        page = self.page
        # one line (most paragraphs) is read in place; more are read in one call
        segs = (_LINE_SEG.unpack_from(self.data, start),) if lines == 1 else \
            _LINE_SEG.iter_unpack(self.data[start:start + lines * _LINE_SEG_SIZE])
        for y, flags in segs:
            if last_y is None:
                if page == 0 or self.new_section:
                    page += 1
                self.new_section = False
            elif y < last_y or flags & _FIRST_LINE_OF_PAGE:
                page += 1
            last_y = y
        self.page = page
        self.last_y = last_y

    # controls --------------------------------------------------------------------------

    def _controls(self, events: list[tuple[int, int, str]], ctrls: list[int], depth: int,
                  role: Role, anchors: list[tuple[int, list[Paragraph | Table]]],
                  after: list[Paragraph | Table], annotations: list[Annotation],
                  shift: int) -> None:
        """Pair extended controls in the text with their CTRL_HEADER records and read them."""
        data, starts = self.data, self.recs.start
        fields: list[tuple[int, AnnotationKind, str | None]] = []
        # Pair in order, tolerating controls whose CTRL_HEADER is missing: an event takes
        # the first header of its id after the last one paired. The headers of each id are
        # listed once and walked with one cursor each, so the pairing stays linear when
        # thousands of events have no header (a scan from the last pairing per event was
        # quadratic: 30,000 such controls took minutes).
        by_id: dict[str, list[int]] = {}
        for m, c in enumerate(ctrls):
            by_id.setdefault(recs_ctrl_id(data, starts[c]), []).append(m)
        cursor: dict[str, int] = {}
        check_time = self.ctx.budget.check_time
        k = 0
        for n, (pos, code, cid) in enumerate(events, 1):
            if not n & 0x3FF:
                check_time()
            if code == FIELD_END:
                if fields:
                    begin, kind, name = fields.pop()
                    annotations.append(Annotation(
                        kind=kind, name=name, start=begin + shift, end=pos + shift))
                continue
            listed = by_id.get(cid)
            if listed is None:
                continue
            at = cursor.get(cid, 0)
            while at < len(listed) and listed[at] < k:
                at += 1
            cursor[cid] = at
            if at == len(listed):
                continue
            m = listed[at]
            c, k = ctrls[m], m + 1
            if cid == "tbl ":
                blocks: list[Paragraph | Table] = []
                self._table(c, depth + 1, role, blocks)
                anchors.append((pos, blocks))
            elif cid == "gso ":
                blocks = []
                self._lists(c, depth + 1, Role.TEXTBOX, blocks)
                if blocks:
                    anchors.append((pos, blocks))
            elif cid in _LIST_ROLES:
                self._lists(c, depth + 1, _LIST_ROLES[cid], after)
            elif code == FIELD_START and cid.startswith("%"):
                fields.append((pos, _FIELD_KINDS.get(cid, "field"), self._field_name(c, cid)))

    def _auto_number(self, ctrls: list[int]) -> str:
        """The text Hancom draws for the first auto-number control among ``ctrls``."""
        data, starts, stops = self.data, self.recs.start, self.recs.stop
        for c in ctrls:
            p = starts[c]
            if data[p:p + 4] == b"onta" and stops[c] - p >= 16:
                props, number, user, before, after = _AUTO_NUMBER(data, p + 4)
                shape = (props >> 4) & 0xFF
                mark = chr(user) if shape == 0x81 and user else format_number(number, shape)
                return (chr(before) if before else "") + mark + (chr(after) if after else "")
        return ""

    def _section_def(self, c: int) -> None:
        start, stop = self.recs.start[c], self.recs.stop[c]
        # ctrl id, attributes, column gap, grids (2+2+2), default tab stop, then the
        # outline numbering id
        if stop - start >= 20:
            nid = _U16(self.data, start + 18)[0]
            if nid:
                self.numbering.outline_id = nid

    def _field_name(self, c: int, cid: str) -> str | None:
        """A field's name (누름틀) from its CTRL_DATA, or a hyperlink's target from its command."""
        recs, data = self.recs, self.data
        start, stop = recs.start[c], recs.stop[c]
        if cid == "%hlk":
            if stop - start < 11:
                return None
            n = _U16(data, start + 9)[0]
            command = data[start + 11:min(stop, start + 11 + 2 * n)].decode("utf-16-le", "replace")
            # the command is "target;flags…"; the target escapes ':', ';', '?' with '\\'
            target = _BACKSLASH_ESCAPE.sub(r"\1", _UNESCAPED_SEMICOLON.split(command, 1)[0])
            return target.strip() or None
        j, e = c + 1, recs.end[c]
        while j < e:
            if recs.tag[j] == TAG_CTRL_DATA:
                p, q = recs.start[j], recs.stop[j]
                # parameter set: id, count, pad; then item id, type (1 = string), length, text
                if q - p >= 12 and _U16(data, p + 8)[0] == 1:
                    n = _U16(data, p + 10)[0]
                    name = data[p + 12:min(q, p + 12 + 2 * n)].decode("utf-16-le", "replace")
                    return name or None
            j = recs.end[j]
        return None

    def _lists(self, c: int, depth: int, role: Role, out: list[Paragraph | Table]) -> None:
        """Every paragraph list inside control ``c`` (notes, headers, text boxes, captions)."""
        tags, levels = self.recs.tag, self.recs.level
        j, e = c + 1, self.recs.end[c]
        caption_level = levels[c] + 1
        while j < e:
            if tags[j] == TAG_LIST_HEADER and j + 1 < e and tags[j + 1] == TAG_PARA_HEADER \
                    and levels[j + 1] == levels[j]:
                list_role = Role.CAPTION if role == Role.TEXTBOX and levels[j] == caption_level \
                    else role
                j = self._paragraphs(j + 1, e, levels[j], depth, list_role, out)
            else:
                j += 1

    def _table(self, c: int, depth: int, role: Role, out: list[Paragraph | Table]) -> None:
        data = self.data
        tags, levels, ends, starts, stops = self.tags, self.levels, self.ends, self.starts, self.stops
        level = levels[c] + 1
        n_rows = n_cols = 0
        seen_table = False
        captions: list[Paragraph | Table] = []
        caption_on_top = False
        cells: list[CellDraft] = []
        listed_row = listed_col = 0  # where the file lists the cell (row of the listing, place)
        numbered, max_nesting = self.numbered, self.max_nesting
        j, e = c + 1, ends[c]
        while j < e:
            if levels[j] != level:
                j = ends[j]
                continue
            t = tags[j]
            if t == TAG_TABLE:
                if stops[j] - starts[j] >= 8:
                    n_rows, n_cols = _U16(data, starts[j] + 4)[0], _U16(data, starts[j] + 6)[0]
                seen_table = True
                j = ends[j]
            elif t == TAG_LIST_HEADER:
                p = starts[j]
                if not seen_table:
                    if stops[j] - p >= 12:
                        caption_on_top = (_U32(data, p + 8)[0] & 3) == 2
                    j = self._paragraphs(ends[j], e, level, depth, Role.CAPTION, captions)
                    continue
                if stops[j] - p >= 16:
                    col, row, col_span, row_span = _CELL(data, p + 8)
                else:
                    col, row, col_span, row_span = 0, len(cells), 1, 1
                if cells and row != cells[-1].row:  # cells are listed row by row
                    listed_row, listed_col = listed_row + 1, 0
                blocks: list[Paragraph | Table] = []
                p = ends[j]
                if p + 1 < e and ends[p] == p + 1 and levels[p] == level \
                        and tags[p] == TAG_PARA_HEADER and tags[p + 1] != TAG_PARA_HEADER \
                        and depth <= max_nesting:
                    # the common cell: one paragraph with no children (no text), followed by
                    # the next cell; only its number counts, as in _paragraphs
                    if stops[p] - starts[p] >= 12:
                        para_shape = _U16(data, starts[p] + 8)[0]
                        if para_shape in numbered:
                            self.numbering.prefix(para_shape)
                    j = p + 1
                else:
                    j = self._paragraphs(p, e, level, depth, role, blocks)
                self.blocks.count()
                cells.append(CellDraft(row, col, row_span, col_span, blocks,
                                       (listed_row, listed_col)))
                listed_col += 1
            else:
                j = ends[j]
        if caption_on_top:
            out.extend(captions)
        if cells or seen_table:
            self.blocks.count()
            out.append(lay_out_table(cells, n_rows, n_cols, role, self.section, self._page(),
                                     self.ctx, "hwp", self.blocks))
        if not caption_on_top:
            out.extend(captions)


def recs_ctrl_id(data: bytes, start: int) -> str:
    """The control id at the start of a CTRL_HEADER payload."""
    return data[start:start + 4][::-1].decode("latin-1")
