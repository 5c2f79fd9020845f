"""Build model objects without validation, fast enough for 200,000-paragraph documents.

Shared by the parsers whose hot paths create blocks (DOCX, HWP 5.0).

``BaseModel.model_construct`` walks every field looking for aliases and defaults; with two
models per paragraph that loop is about a quarter of the time of reading a large DOCX.
The blocks built here come from our own code with every field given, so they need
neither. :func:`construct` sets the same instance attributes ``model_construct`` sets.

Those attributes are pydantic internals, so the module checks itself at import: if a
fast-built object does not match a ``model_construct``-built one exactly (a pydantic
release that changed them), every call goes through ``model_construct`` instead.
"""

from __future__ import annotations

from typing import Any, Callable, Literal, TypeVar

from pydantic import BaseModel

from ..model import Annotation, Cell, Paragraph, Provenance, Role, Table

M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__
_FIELDS: dict[type, frozenset[str]] = {
    cls: frozenset(cls.model_fields) for cls in (Paragraph, Provenance, Cell, Table, Annotation)
}


def _fast(cls: type[M], values: dict[str, Any]) -> M:
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(_FIELDS[cls]))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def _slow(cls: type[M], values: dict[str, Any]) -> M:
    return cls.model_construct(**values)


def _fast_matches_pydantic() -> bool:
    values = {"path": "s0/b0", "section": 1, "page": 2, "span": (0, 3), "bbox": None}
    try:
        fast, slow = _fast(Provenance, dict(values)), _slow(Provenance, dict(values))
        return (fast.__dict__ == slow.__dict__
                and fast.model_fields_set == slow.model_fields_set
                and fast.__pydantic_extra__ == slow.__pydantic_extra__
                and fast.__pydantic_private__ == slow.__pydantic_private__
                and not Provenance.__pydantic_post_init__)
    except Exception:  # any change in pydantic's internals: use the public API
        return False


FAST = _fast_matches_pydantic()
construct = _fast if FAST else _slow

_new = object.__new__
_SLOTS = ("__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")


def maker(cls: type[M]) -> Callable[[dict[str, Any]], M]:
    """A constructor for ``cls`` taking the complete field dict: :func:`construct` with the
    class bound and pydantic's slot setters looked up once (the hot paths make one or two
    objects per paragraph and per cell)."""
    if not FAST:
        return lambda values: cls.model_construct(**values)
    try:
        set_fields, set_extra, set_private = (getattr(BaseModel, name).__set__ for name in _SLOTS)
    except AttributeError:  # pydantic stopped declaring them as slots
        return lambda values: _fast(cls, values)
    fields = _FIELDS[cls]

    def make(values: dict[str, Any]) -> M:
        obj = _new(cls)
        _set(obj, "__dict__", values)
        set_fields(obj, set(fields))
        set_extra(obj, None)
        set_private(obj, None)
        return obj

    return make


def provenance(section: int, page: int | None) -> Provenance:
    """A block's provenance before :meth:`Document.assemble` fills in path and span."""
    return construct(Provenance, {"path": "", "section": section, "page": page, "span": None,
                                  "bbox": None})


def paragraph(text: str, role: Role, style: str | None, outline_level: int | None,
              annotations: list[Annotation], section: int, page: int | None) -> Paragraph:
    """A paragraph block with every field given."""
    return construct(Paragraph, {"kind": "paragraph", "text": text, "role": role, "style": style,
                                 "outline_level": outline_level, "annotations": annotations,
                                 "prov": provenance(section, page)})


def cell(row: int, col: int, row_span: int, col_span: int, blocks: list[Paragraph | Table],
         section: int) -> Cell:
    """A table cell anchored at (row, col)."""
    return construct(Cell, {"row": row, "col": col, "row_span": row_span, "col_span": col_span,
                            "blocks": blocks, "prov": provenance(section, None)})


def table(n_rows: int, n_cols: int, rows: list[list[Cell]], role: Role, section: int,
          page: int | None) -> Table:
    """A table block."""
    return construct(Table, {"kind": "table", "n_rows": n_rows, "n_cols": n_cols, "rows": rows,
                             "role": role, "prov": provenance(section, page)})


AnnotationKind = Literal["field", "hyperlink", "comment", "bookmark"]


def annotation(kind: AnnotationKind, name: str | None, start: int, end: int) -> Annotation:
    """A marked range inside a paragraph's text."""
    return construct(Annotation, {"kind": kind, "name": name, "start": start, "end": end})
