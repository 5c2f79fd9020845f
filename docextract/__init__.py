"""docextract: key fields and summaries from Korean government documents.

>>> import docextract
>>> doc = docextract.parse("공문.hwp")          # HWP, HWPX, DOCX or PDF, detected by content
>>> print(doc.to_markdown())
>>> letter = docextract.extract(doc)            # an OfficialLetter (or a generic record)
>>> docextract.summarize(doc).deadline
>>> [(s.type, s.score) for s in docextract.classify(doc).scores]   # what --type auto weighs

The model types live in :mod:`docextract.model`, the errors in :mod:`docextract.errors`,
JSON in and out in :mod:`docextract.serialize`. Everything but the errors loads on first
use, so that importing docextract stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._version import __version__
from .errors import (
    CorruptDocument,
    DocextractError,
    EncryptedDocument,
    ExtractionError,
    LimitExceeded,
    MissingDependency,
    PluginError,
    UnsupportedFormat,
)

if TYPE_CHECKING:
    from .api import parse
    from .chunking import chunks
    from .extraction import Classification, TypeScore, classify, extract
    from .limits import Limits
    from .model import Cell, Document, Paragraph, Role, Table
    from .records.official_letter import OfficialLetter
    from .summaries import summarize
    from .summaries.summary import Summary

_LAZY = {
    "parse": "docextract.api",
    "extract": "docextract.extraction",
    "classify": "docextract.extraction",
    "Classification": "docextract.extraction",
    "TypeScore": "docextract.extraction",
    "summarize": "docextract.summaries",
    "chunks": "docextract.chunking",
    "Limits": "docextract.limits",
    "Document": "docextract.model",
    "Paragraph": "docextract.model",
    "Table": "docextract.model",
    "Cell": "docextract.model",
    "Role": "docextract.model",
    "OfficialLetter": "docextract.records.official_letter",
    "Summary": "docextract.summaries.summary",
}

if not TYPE_CHECKING:
    # Type checkers see the imports above instead, so a misspelt name such as
    # ``docextract.prase`` is an error for them rather than ``Any``.

    def __getattr__(name: str) -> object:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'docextract' has no attribute {name!r}")
        import importlib

        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value


__all__ = [
    "__version__",
    "parse",
    "extract",
    "classify",
    "Classification",
    "TypeScore",
    "summarize",
    "chunks",
    "Limits",
    "Document",
    "Paragraph",
    "Table",
    "Cell",
    "Role",
    "OfficialLetter",
    "Summary",
    "DocextractError",
    "UnsupportedFormat",
    "CorruptDocument",
    "EncryptedDocument",
    "LimitExceeded",
    "MissingDependency",
    "ExtractionError",
    "PluginError",
]
