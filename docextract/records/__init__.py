"""Typed records extracted from documents, and the evidence behind their values.

A record's JSON is exactly its fields. The evidence (where each value was found) rides
along on the object, out of the JSON: ``record.evidence["title"]`` lists
:class:`Evidence` items; ``record.to_json(evidence=True)`` adds them under ``"_evidence"``.

Records are Pydantic models (:class:`Record` in :mod:`.base`); the parts they share with
summaries (:mod:`.parts`) and :class:`Evidence` are plain dataclasses, so importing this
package or :mod:`.parts` does not load Pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..evidence import Evidence

if TYPE_CHECKING:
    from .base import Record


def __getattr__(name: str) -> Any:
    if name == "Record":
        from .base import Record

        return Record
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Evidence", "Record"]
