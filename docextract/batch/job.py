"""One unit of batch work: read one input, do one thing with it, describe the outcome.

A :class:`Job` says what to do with every input (``parse``, ``extract``, ``summarize``,
``classify``, ``text``, or a picklable callable taking a :class:`~docextract.model.Document`) and with
which options. It is engine-neutral: the local process pool, the Dask engine and the
``parse``/``extract``/``summarize`` commands all go through :meth:`Job.perform` (the
objects, for rendering) or :meth:`Job.run` (the envelope line), so one input gets the
same envelope whichever way it was processed.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Callable, Union

from ..limits import Limits
from .deadline import time_limit
from .envelope import OK, Result, dumps, envelope, failed
from .inputs import fingerprint

if TYPE_CHECKING:
    from ..model import Document

PAYLOAD_KEYS: dict[str, str] = {
    "parse": "document",
    "extract": "record",
    "summarize": "summary",
    "classify": "classification",
    "text": "text",
}
"""What each action puts in the envelope, under which key."""

CUSTOM_PAYLOAD_KEY = "result"
"""The envelope key of the value a callable ``do`` returns."""

Action = Union[str, Callable[["Document"], Any]]


@dataclass
class Product:
    """What :meth:`Job.perform` made of one document: the objects (for renderers that
    need them) and their JSON-ready ``payload``."""

    document: "Document"
    value: Any
    payload: Any
    type: str | None = None
    warnings: list[dict[str, str]] = field(default_factory=list)
    found: Any = None  # the Extraction behind a summary (its HTML page shows the evidence)


@dataclass(frozen=True)
class Job:
    """What to do with each input and with which options (picklable: it travels to workers)."""

    do: Action = "extract"
    password: str | None = None
    limits: Limits | None = None
    record_type: str = "auto"
    spec: str | None = None
    evidence: bool = False
    today: date | None = None
    sentences: int | None = None
    nlp: str | None = None
    # folders of YAML types (``--schema-dir``), absolute: a worker process (forkserver,
    # spawn, a Dask node) starts with the built-in registry only and adds them itself
    schema_dirs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not callable(self.do) and self.do not in PAYLOAD_KEYS:
            raise ValueError(f"unknown action {self.do!r} (known: {', '.join(PAYLOAD_KEYS)}, "
                             "or a callable taking a Document)")

    @property
    def payload_key(self) -> str:
        return CUSTOM_PAYLOAD_KEY if callable(self.do) else PAYLOAD_KEYS[self.do]

    @property
    def timeout(self) -> float:
        """Seconds allowed per input (the limits' ``timeout_seconds``)."""
        return Limits.resolve(self.limits).timeout_seconds

    def perform(self, source: Any, name: str | None = None) -> Product:
        """Parse ``source`` (a path, bytes or binary file) and do the action; raises
        :class:`~docextract.errors.DocextractError` subclasses on failure."""
        from ..api import parse

        self._add_schema_dirs()
        document = parse(source, password=self.password, limits=self.limits, name=name)
        issues = [{"code": w.code, "message": w.message} for w in document.warnings]
        if callable(self.do):
            value = self.do(document)
            return Product(document, value, value, warnings=issues)
        if self.do == "extract":
            return self._extract(document, issues)
        if self.do == "summarize":
            return self._summarize(document, issues)
        if self.do == "classify":
            from ..extraction import classify

            found = classify(document)
            return Product(document, found, found.to_dict(), type=found.chosen,
                           warnings=issues + _extraction_warnings(found.warnings))
        if self.do == "text":
            text = document.to_text()
            return Product(document, text, text, warnings=issues)
        return Product(document, document, document.to_dict(), warnings=issues)

    def _add_schema_dirs(self) -> None:
        """Register the types of :attr:`schema_dirs` in this process (a folder already
        registered from the same files is left as it is)."""
        if self.schema_dirs:
            from ..registry import add_schema_dir

            for folder in self.schema_dirs:
                add_schema_dir(folder)

    def _extract(self, document: "Document", issues: list[dict[str, str]]) -> Product:
        from ..extraction import extract

        record = extract(document, self.record_type, spec=self.spec)
        return Product(document, record, record.to_dict(evidence=self.evidence),
                       type=record.record_type, warnings=issues + _extraction_warnings(record.warnings))

    def _summarize(self, document: "Document", issues: list[dict[str, str]]) -> Product:
        from ..summaries import extract_record
        from ..summaries.render_json import summary_data
        from ..summaries.summary import build_summary

        found = extract_record(document)
        summary = build_summary(found, document, today=self.today, sentences=self.sentences,
                                nlp=self.nlp)
        return Product(document, summary, summary_data(summary), type=summary.record_type,
                       warnings=issues + _extraction_warnings(found.warnings), found=found)

    def run(self, path: str, index: int = 0, *, data: bytes | None = None,
            alarm: bool = False, reraise: bool = False) -> Result:
        """The envelope of one input as a :class:`Result`; never raises for a bad input
        (unless ``reraise``: the CLI's ``--debug`` wants the traceback).

        ``data`` gives the bytes when the caller has them (standard input, bytes shipped to
        a Dask worker); otherwise ``path`` is read here. ``alarm`` adds the wall-clock
        alarm of :mod:`.deadline` (worker processes only: it takes over SIGALRM).
        """
        from ..api import read_input

        started = time.perf_counter()
        limits = Limits.resolve(self.limits)
        name = None if path == "-" else path
        try:
            with time_limit(limits.timeout_seconds if alarm else None):
                if data is None:
                    data, _ = read_input(path, limits, name)
                product = self.perform(data, name)
        except Exception as exc:
            if reraise:
                raise
            sha256: str | None = None
            size: int | None = None
            if data is not None:
                sha256, size = hashlib.sha256(data).hexdigest(), len(data)
            elif name:  # refused before reading (too large) or unreadable: resume compares this
                sha256, size = fingerprint(path)
            return failed(index, path, self.payload_key, exc, sha256=sha256, size=size,
                          format=_format_of(exc, data),
                          elapsed_ms=(time.perf_counter() - started) * 1000)
        source = product.document.source
        elapsed_ms = (time.perf_counter() - started) * 1000
        try:
            line = dumps(envelope(path, self.payload_key, status=OK, sha256=source.sha256,
                                  size=source.size, format=product.document.format,
                                  type=product.type, payload=product.payload,
                                  warnings=product.warnings, elapsed_ms=elapsed_ms))
        except (TypeError, ValueError) as exc:  # a custom job returned something JSON cannot hold
            if reraise:
                raise
            return failed(index, path, self.payload_key, exc, sha256=source.sha256,
                          size=source.size, format=product.document.format,
                          elapsed_ms=elapsed_ms)
        return Result(index, path, OK, line)


def _extraction_warnings(messages: list[str]) -> list[dict[str, str]]:
    return [{"code": "extraction", "message": m} for m in messages]


def _format_of(exc: Exception, data: bytes | None) -> str | None:
    """The format of an input that failed, when its content still says it."""
    known = getattr(exc, "context", {}).get("fmt")
    if known or not data:
        return str(known) if known else None
    from ..formats import detect_format

    try:
        return detect_format(data)
    except Exception:  # not a format docextract names: the error already says what it is
        return None


__all__ = ["CUSTOM_PAYLOAD_KEY", "Job", "PAYLOAD_KEYS", "Product"]
