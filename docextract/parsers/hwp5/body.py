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

import struct
from operator import sub

from ...errors import LimitExceeded
from ...model import Annotation, Paragraph, Role, Table
from ..assembly import BlockBudget, place_anchored
from ..assembly import paragraph as new_paragraph
from ..base import ParseContext
from ..headings import Look, Looks
from .controls import ControlReader, recs_ctrl_id
from .docinfo import ALIGN_CENTRE, DocInfo
from .numbering import NumberingState
from .records import (TAG_CTRL_HEADER, TAG_PARA_CHAR_SHAPE, TAG_PARA_HEADER, TAG_PARA_LINE_SEG,
                      TAG_PARA_RANGE_TAG, TAG_PARA_TEXT, Records)
from .text import decode_para_text

_U16 = struct.Struct("<H").unpack_from
_U32 = struct.Struct("<I").unpack_from
_SHAPE_STYLE = struct.Struct("<HB").unpack_from  # PARA_HEADER: para shape id, style id

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
_LINE_SEG_SIZE = 36
# one line segment: text start, vertical position, five sizes, x, width, flags
_LINE_SEG = struct.Struct("<4xi24xI")
_FIRST_LINE_OF_PAGE = 1


class SectionReader(ControlReader):
    """Reads the paragraphs of one section stream into blocks (the controls they anchor
    through :class:`~.controls.ControlReader`)."""

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
                made = new_paragraph(text, role, style, outline_level, [], self.section,
                                     self.page if self.has_layout else None)
                out.append(made)
                if top:
                    self.looks.note(made, self._look(para_shape, shapes_idx, len(text)))
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
            self.blocks.count()
            return new_paragraph(piece, role, style, outline_level, marks, self.section,
                                 self._page())

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
