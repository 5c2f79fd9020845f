"""A masked copy of a DOCX or HWPX package, in the same format.

Every XML member is masked in place (:mod:`.xmltext`): the body, headers, footers,
footnotes, endnotes, comments, text boxes, field codes, link targets, comment and
revision authors, document properties (``docProps/core.xml``, ``app.xml``,
``Contents/content.hpf``), and the HWPX preview text (``Preview/PrvText.txt``). Each is
read for identifiers and labelled values, and for every value the parsed document
revealed through its structure (a name in a 성명 cell), wherever it occurs. Preview
images become blank. Every member with nothing to mask is copied byte for byte
(:mod:`.zippatch`).

The copy is then checked: every member of the written package, decoded as text, is
searched for each original value. A value still there is reported as not masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..limits import Budget, Limits
from ..normalize.text import normalize_chars
from ..safeio import open_zip, parse_xml, read_member, zip_names
from . import xmltext
from .detect import Hit, resolve
from .document import AgencyContacts, Finding, known_hits, known_pattern, known_values, line_hits
from .images import blank_like
from .lexicon import AUTHOR_ATTRIBUTES, HWPX_PERSON_META, PERSON_PROPERTIES
from .mask import is_masked, mask
from .zippatch import rewrite

if TYPE_CHECKING:
    import zipfile

_PREVIEW_IMAGE = re.compile(r"(?:^|/)(?:thumbnail|PrvImage)\.[A-Za-z0-9]+$", re.IGNORECASE)
_TEXT_MEMBER = re.compile(r"\.txt$", re.IGNORECASE)
_XML_MEMBER = re.compile(r"\.(?:xml|rels|hpf|vml)$", re.IGNORECASE)
PREFIX_CHARS = 4
"""A truncated preview ending in this many characters of a value still leaks it."""


@dataclass
class PartFinding:
    """A value masked inside one package member. ``value`` stays in the process."""

    rule: str
    value: str
    masked: str
    part: str
    how: str


@dataclass
class PackageResult:
    data: bytes
    findings: list[PartFinding] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unmasked: list[dict[str, object]] = field(default_factory=list)
    not_inspected: list[str] = field(default_factory=list)


class _Masker:
    """Finds what to mask in one segment of text and records it."""

    def __init__(self, rules: frozenset[str], known: dict[str, str],
                 agency: AgencyContacts | None) -> None:
        self.rules = rules
        self.known = known
        self.pattern = known_pattern(known)
        self.agency = agency
        self.found: list[PartFinding] = []
        self.part = ""

    def _record(self, value: str, rule: str, how: str) -> str:
        masked = mask(value, rule)
        self.found.append(PartFinding(rule, value, masked, self.part, how))
        return masked

    def text(self, text: str) -> list[tuple[int, int, str]]:
        """Replacements for a string of text (paragraph, element value, attribute value)."""
        normalized = normalize_chars(text)
        hits: list[Hit] = line_hits(normalized, None, self.rules)
        hits += [h for h in known_hits(text, self.known, self.pattern) if h.rule in self.rules]
        out = []
        for h in resolve(hits):
            value = text[h.start:h.end]
            if self.agency is not None and self.agency.keeps(h.rule, normalized[h.start:h.end]):
                continue
            out.append((h.start, h.end, self._record(value, h.rule, h.how)))
        return out

    def whole(self, text: str) -> list[tuple[int, int, str]]:
        """The whole value (a property naming a person), surrounding spaces kept."""
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        value = text[start:end]
        if not value or is_masked(value) or "property" not in self.rules:
            return []
        return [(start, end, self._record(value, "property", "property"))]

    def segment(self, seg: xmltext.Segment) -> list[tuple[int, int, str]]:
        if seg.kind == "element" and (
                seg.element in PERSON_PROPERTIES
                or (seg.element == "meta" and seg.attrs.get("name") in HWPX_PERSON_META)):
            return self.whole(seg.text)
        if seg.kind == "attribute":
            key = seg.attrs.get("@", "")
            if key in AUTHOR_ATTRIBUTES or (seg.element == "trackChangeAuthor" and key == "name"):
                return self.whole(seg.text)
        return self.text(seg.text)

    def preview(self, text: str) -> list[tuple[int, int, str]]:
        """Plain text (the HWPX preview), line by line; a value the preview's length limit
        cut off at the end is masked too."""
        out = []
        for line in re.finditer(r"[^\r\n]+", text):
            out += [(a + line.start(), b + line.start(), m) for a, b, m in self.text(line.group(0))]
        tail = text.rstrip("\r\n\x00")
        for value, rule in self.known.items():
            for n in range(min(len(value) - 1, len(tail)), PREFIX_CHARS - 1, -1):
                if tail.endswith(value[:n]):
                    start = len(tail) - n
                    if all(b <= start or a >= len(tail) for a, b, _ in out):
                        out.append((start, len(tail), self._record(value, rule, "known")[:n]))
                    break
        return out


def _decode_text(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("utf-16-le", "replace"), "utf-16-le"


def _apply(text: str, replacements: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(replacements, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _is_xml(name: str, data: bytes) -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(_XML_MEMBER.search(name)) or head.startswith(b"<?xml") or \
        data.startswith((b"\xff\xfe<", b"\xfe\xff\x00<"))


def redact_package(data: bytes, findings: list[Finding], rules: frozenset[str],
                   agency: AgencyContacts | None, limits: Limits) -> PackageResult:
    """The package ``data`` with every member masked (see the module docstring)."""
    budget = Budget(limits)
    zf = open_zip(data, budget)
    known = known_values((f.value, f.rule) for f in findings)
    masker = _Masker(rules, known, agency)
    result = PackageResult(b"")
    replacements: dict[str, bytes] = {}
    images: list[tuple[str, bytes]] = []
    for name in zip_names(zf):
        budget.check_time()
        member = read_member(zf, name, budget)
        masker.part = name
        if _PREVIEW_IMAGE.search(name):
            images.append((name, member))
        elif _is_xml(name, member):
            parse_xml(member, budget, what=f"package part {name}")  # well-formed, no entities
            text, encoding = xmltext.decode(member)
            new, changed = xmltext.mask_segments(text, masker.segment, budget)
            if changed:
                replacements[name] = new.encode(encoding)
        elif _TEXT_MEMBER.search(name):
            text, encoding = _decode_text(member)
            found = masker.preview(text)
            if found:
                replacements[name] = _apply(text, found).encode(encoding)
        elif member and name != "mimetype":  # images, embedded objects, scripts
            result.not_inspected.append(name)
    if masker.found or findings:
        for name, member in images:
            blank = blank_like(member)
            if blank is None:
                result.unmasked.append({"rule": "preview-image", "part": name,
                                        "reason": "preview image in a format that cannot be blanked"})
            elif blank != member:
                replacements[name] = blank
                result.replaced.append(name)
    result.data = rewrite(data, replacements) if replacements else data
    result.findings = masker.found
    masked = known_values((f.value, f.rule) for f in masker.found)
    result.unmasked += leftovers(result.data, {**known, **masked}, limits)
    return result


def _member_texts(name: str, data: bytes, budget: Budget) -> list[str]:
    """Every way a member's bytes can hold text: XML segments joined across runs, the
    decoded bytes, and UTF-16 for binary members."""
    texts = []
    if _is_xml(name, data):
        try:
            text, _ = xmltext.decode(data)
            texts += [s.text for s in xmltext.segments(text, budget)]
            texts.append(text)
        except Exception:  # undecodable XML is searched as bytes below
            pass
    texts.append(data.decode("utf-8", "ignore"))
    texts.append(data.decode("utf-16-le", "ignore"))
    return texts


def leftovers(package: bytes, values: dict[str, str], limits: Limits) -> list[dict[str, object]]:
    """Original values still present in any member of ``package`` (reported masked)."""
    if not values:
        return []
    budget = Budget(limits)
    zf: zipfile.ZipFile = open_zip(package, budget)
    pattern = known_pattern(values)
    out: list[dict[str, object]] = []
    for name in zip_names(zf):
        budget.check_time()
        seen: set[str] = set()
        for text in _member_texts(name, read_member(zf, name, budget), budget):
            for hit in known_hits(text, values, pattern):
                value = text[hit.start:hit.end]
                if value not in seen:
                    seen.add(value)
                    out.append({"rule": hit.rule, "part": name, "masked": mask(value, hit.rule),
                                "reason": "the value is still in the written package"})
    return out


__all__ = ["PackageResult", "PartFinding", "leftovers", "redact_package"]
