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
    from ..api import Input
    from ..extractors.base import Extraction
    from ..limits import Limits
    from ..model import Document
    from .summary import Summary


def extract_record(document: Document) -> Extraction:
    """What :func:`docextract.extract` (type ``auto``) finds in ``document``, as an
    :class:`~docextract.extractors.base.Extraction`: the record's values without the
    Pydantic record, which a summary does not need."""
    from ..extraction import find_fields

    return find_fields(document, type="auto")


def summarize(source: Input | Document, *, today: date | None = None, sentences: int | None = None,
              nlp: str | None = None, password: str | None = None,
              limits: Limits | dict[str, Any] | None = None) -> Summary:
    """Summarize ``source``: a path, bytes, a binary file object or an already parsed
    :class:`~docextract.model.Document` (then ``password`` is not used, and ``limits``
    only for their ``timeout_seconds``, which bounds the whole call).

    ``today`` fixes the date D-days count from; ``sentences`` is the length of the
    extractive summary (by default the document type's own, from its spec); ``nlp`` picks the tokenizer (``auto``, ``kiwi``, ``spacy``, ``light``).
    """
    from ..api import parse
    from ..limits import Limits, hard_stop
    from ..model import Document
    from .summary import build_summary

    with hard_stop(Limits.resolve(limits)):
        document = source if isinstance(source, Document) else parse(
            source, password=password, limits=limits)
        return build_summary(extract_record(document), document, today=today,
                             sentences=sentences, nlp=nlp)


__all__ = ["Summary", "extract_record", "summarize"]


if not TYPE_CHECKING:  # type checkers see the import above; unknown names stay errors

    def __getattr__(name: str) -> object:
        if name == "Summary":  # the class lives in .summary, which loads the extractors
            from .summary import Summary

            return Summary
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
