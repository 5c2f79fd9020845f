"""Parsers turn the bytes of one format into a :class:`~docextract.model.Document`.

One package per format, its parser class in the package's ``__init__``: :mod:`.hwp5`
(HWP 5.0), :mod:`.hwpx` (HWPX), :mod:`.ooxml` (DOCX) and :mod:`.pdf`. What they share
is beside them: :mod:`.base` (the :class:`Parser` interface), :mod:`.assembly` (the rules
that turn content into blocks the same way in every word-processor format) and
:mod:`.text` (numbering and bullet glyphs).

Built-ins are listed in ``BUILTIN_PARSERS``; third-party parsers register under the
``docextract.parsers`` entry point group with the same :class:`Parser` interface.
"""

from __future__ import annotations

from .base import ParseContext, Parser

BUILTIN_PARSERS: dict[str, str] = {
    "hwp": "docextract.parsers.hwp5:Hwp5Parser",
    "hwpx": "docextract.parsers.hwpx:HwpxParser",
    "docx": "docextract.parsers.ooxml:DocxParser",
    "pdf": "docextract.parsers.pdf:PdfParser",
}

__all__ = ["BUILTIN_PARSERS", "ParseContext", "Parser"]
