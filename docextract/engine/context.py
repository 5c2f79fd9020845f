"""What a finder sees: the document's lines, the spec, named regions and the fields found so far.

Fields are evaluated on demand: a finder that needs another field (the deadline needs the
year of the 시행일 to complete ``7. 11.(금)``) asks :meth:`FindContext.value` and gets it,
evaluated once. Finders that fill several fields at once (the 결재란) run once per
context; :meth:`FindContext.cached` keeps their output.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..errors import ExtractionError
from ..model import Document
from ..normalize.markers import item_marker
from .base import Found
from .lines import Line
from .masks import mask_warning

if TYPE_CHECKING:
    from .spec_types import FieldSpec, Spec

# Fields whose value dates the document, in the order they are trusted for a missing year.
_DATING_FIELDS = ("enforcement_date", "date", "receipt_date", "release_at", "held_at",
                  "distributed_at", "effective_date")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?=\s*[.년-])")


class FindContext:
    """The state of one extraction: lines (after layout fixes), regions, found fields."""

    def __init__(self, doc: Document, spec: "Spec", lines: list[Line],
                 evaluate: Callable[["FindContext", "FieldSpec"], Found]) -> None:
        self.doc = doc
        self.spec = spec
        self.lines = lines
        self.regions: dict[str, range] = {}
        self.layout: Any = None            # what a layout module wants to keep (e.g. its parts)
        self.warnings: list[str] = []
        self._evaluate = evaluate
        self._found: dict[str, Found] = {}
        self._running: set[str] = set()
        self._cache: dict[Any, Any] = {}
        # evidence of parts of structured values (``approver.name``), by dotted key
        self.nested_evidence: dict[str, Found] = {}

    # regions ---------------------------------------------------------------------------

    def region(self, name: str) -> range:
        """Line indices of a named region; ``all`` is the whole document."""
        if name == "all":
            return range(len(self.lines))
        if name.startswith(("first:", "last:")):
            # "first:20": the first 20 lines; "last:40": the last 40
            kind, _, count = name.partition(":")
            n = int(count) if count.isdigit() else 0
            total = len(self.lines)
            return range(0, min(n, total)) if kind == "first" else range(max(0, total - n), total)
        found = self.regions.get(name)
        if found is None:
            known = ", ".join(["all", *sorted(self.regions)])
            raise ExtractionError(f"{self.spec.origin}: region {name!r} is not defined for "
                                  f"{self.spec.type!r} (known: {known})")
        return found

    def region_lines(self, name: str) -> Iterator[tuple[int, Line]]:
        for i in self.region(name):
            yield i, self.lines[i]

    # fields ----------------------------------------------------------------------------

    def found(self, name: str) -> Found:
        """The :class:`Found` of field ``name`` (evaluated now if need be)."""
        if name in self._found:
            return self._found[name]
        spec = self.spec.field_spec(name)
        if spec is None or name in self._running:
            return Found(None)
        self._running.add(name)
        try:
            result = self._evaluate(self, spec)
        finally:
            self._running.discard(name)
        self._found[name] = result
        return result

    def value(self, name: str) -> Any:
        return self.found(name).value

    def all_found(self) -> dict[str, Found]:
        for f in self.spec.fields:
            self.found(f.name)
        return self._found

    def cached(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per key (finders that fill several fields)."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def year(self) -> int | None:
        """The year that completes year-less dates: the document's own date, else the first
        four-digit year printed in the document."""
        for name in _DATING_FIELDS:
            if self.spec.field_spec(name) is not None and name not in self._running:
                value = self.value(name)
                if isinstance(value, str) and value[:4].isdigit():
                    return int(value[:4])
        m = _YEAR.search(self.doc.text[:20000])
        return int(m.group(0)) if m else None

    def lines_used_by(self, fields: tuple[str, ...] | list[str]) -> set[int]:
        """Indices of the lines that hold evidence of ``fields`` (a 결재란 reader skips the
        발신명의 and the 수신자 list that other fields already read)."""
        spans = [(ev.path, ev.span) for name in fields for ev in self.found(name).evidence]
        if not spans:
            return set()
        used = set()
        for i, line in enumerate(self.lines):
            for seg in line.segments:
                end = seg.doc_start + len(seg.text)
                if any(path == seg.path and a < end and b > seg.doc_start for path, (a, b) in spans):
                    used.add(i)
                    break
        return used

    # helpers ---------------------------------------------------------------------------

    def label(self, key: str, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.spec.labels.at_start(key, text, pos)

    def item_label(self, key: str, text: str) -> re.Match[str] | None:
        """``key``'s label at the start of ``text``; for the keys of the spec's
        ``marked_labels`` lexicon also after an item marker (a 회의록 lists its head as
        ``○ 일시: …`` / ``○ 장소: …``). Elsewhere a marked line is body text (``3. 별표 1의
        …`` is no attachment label), so other keys never skip the marker. Offsets are
        ``text``'s."""
        marker = item_marker(text) if key in self.spec.lexicons.get("marked_labels", ()) else None
        return self.spec.labels.at_start(key, text, marker.end if marker else 0)

    def any_label(self, keys: tuple[str, ...] | list[str], text: str) -> re.Match[str] | None:
        for key in keys:
            m = self.spec.labels.at_start(key, text)
            if m:
                return m
        return None

    def lexicon(self, name: str) -> tuple[str, ...]:
        return self.spec.lexicon(name)

    def pattern(self, name: str, default: str | None = None) -> re.Pattern[str]:
        found = self.spec.patterns.get(name)
        if found is None:
            if default is None:
                raise ExtractionError(f"{self.spec.origin}: spec {self.spec.type!r} has no "
                                      f"pattern {name!r}, which one of its finders needs")
            found = self.spec.patterns[name] = re.compile(default)
        return found

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def warn_masked(self, field: str, text: str) -> None:
        self.warn(mask_warning(field, text))


__all__ = ["FindContext"]
