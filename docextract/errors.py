"""The docextract exception tree.

Every failure a caller can act on is one of these classes; third-party exceptions
(olefile, zipfile, lxml, zlib, pdfminer) are wrapped at the parser boundary.

* DocextractError                      code "error"            exit 1
  + ConfigurationError (ValueError)    code "configuration"    exit 2
  + UnsupportedFormat (ValueError)     code "unsupported"      exit 3
  + CorruptDocument (ValueError)       code "corrupt"          exit 3
  + EncryptedDocument                  code "encrypted"        exit 4
  + LimitExceeded                      code "limit-exceeded"   exit 5
  + MissingDependency (ImportError)    code "missing-dependency" exit 6
  + ExtractionError                    code "extraction"       exit 7
  + PluginError                        code "plugin"           exit 8

The CLI prints ``str(exc)`` on one line and exits with ``exc.exit_code``.
"""

from __future__ import annotations

from typing import Any


class DocextractError(Exception):
    """Base of every error docextract raises on purpose."""

    code: str = "error"
    exit_code: int = 1

    def __init__(self, message: str, *, code: str | None = None, **context: Any) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.context: dict[str, Any] = context

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready error record: class name, code and message."""
        return {"error": type(self).__name__, "code": self.code, "message": self.message}


class ConfigurationError(DocextractError, ValueError):
    """A setting is wrong: an unknown limit name (in ``limits=`` or a ``DOCEXTRACT_*``
    variable) or a value that is not a number (zero or more)."""

    code = "configuration"
    exit_code = 2


class UnsupportedFormat(DocextractError, ValueError):
    """The bytes are not a format docextract reads (or no parser is registered for it)."""

    code = "unsupported"
    exit_code = 3


class CorruptDocument(DocextractError, ValueError):
    """The container, record stream or XML is broken beyond reading."""

    code = "corrupt"
    exit_code = 3


class EncryptedDocument(DocextractError):
    """The document needs a password, is DRM-wrapped, or uses unsupported encryption."""

    code = "encrypted"
    exit_code = 4


class LimitExceeded(DocextractError):
    """A configured safety limit (size, ratio, count, depth, time) was hit."""

    code = "limit-exceeded"
    exit_code = 5


class MissingDependency(DocextractError, ImportError):
    """An optional package needed for this format or feature is not installed."""

    code = "missing-dependency"
    exit_code = 6


class ExtractionError(DocextractError):
    """A record could not be extracted (unknown type, or strict extraction failed)."""

    code = "extraction"
    exit_code = 7


class PluginError(DocextractError):
    """A plugin entry point failed to load or does not fit the plugin protocol."""

    code = "plugin"
    exit_code = 8


__all__ = [
    "DocextractError",
    "ConfigurationError",
    "UnsupportedFormat",
    "CorruptDocument",
    "EncryptedDocument",
    "LimitExceeded",
    "MissingDependency",
    "ExtractionError",
    "PluginError",
]
