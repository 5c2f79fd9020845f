"""The spec format: one YAML file declares a document type.

::

    type: tender_notice                     # the record type (an identifier)
    title: 입찰공고                          # shown by `docextract types`
    labels:                                  # label key → printed variants
      deadline: [입찰마감, 마감일시]
    lexicons:                                # word lists finders use
      agency_suffixes: [부, 청, 공사]
    patterns:                                # named regular expressions
      notice_number: '제\\s*\\d{4}-\\d+\\s*호'
    classify:                                # how `--type auto` recognises the type
      threshold: 0.5
      signals:
        - {text: [입찰공고], region: {first: 20}, weight: 0.6}
        - {label: deadline, weight: 0.4}
    fields:                                  # record field → finder and value type
      notice_number: {finder: pattern, pattern: notice_number, type: str}
      deadline:      {label: deadline, type: datetime}
      contacts:      {finder: contacts, label: contact, type: [contact]}
    summary:                                 # the lines `docextract summarize` shows
      lines:
        - {label: 공고번호, field: notice_number}
        - {label: 마감, field: deadline, format: deadline}
        - {label: 문의, field: contacts, format: contacts, max: 5}
      absent: omit                           # or show: 없음 where a field was not found

A list type is written ``[contact]`` (or ``list[contact]`` in quotes); ``list`` alone is a
list of text. A field without ``finder`` uses ``label_value`` (the text after its label, on the same
line or in the next cell). ``label:`` names a key of ``labels``; ``labels:`` lists
variants inline. ``region`` limits a finder to part of the document (``all`` by default;
layout modules add named regions such as ``head`` or ``closing``). ``take`` picks one
output of a finder that fills several fields at once (the 결재란 gives drafter, reviewers,
approver and cooperators). ``fallback`` lists other ways to find the same field, tried in
order when the finder finds nothing::

      date: {finder: date_line, region: "first:30", type: date,
             fallback: [{finder: revision_history, take: date}]}

A classification signal counts lines: ``min: 3`` wants three lines showing the cue;
``cells: true`` lets a label start any table cell of a line, not only the line. A signal
on a ``field`` is present when the field is found, or, with ``text`` or ``pattern``, when
its value shows them (``{field: title, pattern: '보고서?$'}``).

A summary line shows its field(s) in one of the formats of
:data:`~.spec_types.SUMMARY_FORMATS` (``value`` when none is given); a line whose fields
were not found is left out unless ``absent: show``. ``max`` caps how many values a line
shows (the views add ``… 외 N건``; the record keeps them all); an outline is cut from its
deepest items up, so its headlines stay.

:func:`load_spec` checks the whole file and reports the first problem as an
:class:`~docextract.errors.ExtractionError` naming the file and line.
"""

from __future__ import annotations

import os
import re
from typing import Any

from ..errors import ExtractionError
from .labels import Labels
from .spec_types import SUMMARY_ABSENT, SUMMARY_FORMATS, FieldSpec, Signal, Spec, SummaryLine
from .values import value_type

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_TOP_KEYS = {"type", "version", "title", "description", "record", "layout", "labels",
             "lexicons", "patterns", "classify", "fields", "summary", "record_type"}
_FIELD_KEYS = {"finder", "type", "label", "labels", "pattern", "region", "take", "options",
               "description", "fallback"}
_FALLBACK_KEYS = _FIELD_KEYS - {"type", "description", "fallback"}
_SIGNAL_KEYS = {"label", "labels", "text", "pattern", "region", "weight", "field", "cells", "min"}
MAX_SPEC_BYTES = 1_000_000


# --------------------------------------------------------------------------- YAML with lines

class _Where:
    """Line numbers (1-based) of the keys and items of a YAML document, by path."""

    def __init__(self) -> None:
        self.lines: dict[tuple[Any, ...], int] = {}

    def __call__(self, *path: Any) -> int:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def _index_lines(node: Any, path: tuple[Any, ...], where: _Where) -> None:
    import yaml

    where.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            where.lines[path + (key,)] = key_node.start_mark.line + 1
            _index_lines(value_node, path + (key,), where)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, path + (i,), where)


def parse_yaml(text: str, origin: str) -> tuple[dict[str, Any], _Where]:
    """The YAML mapping in ``text`` and the line of every key; errors name ``origin``."""
    import yaml

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    where = _Where()
    try:
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ExtractionError(f"{origin}{line}: invalid YAML: {problem}") from exc
    if not isinstance(data, dict):
        raise ExtractionError(f"{origin}:1: a spec must be a YAML mapping")
    _index_lines(node, (), where)
    return data, where


# --------------------------------------------------------------------------- compiling

def _fail(origin: str, line: int, message: str) -> ExtractionError:
    return ExtractionError(f"{origin}:{line}: {message}")


def _str_list(value: Any, origin: str, line: int, what: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise _fail(origin, line, f"{what} must be a list of strings")
    return [str(v) for v in value]


def _regex(source: Any, origin: str, line: int, what: str) -> re.Pattern[str]:
    if not isinstance(source, str):
        raise _fail(origin, line, f"{what} must be a string (a regular expression)")
    try:
        return re.compile(source)
    except re.error as exc:
        raise _fail(origin, line, f"{what} is not a valid regular expression: {exc}") from exc


SHARED_SPEC = "_shared.yaml"


def shared_data() -> dict[str, Any]:
    """The labels, lexicons and patterns every spec inherits (``schemas/_shared.yaml``)."""
    from .spec_files import load_builtin_spec

    return load_builtin_spec(SHARED_SPEC)


def with_shared(data: dict[str, Any], shared: dict[str, Any]) -> dict[str, Any]:
    """``data`` with the shared labels, lexicons and patterns under its own (its own win)."""
    merged = dict(data)
    for key in ("labels", "lexicons", "patterns"):
        base = shared.get(key) or {}
        own = data.get(key) or {}
        if base and isinstance(own, dict):
            merged[key] = {**base, **own}
    return merged


def compile_spec(data: dict[str, Any], origin: str, where: _Where | None = None, *,
                 shared: dict[str, Any] | None = None) -> Spec:
    """Check and compile a spec mapping; any problem raises ExtractionError with file:line.

    The shared labels, lexicons and patterns (``shared``, by default those of
    ``_shared.yaml``) are inherited; pass ``shared={}`` for a spec on its own.
    """
    from .finders import FINDERS

    data = with_shared(data, shared_data() if shared is None else shared)
    at = where or _Where()
    unknown = set(data) - _TOP_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise _fail(origin, at(key), f"unknown key {key!r} (known: {', '.join(sorted(_TOP_KEYS))})")
    name = data.get("type", data.get("record_type"))
    if not isinstance(name, str) or not _IDENT.match(name):
        raise _fail(origin, at("type"), f"'type' must be an identifier, got {name!r}")
    labels: dict[str, list[str]] = {}
    raw_labels = data.get("labels") or {}
    if not isinstance(raw_labels, dict):
        raise _fail(origin, at("labels"), "'labels' must map keys to lists of variants")
    for key, variants in raw_labels.items():
        labels[str(key)] = _str_list(variants, origin, at("labels", key), f"labels.{key}")
    lexicons: dict[str, tuple[str, ...]] = {}
    for key, words in (data.get("lexicons") or {}).items():
        lexicons[str(key)] = tuple(_str_list(words, origin, at("lexicons", key), f"lexicons.{key}"))
    patterns: dict[str, re.Pattern[str]] = {}
    for key, source in (data.get("patterns") or {}).items():
        patterns[str(key)] = _regex(source, origin, at("patterns", key), f"patterns.{key}")
    spec = Spec(type=name, origin=origin, title=str(data.get("title") or name),
                description=str(data.get("description") or ""),
                version=int(data.get("version") or 1),
                record=data.get("record"), layout=data.get("layout"),
                labels=Labels(labels), lexicons=lexicons, patterns=patterns)
    for ref, key in ((spec.record, "record"), (spec.layout, "layout")):
        if ref is not None and (not isinstance(ref, str) or ":" not in ref):
            raise _fail(origin, at(key), f"'{key}' must be 'module:name', got {ref!r}")

    fields = data.get("fields")
    if not isinstance(fields, dict) or not fields:
        raise _fail(origin, at("fields"), "the spec needs a 'fields' mapping")
    for fname, raw in fields.items():
        spec.fields.append(_compile_field(str(fname), raw, spec, at, FINDERS))
    _compile_classify(data.get("classify"), spec, at)
    _compile_summary(data.get("summary"), spec, at)
    return spec


def _compile_field(name: str, raw: Any, spec: Spec, at: _Where, finders: dict[str, Any]) -> FieldSpec:
    origin = spec.origin
    line = at("fields", name)
    if not _IDENT.match(name) or name.startswith("_") or name == "type":
        raise _fail(origin, line, f"field name {name!r} is not allowed (an identifier, not 'type')")
    if isinstance(raw, str):
        raw = {"labels": [raw]}
    if not isinstance(raw, dict):
        raise _fail(origin, line, f"field {name!r} must be a mapping")
    unknown = set(raw) - _FIELD_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise _fail(origin, at("fields", name, key),
                    f"field {name!r}: unknown key {key!r} (known: {', '.join(sorted(_FIELD_KEYS))})")
    finder = str(raw.get("finder") or ("pattern" if "pattern" in raw and not (
        raw.get("label") or raw.get("labels")) else "label_value"))
    if finder not in finders:
        raise _fail(origin, at("fields", name, "finder"),
                    f"field {name!r}: unknown finder {finder!r} (known: {', '.join(sorted(finders))})")
    raw_type = raw.get("type", "str")
    # ``[contact]`` (a YAML list of one type) is a list of that type, as ``list[contact]`` is
    if isinstance(raw_type, list) and len(raw_type) == 1 and isinstance(raw_type[0], str):
        raw_type = f"list[{raw_type[0]}]"
    type_name = str(raw_type)
    try:
        value_type(type_name)
    except KeyError:
        raise _fail(origin, at("fields", name, "type"),
                    f"field {name!r}: unknown type {type_name!r}") from None
    keys: list[str] = []
    if raw.get("label") is not None:
        for key in _str_list(raw["label"], origin, at("fields", name, "label"), f"{name}.label"):
            if key not in spec.labels:
                raise _fail(origin, at("fields", name, "label"),
                            f"field {name!r}: no label key {key!r} in 'labels'")
            keys.append(key)
    if raw.get("labels") is not None:
        # inline variants become a label key of their own, named after the field
        variants = _str_list(raw["labels"], origin, at("fields", name, "labels"), f"{name}.labels")
        spec.labels.add(f"field:{name}", variants)
        keys.append(f"field:{name}")
    pattern = None
    if raw.get("pattern") is not None:
        source = raw["pattern"]
        pattern = spec.patterns.get(source) if isinstance(source, str) else None
        if pattern is None:
            pattern = _regex(source, origin, at("fields", name, "pattern"), f"{name}.pattern")
    options = raw.get("options") or {}
    if not isinstance(options, dict):
        raise _fail(origin, at("fields", name, "options"), f"field {name!r}: 'options' must be a mapping")
    fallbacks: list[FieldSpec] = []
    raw_fallbacks = raw.get("fallback") or []
    if isinstance(raw_fallbacks, dict):
        raw_fallbacks = [raw_fallbacks]
    if not isinstance(raw_fallbacks, list):
        raise _fail(origin, at("fields", name, "fallback"),
                    f"field {name!r}: 'fallback' must be a list of finder mappings")
    for k, alt in enumerate(raw_fallbacks):
        if not isinstance(alt, dict) or not set(alt) <= _FALLBACK_KEYS:
            raise _fail(origin, at("fields", name, "fallback", k),
                        f"field {name!r}: a fallback is a mapping of "
                        f"{', '.join(sorted(_FALLBACK_KEYS))}")
        if alt.get("labels") is not None and alt.get("label") is None:
            # inline variants of a fallback get a key of their own
            variants = _str_list(alt["labels"], origin, at("fields", name, "fallback", k),
                                 f"{name}.fallback.labels")
            spec.labels.add(f"field:{name}:{k}", variants)
            alt = {**alt, "label": f"field:{name}:{k}"}
            alt.pop("labels")
        fallbacks.append(_compile_field(name, {**alt, "type": type_name}, spec, at, finders))
    fspec = FieldSpec(name=name, finder=finder, type=type_name, label_keys=tuple(keys),
                      pattern=pattern, region=str(raw.get("region") or "all"),
                      take=raw.get("take"), options=tuple(sorted(options.items())),
                      description=str(raw.get("description") or ""), line=line,
                      fallbacks=tuple(fallbacks))
    needs = getattr(finders[finder], "needs", ())
    if "label" in needs and not keys:
        raise _fail(origin, line, f"field {name!r}: finder {finder!r} needs 'label' or 'labels'")
    if "pattern" in needs and pattern is None:
        raise _fail(origin, line, f"field {name!r}: finder {finder!r} needs 'pattern'")
    return fspec


def _compile_classify(raw: Any, spec: Spec, at: _Where) -> None:
    if raw is None:
        return
    origin = spec.origin
    if not isinstance(raw, dict):
        raise _fail(origin, at("classify"), "'classify' must be a mapping")
    spec.threshold = float(raw.get("threshold", 0.5))
    for i, sig in enumerate(raw.get("signals") or []):
        line = at("classify", "signals", i)
        if not isinstance(sig, dict) or not set(sig) <= _SIGNAL_KEYS:
            raise _fail(origin, line, f"a signal must be a mapping of {', '.join(sorted(_SIGNAL_KEYS))}")
        region = sig.get("region") or {}
        first = region.get("first") if isinstance(region, dict) else None
        last = region.get("last") if isinstance(region, dict) else None
        weight = float(sig.get("weight", 0.0))
        cells = bool(sig.get("cells", False))
        min_count = int(sig.get("min", 1))
        if "field" in sig:
            fname = str(sig["field"])
            if spec.field_spec(fname) is None:
                raise _fail(origin, line, f"signal: no field {fname!r}")
            cues = tuple(_str_list(sig["text"], origin, line, "signal text")) if "text" in sig else ()
            source = sig.get("pattern")
            pattern = None
            if source is not None:
                pattern = (spec.patterns.get(source) if isinstance(source, str) else None) or \
                    _regex(source, origin, line, "signal pattern")
            spec.signals.append(Signal("field", (fname,), pattern, first, last, weight,
                                       cells=cells, min_count=min_count, words=cues))
        elif "label" in sig or "labels" in sig:
            keys = _str_list(sig.get("label") or sig.get("labels"), origin, line, "signal label")
            for key in keys:
                if key not in spec.labels:
                    raise _fail(origin, line, f"signal: no label key {key!r} in 'labels'")
            spec.signals.append(Signal("label", tuple(keys), None, first, last, weight,
                                       cells=cells, min_count=min_count))
        elif "text" in sig:
            words = _str_list(sig["text"], origin, line, "signal text")
            spec.signals.append(Signal("text", tuple(words), None, first, last, weight,
                                       cells=cells, min_count=min_count))
        elif "pattern" in sig:
            source = sig["pattern"]
            pattern = spec.patterns.get(source) if isinstance(source, str) else None
            spec.signals.append(Signal("pattern", (), pattern or _regex(source, origin, line, "signal pattern"),
                                       first, last, weight, cells=cells, min_count=min_count))
        else:
            raise _fail(origin, line, "a signal needs 'label', 'text', 'pattern' or 'field'")


_SUMMARY_KEYS = {"lines", "sentences", "absent"}
_SUMMARY_LINE_KEYS = {"label", "field", "fields", "format", "max"}


def _compile_summary(raw: Any, spec: Spec, at: _Where) -> None:
    """``summary: {lines: [{label, field | fields, format, max}], sentences: N, absent: omit|show}``."""
    if raw is None:
        return
    origin = spec.origin
    if not isinstance(raw, dict):
        raise _fail(origin, at("summary"), "'summary' must be a mapping")
    unknown = set(raw) - _SUMMARY_KEYS
    if unknown:
        raise _fail(origin, at("summary", sorted(unknown)[0]),
                    f"unknown summary key {sorted(unknown)[0]!r} (known: {', '.join(sorted(_SUMMARY_KEYS))})")
    names = {f.name for f in spec.fields}
    lines = raw.get("lines") or []
    if not isinstance(lines, list):
        raise _fail(origin, at("summary", "lines"), "summary 'lines' must be a list")
    for i, item in enumerate(lines):
        line = at("summary", "lines", i)
        if not isinstance(item, dict) or not isinstance(item.get("label"), str) \
                or not item["label"].strip() or not (item.get("field") or item.get("fields")):
            raise _fail(origin, line, "a summary line needs 'label' and 'field' (or 'fields')")
        extra = set(item) - _SUMMARY_LINE_KEYS
        if extra:
            raise _fail(origin, line, f"summary line {item['label']!r}: unknown key {sorted(extra)[0]!r} "
                                      f"(known: {', '.join(sorted(_SUMMARY_LINE_KEYS))})")
        fields = _str_list(item.get("fields") or item.get("field"), origin, line, "summary fields")
        for f in fields:
            if f not in names:
                raise _fail(origin, line, f"summary line {item['label']!r}: no field {f!r}")
        fmt = item.get("format", "value")
        if fmt not in SUMMARY_FORMATS:
            raise _fail(origin, line, f"summary line {item['label']!r}: unknown format {fmt!r} "
                                      f"(known: {', '.join(SUMMARY_FORMATS)})")
        most = item.get("max")
        if most is not None and (isinstance(most, bool) or not isinstance(most, int)
                                 or not 1 <= most <= 1000):
            raise _fail(origin, line, f"summary line {item['label']!r}: 'max' must be a number "
                                      "from 1 to 1000")
        spec.summary.append(SummaryLine(item["label"].strip(), tuple(fields), fmt, most))
    sentences = raw.get("sentences", 3)
    if isinstance(sentences, bool) or not isinstance(sentences, int) or not 0 <= sentences <= 50:
        raise _fail(origin, at("summary", "sentences"), "summary 'sentences' must be a number from 0 to 50")
    spec.summary_sentences = sentences
    absent = raw.get("absent", "omit")
    if absent not in SUMMARY_ABSENT:
        raise _fail(origin, at("summary", "absent"),
                    f"summary 'absent' must be {' or '.join(SUMMARY_ABSENT)}, not {absent!r}")
    spec.summary_absent = absent


def load_spec_text(text: str, origin: str) -> Spec:
    """Compile the spec in YAML ``text`` (``origin`` names it in errors)."""
    data, where = parse_yaml(text, origin)
    return compile_spec(data, origin, where)


def load_spec(path: str | os.PathLike[str]) -> Spec:
    """Read and compile the spec file at ``path``."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read(MAX_SPEC_BYTES + 1)
    except OSError as exc:
        raise ExtractionError(f"cannot read spec {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ExtractionError(f"{path}: a spec must be UTF-8 text") from exc
    if len(text) > MAX_SPEC_BYTES:
        raise ExtractionError(f"{path}: spec larger than {MAX_SPEC_BYTES:,} bytes")
    return load_spec_text(text, os.fspath(path))


__all__ = ["FieldSpec", "SHARED_SPEC", "Signal", "Spec", "SummaryLine", "compile_spec",
           "load_spec", "load_spec_text", "parse_yaml", "shared_data", "with_shared"]
