"""``docextract.extract()``: a file or Document → a typed record (official letter, …).

``type="auto"`` scores every registered extractor on the document and uses the best one
whose score reaches its threshold (a spec's ``classify.threshold``, else
:data:`AUTO_THRESHOLD`); when none does, the generic record comes back with a warning
(never an error). ``spec=`` takes the path of a spec file (``schemas/*.yaml`` format).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from dataclasses import field

from .api import Input, parse
from .errors import DocextractError, ExtractionError, LimitExceeded
from .limits import Limits, hard_stop
from .model import Document
from .plain import PlainData, plain_dataclass

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
        except LimitExceeded:
            raise  # the time limit stops the whole call, not one extractor
        except DocextractError as exc:
            warnings.append(f"extractor {name!r} skipped: {exc}")
            continue
        out.append((name, score, extractor))
    out.sort(key=lambda t: -t[1])
    return out, warnings


@plain_dataclass
class TypeScore(PlainData):
    """One document type's score for a document, against the threshold it must reach."""

    type: str
    score: float
    threshold: float
    chosen: bool = False


@plain_dataclass
class Classification(PlainData):
    """Every scored type for one document, best first, and the type ``--type auto`` uses
    (``generic`` when no type reaches its threshold)."""

    chosen: str
    scores: list[TypeScore] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def classify(
    source: Input | Document,
    *,
    password: str | None = None,
    limits: Limits | dict[str, Any] | None = None,
) -> Classification:
    """How well ``source`` fits each registered document type (the scores that
    ``extract(type="auto")`` chooses by), best first. ``chosen`` is the type it would use."""
    doc = _document(source, password, limits)
    ranked, warnings = scores(doc)
    best = _best(ranked)
    picked = ranked[0][0] if best is not None else "generic"
    if best is None:
        warnings.append(GENERIC_WARNING)
    return Classification(
        chosen=picked,
        scores=[TypeScore(type=name, score=round(score, 4), threshold=_threshold(extractor),
                          chosen=name == picked) for name, score, extractor in ranked],
        warnings=warnings)


def _best(ranked: list[tuple[str, float, Extractor]]) -> Extractor | None:
    """The best-scoring extractor when its score reaches its threshold, else ``None``."""
    if ranked and ranked[0][1] >= _threshold(ranked[0][2]):
        return ranked[0][2]
    return None


def choose(doc: Document) -> tuple[Extractor, list[str]]:
    """The best-scoring extractor for ``doc`` (and warnings), the generic one as a fallback."""
    ranked, warnings = scores(doc)
    best = _best(ranked)
    if best is not None:
        return best, warnings
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
    ``limits`` bound the parse; their ``timeout_seconds`` bounds the extraction as well
    (a wall-clock alarm in the main thread: :func:`~docextract.limits.hard_stop`).
    """
    with hard_stop(Limits.resolve(limits)):
        doc = _document(source, password, limits)
        if spec is not None:
            from .engine.catalog import extractor_for_path

            spec_extractor = extractor_for_path(os.fspath(spec))()
            return _run(spec_extractor, spec_extractor.extract, doc)
        extractor, warnings = _selected(doc, type)
        record: Record = _run(extractor, extractor.extract, doc)
    record.warnings.extend(warnings)
    return record


def record_class(name: str) -> type[Record]:
    """The Pydantic record class of a registered type: a spec's ``record:`` class, one
    generated from a YAML spec's fields, or an extractor's own ``record_class``."""
    from .registry import extractors

    cls = extractors().get(name)
    found = getattr(cls, "record_class", None)
    if not callable(found):
        raise ExtractionError(f"type {name!r} ({cls.__module__}.{cls.__qualname__}) does not "
                              "name its record class (a 'record_class' class method)")
    record: type[Record] = found()
    return record


def record_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of a registered type's record (what ``docextract schema TYPE``
    prints and ``schemas/<type>.schema.json`` holds for the built-in types)."""
    schema: dict[str, Any] = record_class(name).model_json_schema()
    return schema


SCHEMA_SUFFIX = ".schema.json"
"""The JSON Schema file of a built-in type is ``schemas/<type>.schema.json``."""


def record_schema_text(name: str) -> str:
    """:func:`record_schema` as the text of its schema file (indented, UTF-8 kept)."""
    import json

    return json.dumps(record_schema(name), ensure_ascii=False, indent=2) + "\n"


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
    with hard_stop(Limits.resolve(limits)):
        doc = _document(source, password, limits)
        extractor, warnings = _selected(doc, type)
        found: Extraction = _run(extractor, extractor.find, doc)
    found.warnings.extend(warnings)
    return found


__all__ = ["AUTO_THRESHOLD", "Classification", "GENERIC_WARNING", "TypeScore", "choose", "classify",
           "extract", "find_fields", "record_class", "record_schema",
           "record_schema_text", "SCHEMA_SUFFIX", "scores"]
