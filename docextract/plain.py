"""Plain dataclasses: the document model, evidence, record parts and summaries.

These classes are built on every run of the CLI, while validating them, writing their
JSON through Pydantic or describing them by a JSON Schema happens only when someone asks.
Importing Pydantic costs more than reading a one-page HWP letter, so they are
standard-library dataclasses, and Pydantic is loaded only by the methods that need it.

* Constructing one does **not** validate: parsers and extractors build them from values
  of the declared types. :meth:`PlainData.from_dict` validates (through a
  ``pydantic.TypeAdapter`` built once per class on first use) and refuses unknown keys.
* :meth:`PlainData.to_dict` gives JSON-ready data with the standard library only
  (:func:`to_jsonable`); :meth:`PlainData.to_json` writes JSON through the TypeAdapter and
  refuses an object whose values do not fit their declared types.

:mod:`docextract.serialize` is the public face of this: ``dump_json``, ``load_document``,
``json_schema``.
"""

from __future__ import annotations

import dataclasses
import enum
from datetime import date, datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, dataclass_transform

if TYPE_CHECKING:
    from pydantic import TypeAdapter

T = TypeVar("T")


@dataclass_transform(kw_only_default=True)
def plain_dataclass(cls: type[T]) -> type[T]:
    """The decorator of every plain data class: keyword-only fields (the classes have many
    optional fields, and names keep calls readable) and slots (smaller objects, faster
    attribute access on the parsers' hot paths)."""
    return dataclasses.dataclass(slots=True, kw_only=True)(cls)


_ADAPTERS: dict[Any, Any] = {}


def type_adapter(cls: type[T]) -> "TypeAdapter[T]":
    """The ``pydantic.TypeAdapter`` of ``cls``, built on first use and kept."""
    found = _ADAPTERS.get(cls)
    if found is None:
        from pydantic import TypeAdapter

        found = _ADAPTERS[cls] = TypeAdapter(cls)
    adapter: TypeAdapter[T] = found
    return adapter


class PlainData:
    """Base of the plain data classes (``@plain_dataclass``): conversion to and from dicts
    and JSON. Subclasses are dataclasses; this base adds no fields."""

    __slots__ = ()
    # Pydantic's documented setting for standard dataclasses: validating a mapping into
    # one of these classes (here or as a field of a record) refuses unknown keys.
    __pydantic_config__ = {"extra": "forbid"}

    def to_dict(self) -> dict[str, Any]:
        """The fields as JSON-ready data: nested classes as dicts, tuples as lists, enums
        as their values, datetimes as ISO text (what :meth:`to_json` writes)."""
        data: dict[str, Any] = to_jsonable(self)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Validate ``data`` (e.g. from :meth:`to_dict` or parsed JSON) into this class.

        Raises ``pydantic.ValidationError`` (a ``ValueError``) for unknown keys, missing
        fields and values that do not fit their types.
        """
        return type_adapter(cls).validate_python(data)

    def to_json(self, *, indent: int | None = None) -> str:
        """JSON text (UTF-8, non-ASCII kept), indented by ``indent`` spaces or on one line.

        Raises ``pydantic_core.PydanticSerializationError`` (a ``ValueError``) when a value
        does not fit its declared type (constructing does not check it).
        """
        return type_adapter(type(self)).dump_json(self, indent=indent, warnings="error").decode()


_FIELDS: dict[type, tuple[str, ...]] = {}


def to_jsonable(value: Any) -> Any:
    """JSON-ready data of plain data classes and the values they hold, standard library
    only: the same data Pydantic writes for them (a test holds the two equal)."""
    if isinstance(value, enum.Enum):
        return to_jsonable(value.value)
    if value is None or isinstance(value, (str, int, float)):
        return value
    kind = type(value)
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(value):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: to_jsonable(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(to_jsonable(k)): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, datetime):
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{kind.__name__} is not JSON data")


class Tagged:
    """``Annotated`` marker of a union whose members are told apart by a ``kind`` field
    (a Pydantic discriminated union), resolved through Pydantic's documented
    ``__get_pydantic_core_schema__`` hook only when a schema is built."""

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


__all__ = ["Described", "PlainData", "Tagged", "plain_dataclass", "to_jsonable", "type_adapter"]
