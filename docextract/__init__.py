"""docextract: key fields and summaries from Korean government documents.

>>> import docextract
>>> doc = docextract.parse("공문.hwp")          # HWP, HWPX, DOCX or PDF, detected by content
>>> print(doc.to_markdown())

The model types live in :mod:`docextract.model`, the errors in :mod:`docextract.errors`.
Heavy modules load on first use so that importing docextract stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
    from .extraction import extract
    from .summaries import summarize
    from .limits import Limits
    from .model import Cell, Document, Paragraph, Role, Table

_LAZY = {
    "parse": ("docextract.api", "parse"),
    "extract": ("docextract.extraction", "extract"),
    "summarize": ("docextract.summaries", "summarize"),
    "Limits": ("docextract.limits", "Limits"),
    "Document": ("docextract.model", "Document"),
    "Paragraph": ("docextract.model", "Paragraph"),
    "Table": ("docextract.model", "Table"),
    "Cell": ("docextract.model", "Cell"),
    "Role": ("docextract.model", "Role"),
}


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'docextract' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(target[0]), target[1])
    globals()[name] = value
    return value


__all__ = [
    "__version__",
    "parse",
    "extract",
    "summarize",
    "Limits",
    "Document",
    "Paragraph",
    "Table",
    "Cell",
    "Role",
    "DocextractError",
    "UnsupportedFormat",
    "CorruptDocument",
    "EncryptedDocument",
    "LimitExceeded",
    "MissingDependency",
    "ExtractionError",
    "PluginError",
]
