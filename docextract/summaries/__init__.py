"""Summaries for clerks: what a document asks, by when, whom to ask, and its gist.

>>> from docextract.summaries import summarize
>>> s = summarize("공문.hwp", today=date(2025, 7, 6))
>>> s.deadline, s.d_day.label
('2025-07-11T18:00', 'D-5')

Modules: :mod:`.sentences` (structural sentence split), :mod:`.tokenize` (Kiwi / spaCy /
rule tokenizers), :mod:`.textrank` (ranking), :mod:`.summary` (the :class:`Summary`
model), :mod:`.dday`, and the renderers :mod:`.render_text`, :mod:`.render_markdown`,
:mod:`.render_html`. Importing this package loads none of the NLP libraries.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..model import Document
    from .summary import Summary


def extract_record(document: "Document") -> Any:
    """What :func:`docextract.extract` (type ``auto``) finds in ``document``, as an
    :class:`~docextract.extractors.base.Extraction`: the record's values without the
    Pydantic record, which a summary does not need."""
    from ..extraction import find_fields

    return find_fields(document, type="auto")


def summarize(source: Any, *, today: date | None = None, sentences: int = 3,
              nlp: str | None = None, password: str | None = None,
              limits: Any = None) -> "Summary":
    """Parse ``source`` (path, bytes or binary file), extract its record and summarize it."""
    from ..api import parse
    from .summary import build_summary

    document = parse(source, password=password, limits=limits)
    return build_summary(extract_record(document), document, today=today,
                         sentences=sentences, nlp=nlp)


__all__ = ["extract_record", "summarize"]
