"""Ruling lines of one PDF page (table borders, cell fills), read from PDFium path objects.

The result is a list of edges in pdfplumber's own edge format, so pdfplumber's table
finder can run on them without pdfminer re-reading the page. Only straight horizontal and
vertical segments count, as in pdfplumber's "lines" strategy; curves and diagonals are
ignored. Paths inside form XObjects are included with their form's matrix applied.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as pdfium_c

from .glyphs import PageFrame

_PATH = pdfium_c.FPDF_PAGEOBJ_PATH
_FORM = pdfium_c.FPDF_PAGEOBJ_FORM
_IMAGE = pdfium_c.FPDF_PAGEOBJ_IMAGE
_LINETO = pdfium_c.FPDF_SEGMENT_LINETO
_MOVETO = pdfium_c.FPDF_SEGMENT_MOVETO
_AXIS_TOLERANCE = 0.5  # points a "horizontal" segment may rise over its length


class TooManyRules(Exception):
    """The page draws more path segments than table finding is allowed to look at."""


Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


@dataclass
class Drawing:
    """What a page draws besides text: ruling edges, and whether it has images."""

    edges: list[dict[str, Any]] = field(default_factory=list)
    has_images: bool = False


def read_drawing(page: Any, frame: PageFrame, max_segments: int, max_depth: int) -> Drawing:
    """Horizontal and vertical edges drawn on the page (pdfplumber edge dicts), and images.

    Raises :class:`TooManyRules` past ``max_segments`` segments, so a page of hatching
    or a hostile path cannot make table finding quadratic.
    """
    drawing = Drawing()
    edges = drawing.edges
    budget = [max_segments]
    fs_matrix = pdfium_c.FS_MATRIX()
    reader = _Reader(frame)
    raw_page = page.raw
    get_type = pdfium_c.FPDFPageObj_GetType
    get_matrix = pdfium_c.FPDFPageObj_GetMatrix
    # depth-first, a form's objects before its next sibling; one iterator per container
    n = pdfium_c.FPDFPage_CountObjects(raw_page)
    stack: list[tuple[Any, Any, Matrix, int]] = [(raw_page, iter(range(max(n, 0))), _IDENTITY, 0)]
    while stack:
        parent, indices, ctm, depth = stack[-1]
        get_object = pdfium_c.FPDFPage_GetObject if depth == 0 else pdfium_c.FPDFFormObj_GetObject
        for index in indices:
            obj = get_object(parent, index)
            if not obj:
                continue
            kind = get_type(obj)
            if kind == _IMAGE:
                drawing.has_images = True
                continue
            if kind != _PATH and kind != _FORM:
                continue
            if get_matrix(obj, fs_matrix):
                own: Matrix = (fs_matrix.a, fs_matrix.b, fs_matrix.c, fs_matrix.d, fs_matrix.e, fs_matrix.f)
            else:
                own = _IDENTITY
            matrix = own if ctm == _IDENTITY else _compose(own, ctm)
            if kind == _FORM:
                if depth + 1 <= max_depth:
                    count = pdfium_c.FPDFFormObj_CountObjects(obj)
                    stack.append((obj, iter(range(max(count, 0))), matrix, depth + 1))
                    break
                continue
            _path_edges(obj, matrix, frame, edges, budget, reader)
        else:
            stack.pop()
    return drawing


class _Reader:
    """Reusable ctypes buffers and bound PDFium calls for walking path segments."""

    def __init__(self, frame: PageFrame) -> None:
        self.frame = frame
        self.x, self.y = ctypes.c_float(), ctypes.c_float()
        self.x_ref, self.y_ref = ctypes.byref(self.x), ctypes.byref(self.y)
        self.l, self.b, self.r, self.t = (ctypes.c_float() for _ in range(4))
        self.bounds_refs = tuple(ctypes.byref(v) for v in (self.l, self.b, self.r, self.t))


def _path_edges(obj: Any, m: Matrix, frame: PageFrame, edges: list[dict[str, Any]],
                budget: list[int], rd: "_Reader") -> None:
    n = pdfium_c.FPDFPath_CountSegments(obj)
    if n <= 0:
        return
    budget[0] -= n
    if budget[0] < 0:
        raise TooManyRules()
    if pdfium_c.FPDFPageObj_GetBounds(obj, *rd.bounds_refs) and m == _IDENTITY:
        if rd.r.value - rd.l.value < 1.0 and rd.t.value - rd.b.value < 1.0:
            return  # a dot: too small to be, or join into, a ruling line
    a, b, c, d, e, f = m
    get_segment = pdfium_c.FPDFPath_GetPathSegment
    get_point = pdfium_c.FPDFPathSegment_GetPoint
    get_type = pdfium_c.FPDFPathSegment_GetType
    get_close = pdfium_c.FPDFPathSegment_GetClose
    x, y, x_ref, y_ref = rd.x, rd.y, rd.x_ref, rd.y_ref
    upright = frame.rotation == 0
    left, top_y = frame.left, frame.top_y
    start: tuple[float, float] | None = None
    prev: tuple[float, float] | None = None
    for i in range(n):
        seg = get_segment(obj, i)
        if not seg or not get_point(seg, x_ref, y_ref):
            prev = None
            continue
        px, py = x.value, y.value
        ux, uy = a * px + c * py + e, b * px + d * py + f
        point = (ux - left, top_y - uy) if upright else frame.point(ux, uy)
        kind = get_type(seg)
        if kind == _MOVETO:
            start = prev = point
            continue
        if kind == _LINETO and prev is not None:
            _add_edge(prev, point, edges)
        if start is not None and get_close(seg):
            _add_edge(point, start, edges)
        prev = point


def _add_edge(p: tuple[float, float], q: tuple[float, float], edges: list[dict[str, Any]]) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y1 - y0) <= _AXIS_TOLERANCE and abs(x1 - x0) > _AXIS_TOLERANCE:
        top = (y0 + y1) / 2
        left, right = min(x0, x1), max(x0, x1)
        edges.append({"object_type": "line", "orientation": "h", "x0": left, "x1": right,
                      "top": top, "bottom": top, "doctop": top, "width": right - left, "height": 0.0})
    elif abs(x1 - x0) <= _AXIS_TOLERANCE and abs(y1 - y0) > _AXIS_TOLERANCE:
        xm = (x0 + x1) / 2
        top, bottom = min(y0, y1), max(y0, y1)
        edges.append({"object_type": "line", "orientation": "v", "x0": xm, "x1": xm,
                      "top": top, "bottom": bottom, "doctop": top, "width": 0.0, "height": bottom - top})


__all__ = ["Drawing", "read_drawing", "TooManyRules"]
