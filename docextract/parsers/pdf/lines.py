"""Glyphs into lines, lines into paragraphs, with Korean line-wrap repair.

Lines
    Glyphs whose boxes overlap vertically by half their height form a row. A space is
    put between two glyphs where the PDF draws a space glyph, or where the gap between
    them is a word gap (:func:`word_gap`): wider than the line's own letter gap by half
    the font's space. The space is measured on the line (a drawn space glyph, else the
    narrow Latin letters ``i l j t f r``, which are about as wide, else a quarter of the
    line height) and the letter gap is the line's median gap, so justified lines, 자간
    and letter-spaced titles move the threshold with them: ``of the`` set in Times
    without space glyphs is two words, ``2050`` spread across a line is one. On a line
    spelled out letter by letter, a blank a space wide after a drawn space is a second
    space (:func:`_double_spaces`: the word gaps of a letter-spaced title). A row is cut into pieces at gaps wider than 1.5 line heights; the
    layout step decides whether pieces are columns or one spaced-out line. Glyphs
    squeezed on top of each other keep their drawing order (a right-aligned ``10``),
    and a row whose glyphs collide at two heights (a formula's numerator and
    denominator) is split in two.

Paragraphs
    Line B continues line A when they are in the same column, of similar size, close
    vertically, overlap horizontally, A does not end a sentence (``.?!`` at its end),
    B does not start a new item (``1.`` ``가.`` ``1)`` ``(1)`` ``①`` ``□`` ``○`` ``-``
    ``·`` ``※`` ``제3조`` …) and A was really wrapped: the space left at A's right end
    is smaller than B's first word, so that word could not have fitted on A (for a
    centred line, the space on both sides). B may also open the next column when A
    closes the previous one full, or the next page when A ends its page full.

Paragraphs are put together in :mod:`.paragraphs`; whether a join needs a space is
decided in :mod:`.wrap`.
"""

from __future__ import annotations

import re
from operator import itemgetter
from statistics import median

from ...normalize.markers import starts_part
from ...normalize.text import is_contents_entry
from .glyphs import Glyph

PIECE_GAP = 1.5  # line heights: wider gaps cut a row into pieces
SPACE_WIDTH = 0.25  # line heights: a space where the line shows none (Times: 0.25 em)
MIN_SPACE, MAX_SPACE = 0.15, 0.5  # line heights: the space measured on a line, clamped
MAX_LETTER_GAP = 0.1  # line heights: the letter gap of a spread line, at most
NARROW_LETTERS = frozenset("iljtfr")  # about a space wide in Latin fonts
INF = float("inf")
_X0 = itemgetter(1)  # Glyph.x0, as a sort key without a Python call per glyph

# A full stop after a digit is a date or number (``2025. 10.``), not a sentence end.
SENTENCE_END = re.compile(r"(?:(?<!\d)[.]|[?!。．？！])[\"'”’)\]」』]*$")


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3" or "\u3131" <= ch <= "\u318e"


class Line:
    """A piece of a row, or a row: glyphs left to right and the text they spell."""

    __slots__ = ("glyphs", "x0", "top", "x1", "bottom", "text", "trailing_space",
                 "space_glyphs", "first_word_x1", "word_gaps", "column", "left_edge", "right_edge",
                 "cell_space_x0", "in_cell", "word_gap_at", "doubled", "space", "ink_height")

    def __init__(self, glyphs: list[Glyph], spread: bool = False) -> None:
        """``spread``: the glyphs are one word spread over a slot (a name grid's cell,
        :mod:`.grid`), so only a drawn space separates words."""
        self.glyphs = glyphs
        # Space glyphs do not count towards the box: HWP pads line ends with wide spaces
        # that reach into the column gutter.
        _, x0, top, x1, bottom, *_ = zip(*([g for g in glyphs if g.text != " "] or glyphs))
        self.x0 = min(x0)
        self.x1 = max(x1)
        self.top = min(top)
        self.bottom = max(bottom)
        self.column = 0
        self.left_edge = self.x0
        self.right_edge = self.x1
        # space: the width of a space on the line (:func:`space_width`); ink_height: the
        # median height of its glyphs but spaces (None: none); both None when spread
        self.space: float | None
        self.ink_height: float | None
        self.word_gap_at, strict, leader, self.space, self.ink_height = (
            (INF, INF, INF, None, None) if spread else word_gap(glyphs))
        self.text, self.trailing_space, self.first_word_x1, self.word_gaps = _spell(
            glyphs, self.word_gap_at, strict, leader)
        # two spaces between the words of a letter-spaced run (:func:`_double_spaces`)
        self.doubled = "  " in self.text
        inner = glyphs[:-1] if self.trailing_space else glyphs
        self.space_glyphs = any(g.text == " " for g in inner[1:])
        # in a table cell: where the rightmost space glyph drawn at the end of one of its
        # wrapped lines starts (None: no line of the cell ends with one)
        self.cell_space_x0: float | None = None
        self.in_cell = False  # a line of a table cell, its edges at the cell's inner edges

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)


def _spell(glyphs: list[Glyph], threshold: float, strict: float,
           leader: float) -> tuple[str, bool, float, list[float]]:
    """Text, whether the line ends with a drawn space, where its first word ends, and
    the widths of its word gaps (ink to ink), which tell how much a line was stretched.
    The thresholds are :func:`word_gap`'s."""
    low = min(threshold, leader)
    parts: list[str] = []
    prev_x1: float | None = None
    prev_text = ""
    first_word_x1: float | None = None
    word_gaps: list[float] = []
    pending_space = False
    # after each drawn space: where its " " is in parts, and the blank between the space
    # glyph and the next ink (a second space the PDF did not draw, see _double_spaces)
    after_space: list[tuple[int, float]] = []
    space_widths: list[float] = []
    space_x1 = 0.0
    for g in glyphs:
        if g.text == " ":
            pending_space = prev_x1 is not None
            if g.x1 > g.x0:
                space_widths.append(g.x1 - g.x0)
            space_x1 = g.x1
            continue
        gap = g.x0 - prev_x1 if prev_x1 is not None else 0.0
        if prev_x1 is not None and (pending_space or (
                gap > low and gap > _junction(prev_text, g.text, threshold, strict, leader))):
            if pending_space:
                after_space.append((len(parts), g.x0 - max(space_x1, prev_x1)))
            parts.append(" ")
            word_gaps.append(gap)
            if first_word_x1 is None:
                first_word_x1 = prev_x1
        pending_space = False
        parts.append(g.text)
        prev_text = g.text
        prev_x1 = g.x1 if prev_x1 is None else max(prev_x1, g.x1)
    trailing = bool(glyphs) and glyphs[-1].text == " "
    text = "".join(parts)
    if len(after_space) >= 3 and _letter_spaced(text):
        for k in _double_spaces(after_space, space_widths):
            parts[k] = "  "
        text = "".join(parts)
    last_x1 = prev_x1 if prev_x1 is not None else glyphs[-1].x1
    return text, trailing, first_word_x1 if first_word_x1 is not None else last_x1, word_gaps


def _letter_spaced(text: str) -> bool:
    """A line spelled out letter by letter (``입 찰 공 고``): three words in four, at least
    four, are a single letter."""
    words = text.split(" ")
    return len(words) >= 4 and 4 * sum(len(w) == 1 for w in words) >= 3 * len(words)


def _double_spaces(after_space: list[tuple[int, float]], space_widths: list[float]) -> list[int]:
    """The drawn spaces that stand for two on a letter-spaced line: a letter-spaced title (``2 0 2 5 년  청 사``,
    one space between letters and two between words) is drawn with one space glyph per gap
    and the second space of a word gap left blank. Such a blank after a space glyph is
    wider than the line's usual blank after one by more than half a space; a justified line
    stretches every blank alike, so its spaces stay single."""
    if len(after_space) < 3 or not space_widths:
        return []
    half = 0.5 * median(space_widths)
    usual = median([blank for _, blank in after_space])
    return [k for k, blank in after_space if blank - usual > half]


def word_gap(glyphs: list[Glyph]) -> tuple[float, float, float, float, float | None]:
    """The narrowest gap between two glyphs of this line that separates words; the
    stricter one for a Latin letter or digit next to a Hangul syllable; the one next
    to a leader dot (``목차 ····· 3``: SPACE_WIDTH of the height of all the line's glyphs);
    and, from the same pass, the line's space (what :func:`space_width` measures) and the
    median height of all its glyphs but spaces (None: it has none).

    The line's letter gap is its median gap where no space glyph is drawn (within
    ±MAX_LETTER_GAP line heights); its space is a drawn space glyph's width, else the
    narrow Latin letters', else SPACE_WIDTH line heights. A word gap is wider than the
    letter gap by half a space, and by half the line's own typical word gap (the upper
    quartile of the gaps that pass the first test) when it has such gaps: a line set
    with wide word gaps does not split at a narrower gap inside ``15분``. A Latin letter
    or digit next to a Hangul syllable (``1회``, ``day에``: Korean fonts place them
    loosely) need SPACE_WIDTH line heights over the letter gap. Leader dots, small and
    packed tight, count towards neither the line height nor the letter gap."""
    heights: list[float] = []
    leader_heights: list[float] = []
    gaps: list[float] = []
    spaces: list[float] = []
    narrow: list[float] = []
    reach: float | None = None
    after_space = False
    after_leader = False
    for g in glyphs:  # one pass: this runs for every line the parser builds
        text = g.text
        if text == " ":
            after_space = True
            if g.x1 > g.x0:
                spaces.append(g.x1 - g.x0)
            continue
        if text in LEADERS:
            leader_heights.append(g.bottom - g.top)
            after_leader = True
        else:
            heights.append(g.bottom - g.top)
            if reach is not None and not after_space and not after_leader:
                gaps.append(g.x0 - reach)
            after_leader = False
            if text in NARROW_LETTERS:
                narrow.append(g.x1 - g.x0)
        after_space = False
        reach = g.x1 if reach is None or g.x1 > reach else reach
    em = median(heights) if heights else 10.0
    ink_height: float | None
    if leader_heights:
        ink_height = median(heights + leader_heights)
        leader = SPACE_WIDTH * ink_height
    else:
        ink_height = em if heights else None
        leader = SPACE_WIDTH * em
    space = _space(spaces, narrow, em)
    letter = min(max(median(gaps), -MAX_LETTER_GAP * em), MAX_LETTER_GAP * em) if gaps else 0.0
    threshold = letter + 0.5 * space
    wide = sorted(g for g in gaps if g > threshold)
    if len(wide) > 1:
        typical = min(wide[(3 * len(wide)) // 4], letter + MAX_SPACE * em)
        threshold = max(threshold, (letter + typical) / 2)
    return threshold, max(threshold, letter + SPACE_WIDTH * em), leader, space, ink_height


LEADERS = frozenset("·‧ㆍ…‥・")


def _space(spaces: list[float], narrow: list[float], em: float) -> float:
    space = median(spaces) if spaces else median(narrow) if narrow else SPACE_WIDTH * em
    return min(max(space, MIN_SPACE * em), MAX_SPACE * em)


def space_width(glyphs: list[Glyph]) -> float:
    """The width of a space on this line (see :func:`word_gap`)."""
    heights: list[float] = []
    spaces: list[float] = []
    narrow: list[float] = []
    for g in glyphs:  # one pass: this runs for every row a page's borderless search cuts
        text = g.text
        if text == " ":
            if g.x1 > g.x0:
                spaces.append(g.x1 - g.x0)
        elif text not in LEADERS:
            heights.append(g.bottom - g.top)
            if text in NARROW_LETTERS:
                narrow.append(g.x1 - g.x0)
    em = median(heights) if heights else 10.0
    return _space(spaces, narrow, em)


def ink_height(line: Line) -> float:
    """The median height of the line's glyphs but spaces (its box height without any),
    as measured when the line was built."""
    if line.ink_height is not None:
        return line.ink_height
    heights = [g.bottom - g.top for g in line.glyphs if g.text != " "]
    return median(heights) if heights else line.height


def line_space(line: Line) -> float:
    """:func:`space_width` of the line, as measured when the line was built."""
    return line.space if line.space is not None else space_width(list(line.glyphs))


def _junction(a: str, b: str, threshold: float, strict: float, leader: float) -> float:
    """The word gap between glyphs ``a`` and ``b`` (see :func:`word_gap`)."""
    if a in LEADERS or b in LEADERS:
        return leader
    if (a.isascii() and a.isalnum() and is_hangul(b)) or (is_hangul(a) and b.isascii() and b.isalnum()):
        return strict
    return threshold


def group_rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs in rows (top to bottom), each row left to right."""
    rows: list[list] = []  # [top, bottom, glyphs]
    # min() and max() written out as comparisons (``b if b < a else a`` is ``min(a, b)``):
    # this loop runs for every glyph against up to four rows
    for g in sorted(glyphs, key=lambda g: g.top + g.bottom):
        top, bottom = g.top, g.bottom
        h = bottom - top
        h = 0.1 if 0.1 > h else h
        for row in reversed(rows[-4:]):
            row_top, row_bottom = row[0], row[1]
            overlap = (bottom if bottom < row_bottom else row_bottom) - (top if top > row_top else row_top)
            if overlap > 0:
                row_h = row_bottom - row_top
                row_h = 0.1 if 0.1 > row_h else row_h
                if overlap >= 0.5 * (row_h if row_h < h else h):
                    row[2].append(g)
                    row[0] = top if top < row_top else row_top
                    row[1] = bottom if bottom > row_bottom else row_bottom
                    break
        else:
            rows.append([top, bottom, [g]])
    rows.sort(key=lambda r: r[0])
    out: list[list[Glyph]] = []
    for r in rows:
        out.extend(_unstack(_left_to_right(r[2])))
    return out


def _unstack(row: list[Glyph]) -> list[list[Glyph]]:
    """Split a row whose glyphs collide horizontally at different heights: the numerator
    and denominator of a formula, or two lines squeezed into one line height. Read in x
    order they would interleave (``해최당저``)."""
    collisions = 0
    for a, b in zip(row, row[1:]):
        if a.text == " " or b.text == " ":
            continue
        narrow = min(a.x1 - a.x0, b.x1 - b.x0)
        if a.x1 - b.x0 > 0.6 * narrow > 0 and abs((a.top + a.bottom) - (b.top + b.bottom)) > 0.4 * narrow:
            collisions += 1
    if collisions < 2:
        return [row]
    centres = sorted((g.top + g.bottom) / 2 for g in row)
    split = (centres[0] + centres[-1]) / 2
    upper = [g for g in row if (g.top + g.bottom) / 2 <= split]
    lower = [g for g in row if (g.top + g.bottom) / 2 > split]
    return [part for part in (upper, lower) if part]


def _left_to_right(glyphs: list[Glyph]) -> list[Glyph]:
    """Sort by position; glyphs squeezed on top of each other keep their drawing order
    (Hancom draws a right-aligned page number ``10`` with the ``0`` overlapping the ``1``)."""
    out = sorted(glyphs, key=_X0)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        narrow = min(a.x1 - a.x0, b.x1 - b.x0)
        if b.order < a.order and a.x1 - b.x0 > 0.5 * narrow > 0:
            out[i - 1], out[i] = b, a
    return out


def split_pieces(row: list[Glyph], text_height: float | None = None) -> list[list[Glyph]]:
    """Cut a row at wide gaps; leading/trailing space glyphs stay with their piece.

    A gap is wide past PIECE_GAP times the row's median glyph height, or times
    ``text_height`` (the page's text) when that is less: a title in one column shares
    its row with a heading or text of the next column, and the gutter between them is
    wide for the text, not for the title."""
    heights = [g.bottom - g.top for g in row if g.text != " "]
    if not heights:
        return []
    limit = PIECE_GAP * min(median(heights), text_height or float("inf"))
    pieces: list[list[Glyph]] = [[]]
    reach: float | None = None
    for g in row:
        if g.text != " ":
            if reach is not None and g.x0 - reach > limit and any(x.text != " " for x in pieces[-1]):
                pieces.append([])
            reach = g.x1 if reach is None else max(reach, g.x1)
        pieces[-1].append(g)
    return [p for p in pieces if any(g.text != " " for g in p)]


def lines_without(lines: list[Line], used: set[Glyph]) -> list[Line]:
    """``lines`` without the glyphs a table took: a line part of which went into a table
    keeps the rest of its glyphs, and a line left with only spaces is dropped."""
    left: list[Line] = []
    for line in lines:
        rest = [g for g in line.glyphs if g not in used]
        if len(rest) == len(line.glyphs):
            left.append(line)
        elif any(g.text != " " for g in rest):
            left.append(Line(rest))
    return left


def merge_line(pieces: list[Line]) -> Line:
    """One line from pieces of the same row (a spaced-out line the layout kept whole)."""
    if len(pieces) == 1:
        return pieces[0]
    glyphs: list[Glyph] = []
    for p in sorted(pieces, key=lambda p: p.x0):
        glyphs.extend(p.glyphs)
    line = Line(glyphs)
    line.column = pieces[0].column
    return line


def is_centred(line: Line) -> bool:
    """Both margins wider than a letter and equal within one and a half letters."""
    left = line.x0 - line.left_edge
    right = line.right_edge - line.x1
    return left > line.height and right > line.height and abs(left - right) < 1.5 * line.height


def continues(a: Line, b: Line, typical_gap: float | None = None) -> bool:
    """True when ``b`` is the wrapped continuation of ``a`` (see module docstring).

    ``b`` may also sit at the top of the next column: a sentence running from the
    bottom of the left column into the right one.
    """
    ha, hb = a.height, b.height
    if not 0.8 <= ha / hb <= 1.25:
        return False
    em = max(ha, hb)
    if a.column != b.column:
        if not (b.top < a.top - 2 * em and b.x0 >= a.x1 - 1.0):
            return False
    else:
        gap = b.top - a.bottom
        limit = 1.3 * em
        if typical_gap is not None:
            limit = min(limit, typical_gap + 0.5 * em)
        if gap < -0.3 * em or gap > limit:
            return False
        if b.x0 >= a.x1 or a.x0 >= b.x1:
            return False
    return _wrapped(a, b, em, strict=a.column != b.column)


def room_for_next_letter(a: Line, b: Line) -> bool:
    """``a`` had room left for ``b``'s first letter, so ``a`` was not cut inside a word (a
    cut leaves the line full): the break was a word wrap, or made by hand. The room is at
    ``a``'s right end; for centred text (``a`` and ``b`` centred between the same edges
    but starting at different places: a label in a table cell) on both sides."""
    letter = next((g for g in b.glyphs if g.text != " "), None)
    if letter is None:
        return False
    width = letter.x1 - letter.x0
    room = a.right_edge - a.x1
    middle = (a.left_edge + a.right_edge) / 2
    near = 0.1 * width
    if abs((a.x0 + a.x1) / 2 - middle) <= near and abs((b.x0 + b.x1) / 2 - middle) <= near \
            and abs(a.x0 - b.x0) > near:
        room += a.x0 - a.left_edge
    return room >= width


# a value printed without spaces that a full cell may cut anywhere: digits with their
# separators (postcode, phone), an e-mail address, a URL or a domain name
_VALUE_PIECE = re.compile(r"^[A-Za-z0-9.@:/_%~#?=&+-]+$")
_VALUE_MARK = re.compile(r"[0-9@/:]|\.[A-Za-z]|[A-Za-z]\.")


def cut_token(a: Line, b: Line) -> bool:
    """In a table cell, ``a`` was cut inside one value that ``b`` goes on with: ``a`` ends
    without a space glyph and had no room for ``b``'s first letter (the cell was full, not
    the value at its end), and both sides of the cut are pieces of a value written
    without spaces that has digits, ``@``, ``/``, ``:`` or a dot between letters
    (``06`` / ``17``, ``jung.h@seo`` / ``ul.go.kr``, ``fire.seoul.go.`` / ``kr/knfs``).
    Two plain words (``Name of`` / ``organization``) are left to the wrap rule: a line
    may end full at a word boundary too."""
    if not a.in_cell or a.trailing_space or not a.text or not b.text:
        return False
    tail, head = a.text.rsplit(" ", 1)[-1], b.text.split(" ", 1)[0]
    if not (_VALUE_PIECE.match(tail) and _VALUE_PIECE.match(head)):
        return False
    if not (_VALUE_MARK.search(tail) or _VALUE_MARK.search(head)):
        return False
    return not room_for_next_letter(a, b)


def continues_on_next_page(a: Line, b: Line) -> bool:
    """True when ``b``, the first body line of a page, continues ``a``, the last body
    line of the page before (HWP breaks paragraphs across pages like across lines)."""
    ha, hb = a.height, b.height
    if not 0.8 <= ha / hb <= 1.25:
        return False
    em = max(ha, hb)
    if b.x0 - b.left_edge > 3 * em:
        return False
    return _wrapped(a, b, em, strict=True)


def _wrapped(a: Line, b: Line, em: float, strict: bool) -> bool:
    """The text and the room left on ``a`` say that ``a`` was wrapped onto ``b``."""
    if (SENTENCE_END.search(a.text) or is_contents_entry(a.text)) and not cut_token(a, b):
        return False  # but ``fire.seoul.go.`` / ``kr`` in a full cell is one address
    if starts_part(b.text) and not (a.text.endswith("니") and b.text.startswith("다")):
        return False  # but ``바랍니`` / ``다. 그런데`` is a verb ending, not item 다.
    room = a.right_edge - a.x1
    if is_centred(a):
        room += a.x0 - a.left_edge  # a centred line's free space is split over both sides
    width = a.right_edge - (a.x0 if strict else min(a.x0, b.x0))
    first_word = b.first_word_x1 - b.x0
    if room > first_word + 0.6 * em or room > 0.4 * max(width, 1.0):
        return False  # b's first word would have fitted on a: a ended on purpose
    if strict and room > 1.0 * em:
        return False  # across a column or page break only a line filled to the margin
    return True


__all__ = [
    "Line", "continues", "continues_on_next_page", "group_rows", "is_centred", "is_hangul",
    "lines_without", "merge_line", "room_for_next_letter", "cut_token", "space_width", "split_pieces", "word_gap",
    "SENTENCE_END",
]
