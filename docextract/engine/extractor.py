"""A spec compiled into an extractor: layout, then every field's finder, then types and masks.

:func:`extractor_class` turns a :class:`~.spec.Spec` into an :class:`Extractor` subclass
that the registry treats like any other: ``score`` (classification signals), ``find``
(plain findings, no Pydantic) and ``extract`` (the validated record). Built-in types,
a user's ``--schema-dir`` types and entry-point specs all come through here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from ..errors import ExtractionError
from ..model import Document
from .base import Extraction, Extractor, Found
from .context import FindContext
from .lines import Line, document_lines
from .masks import is_masked
from .spec_types import FieldSpec, Signal, Spec
from .values import convert, value_type

if TYPE_CHECKING:
    from ..records.base import Record


def _resolve(ref: str, origin: str, what: str) -> Any:
    module_name, _, attr = ref.partition(":")
    try:
        return getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ExtractionError(f"{origin}: {what} {ref!r} cannot be loaded: {exc}") from exc


class SpecExtractor(Extractor):
    """An extractor defined by a spec (set on the subclass by :func:`extractor_class`)."""

    spec: ClassVar[Spec]

    # the document view ---------------------------------------------------------------

    def context(self, doc: Document) -> FindContext:
        """The lines of ``doc`` with the spec's layout applied (regions, line fixes)."""
        ctx = FindContext(doc, self.spec, document_lines(doc), _evaluate)
        if self.spec.layout:
            layout: Callable[[FindContext], None] = _resolve(self.spec.layout, self.spec.origin,
                                                              "layout")
            layout(ctx)
        return ctx

    # classification ------------------------------------------------------------------

    def score(self, doc: Document) -> float:
        """The summed weights of the spec's classification signals present in ``doc`` (0..1)."""
        if not self.spec.signals:
            return 0.0
        ctx = self.context(doc)
        total = sum(s.weight for s in self.spec.signals if _signal_present(ctx, s))
        return round(max(0.0, min(1.0, total)), 3)

    # extraction ----------------------------------------------------------------------

    def find(self, doc: Document) -> Extraction:
        """Every field as a plain value with evidence; masked values null with a warning."""
        ctx = self.context(doc)
        found = ctx.all_found()
        values: dict[str, Found] = {f.name: found[f.name] for f in self.spec.fields}
        # nested evidence (``approver.name``) rides along under dotted keys
        values.update(ctx.nested_evidence)
        return Extraction.from_found(self.spec.type, values, ctx.warnings)

    def extract(self, doc: Document) -> "Record":
        return self.find(doc).to_record(self.record_class())

    @classmethod
    def record_class(cls) -> "type[Record]":
        """The Pydantic record class: the spec's ``record`` or one generated from its fields."""
        cached = cls.__dict__.get("_record_class")
        if cached is None:
            if cls.spec.record:
                cached = _resolve(cls.spec.record, cls.spec.origin, "record class")
            else:
                from .records import record_from_spec

                cached = record_from_spec(cls.spec)
            cls._record_class = cached  # type: ignore[attr-defined]
        return cached  # type: ignore[no-any-return]


def extractor_class(spec: Spec) -> type[SpecExtractor]:
    """A :class:`SpecExtractor` subclass for ``spec`` (registry key: ``spec.type``)."""
    name = "".join(part.title() for part in spec.type.split("_")) + "Extractor"
    return type(name, (SpecExtractor,), {
        "spec": spec, "record_type": spec.type,
        "description": spec.title + (f": {spec.description}" if spec.description else ""),
        "__module__": __name__})


# ----------------------------------------------------------------------- field evaluation

def _empty(fspec: FieldSpec) -> Any:
    return [] if value_type(fspec.type)[1] else None


def _evaluate(ctx: FindContext, fspec: FieldSpec) -> Found:
    """Run the field's finder and bring its value to the field's type; when it finds
    nothing (and nothing masked), its fallbacks are tried in order."""
    found = _evaluate_one(ctx, fspec)
    for alt in fspec.fallbacks:
        if found.value not in (None, []) or found.raw is not None:
            break
        found = _evaluate_one(ctx, alt)
    return Found(found.value, found.evidence)


def _evaluate_one(ctx: FindContext, fspec: FieldSpec) -> Found:
    """One finder's value as the field's type (``raw`` set when the value was masked)."""
    from .finders import FINDERS

    finder = FINDERS[fspec.finder]
    if getattr(finder, "multi", False):
        key = (fspec.finder, fspec.region, fspec.label_keys, repr(fspec.options))
        outputs: dict[str, Found] = ctx.cached(key, lambda: finder(ctx, fspec))
        ctx.nested_evidence.update((k, f) for k, f in outputs.items() if "." in k)
        found = outputs.get(fspec.take or fspec.name)
    else:
        found = finder(ctx, fspec)
    if found is None:
        return Found(_empty(fspec))
    return _typed(ctx, fspec, found, printed=getattr(finder, "printed", False))


def _typed(ctx: FindContext, fspec: FieldSpec, found: Found, *, printed: bool) -> Found:
    """The finder's value as the field's type; masked values dropped with a warning."""
    kind, is_list = value_type(fspec.type)
    value = found.value
    raw = found.raw
    if isinstance(value, str):
        raw = raw or value
        # running text keeps what the publisher masked inside it; values do not
        if kind.name != "text" and is_masked(value):
            ctx.warn_masked(fspec.name, value)
            return Found(_empty(fspec), found.evidence, raw=value)
        if printed and (is_list or kind.convert is not None):
            value = convert(fspec.type, value)
    elif isinstance(value, list):
        kept = []
        for item in value:
            text = item if isinstance(item, str) else _item_text(item)
            if text is not None and is_masked(text):
                ctx.warn_masked(fspec.name, text)
                continue
            kept.append(item)
        value = kept
    if value is None and raw and is_masked(raw):
        ctx.warn_masked(fspec.name, raw)
        return Found(_empty(fspec), [], raw=raw)
    if value is None or value == []:
        return Found(_empty(fspec), found.evidence if value == [] else [])
    return Found(value, found.evidence)


def _item_text(item: Any) -> str | None:
    """The text of a structured list item that decides whether it is masked."""
    if isinstance(item, dict):
        for key in ("title", "name", "number"):
            if isinstance(item.get(key), str):
                return item[key]  # type: ignore[no-any-return]
    return None


# ------------------------------------------------------------------------ classification

def _signal_lines(ctx: FindContext, signal: Signal) -> list[Line]:
    lines = ctx.lines
    if signal.first is not None:
        return lines[:signal.first]
    if signal.last is not None:
        return lines[-signal.last:]
    return lines


def _shows(signal: Signal, text: str) -> bool:
    """Whether ``text`` shows one of the signal's words (blanks ignored) or its pattern."""
    if signal.pattern is not None and signal.pattern.search(text):
        return True
    compact = text.replace(" ", "")
    return any(w.replace(" ", "") in compact for w in signal.words)


def _line_shows(ctx: FindContext, signal: Signal, line: Line, words: list[str]) -> bool:
    if signal.kind == "label":
        texts = [seg.text for seg in line.segments] if signal.cells else [line.text]
        return any(ctx.item_label(k, t) for t in texts for k in signal.keys)
    if signal.kind == "text":
        compact = line.text.replace(" ", "")
        return any(w in compact for w in words)
    assert signal.pattern is not None
    return signal.pattern.search(line.text) is not None


def _signal_present(ctx: FindContext, signal: Signal) -> bool:
    if signal.kind == "field":
        value = ctx.value(signal.keys[0])
        if value in (None, [], ""):
            return False
        if signal.pattern is None and not signal.words:
            return True
        texts = value if isinstance(value, list) else [value]
        return any(isinstance(t, str) and _shows(signal, t) for t in texts)
    count = 0
    words = [w.replace(" ", "") for w in signal.keys] if signal.kind == "text" else []
    for line in _signal_lines(ctx, signal):
        if _line_shows(ctx, signal, line, words):
            count += 1
            if count >= signal.min_count:
                return True
    return False


__all__ = ["SpecExtractor", "extractor_class"]
