"""Where an extracted value came from in the document."""

from __future__ import annotations

from .plain import PlainData, plain_dataclass


@plain_dataclass
class Evidence(PlainData):
    """Where a value came from: the text as printed, its block path and span in Document.text."""

    text: str
    path: str
    span: tuple[int, int]
    page: int | None = None
    rule: str = ""


__all__ = ["Evidence"]
