"""The Pydantic base class of extracted records, carrying the evidence behind their values."""

# Annotations stay objects (no "from __future__ import annotations"): Pydantic would
# otherwise evaluate every field annotation string again when it creates the class.

import json
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from ..evidence import Evidence


class Record(BaseModel):
    """Base class of extracted records. Subclasses set ``record_type``."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    record_type: ClassVar[str] = "record"
    # Every record's JSON says its type first; subclasses narrow it to their own name.
    type: str = Field(default="record", description="the record type")
    # Factories written in Python: Pydantic inspects a factory's signature on every
    # instance, and for the builtins dict and list that costs milliseconds per run.
    _evidence: dict[str, list[Evidence]] = PrivateAttr(default_factory=lambda: {})
    _warnings: list[str] = PrivateAttr(default_factory=lambda: [])

    @property
    def evidence(self) -> dict[str, list[Evidence]]:
        """Field name (dotted for nested values, e.g. ``approver.name``) → evidence items."""
        return self._evidence

    @property
    def warnings(self) -> list[str]:
        """Extraction warnings (e.g. "not an official letter; generic record")."""
        return self._warnings

    def add_evidence(self, field: str, item: Evidence) -> None:
        self._evidence.setdefault(field, []).append(item)

    def to_dict(self, *, evidence: bool = False) -> dict[str, Any]:
        """The record as JSON-ready data; with ``evidence=True`` an ``_evidence`` key is added."""
        data: dict[str, Any] = self.model_dump(mode="json")
        if evidence:
            data["_evidence"] = {k: [e.to_dict() for e in v]
                                 for k, v in self._evidence.items()}
        return data

    def to_json(self, *, evidence: bool = False, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(evidence=evidence), ensure_ascii=False, indent=indent)


__all__ = ["Record"]
