"""Fast construction of model objects for the body walker.

A large HWP document yields tens of thousands of Paragraph, Cell and Provenance
objects; pydantic's ``model_construct`` costs several microseconds each because it
walks the field table on every call. The walker always passes every field with a
value of the right type, so :func:`make` fills the instance the way
``model_construct`` does (``__dict__`` plus pydantic's three bookkeeping slots) in a
fraction of the time. At import it checks itself against ``model_construct`` and
falls back to it if a pydantic release stores instances differently.
"""

from __future__ import annotations

from typing import Any, Callable, TypeVar

from ...model import Paragraph, Provenance, Role

M = TypeVar("M")
_set = object.__setattr__


def _direct(cls: type[M], values: dict[str, Any]) -> M:
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(values))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def _construct(cls: type[M], values: dict[str, Any]) -> M:
    return cls.model_construct(**values)  # type: ignore[attr-defined, no-any-return]


def _self_check() -> Callable[[type[M], dict[str, Any]], M]:
    try:
        def sample(make: Callable[..., Any]) -> Any:
            prov = make(Provenance, {"path": "", "section": 1, "page": 2, "span": None,
                                     "bbox": None})
            return make(Paragraph, {"kind": "paragraph", "text": "가", "role": Role.BODY,
                                    "style": None, "outline_level": 1, "annotations": [],
                                    "prov": prov})

        fast, slow = sample(_direct), sample(_construct)
        fast.prov.path = "s0/b0"
        slow.prov.path = "s0/b0"
        if fast == slow and fast.model_dump() == slow.model_dump() \
                and fast.model_fields_set == slow.model_fields_set:
            return _direct
    except Exception:  # any surprise in pydantic internals: use the public API
        pass
    return _construct


make: Callable[[type[Any], dict[str, Any]], Any] = _self_check()
