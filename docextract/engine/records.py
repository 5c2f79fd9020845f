"""Record classes generated from specs: a type declared in YAML alone gets a Pydantic record.

Each field's value type (:data:`docextract.engine.values.TYPES`) gives its annotation:
scalars are optional (``str | None``, ``int | None``), lists default to empty, structured
types use the shared parts (:mod:`.parts`). The record's ``type`` is the spec's type, and
its JSON Schema (``docextract schema TYPE``) comes from the class like any other record's.
"""

from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, create_model

from ..records import parts
from ..records.base import Record

if TYPE_CHECKING:
    from .spec_types import Spec

_SCALARS: dict[str, Any] = {"str": str, "int": int, "bool": bool}


def _annotation(type_name: str) -> tuple[Any, Any]:
    from .values import value_type

    kind, is_list = value_type(type_name)
    inner: Any = getattr(parts, kind.part) if kind.part else _SCALARS[kind.python]
    if is_list:
        return list[inner], Field(default_factory=list)
    return inner | None, None


def record_from_spec(spec: "Spec") -> type[Record]:
    """A :class:`Record` subclass with one field per spec field."""
    fields: dict[str, Any] = {"type": (Literal[spec.type], spec.type)}  # type: ignore[valid-type]
    for f in spec.fields:
        annotation, default = _annotation(f.type)
        if f.description:
            if default is None:
                default = Field(default=None, description=f.description)
            else:
                default = Field(default_factory=list, description=f.description)
        fields[f.name] = (annotation, default)
    name = "".join(p.title() for p in spec.type.split("_")) + "Record"
    model: type[Record] = create_model(name, __base__=Record, __module__=__name__, **fields)
    model.record_type = spec.type  # type: ignore[misc]
    model.__doc__ = spec.title + (f": {spec.description}" if spec.description else "")
    return model


__all__ = ["record_from_spec"]
