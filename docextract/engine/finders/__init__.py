"""Shared finders: the functions spec fields name in ``finder:``.

A finder takes the :class:`~docextract.engine.context.FindContext` and the field's
:class:`~docextract.engine.spec.FieldSpec` and returns a :class:`~docextract.engine.base.Found`
(value and evidence) or ``None``. A *multi* finder returns a mapping of outputs (the 결재란
gives ``drafter``, ``reviewers``, ``approver``, ``cooperators``); fields pick one with
``take:`` (default: the field's own name) and the finder runs once per document.

Finders are registered with :func:`finder`; :data:`FINDERS` maps names to functions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

FINDERS: dict[str, Callable[..., Any]] = {}


def finder(name: str, *, multi: bool = False, needs: tuple[str, ...] = (),
           printed: bool = False) -> Callable[[F], F]:
    """Register a finder under ``name``. ``needs`` lists what the field must give
    (``label``, ``pattern``), checked when a spec is compiled. A ``printed`` finder returns
    the text as printed, which the engine converts to the field's type; the others return
    values of the type already (ISO dates, normalized phones, parts as mappings)."""
    def register(func: F) -> F:
        func.multi = multi  # type: ignore[attr-defined]
        func.needs = needs  # type: ignore[attr-defined]
        func.printed = printed  # type: ignore[attr-defined]
        FINDERS[name] = func
        return func
    return register


# The modules register their finders on import.
from . import (approvals, attachments, contact_forms, contact_tables, contacts,  # noqa: E402
               dates, document, head, labelled, notices, numbers, outline, tables, text)

__all__ = ["FINDERS", "approvals", "attachments", "contact_forms", "contact_tables", "contacts", "dates",
           "document", "finder", "head", "labelled", "notices", "numbers", "outline", "tables",
           "text"]
