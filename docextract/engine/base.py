"""The extractor interface (``record_type``, ``score``, ``find``, ``extract``) and its findings.

An extractor reports what it found as an :class:`Extraction`: plain field values (nested
parts as dicts), the evidence of every value and the warnings. Summaries read the findings
directly and never build the Pydantic record; :meth:`Extractor.extract` validates the
findings into the record class.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from ..evidence import Evidence
from ..model import Document

if TYPE_CHECKING:
    from ..records.base import Record

R = TypeVar("R", bound="Record")


@dataclass
class Found:
    """A value found for a record field, the evidence behind it, and the text it was read
    from when that text was not a usable value (a masked ``02********9``)."""

    value: Any
    evidence: list[Evidence] = field(default_factory=list)
    raw: str | None = None


@dataclass
class Extraction:
    """An extractor's findings before they become a record: plain field values (nested
    parts as dicts), the evidence per field (dotted keys for parts: ``approver.name``) and
    the warnings. ``value(name)`` reads a field, ``None`` when absent.
    """

    record_type: str
    values: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def value(self, name: str) -> Any:
        return self.values.get(name)

    @classmethod
    def from_found(cls, record_type: str, found: dict[str, Found],
                   warnings: list[str] | None = None) -> "Extraction":
        """Values and evidence from :class:`Found` items; dotted keys carry evidence only."""
        evidence: dict[str, list[Evidence]] = {}
        for key, f in found.items():
            if f.evidence:
                evidence.setdefault(key, []).extend(f.evidence)
        return cls(record_type, {k: f.value for k, f in found.items() if "." not in k},
                   evidence, list(warnings or []))

    @classmethod
    def from_record(cls, record: "Record") -> "Extraction":
        """The findings of an already built record (extractors that only implement ``extract``)."""
        values = {name: getattr(record, name) for name in type(record).model_fields
                  if name != "type"}
        return cls(record.record_type, values,
                   {k: list(v) for k, v in record.evidence.items()}, list(record.warnings))

    def to_record(self, record_class: type[R]) -> R:
        """Validate the values into ``record_class`` and attach evidence and warnings.

        Raises ``pydantic.ValidationError`` when a value does not fit its field.
        """
        record = record_class.model_validate(self.values)
        for key, items in self.evidence.items():
            for item in items:
                record.add_evidence(key, item)
        record.warnings.extend(self.warnings)
        return record


class Extractor:
    """Base class of extractors.

    Subclasses set ``record_type`` (the registry key and the record's ``type``) and
    implement :meth:`score` and :meth:`extract` (the Pydantic record); ``score`` says in
    0..1 how well the document fits, for ``type="auto"``. Extractors that can report their
    findings without building the record override :meth:`find` too (summaries use it and
    skip Pydantic). Extractors compiled from a YAML spec (:mod:`docextract.engine.spec`)
    implement all three.
    """

    record_type: ClassVar[str] = "record"
    requires: ClassVar[dict[str, str]] = {}
    description: ClassVar[str] = ""

    def score(self, doc: Document) -> float:
        """How well ``doc`` fits this record type, 0 (not at all) to 1 (certainly)."""
        raise NotImplementedError

    def extract(self, doc: Document) -> "Record":
        """The record for ``doc``, with evidence attached (``record.evidence``)."""
        raise NotImplementedError

    def find(self, doc: Document) -> Extraction:
        """The findings for ``doc`` as plain values; by default those of :meth:`extract`."""
        return Extraction.from_record(self.extract(doc))


__all__ = ["Extraction", "Extractor", "Found"]
