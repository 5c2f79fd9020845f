"""Building records and summaries without building Pydantic validators on the hot path.

``Model.model_validate`` on a ``defer_build`` model first generates its core schema, which
for one CLI run costs more than the extraction itself (and loads Pydantic's plugin
machinery, ``importlib.metadata`` included). Our extractors already produce values of the
declared types, so :func:`build` checks each value against its field's annotation exactly
(``str`` is a ``str``, an ``int`` an ``int`` and not a ``bool``, nested models and plain
dataclass parts are mappings of their own fields, ``Literal`` values are among the allowed
ones) and then uses ``model_construct`` (or the dataclass's constructor). Whatever the
check does not vouch for goes through ``model_validate``, so results and errors are those
of validation.

Pydantic itself is imported only when a value needs validating: a class can only be a
Pydantic model once Pydantic is loaded, so plain dataclasses with plainly fitting values
(the summaries' record parts) are built without it.
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from typing import TYPE_CHECKING, Any, Callable

from ..plain import PlainModel

if TYPE_CHECKING:
    from pydantic import BaseModel

Check = Callable[[Any], Any]


class _Unchecked(Exception):
    """The value is not plainly of the field's type: let Pydantic validate it."""


def _exact(kind: type) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise _Unchecked
        return value
    return check


def _optional(inner: Check) -> Check:
    def check(value: Any) -> Any:
        return None if value is None else inner(value)
    return check


def _list_of(inner: Check) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not list:
            raise _Unchecked
        return [inner(v) for v in value]  # a new list, as validation returns
    return check


def _tuple_of(inners: tuple[Check, ...]) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not tuple or len(value) != len(inners):
            raise _Unchecked
        return tuple(c(v) for c, v in zip(inners, value))
    return check


def _literal(allowed: tuple[Any, ...]) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not str or value not in allowed:
            raise _Unchecked
        return value
    return check


def _is_model(annotation: Any) -> bool:
    """A Pydantic model class (none can exist while Pydantic is not loaded)."""
    pydantic = sys.modules.get("pydantic")
    return pydantic is not None and isinstance(annotation, type) \
        and issubclass(annotation, pydantic.BaseModel)


def _model(cls: "type[BaseModel] | type[PlainModel]") -> Check:
    def check(value: Any) -> Any:
        if type(value) is cls:
            return value  # validation keeps model instances as they are (revalidate: never)
        if type(value) is not dict:
            raise _Unchecked
        return _construct(cls, value)
    return check


def _is_plain(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, PlainModel) \
        and dataclasses.is_dataclass(annotation)


def _checker(annotation: Any) -> Check:
    """A checker for the annotations our models use; anything else is unsupported."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation in (str, int, float, bool):
        return _exact(annotation)
    if _is_model(annotation):
        if annotation.model_config.get("extra") != "forbid":
            raise _Unchecked  # extra keys would be kept or dropped: leave that to Pydantic
        return _model(annotation)
    if _is_plain(annotation):
        return _model(annotation)
    if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        inner = args[0] if args[1] is type(None) else args[1]
        return _optional(_checker(inner))
    if origin is list and len(args) == 1:
        return _list_of(_checker(args[0]))
    if origin is tuple and args and Ellipsis not in args:
        return _tuple_of(tuple(_checker(a) for a in args))
    if origin is typing.Literal and all(type(a) is str for a in args):
        return _literal(args)
    raise _Unchecked


_PLANS: dict[type, dict[str, Check] | None] = {}
_PLAIN_FACTORIES = (list, dict)
_PLAIN_CONFIG = {"extra", "defer_build", "title", "frozen", "json_schema_extra"}


def _plan(cls: type) -> dict[str, Check] | None:
    """Field name → checker for ``cls``, or None when some field is not supported."""
    if cls not in _PLANS:
        try:
            _PLANS[cls] = _plain_plan(cls) if _is_plain(cls) else _model_plan(cls)
        except _Unchecked:
            _PLANS[cls] = None
    return _PLANS[cls]


def _model_plan(cls: "type[BaseModel]") -> dict[str, Check]:
    if cls.model_config.get("extra") != "forbid" or any(
            f.alias or f.validation_alias for f in cls.model_fields.values()):
        raise _Unchecked
    # Constraints (pattern, ge, max_length, strict) and settings such as
    # str_strip_whitespace change what validation accepts; the checks here do not.
    if set(cls.model_config) - _PLAIN_CONFIG or any(
            f.metadata or f.validate_default for f in cls.model_fields.values()):
        raise _Unchecked
    validators = getattr(cls, "__pydantic_decorators__", None)
    if validators is not None and (validators.validators or validators.field_validators
                                   or validators.model_validators):
        raise _Unchecked
    return {name: _checker(f.annotation) for name, f in cls.model_fields.items()}


def _plain_plan(cls: type) -> dict[str, Check]:
    """Plain dataclasses declare types only (no constraints, validators or aliases)."""
    hints = typing.get_type_hints(cls)
    return {f.name: _checker(hints[f.name]) for f in dataclasses.fields(cls)}


def _construct(cls: type, values: dict[str, Any]) -> Any:
    plan = _plan(cls)
    if plan is None:
        raise _Unchecked
    checked = {}
    for key, value in values.items():
        check = plan.get(key) if type(key) is str else None
        if check is None:
            raise _Unchecked  # an unknown field: validation reports it
        checked[key] = check(value)
    if _is_plain(cls):
        if any(f.name not in checked and f.default is dataclasses.MISSING
               and f.default_factory is dataclasses.MISSING for f in dataclasses.fields(cls)):
            raise _Unchecked  # a missing field: validation reports it
        return cls(**checked)
    model: Any = cls  # a Pydantic model: _plan supports only these two kinds of class
    given = set(checked)
    for name, field in model.model_fields.items():
        if name in given:
            continue
        if field.is_required():
            raise _Unchecked  # a missing field: validation reports it
        if field.default_factory in _PLAIN_FACTORIES:
            # model_construct would inspect the builtin's signature first, ~0.4 ms a field
            checked[name] = field.default_factory()  # type: ignore[call-arg]
    return model.model_construct(_fields_set=given, **checked)


def build(cls: "type[BaseModel] | type[PlainModel]", values: dict[str, Any]) -> Any:
    """``cls.model_validate(values)``, without building a validator when the values plainly fit."""
    try:
        return _construct(cls, values)
    except _Unchecked:
        return cls.model_validate(values)


__all__ = ["build"]
