"""Records defined in YAML, without Python: labels, patterns and value types per field.

A spec looks like this::

    record: tender_notice            # the record type name
    applies_when:                    # optional: words that make auto-detection pick it
      any_text: [공고, 입찰]
    fields:
      notice_number: {labels: [공고번호], pattern: '제\\s*(?P<value>\\d{4}-\\d+)\\s*호'}
      deadline:      {labels: [마감일, 접수마감], type: date}
      phone:         {labels: [전화, 문의처], type: phone}
      budget:        {labels: [사업예산, 예산], type: amount}
      targets:       {labels: [대상], type: list}

A field with ``labels`` takes the text after the first line that starts with one of them
(spaces between letters and a colon are allowed); ``pattern`` then narrows it (group
``value``, else group 1, else the whole match). A field with only a ``pattern`` searches
every line. Types: ``str`` (default), ``date`` (ISO), ``phone``, ``amount`` (won, int),
``int``, ``list`` (comma-separated items, or every match of the pattern).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import Field, create_model

from ..errors import ExtractionError
from ..model import Document
from ..normalize.amounts import parse_amount
from ..normalize.dates import parse_date
from ..normalize.phones import find_phones
from ..normalize.text import collapse_ws
from ..records import Evidence, Record
from .base import Extractor, Found
from .letter_head import split_outside_parens
from .letter_labels import _AFTER, _label_regex
from .lines import Line, document_lines
from .spec_files import load_yaml

TYPES = {"str": str, "date": str, "phone": str, "amount": int, "int": int, "list": list}
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class FieldSpec:
    """One field of a declarative spec."""

    name: str
    labels: re.Pattern[str] | None
    pattern: re.Pattern[str] | None
    type: str


def _field(name: str, raw: Any, origin: str) -> FieldSpec:
    if not _NAME.match(name) or name.startswith("_"):
        raise ExtractionError(f"{origin}: field name {name!r} is not an identifier")
    if isinstance(raw, str):
        raw = {"labels": [raw]}
    if not isinstance(raw, dict):
        raise ExtractionError(f"{origin}: field {name!r} must be a mapping")
    kind = str(raw.get("type", "str"))
    if kind not in TYPES:
        raise ExtractionError(f"{origin}: field {name!r} has unknown type {kind!r} "
                              f"(known: {', '.join(TYPES)})")
    labels = raw.get("labels") or raw.get("label")
    if isinstance(labels, str):
        labels = [labels]
    try:
        pattern = re.compile(str(raw["pattern"])) if raw.get("pattern") else None
    except re.error as exc:
        raise ExtractionError(f"{origin}: field {name!r} has a bad pattern: {exc}") from exc
    if not labels and pattern is None:
        raise ExtractionError(f"{origin}: field {name!r} needs labels or a pattern")
    label_re = (re.compile(r"^\s*" + _label_regex([str(x) for x in labels]) + _AFTER + r"\s*[:：]?\s*")
                if labels else None)
    return FieldSpec(name, label_re, pattern, kind)


class DeclarativeExtractor(Extractor):
    """An extractor built from a YAML spec; its record class is built from the fields."""

    record_type: ClassVar[str] = "declarative"

    def __init__(self, spec: dict[str, Any], origin: str = "<spec>") -> None:
        name = str(spec.get("record") or "custom")
        if not _NAME.match(name):
            raise ExtractionError(f"{origin}: record name {name!r} is not an identifier")
        fields = spec.get("fields")
        if not isinstance(fields, dict) or not fields:
            raise ExtractionError(f"{origin}: the spec needs a 'fields' mapping")
        self.name = name
        self.fields = [_field(str(k), v, origin) for k, v in fields.items()]
        applies = spec.get("applies_when") or {}
        self.keywords = [str(x) for x in (applies.get("any_text") or [])]
        self.record_type_class = _record_class(name, self.fields)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> "DeclarativeExtractor":
        """Load a spec file (YAML)."""
        try:
            with open(path, encoding="utf-8") as fh:
                text = fh.read(1_000_000)
        except OSError as exc:
            raise ExtractionError(f"cannot read spec {path}: {exc.strerror or exc}") from exc
        return cls(load_yaml(text, str(path)), str(path))

    def score(self, doc: Document) -> float:
        """The share of ``applies_when.any_text`` words present (0 without keywords)."""
        if not self.keywords:
            return 0.0
        return sum(1 for k in self.keywords if k in doc.text) / len(self.keywords)

    def extract(self, doc: Document) -> Record:
        lines = document_lines(doc)
        found: dict[str, Found] = {}
        for f in self.fields:
            value = _find(f, lines)
            if value is not None:
                found[f.name] = value
        record: Record = self.build(self.record_type_class, found)
        return record


def _record_class(name: str, fields: list[FieldSpec]) -> type[Record]:
    defs: dict[str, Any] = {}
    for f in fields:
        if f.type == "list":
            defs[f.name] = (list[str], Field(default_factory=list))
        else:
            defs[f.name] = (TYPES[f.type] | None, None)
    model = create_model(name, __base__=Record, **defs)
    model.record_type = name  # type: ignore[misc]
    return model


def _convert(kind: str, text: str) -> Any:
    text = collapse_ws(text)
    if kind == "date":
        return parse_date(text)
    if kind == "phone":
        phones = find_phones(text)
        return phones[0].number if phones else None
    if kind == "amount":
        return parse_amount(text)
    if kind == "int":
        m = re.search(r"\d[\d,]*", text)
        return int(m.group(0).replace(",", "")) if m else None
    if kind == "list":
        return split_outside_parens(text)
    return text or None


def _group(m: re.Match[str]) -> tuple[int, int]:
    if "value" in m.re.groupindex:
        return m.span("value")
    return m.span(1) if m.re.groups else m.span(0)


def _find(f: FieldSpec, lines: list[Line]) -> Found | None:
    if f.type == "list" and f.labels is None and f.pattern is not None:
        values: list[str] = []
        evs: list[Evidence] = []
        for line in lines:
            for hit in f.pattern.finditer(line.text):
                a, b = _group(hit)
                values.append(collapse_ws(line.printed[a:b]))
                evs.append(line.evidence(a, b, f"{f.name}:pattern"))
        return Found(values, evs) if values else None
    for line in lines:
        start, end = 0, len(line.text)
        if f.labels is not None:
            m = f.labels.match(line.text)
            if not m:
                continue
            start = m.end()
        if f.pattern is not None:
            pm = f.pattern.search(line.text, start, end)
            if not pm:
                continue
            start, end = _group(pm)
        value = _convert(f.type, line.printed[start:end])
        if value is None or value == []:
            continue
        return Found(value, [line.evidence(start, end, f"{f.name}:{'label' if f.labels else 'pattern'}")])
    return None


__all__ = ["DeclarativeExtractor", "FieldSpec"]
