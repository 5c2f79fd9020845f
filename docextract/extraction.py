"""``docextract.extract()``: a file or Document → a typed record (official letter, …).

``type="auto"`` scores every registered extractor on the document and uses the best one
whose score reaches its threshold (a spec's ``classify.threshold``, else
:data:`AUTO_THRESHOLD`); when none does, the generic record comes back with a warning
(never an error). ``spec=`` takes the path of a spec file (``schemas/*.yaml`` format).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from .api import Input, parse
from .errors import DocextractError, ExtractionError
from .limits import Limits
from .model import Document

if TYPE_CHECKING:
    from .engine.base import Extraction, Extractor
    from .records.base import Record

AUTO_THRESHOLD = 0.5
GENERIC_WARNING = "no specific record type matched this document; generic record (title, date, issuer)"
R = TypeVar("R")


def _document(source: Input | Document, password: str | None,
              limits: Limits | dict[str, Any] | None) -> Document:
    if isinstance(source, Document):
        return source
    return parse(source, password=password, limits=limits)


def _extractor(name: str) -> Extractor:
    from .registry import extractors

    extractor: Extractor = extractors().get(name)()
    return extractor


def _threshold(extractor: Extractor) -> float:
    spec = getattr(extractor, "spec", None)
    return float(getattr(spec, "threshold", AUTO_THRESHOLD))


def scores(doc: Document) -> tuple[list[tuple[str, float, Extractor]], list[str]]:
    """Every registered type's score for ``doc``, best first, and warnings for types that
    could not be scored. The generic type is not scored: it is the fallback."""
    from .registry import extractors

    reg = extractors()
    out: list[tuple[str, float, Extractor]] = []
    warnings: list[str] = []
    for name in reg.names():
        if name == "generic":
            continue
        try:
            extractor: Extractor = reg.get(name)()
            score = float(extractor.score(doc))
        except DocextractError as exc:
            warnings.append(f"extractor {name!r} skipped: {exc}")
            continue
        out.append((name, score, extractor))
    out.sort(key=lambda t: -t[1])
    return out, warnings


def choose(doc: Document) -> tuple[Extractor, list[str]]:
    """The best-scoring extractor for ``doc`` (and warnings), the generic one as a fallback."""
    ranked, warnings = scores(doc)
    for _, score, extractor in ranked:
        if score >= _threshold(extractor):
            return extractor, warnings
        break
    return _extractor("generic"), [*warnings, GENERIC_WARNING]


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
        from .engine.catalog import extractor_for_path

        spec_extractor = extractor_for_path(os.fspath(spec))()
        return _run(spec_extractor, spec_extractor.extract, doc)
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


__all__ = ["AUTO_THRESHOLD", "GENERIC_WARNING", "choose", "extract", "find_fields", "scores"]
