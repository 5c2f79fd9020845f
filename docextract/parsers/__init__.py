"""Parsers turn the bytes of one format into a :class:`~docextract.model.Document`.

Built-ins are listed in ``BUILTIN_PARSERS``; third-party parsers register under the
``docextract.parsers`` entry point group with the same :class:`Parser` interface.
"""

from __future__ import annotations

from .base import ParseContext, Parser

BUILTIN_PARSERS: dict[str, str] = {
    "hwp": "docextract.parsers.hwp5:Hwp5Parser",
    "hwpx": "docextract.parsers.hwpx:HwpxParser",
    "docx": "docextract.parsers.docx:DocxParser",
    "pdf": "docextract.parsers.pdf:PdfParser",
}

__all__ = ["BUILTIN_PARSERS", "ParseContext", "Parser"]
