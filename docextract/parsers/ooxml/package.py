"""The OOXML package layer: zip members, relationships and document properties.

A DOCX file is a zip of XML parts tied together by relationship files
(``_rels/.rels``, ``word/_rels/document.xml.rels``). This module finds parts by
relationship type, reads them through :mod:`docextract.safeio` (bounded size, entity
resolution off) and reads the core and extended properties into :class:`Metadata`.

ISO 29500 *Strict* packages use other namespace URIs and relationship types
(``http://purl.oclc.org/ooxml/...``) for the same structure. Rather than carrying two
sets of names through the parser, :func:`normalize_strict` rewrites the Strict URIs to
their Transitional equivalents in the raw bytes before parsing; the two vocabularies
differ only in those URIs as far as text extraction is concerned.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ...errors import CorruptDocument
from ...limits import Budget
from ...model import Metadata
from ...safeio import open_zip, parse_xml, read_member

if TYPE_CHECKING:
    from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

# Strict URI prefix -> Transitional URI prefix. Longer keys first so that the generic
# officeDocument prefix does not shadow the specific ones.
_STRICT_TO_TRANSITIONAL: tuple[tuple[bytes, bytes], ...] = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", W_NS.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/officeDocument/math",
     b"http://schemas.openxmlformats.org/officeDocument/2006/math"),
    (b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
     b"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    (b"http://purl.oclc.org/ooxml/drawingml/main",
     b"http://schemas.openxmlformats.org/drawingml/2006/main"),
)
_STRICT_MARK = b"http://purl.oclc.org/ooxml/"

_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_EXT_PROPS = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


def normalize_strict(data: bytes) -> bytes:
    """Rewrite ISO 29500 Strict namespace URIs to the Transitional ones."""
    if _STRICT_MARK not in data:
        return data
    for strict, transitional in _STRICT_TO_TRANSITIONAL:
        data = data.replace(strict, transitional)
    return data


@dataclass(frozen=True)
class Relationship:
    """One relationship of a part: its id, type (last URI segment), target and mode."""

    rel_id: str
    kind: str
    target: str
    external: bool


class Package:
    """An opened OOXML zip: part lookup, relationship resolution and safe XML reading."""

    def __init__(self, data: bytes, budget: Budget) -> None:
        self.budget = budget
        self.zip: zipfile.ZipFile = open_zip(data, budget)
        # Part names are case-insensitive in OPC; map lower-case names to stored ones.
        self._names = {info.filename.lstrip("/").lower(): info.filename
                       for info in self.zip.infolist()}
        self._rels: dict[str, dict[str, Relationship]] = {}

    def has(self, part: str) -> bool:
        """True when the package holds a member named ``part``."""
        return part.lstrip("/").lower() in self._names

    def read(self, part: str) -> bytes:
        """The raw bytes of ``part`` (bounded by the budget)."""
        name = self._names.get(part.lstrip("/").lower())
        if name is None:
            raise CorruptDocument(f"DOCX part {part!r} is missing")
        return read_member(self.zip, name, self.budget)

    def xml(self, part: str) -> "etree._Element":
        """Parse ``part`` safely, Strict namespaces normalized to Transitional."""
        return parse_xml(self.xml_bytes(part), self.budget, what=f"DOCX part {part}")

    def xml_bytes(self, part: str) -> bytes:
        """The bytes of XML ``part``, Strict namespaces normalized to Transitional."""
        return normalize_strict(self.read(part))

    def rels(self, part: str) -> dict[str, Relationship]:
        """Relationships of ``part`` (``""`` for the package itself), keyed by id."""
        if part in self._rels:
            return self._rels[part]
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        found: dict[str, Relationship] = {}
        if self.has(rels_name):
            root = self.xml(rels_name)
            for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
                rel_id = rel.get("Id") or ""
                target = rel.get("Target") or ""
                external = (rel.get("TargetMode") or "").lower() == "external"
                kind = (rel.get("Type") or "").rstrip("/").rsplit("/", 1)[-1]
                if not external:
                    target = _resolve(folder, target)
                found[rel_id] = Relationship(rel_id, kind, target, external)
        self._rels[part] = found
        return found

    def related(self, part: str, kind: str) -> list[str]:
        """Internal targets of ``part``'s relationships of one type that exist in the zip."""
        return [r.target for r in self.rels(part).values()
                if r.kind == kind and not r.external and self.has(r.target)]

    def main_part(self) -> str:
        """The main document part: from the package relationships, else the usual name."""
        for target in self.related("", "officeDocument"):
            return target
        for candidate in ("word/document.xml", "word/document2.xml"):
            if self.has(candidate):
                return candidate
        raise CorruptDocument("DOCX package has no main document part (word/document.xml)")

    def metadata(self) -> Metadata:
        """Core properties (title, author, dates) and the page count from app.xml."""
        meta = Metadata()
        core = self.related("", "core-properties") or (
            ["docProps/core.xml"] if self.has("docProps/core.xml") else [])
        if core:
            _read_core(self.xml(core[0]), meta)
        app = self.related("", "extended-properties") or self.related("", "extendedProperties") \
            or (["docProps/app.xml"] if self.has("docProps/app.xml") else [])
        if app:
            _read_app(self.xml(app[0]), meta)
        return meta


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    joined = posixpath.normpath(posixpath.join(folder, target))
    return joined.lstrip("/")


def _text(root: "etree._Element", tag: str) -> str | None:
    el = root.find(tag)
    if el is None or el.text is None:
        return None
    value = el.text.strip()
    return value or None


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _read_core(root: "etree._Element", meta: Metadata) -> None:
    meta.title = _text(root, _DC + "title")
    meta.author = _text(root, _DC + "creator")
    meta.subject = _text(root, _DC + "subject")
    meta.keywords = _text(root, _CP + "keywords")
    meta.created = _date(_text(root, _DCTERMS + "created"))
    meta.modified = _date(_text(root, _DCTERMS + "modified"))
    for key, tag in (("last_modified_by", _CP + "lastModifiedBy"),
                     ("description", _DC + "description"), ("category", _CP + "category"),
                     ("revision", _CP + "revision")):
        value = _text(root, tag)
        if value:
            meta.extra[key] = value[:1000]


def _read_app(root: "etree._Element", meta: Metadata) -> None:
    pages = _text(root, _EXT_PROPS + "Pages")
    if pages and pages.isdigit():
        meta.page_count = int(pages) or None
    application = _text(root, _EXT_PROPS + "Application")
    if application:
        meta.extra["application"] = application[:200]
