"""Mask personal data before a document leaves: ``docextract.redact.redact(path)``.

What is masked, and how it is recognised, is in :mod:`.lexicon` (rules and labels),
:mod:`.checks` (check digits), :mod:`.detect` (lines of text) and :mod:`.document`
(the document's structure). Masks keep lengths and separators (``800101-1●●●●●●``).

Outputs:

* ``same``: DOCX and HWPX get a masked copy in their own format (:mod:`.package`):
  every text node, property, preview text and preview image is masked, every other
  member is byte-identical. HWP and PDF are **not** rewritten in place; asking for it
  raises :class:`~docextract.errors.UnsupportedFormat`.
* ``text``, ``markdown``, ``json``: the masked document model, for every format.

The :class:`Redaction` says what was masked (rule, place, masked form, never the
original value) and what could not be masked (:attr:`Redaction.complete`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from ..errors import UnsupportedFormat
from .lexicon import ALL_RULES, RULES

if TYPE_CHECKING:
    from ..api import Input
    from ..limits import Limits
    from ..model import Document
    from .document import Finding
    from .package import PartFinding

IN_PLACE_FORMATS = ("docx", "hwpx")
OUTPUT_FORMATS = ("same", "text", "markdown", "json")
EXIT_UNMASKED = 10
"""Exit status of ``docextract redact`` when something could not be masked."""
NOT_IN_PLACE_NOTE = ("HWP and PDF documents are not rewritten in place: the masked output is "
                     "text, Markdown or JSON of the document model")


@dataclass
class Redaction:
    """The outcome of one redaction: the masked output and the report's contents."""

    source: str | None
    format: str
    output_format: str
    output: bytes | str
    rules: list[str]
    keep_agency_contacts: bool
    findings: list["Finding"] = field(default_factory=list)
    part_findings: list["PartFinding"] = field(default_factory=list)
    unmasked: list[dict[str, Any]] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    not_inspected: list[str] = field(default_factory=list)

    @property
    def in_place(self) -> bool:
        return self.output_format == "same"

    @property
    def complete(self) -> bool:
        """Whether everything found was masked in the output."""
        return not self.unmasked

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for item in self.report_findings():
            rule = str(item["rule"])
            out[rule] = out.get(rule, 0) + 1
        return dict(sorted(out.items()))

    def report_findings(self) -> list[dict[str, Any]]:
        """Each masked value: rule, where, how it was recognised and its masked form."""
        out: list[dict[str, Any]] = []
        in_document = set()
        for f in self.findings:
            in_document.add(f.value)
            out.append({"rule": f.rule, "masked": f.masked, "how": f.how, **f.location(),
                        "part": None})
        parts: dict[str, list[str]] = {}
        for p in self.part_findings:
            parts.setdefault(p.value, [])
            if p.part not in parts[p.value]:
                parts[p.value].append(p.part)
        for item, f in zip(out, self.findings):
            item["parts"] = parts.get(f.value, [])
        seen = set()
        for p in self.part_findings:
            if p.value in in_document or (p.value, p.part) in seen:
                continue  # found in the document model too: listed there, with its place
            seen.add((p.value, p.part))
            out.append({"rule": p.rule, "masked": p.masked, "how": p.how, "path": None,
                        "page": None, "role": None, "span": None, "part": p.part,
                        "parts": [p.part]})
        for item in out:
            item.pop("part", None)
        return out

    def report(self) -> dict[str, Any]:
        """The JSON report: findings with their masked form, never an original value."""
        return {
            "source": self.source,
            "format": self.format,
            "output_format": self.output_format,
            "rewritten_in_place": self.in_place,
            "note": None if self.format in IN_PLACE_FORMATS else NOT_IN_PLACE_NOTE,
            "rules": self.rules,
            "keep_agency_contacts": self.keep_agency_contacts,
            "complete": self.complete,
            "counts": self.counts(),
            "findings": self.report_findings(),
            "unmasked": self.unmasked,
            "replaced_preview_images": self.replaced,
            "not_inspected": self.not_inspected,
        }


def select_rules(names: Iterable[str] | str | None) -> frozenset[str]:
    """Rule names from a list or a comma-separated string (``None`` or ``all``: every rule)."""
    if names is None:
        return frozenset(ALL_RULES)
    items = [n.strip() for n in (names.split(",") if isinstance(names, str) else names) if n.strip()]
    if not items or items == ["all"]:
        return frozenset(ALL_RULES)
    unknown = [n for n in items if n not in RULES]
    if unknown:
        raise ValueError(f"unknown redaction rule(s) {', '.join(unknown)}; known: {', '.join(RULES)}")
    return frozenset(items)


def render(doc: "Document", output_format: str) -> str:
    """A masked document as text, Markdown or JSON (the document model, as ``docextract
    parse`` writes it and :func:`docextract.serialize.load_document` reads it)."""
    if output_format == "text":
        return doc.to_text()
    if output_format == "markdown":
        return doc.to_markdown()
    from ..serialize import dump_json

    return dump_json(doc, indent=2) + "\n"


def redact(source: "Input", *, output_format: str = "same", rules: Iterable[str] | str | None = None,
           keep_agency_contacts: bool = False, password: str | None = None,
           limits: "Limits | dict[str, Any] | None" = None, name: str | None = None) -> Redaction:
    """Mask the personal data in ``source`` (a path, bytes or binary file).

    ``output_format``: ``same`` (DOCX and HWPX only), ``text``, ``markdown`` or ``json``.
    ``rules``: the rules to apply (default all, see :data:`.lexicon.RULES`).
    """
    from ..api import parse, read_input
    from ..limits import Limits as LimitsType
    from .document import agency_contacts, masked_document, scan

    if output_format not in OUTPUT_FORMATS:
        raise ValueError(f"output_format must be one of {', '.join(OUTPUT_FORMATS)}")
    selected = select_rules(rules)
    lim = LimitsType.resolve(limits)
    data, display = read_input(source, lim, name)
    doc = parse(data, password=password, limits=lim, name=display)
    if output_format == "same" and doc.format not in IN_PLACE_FORMATS:
        raise UnsupportedFormat(f"{doc.format.upper()} cannot be masked in place; "
                                f"{NOT_IN_PLACE_NOTE}")
    agency = agency_contacts(doc) if keep_agency_contacts else None
    findings = scan(doc, selected, keep_agency_contacts=keep_agency_contacts)
    result = Redaction(display, doc.format, output_format, b"", sorted(selected),
                       keep_agency_contacts, findings)
    if output_format == "same":
        from .package import redact_package

        package = redact_package(data, findings, selected, agency, lim)
        result.output = package.data
        result.part_findings = package.findings
        result.unmasked = package.unmasked
        result.replaced = package.replaced
        result.not_inspected = package.not_inspected
        return result
    text = render(masked_document(doc, findings), output_format)
    result.output = text
    result.unmasked = _left_in_text(text, findings)
    return result


def _left_in_text(text: str, findings: list["Finding"]) -> list[dict[str, Any]]:
    from .document import known_hits, known_pattern, known_values
    from .mask import mask

    values = known_values((f.value, f.rule) for f in findings)
    out = []
    for hit in known_hits(text, values, known_pattern(values)):
        value = text[hit.start:hit.end]
        out.append({"rule": hit.rule, "part": None, "masked": mask(value, hit.rule),
                    "reason": "the value is still in the output"})
    return out


__all__ = ["EXIT_UNMASKED", "IN_PLACE_FORMATS", "NOT_IN_PLACE_NOTE", "OUTPUT_FORMATS", "Redaction",
           "redact", "render", "select_rules"]
