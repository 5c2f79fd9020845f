"""JSON in and out for the plain data classes: the document model, evidence, record parts
and summaries.

>>> from docextract import serialize
>>> text = serialize.dump_json(doc, indent=2)       # what ``docextract parse`` prints
>>> serialize.load_document(text) == doc            # validated, unknown keys refused
True
>>> serialize.json_schema(Document)["$defs"]["Paragraph"]

Writing and reading go through a ``pydantic.TypeAdapter`` per class, built on first use
(:func:`docextract.plain.type_adapter`), so importing this module does not load Pydantic.
:func:`to_jsonable` gives the same data with the standard library only (the summary's JSON
on the CLI is written that way). Records (:mod:`docextract.records`) are Pydantic models
and have their own ``to_json``.
"""

from __future__ import annotations

from typing import Any, TypeVar

from .model import Document
from .plain import to_jsonable, type_adapter

T = TypeVar("T")


def dump_json(obj: object, *, indent: int | None = None) -> str:
    """``obj`` (a plain data class, or a list or dict of them) as JSON text, UTF-8 with
    non-ASCII kept, indented by ``indent`` spaces or on one line.

    Raises ``pydantic_core.PydanticSerializationError`` (a ``ValueError``) when a value
    does not fit its declared type: constructing a plain data class does not check it.
    """
    data: bytes = type_adapter(type(obj)).dump_json(obj, indent=indent, warnings="error")
    return data.decode()


def load_json(cls: type[T], text: str | bytes) -> T:
    """Validate JSON text into ``cls``; raises ``pydantic.ValidationError`` (a ``ValueError``)."""
    return type_adapter(cls).validate_json(text)


def load_document(text: str | bytes) -> Document:
    """A :class:`~docextract.model.Document` from its JSON (``dump_json``, ``docextract parse``)."""
    return load_json(Document, text)


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a plain data class, as Pydantic describes it."""
    return type_adapter(cls).json_schema()


__all__ = ["dump_json", "json_schema", "load_document", "load_json", "to_jsonable"]
