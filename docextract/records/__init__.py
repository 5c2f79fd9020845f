"""Typed records extracted from documents, and the evidence behind their values.

A record's JSON is exactly its fields. The evidence (where each value was found) rides
along on the object, out of the JSON: ``record.evidence["title"]`` lists
:class:`Evidence` items; ``record.to_json(evidence=True)`` adds them under ``"_evidence"``.

Records are Pydantic models (:class:`Record` in :mod:`.base`, :class:`OfficialLetter`,
:class:`GenericRecord`), loaded on first use of their names here; the parts they share
with summaries (:mod:`.parts`) and :class:`Evidence` are plain dataclasses, so importing
this package or :mod:`.parts` does not load Pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..evidence import Evidence

if TYPE_CHECKING:
    from .base import Record
    from .generic import GenericRecord
    from .official_letter import OfficialLetter

_LAZY = {
    "Record": "base",
    "GenericRecord": "generic",
    "OfficialLetter": "official_letter",
}

if not TYPE_CHECKING:  # type checkers see the imports above; unknown names stay errors

    def __getattr__(name: str) -> object:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        import importlib

        value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        globals()[name] = value
        return value


__all__ = ["Evidence", "GenericRecord", "OfficialLetter", "Record"]
