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


SUMMARY_FORMATS = ("value", "list", "outline", "agenda", "deadline", "sender", "attachments",
                   "contacts", "disclosure")
"""How a summary line shows its fields (``format:``; :mod:`docextract.summaries.key_lines`):
``value`` the found text (several side by side), ``list`` one item a line (a part's
values joined, the lists in it indented), ``outline`` □ headlines with their items,
``agenda`` numbered agenda items with their decisions (``안건 → 결정``), ``deadline`` the
date with its D-day, ``sender`` issuer · 발신명의 · 문서번호 · 시행일 (the fields in that
order), ``attachments`` numbered with copies, ``contacts`` department, position, name,
phone and email, ``disclosure`` the 공개구분 and its grounds."""

SUMMARY_ABSENT = ("omit", "show")
"""``summary: {absent: ...}``: leave out a line whose fields were not found (``omit``, the
default), or show it with 없음 (``show``): never a value the document does not have."""


@dataclass(frozen=True)
class SummaryLine:
    """A labelled line of the summary: ``label``, the field(s) it shows, their format and
    at most how many values it shows (``None``: all)."""

    label: str
    fields: tuple[str, ...]
    format: str = "value"
    max: int | None = None


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
    summary_absent: str = "omit"

    def lexicon(self, name: str) -> tuple[str, ...]:
        """A word list of the spec; an error naming the spec when it has none of that name."""
        try:
            return self.lexicons[name]
        except KeyError:
            raise ExtractionError(f"{self.origin}: spec {self.type!r} has no lexicon {name!r}, "
                                  "which one of its finders needs") from None

    def field_spec(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)


__all__ = ["FieldSpec", "SUMMARY_ABSENT", "SUMMARY_FORMATS", "Signal", "Spec", "SummaryLine"]
