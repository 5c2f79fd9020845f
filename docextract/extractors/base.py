"""The extractor interface: ``record_type``, ``score(doc)``, ``find(doc)`` and ``extract(doc)``."""

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
    """A value found for a record field and the evidence behind it."""

    value: Any
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Extraction:
    """An extractor's findings before they become a record: plain field values (nested
    parts as dicts), the evidence per field and the warnings.

    Summaries read these directly; :meth:`Extractor.extract` turns them into the
    validated Pydantic record. ``value(name)`` reads a field, ``None`` when absent.
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
        """Values and evidence from :class:`Found` items; nested keys (``approver.name``)
        carry evidence only."""
        evidence: dict[str, list[Evidence]] = {}
        for key, f in found.items():
            if f.evidence:
                evidence.setdefault(key, []).extend(f.evidence)
        return cls(record_type, {k: f.value for k, f in found.items() if "." not in k},
                   evidence, list(warnings or []))

    @classmethod
    def from_record(cls, record: "Record") -> "Extraction":
        """The findings of an already built record (extractors that only implement ``extract``)."""
        values = {name: getattr(record, name) for name in type(record).model_fields}
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

    Subclasses set ``record_type`` (the registry key and the record's type name) and
    implement :meth:`score` and :meth:`extract` (the Pydantic record). ``score`` says in
    0..1 how well the document fits this record type, for ``type="auto"``. Extractors
    that can report their findings without building the record override :meth:`find`
    too (summaries use it, and skip Pydantic entirely).
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

    @staticmethod
    def build(record_class: type[R], found: dict[str, Found],
              warnings: list[str] | None = None) -> R:
        """Instantiate ``record_class`` from found values and attach their evidence.

        Nested evidence keys (``approver.name``) are kept as given.
        """
        return Extraction.from_found(record_class.record_type, found, warnings).to_record(record_class)


__all__ = ["Extraction", "Extractor", "Found"]
