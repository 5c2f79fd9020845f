"""Plain dataclasses that offer Pydantic's model methods, with Pydantic loaded on first use.

The document model, evidence and summaries are built on every run of the CLI but are
validated, serialised or described by a JSON Schema only when someone asks. Importing
Pydantic and creating model classes costs more than reading a one-page HWP letter, so
these classes are standard-library dataclasses. :class:`PlainModel` gives them the methods
callers know from Pydantic (``model_dump_json``, ``model_validate`` ...), each backed by a
``pydantic.TypeAdapter`` built once per class on first use.

Constructing a dataclass does not validate: the parsers and extractors that build these
objects produce values of the declared types. Data from outside (JSON, dicts) goes through
:meth:`PlainModel.model_validate`, which validates fully and rejects unknown keys.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any, TypeVar, dataclass_transform

P = TypeVar("P", bound="PlainModel")

FORBID_EXTRA: dict[str, Any] = {"extra": "forbid"}
"""Pydantic settings for every plain model (``__pydantic_config__``): unknown keys are errors."""

T = TypeVar("T")


@dataclass_transform(kw_only_default=True)
def plain_dataclass(cls: type[T]) -> type[T]:
    """The decorator of every plain model class: keyword-only fields (as Pydantic models take
    them) and slots (smaller objects, faster attribute access on the parsers' hot paths)."""
    return dataclasses.dataclass(slots=True, kw_only=True)(cls)

_ADAPTERS: dict[type, Any] = {}


def adapter(cls: type) -> Any:
    """The ``pydantic.TypeAdapter`` of ``cls``, built on first use."""
    found = _ADAPTERS.get(cls)
    if found is None:
        from pydantic import TypeAdapter

        found = _ADAPTERS[cls] = TypeAdapter(cls)
    return found


class PlainModel:
    """Mixin for ``@dataclass(slots=True, kw_only=True)`` classes: Pydantic's model API."""

    __slots__ = ()
    __pydantic_config__ = FORBID_EXTRA

    @classmethod
    def model_validate(cls: type[P], data: Any) -> P:
        """Validate a mapping (or an instance) into this class; raises ``pydantic.ValidationError``."""
        return adapter(cls).validate_python(data)  # type: ignore[no-any-return]

    @classmethod
    def model_validate_json(cls: type[P], data: str | bytes) -> P:
        """Validate JSON text into this class; raises ``pydantic.ValidationError``."""
        return adapter(cls).validate_json(data)  # type: ignore[no-any-return]

    @classmethod
    def model_json_schema(cls, **options: Any) -> dict[str, Any]:
        """The JSON Schema of this class (options as ``TypeAdapter.json_schema``)."""
        return adapter(cls).json_schema(**options)  # type: ignore[no-any-return]

    def model_dump(self, *, mode: str = "python", **options: Any) -> dict[str, Any]:
        """The fields as a dict; ``mode="json"`` gives JSON-ready values."""
        return adapter(type(self)).dump_python(self, mode=mode, **options)  # type: ignore[no-any-return]

    def model_dump_json(self, *, indent: int | None = None, **options: Any) -> str:
        """The fields as JSON text (UTF-8, non-ASCII kept)."""
        return adapter(type(self)).dump_json(self, indent=indent, **options).decode()  # type: ignore[no-any-return]

    def model_copy(self: P, *, update: dict[str, Any] | None = None, deep: bool = False) -> P:
        """A copy with ``update`` applied; shallow unless ``deep``, as in Pydantic."""
        source = copy.deepcopy(self) if deep else self
        return dataclasses.replace(source, **(update or {}))  # type: ignore[type-var]


class Tagged:
    """``Annotated`` marker of a union whose members are told apart by a ``kind`` field
    (a Pydantic discriminated union), resolved only when Pydantic builds a schema."""

    __slots__ = ("field",)

    def __init__(self, field: str) -> None:
        self.field = field

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import Discriminator

        return Discriminator(self.field).__get_pydantic_core_schema__(source, handler)


class Described:
    """``Annotated`` marker giving a field its description in the JSON Schema (what
    ``Field(description=...)`` does on a Pydantic model), without importing Pydantic."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> Any:
        schema = handler(core_schema)
        schema["description"] = self.text
        return schema


__all__ = ["Described", "FORBID_EXTRA", "PlainModel", "Tagged", "adapter", "plain_dataclass"]
