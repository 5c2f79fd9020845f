"""How a WordprocessingML paragraph is set (size, bold, centring), for heading detection.

Documents that use no heading styles still show their headings: larger or bold runs,
centred. :func:`paragraph_look` reads the setting most of the paragraph's text has (run
properties, else the paragraph style's, else the document defaults) into a
:class:`~docextract.parsers.headings.Look`. Only top-level body paragraphs are looked at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..headings import Look
from .inline import W
from .styles import StyleInfo, paragraph_centred, run_bold, run_size

if TYPE_CHECKING:
    from lxml import etree

_R = W + "r"
_T = W + "t"
_RPR = W + "rPr"
WORD_DEFAULT_SIZE = 10.0  # points: Word's size when neither style nor defaults give one


def paragraph_look(p: "etree._Element", ppr: "etree._Element | None", style: StyleInfo) -> Look:
    """The size and weight most of ``p``'s text is set in, and whether it is centred."""
    chars: dict[tuple[float, bool], int] = {}
    for run in p.iter(_R):
        n = sum(len(t.text or "") for t in run.iterchildren(_T))
        if not n:
            continue
        rpr = run.find(_RPR)
        size = run_size(rpr) if rpr is not None else None
        bold = run_bold(rpr) if rpr is not None else None
        key = (size or style.size or WORD_DEFAULT_SIZE, bool(style.bold if bold is None else bold))
        chars[key] = chars.get(key, 0) + n
    if chars:
        size, bold = max(chars, key=lambda k: chars[k])
    else:
        size, bold = style.size or WORD_DEFAULT_SIZE, bool(style.bold)
    centred = paragraph_centred(ppr) if ppr is not None else None
    return Look(size=size, bold=bold, centred=bool(style.centred if centred is None else centred))


__all__ = ["paragraph_look"]
