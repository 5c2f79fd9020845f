"""``docextract.extract()``: a file or Document → a typed record (official letter, …).

``type="auto"`` scores every registered extractor on the document and uses the best one
whose score reaches :data:`AUTO_THRESHOLD`; when none does, the generic record comes back
with a warning (never an error). ``spec=`` takes a user YAML field spec instead.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from .api import Input, parse
from .errors import DocextractError, ExtractionError
from .limits import Limits
from .model import Document

if TYPE_CHECKING:
    from .extractors.base import Extraction, Extractor
    from .records.base import Record

AUTO_THRESHOLD = 0.5
R = TypeVar("R")


def _document(source: Input | Document, password: str | None,
              limits: Limits | dict[str, Any] | None) -> Document:
    if isinstance(source, Document):
        return source
    return parse(source, password=password, limits=limits)


def _extractor(name: str) -> Extractor:
    from .registry import extractors

    return extractors().get(name)()


def choose(doc: Document) -> tuple[Extractor, list[str]]:
    """The best-scoring extractor for ``doc`` (and warnings), the generic one as a fallback."""
    from .registry import extractors

    reg = extractors()
    best: tuple[float, Extractor] | None = None
    warnings: list[str] = []
    for name in reg.names():
        if name == "generic":
            continue
        try:
            extractor = reg.get(name)()
            score = float(extractor.score(doc))
        except DocextractError as exc:
            warnings.append(f"extractor {name!r} skipped: {exc}")
            continue
        if best is None or score > best[0]:
            best = (score, extractor)
    if best is not None and best[0] >= AUTO_THRESHOLD:
        return best[1], warnings
    return _extractor("generic"), warnings


def _selected(doc: Document, type: str) -> tuple[Extractor, list[str]]:  # noqa: A002
    if type == "auto":
        return choose(doc)
    return _extractor(type), []


def _run(extractor: Extractor, step: Callable[[Document], R], doc: Document) -> R:
    """``step(doc)`` with extractor bugs turned into :class:`ExtractionError`."""
    try:
        return step(doc)
    except DocextractError:
        raise
    except RecursionError as exc:
        raise ExtractionError(f"{extractor.record_type} extraction nests too deeply") from exc
    except Exception as exc:  # an extractor bug must not become a traceback for the user
        raise ExtractionError(f"{extractor.record_type} extraction failed: "
                              f"{exc.__class__.__name__}: {exc}") from exc


def extract(
    source: Input | Document,
    type: str = "auto",  # noqa: A002 - the public keyword is ``type=``
    *,
    password: str | None = None,
    limits: Limits | dict[str, Any] | None = None,
    spec: str | os.PathLike[str] | None = None,
) -> Record:
    """The record of ``source`` (a path, bytes, binary file or an already parsed Document).

    ``type`` is a registered record type (``"official_letter"``, ``"generic"``) or
    ``"auto"``; ``spec`` is the path of a declarative YAML field spec (then ``type`` is
    ignored). Evidence is on ``record.evidence``, warnings on ``record.warnings``.
    """
    doc = _document(source, password, limits)
    if spec is not None:
        from .extractors.declarative import DeclarativeExtractor

        return DeclarativeExtractor.from_file(spec).extract(doc)
    extractor, warnings = _selected(doc, type)
    record: Record = _run(extractor, extractor.extract, doc)
    record.warnings.extend(warnings)
    return record


def find_fields(
    source: Input | Document,
    type: str = "auto",  # noqa: A002 - the public keyword is ``type=``
    *,
    password: str | None = None,
    limits: Limits | dict[str, Any] | None = None,
) -> Extraction:
    """What :func:`extract` finds, as plain values with evidence and warnings, without
    building the Pydantic record (the summaries' path: it never loads Pydantic for the
    built-in record types)."""
    doc = _document(source, password, limits)
    extractor, warnings = _selected(doc, type)
    found: Extraction = _run(extractor, extractor.find, doc)
    found.warnings.extend(warnings)
    return found


__all__ = ["AUTO_THRESHOLD", "choose", "extract", "find_fields"]
