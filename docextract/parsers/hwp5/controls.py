"""The controls a paragraph anchors: tables, text boxes, notes, headers and footers,
fields and auto numbers (HWP 5.0 CTRL_HEADER records and their children).

:class:`ControlReader` is the half of :class:`~.body.SectionReader` that reads them; the
other half (paragraphs, pages, looks) is in :mod:`.body`, and each calls the other.
"""

from __future__ import annotations

import re
import struct
from typing import Callable

from ...model import Annotation, AnnotationKind, Paragraph, Role, Table
from ..assembly import BlockBudget, CellDraft, lay_out_table
from ..base import ParseContext
from .numbering import NumberingState, format_number
from .records import TAG_CTRL_DATA, TAG_LIST_HEADER, TAG_PARA_HEADER, TAG_TABLE, Records
from .text import FIELD_END, FIELD_START

_U16 = struct.Struct("<H").unpack_from
_U32 = struct.Struct("<I").unpack_from
_CELL = struct.Struct("<HHHH").unpack_from
# auto number: attributes, number, user symbol, decoration before and after
_AUTO_NUMBER = struct.Struct("<IHHHH").unpack_from

_LIST_ROLES = {"head": Role.HEADER, "foot": Role.FOOTER, "fn  ": Role.FOOTNOTE,
               "en  ": Role.ENDNOTE, "tcmt": Role.COMMENT}
_FIELD_KINDS: dict[str, AnnotationKind] = {"%hlk": "hyperlink", "%bmk": "bookmark"}
_UNESCAPED_SEMICOLON = re.compile(r"(?<!\\);")
_BACKSLASH_ESCAPE = re.compile(r"\\(.)")


class ControlReader:
    """Reads the controls of a section's paragraphs (mixed into :class:`~.body.SectionReader`,
    which sets these attributes and provides :meth:`_paragraphs` and :meth:`_page`)."""

    recs: Records
    data: bytes
    tags: list[int]
    levels: list[int]
    starts: list[int]
    stops: list[int]
    ends: list[int]
    numbering: NumberingState
    ctx: ParseContext
    section: int
    max_nesting: int
    numbered: frozenset[int]
    blocks: BlockBudget

    _paragraphs: Callable[[int, int, int, int, Role, list[Paragraph | Table]], int]
    _page: Callable[[], int | None]

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
