"""The compiled form of a spec: :class:`Spec`, its fields, classification signals and
summary lines (built by :mod:`.spec` from YAML; read by the extractor and the finders)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import ExtractionError
from .labels import Labels


@dataclass(frozen=True)
class FieldSpec:
    """One record field: which finder fills it, from where, as what type."""

    name: str
    finder: str
    type: str
    label_keys: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    region: str = "all"
    take: str | None = None
    options: tuple[tuple[str, Any], ...] = ()
    description: str = ""
    line: int = 0
    # tried in order when this finder finds nothing (``fallback:`` in the spec)
    fallbacks: tuple["FieldSpec", ...] = ()

    def option(self, name: str, default: Any = None) -> Any:
        return dict(self.options).get(name, default)


@dataclass(frozen=True)
class Signal:
    """One classification cue and its weight.

    A cue is present when at least ``min_count`` lines show it (``label``: a label starts
    the line, or with ``cells`` any table cell of it; ``text``: one of the words, blanks
    ignored; ``pattern``: a match). A ``field`` cue looks at a field's value instead: present
    when it is found, or, with words or a pattern, when the value shows one of them."""

    kind: str            # label | text | pattern | field
    keys: tuple[str, ...]
    pattern: re.Pattern[str] | None
    first: int | None    # only the first N lines
    last: int | None     # only the last N lines
    weight: float
    cells: bool = False
    min_count: int = 1
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class SummaryLine:
    """A labelled line of the summary: ``label`` and the field(s) it shows."""

    label: str
    fields: tuple[str, ...]
    format: str = "value"


@dataclass
class Spec:
    """A compiled spec: everything an extractor for one document type needs."""

    type: str
    origin: str
    title: str = ""
    description: str = ""
    version: int = 1
    record: str | None = None     # "module:Class" of a Python record class
    layout: str | None = None     # "module:function" computing regions and line fixes
    labels: Labels = field(default_factory=lambda: Labels({}))
    lexicons: dict[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    fields: list[FieldSpec] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    threshold: float = 0.5
    summary: list[SummaryLine] = field(default_factory=list)
    summary_sentences: int = 3

    def lexicon(self, name: str) -> tuple[str, ...]:
        """A word list of the spec; an error naming the spec when it has none of that name."""
        try:
            return self.lexicons[name]
        except KeyError:
            raise ExtractionError(f"{self.origin}: spec {self.type!r} has no lexicon {name!r}, "
                                  "which one of its finders needs") from None

    def field_spec(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)


__all__ = ["FieldSpec", "Signal", "Spec", "SummaryLine"]
