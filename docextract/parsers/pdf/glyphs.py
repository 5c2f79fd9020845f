"""Characters of one PDF page, read once through PDFium, in top-left page coordinates.

PDFium's text page is about 30x faster than walking the content stream with pdfminer,
so every page's characters come from here. Each :class:`Glyph` keeps its advance box
(PDFium's "loose" box, the same box pdfplumber reports), which is what the line
builder needs to measure gaps between characters.
"""

from __future__ import annotations

import ctypes
from operator import itemgetter
from typing import Any, NamedTuple

import pypdfium2.raw as pdfium_c


class Glyph(NamedTuple):
    """One drawn character: its text and its box, origin at the page's top-left."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    order: int = 0  # position in the content stream, for glyphs drawn on top of each other
    bold: bool = False  # a bold font, or drawn twice over itself (fake bold)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def width(self) -> float:
        return self.x1 - self.x0


class PageFrame:
    """Maps PDF user space (bottom-left origin) to the displayed page (top-left origin).

    Uses the crop box (what a viewer shows) and the page's /Rotate so that reading order
    is computed on the page as a person sees it.
    """

    def __init__(self, crop: tuple[float, float, float, float], rotation: int) -> None:
        self.left, self.bottom_y, right, self.top_y = crop
        self.raw_width = right - self.left
        self.raw_height = self.top_y - self.bottom_y
        self.rotation = rotation % 360
        if self.rotation in (90, 270):
            self.width, self.height = self.raw_height, self.raw_width
        else:
            self.width, self.height = self.raw_width, self.raw_height

    def point(self, x: float, y: float) -> tuple[float, float]:
        u = x - self.left
        v = self.top_y - y
        r = self.rotation
        if r == 0:
            return u, v
        if r == 90:
            return self.raw_height - v, u
        if r == 180:
            return self.raw_width - u, self.raw_height - v
        return v, self.raw_width - u

    def box(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) of a user-space rectangle on the displayed page."""
        ax, ay = self.point(left, bottom)
        bx, by = self.point(right, top)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


# Wingdings codes Hancom and Word use for list bullets, and the symbols they draw.
# Without this the bullet ❍ comes out as the letter "m".
WINGDINGS_BULLETS = {
    "l": "●", "m": "❍", "n": "■", "o": "□", "q": "❑", "r": "❒", "u": "◆", "v": "❖",
    "\u00a7": "▪", "\u00d8": "➢", "\u00fc": "✓", "\u00fe": "☒", "\u00a8": "◻",
}


def _font_name(raw: Any, index: int, buf: Any, flags: Any) -> str:
    n = pdfium_c.FPDFText_GetFontInfo(raw, index, buf, len(buf), flags)
    return buf.value.decode("latin-1") if 0 < n <= len(buf) else ""


def _codes(raw: Any, count: int) -> list[int]:
    """Every character's code point: one bulk call when PDFium's text is one UTF-16 unit per
    character (no astral characters), else one call per character."""
    buf = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, count, buf)
    if written == count + 1:
        codes = list(buf)[:count]
        if not any(0xD800 <= c <= 0xDFFF for c in codes):
            return codes
    return [pdfium_c.FPDFText_GetUnicode(raw, i) for i in range(count)]


def read_glyphs(textpage: Any, frame: PageFrame, max_chars: int) -> tuple[list[Glyph], int]:
    """The page's drawn characters (PDFium's generated spaces and line breaks left out),
    at most the first ``max_chars``, and how many characters the page has in all.

    Over-printed duplicates (fake bold: the same glyph drawn twice a fraction of a point
    apart) are dropped here, so no later stage sees ``제제안안``.
    """
    raw = textpage.raw
    total = pdfium_c.FPDFText_CountChars(raw)
    if total <= 0:
        return [], 0
    count = min(total, max_chars)
    codes = _codes(raw, count)
    rect = pdfium_c.FS_RECTF()
    # the box's four floats (left, top, right, bottom) in one unpacking: cheaper than four
    # ctypes field reads, for every character
    rect_floats = memoryview(rect).cast("B").cast("f")  # type: ignore[arg-type]
    is_generated = pdfium_c.FPDFText_IsGenerated
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    rect_ref = ctypes.byref(rect)
    upright = frame.rotation == 0
    left, top_y = frame.left, frame.top_y
    box = frame.box
    font_weight = pdfium_c.FPDFText_GetFontWeight
    font_buf = ctypes.create_string_buffer(128)
    font_flags = ctypes.c_int()
    glyphs: list[Glyph] = []
    append = glyphs.append
    new = tuple.__new__  # Glyph(...) without the Python-level __new__ namedtuple generates
    for i, code in enumerate(codes):
        if code < 32 or 0xD800 <= code <= 0xDFFF or code == 0xFFFE or code == 0xFFFF:
            continue  # line breaks PDFium adds, control codes, unpaired surrogates
        if not loose_box(raw, i, rect_ref):
            continue
        if code == 32 and is_generated(raw, i):
            continue  # a space PDFium inferred from a gap; gaps are measured later
        r_left, r_top, r_right, r_bottom = rect_floats
        if upright:
            x0, top, x1, bottom = r_left - left, top_y - r_top, r_right - left, top_y - r_bottom
        else:
            x0, top, x1, bottom = box(r_left, r_bottom, r_right, r_top)
        text = chr(code)
        if text == "\u00a0" or text == "\u3000":
            text = " "
        elif text in WINGDINGS_BULLETS and "wingding" in _font_name(raw, i, font_buf, font_flags).lower():
            text = WINGDINGS_BULLETS[text]
        append(new(Glyph, (text, x0, top, x1, bottom, i, font_weight(raw, i) >= BOLD_WEIGHT)))
    return drop_overprinted(glyphs), total


NEIGHBOURS = 16
_TEXT, _X0 = itemgetter(0), itemgetter(1)  # Glyph.text, Glyph.x0
BOLD_WEIGHT = 600  # PDFium's font weight (-1 or 0 when the font does not say)


def drop_overprinted(glyphs: list[Glyph]) -> list[Glyph]:
    """Remove glyphs drawn again on top of an identical glyph (fake bold, shadow text);
    the glyph kept is marked bold.

    Two glyphs are the same drawing when they have the same text and their boxes are
    offset by less than a point (and a quarter of the glyph size) in both directions; real
    repeated letters (``ㅋㅋ``, ``11``) sit a whole advance apart and are kept. Glyphs are
    sorted by text and position so that each is compared with its few neighbours only.
    """
    texts = list(map(_TEXT, glyphs))
    starts = list(map(_X0, glyphs))
    # by text, then x0, then drawing order: two stable sorts on plain keys (no key tuples)
    order = sorted(range(len(glyphs)), key=starts.__getitem__)
    order.sort(key=texts.__getitem__)
    in_texts = [texts[i] for i in order]
    in_starts = [starts[i] for i in order]
    # the glyphs whose next one in that order has the same text less than a point on: for
    # every other glyph the look-ahead below would stop at once (tol <= 1)
    close = [n for n, (t, u, x, y) in enumerate(zip(in_texts, in_texts[1:], in_starts, in_starts[1:]))
             if t == u and not y - x >= 1.0]  # "not >=": as the look-ahead reads a NaN
    dropped: set[int] = set()
    kept: set[int] = set()
    for n in close:
        i = order[n]
        g = glyphs[i]
        if g.text == " " or i in dropped:
            continue
        tol = min(1.0, 0.25 * max(g.bottom - g.top, g.x1 - g.x0, 0.1))
        # a bounded look-ahead: a column of one repeated letter cannot make this quadratic
        for j in order[n + 1:n + 1 + NEIGHBOURS]:
            other = glyphs[j]
            if other.text != g.text or other.x0 - g.x0 >= tol:
                break
            if abs(other.top - g.top) < tol:
                dropped.add(max(i, j))  # keep the one drawn first
                kept.add(min(i, j))
    if not dropped:
        return glyphs
    return [g._replace(bold=True) if k in kept else g for k, g in enumerate(glyphs) if k not in dropped]


__all__ = ["Glyph", "PageFrame", "read_glyphs", "drop_overprinted"]
