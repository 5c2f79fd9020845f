"""The extractor interface: ``record_type``, ``score(doc)`` and ``extract(doc)``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..model import Document
from ..records import Evidence, Record
from ..records.construct import build


@dataclass
class Found:
    """A value found for a record field and the evidence behind it."""

    value: Any
    evidence: list[Evidence] = field(default_factory=list)


class Extractor:
    """Base class of extractors.

    Subclasses set ``record_type`` (the registry key and the record's type name),
    ``record_class`` (the Pydantic record), and implement :meth:`score` and
    :meth:`extract`. ``score`` says in 0..1 how well the document fits this record type,
    for ``type="auto"``.
    """

    record_type: ClassVar[str] = "record"
    record_class: ClassVar[type[Record]] = Record
    requires: ClassVar[dict[str, str]] = {}
    description: ClassVar[str] = ""

    def score(self, doc: Document) -> float:
        """How well ``doc`` fits this record type, 0 (not at all) to 1 (certainly)."""
        raise NotImplementedError

    def extract(self, doc: Document) -> Record:
        """The record for ``doc``, with evidence attached (``record.evidence``)."""
        raise NotImplementedError

    @staticmethod
    def build(record_class: type[Record], found: dict[str, Found],
              warnings: list[str] | None = None) -> Any:
        """Instantiate ``record_class`` from found values and attach their evidence.

        Nested evidence keys (``approver.name``) are kept as given.
        """
        values = {k: f.value for k, f in found.items() if "." not in k}
        record = build(record_class, values)
        for key, f in found.items():
            for ev in f.evidence:
                record.add_evidence(key, ev)
        for w in warnings or []:
            record.warnings.append(w)
        return record


__all__ = ["Extractor", "Found"]
