"""The record of a document no specific extractor recognised."""

# Annotations stay objects (no "from __future__ import annotations"): Pydantic would
# otherwise evaluate every field annotation string again when it creates the class.

from typing import ClassVar, Literal

from pydantic import Field

from .base import Record


class GenericRecord(Record):
    """A document no specific extractor recognized: its title, main date and issuer if found."""

    record_type: ClassVar[str] = "generic"
    type: Literal["generic"] = "generic"

    title: str | None = Field(default=None, description="the document's own title (제목 label or first title-like paragraph; metadata only when the body has none)")
    date: str | None = Field(default=None, description="the date the document is dated with (date line, title, 작성일/시행일 label), ISO")
    issuer: str | None = Field(default=None, description="agency-like line near the top")


__all__ = ["GenericRecord"]
