"""HWPX (OWPML, KS X 6101) parser: a zip of XML parts written by Hangul 2010 and later.

Package layout: ``mimetype`` (``application/hwp+zip``), ``META-INF/container.xml``
naming ``Contents/content.hpf`` (OPF metadata, manifest and spine),
``Contents/header.xml`` (styles, paragraph shapes, numbering),
``Contents/section0.xml`` … (the body) and ``Contents/masterpage*.xml``.

Sections are read in spine order (numeric file order when there is no spine); a file
without ``META-INF/manifest.xml`` or ``content.hpf`` still reads. Password-protected
packages raise :class:`~docextract.errors.EncryptedDocument` unless the password is
given, then their parts are decrypted (:mod:`.hwpx_crypto`). Zip member names are
only used as lookup keys. Every member goes through :mod:`docextract.safeio`, so size,
ratio and XML entity limits hold.

``prov.page`` is an estimate from page breaks, section starts and the line layout
Hangul stores in ``hp:linesegarray`` (see :class:`~.hwpx_section.PageTracker`).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from datetime import datetime
from typing import Any, ClassVar

from ..errors import CorruptDocument, EncryptedDocument, LimitExceeded
from ..model import Document, Metadata
from ..safeio import open_zip, parse_xml, read_member, zip_names
from .base import ParseContext, Parser
from .hwpx_crypto import EncryptedPart, decrypt_part, encrypted_parts
from .hwpx_numbering import HeaderInfo, NumberingState, read_header
from .hwpx_section import Block, DocumentState, SectionReader
from .hwpx_xml import children, local_name

_SECTION_NAME = re.compile(r"(?:^|/)section(\d+)\.xml$", re.IGNORECASE)
_DEFAULT_HPF = "Contents/content.hpf"
_DEFAULT_HEADER = "Contents/header.xml"
_META_FIELDS = {"creator": "author", "subject": "subject", "keyword": "keywords",
                "keywords": "keywords"}


class _Package:
    """The zip and its OPF package description (manifest items, spine, metadata)."""

    def __init__(self, zf: zipfile.ZipFile, ctx: ParseContext) -> None:
        self.zf = zf
        self.ctx = ctx
        self.names = set(zip_names(zf))
        self.encrypted = self._encrypted_parts()
        self.items: dict[str, str] = {}
        self.spine: list[str] = []
        self.metadata_el: Any = None
        self.hpf_name = self._root_file()
        if self.hpf_name is not None:
            self._read_hpf(self.hpf_name)

    def member(self, name: str) -> bytes:
        """A part's bytes, decrypted when the manifest says it is encrypted."""
        data = read_member(self.zf, name, self.ctx.budget)
        part = self.encrypted.get(name)
        if part is None:
            return data
        if not self.ctx.password:
            raise EncryptedDocument(f"HWPX document is password-protected ({len(self.encrypted)} "
                                    f"encrypted parts, e.g. {name}); pass the password",
                                    code="password")
        return decrypt_part(data, part, self.ctx.password, self.ctx.budget)

    def xml(self, name: str) -> Any:
        data = self.member(name)
        _check_plain_xml(data, name)
        return parse_xml(data, self.ctx.budget, what=f"HWPX part {name}")

    def _encrypted_parts(self) -> dict[str, EncryptedPart]:
        if "META-INF/manifest.xml" not in self.names:
            return {}
        data = read_member(self.zf, "META-INF/manifest.xml", self.ctx.budget)
        try:
            root = parse_xml(data, self.ctx.budget, what="HWPX META-INF/manifest.xml")
        except CorruptDocument as exc:
            self.ctx.warn("hwpx-manifest", f"META-INF/manifest.xml ignored: {exc}")
            return {}
        return encrypted_parts(root)

    def _root_file(self) -> str | None:
        if "META-INF/container.xml" in self.names:
            try:
                root = self.xml("META-INF/container.xml")
            except CorruptDocument as exc:
                self.ctx.warn("hwpx-container", f"META-INF/container.xml ignored: {exc}")
            else:
                for el in root.iter():
                    if local_name(el.tag) == "rootfile" and \
                            (el.get("media-type") or "").endswith("hwpml-package+xml"):
                        path = self.resolve(el.get("full-path", ""))
                        if path is not None:
                            return path
        return _DEFAULT_HPF if _DEFAULT_HPF in self.names else None

    def _read_hpf(self, name: str) -> None:
        try:
            root = self.xml(name)
        except CorruptDocument as exc:
            self.ctx.warn("hwpx-package", f"{name} ignored: {exc}")
            return
        for el in root:
            part = local_name(el.tag)
            if part == "metadata":
                self.metadata_el = el
            elif part == "manifest":
                for item in children(el, "item"):
                    if item.get("id") and item.get("href"):
                        self.items[item.get("id")] = item.get("href")
            elif part == "spine":
                self.spine = [ref.get("idref", "") for ref in children(el, "itemref")]

    def resolve(self, href: str) -> str | None:
        """The zip member an href names: as written, or relative to content.hpf."""
        if not href:
            return None
        if href in self.names:
            return href
        base = posixpath.dirname(getattr(self, "hpf_name", None) or _DEFAULT_HPF)
        joined = posixpath.normpath(posixpath.join(base, href))
        return joined if joined in self.names else None

    def section_names(self) -> list[str]:
        """Section parts in spine order, else in numeric file-name order."""
        from_spine = []
        for idref in self.spine:
            name = self.resolve(self.items.get(idref, ""))
            if name is not None and _SECTION_NAME.search(name) and name not in from_spine:
                from_spine.append(name)
        if from_spine:
            return from_spine
        numbered = [(int(m.group(1)), n) for n in self.names
                    if n.startswith("Contents/") and (m := _SECTION_NAME.search(n))]
        return [n for _, n in sorted(numbered)]

    def header_name(self) -> str | None:
        name = self.resolve(self.items.get("header", ""))
        if name is not None:
            return name
        return _DEFAULT_HEADER if _DEFAULT_HEADER in self.names else None


def _check_plain_xml(data: bytes, name: str) -> None:
    """Encrypted parts are binary: say so instead of reporting broken XML."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with a byte order mark: lxml decodes it
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head or head.startswith(b"<"):
        return
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        raise EncryptedDocument(f"HWPX part {name} is binary, not XML: the document is "
                                "encrypted (password-protected)", code="password") from None
    raise CorruptDocument(f"HWPX part {name} is not XML")


def _parse_date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def read_metadata(metadata_el: Any) -> Metadata:
    """``opf:metadata`` → Metadata (title, creator, subject, keywords, dates; the rest in extra)."""
    meta = Metadata()
    if metadata_el is None:
        return meta
    values: dict[str, Any] = {}
    extra: dict[str, str] = {}
    for el in metadata_el:
        name = local_name(el.tag)
        text = (el.text or "").strip()
        if not text:
            continue
        if name == "title":
            values["title"] = text
        elif name == "meta":
            key = el.get("name", "")
            if key in _META_FIELDS:
                values[_META_FIELDS[key]] = text
            elif key in ("CreatedDate", "ModifiedDate"):
                parsed = _parse_date(text)
                if parsed is not None:
                    values["created" if key == "CreatedDate" else "modified"] = parsed
                else:
                    extra[key] = text
            elif key:
                extra[key] = text
        elif name:
            extra[name] = text
    return Metadata(**values, extra=extra)


class HwpxParser(Parser):
    """Reads HWPX packages into a :class:`~docextract.model.Document`.

    Restores automatic paragraph numbers and bullets from header.xml, marks headers,
    footers, notes, captions, text boxes and comments with their :class:`Role`, and
    records click-here fields, hyperlinks and memo anchors as annotations. Tracked
    deletions are left out, tracked insertions kept. ``prov.page`` is estimated from
    page breaks, section starts and the saved line layout (``hp:linesegarray``).
    """

    name: ClassVar[str] = "hwpx"
    formats: ClassVar[tuple[str, ...]] = ("hwpx",)
    requires: ClassVar[dict[str, str]] = {"lxml": "lxml"}
    description: ClassVar[str] = "HWPX / OWPML (KS X 6101) documents from Hangul 2010 and later"

    def parse(self, data: bytes, ctx: ParseContext) -> Document:
        zf = open_zip(data, ctx.budget)
        with zf:
            pkg = _Package(zf, ctx)
            if pkg.encrypted and not ctx.password:
                raise EncryptedDocument(f"HWPX document is password-protected ({len(pkg.encrypted)} "
                                        "encrypted parts); pass the password to read it",
                                        code="password")
            sections = pkg.section_names()
            if not sections:
                raise CorruptDocument("HWPX package has no Contents/section*.xml part")
            if len(sections) > ctx.limits.max_sections:
                raise LimitExceeded(f"HWPX document has {len(sections):,} sections, more than "
                                    f"max_sections={ctx.limits.max_sections:,}", limit="max_sections")
            header = self._header(pkg)
            state = DocumentState(header=header, numbering=NumberingState(header))
            master_pages = _MasterPages(pkg)
            blocks: list[Block] = []
            for index, name in enumerate(sections):
                ctx.budget.check_time()
                root = pkg.xml(name)
                blocks.extend(SectionReader(ctx, state, index, master_pages.get).read(root))
            metadata = read_metadata(pkg.metadata_el)
            version = self._version(pkg)
            if version:
                metadata.extra.setdefault("application", version)
        return Document.assemble(blocks, format="hwpx", source=ctx.source, metadata=metadata,
                                 warnings=ctx.warnings)

    @staticmethod
    def _header(pkg: _Package) -> HeaderInfo:
        name = pkg.header_name()
        if name is None:
            pkg.ctx.warn("hwpx-no-header", "HWPX package has no header.xml: numbering and "
                         "style names are unavailable")
            return HeaderInfo()
        return read_header(pkg.xml(name))

    @staticmethod
    def _version(pkg: _Package) -> str | None:
        if "version.xml" not in pkg.names:
            return None
        try:
            root = pkg.xml("version.xml")
        except CorruptDocument:
            return None
        app = root.get("application")
        ver = root.get("appVersion")
        return " ".join(v for v in (app, ver) if v) or None


class _MasterPages:
    """Master pages (바탕쪽) by id, parsed once each."""

    def __init__(self, pkg: _Package) -> None:
        self.pkg = pkg
        self._cache: dict[str, Any] = {}

    def get(self, ref: str) -> Any | None:
        if ref in self._cache:
            return self._cache[ref]
        name = self.pkg.resolve(self.pkg.items.get(ref, "")) or self.pkg.resolve(f"Contents/{ref}.xml")
        root = None
        if name is not None:
            try:
                root = self.pkg.xml(name)
            except CorruptDocument as exc:
                self.pkg.ctx.warn("hwpx-master-page", f"master page {name} ignored: {exc}")
        self._cache[ref] = root
        return root


__all__ = ["HwpxParser", "read_metadata"]
