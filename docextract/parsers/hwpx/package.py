"""The HWPX package: the zip, its OPF description (manifest, spine, metadata) and master pages.

``META-INF/container.xml`` names ``Contents/content.hpf``, whose manifest maps ids to parts
and whose spine orders the sections; a file without ``META-INF/manifest.xml`` or
``content.hpf`` still reads (sections in numeric file order). Parts listed as encrypted in
``META-INF/manifest.xml`` are decrypted with the password (:mod:`.crypto`). Zip member
names are only used as lookup keys, and every member goes through
:mod:`docextract.safeio`, so size, ratio and XML entity limits hold.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from datetime import datetime
from typing import Any, Callable

from ...errors import CorruptDocument, EncryptedDocument
from ...limits import Budget
from ...model import Metadata
from ...safeio import parse_xml, parse_xml_checks_depth, read_member, zip_names
from ..base import ParseContext
from .crypto import EncryptedPart, decrypt_part, encrypted_parts
from .elements import children, local_name

_SECTION_NAME = re.compile(r"(?:^|/)section(\d+)\.xml$", re.IGNORECASE)
_DEFAULT_HPF = "Contents/content.hpf"
_DEFAULT_HEADER = "Contents/header.xml"
_META_FIELDS = {"creator": "author", "subject": "subject", "keyword": "keywords",
                "keywords": "keywords"}


class Package:
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
        return parse_xml(self.xml_bytes(name), self.ctx.budget, what=f"HWPX part {name}")

    def xml_bytes(self, name: str) -> bytes:
        """A part's bytes, checked to be XML rather than an encrypted part."""
        data = self.member(name)
        _check_plain_xml(data, name)
        return data

    def _encrypted_parts(self) -> dict[str, EncryptedPart]:
        if "META-INF/manifest.xml" not in self.names:
            return {}
        data = read_member(self.zf, "META-INF/manifest.xml", self.ctx.budget)
        if REMEMBERED.get("manifest", data, self.ctx.budget) is not None:
            return {}  # a manifest seen before, which lists no encrypted part
        try:
            root = parse_xml(data, self.ctx.budget, what="HWPX META-INF/manifest.xml")
        except CorruptDocument as exc:
            self.ctx.warn("hwpx-manifest", f"META-INF/manifest.xml ignored: {exc}")
            return {}
        parts = encrypted_parts(root)
        if not parts:
            REMEMBERED.put("manifest", data, self.ctx.budget, ())
        return parts

    def _root_file(self) -> str | None:
        if "META-INF/container.xml" in self.names:
            try:
                candidates = self.remembered_xml("container", "META-INF/container.xml",
                                                 _package_paths)
            except CorruptDocument as exc:
                self.ctx.warn("hwpx-container", f"META-INF/container.xml ignored: {exc}")
            else:
                for full_path in candidates:
                    path = self.resolve(full_path)
                    if path is not None:
                        return path
        return _DEFAULT_HPF if _DEFAULT_HPF in self.names else None

    def remembered_xml(self, kind: str, name: str, read: Callable[[Any], Any]) -> Any:
        """``read(root)`` of a part parsed as :meth:`xml` does, or what it gave for a part
        with the same bytes before (see :data:`REMEMBERED`); ``read`` must give an
        immutable value."""
        data = self.xml_bytes(name)
        found = REMEMBERED.get(kind, data, self.ctx.budget)
        if found is None:
            found = read(parse_xml(data, self.ctx.budget, what=f"HWPX part {name}"))
            REMEMBERED.put(kind, data, self.ctx.budget, found)
        return found

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


def _package_paths(container: Any) -> tuple[str, ...]:
    """The ``full-path`` of each OWPML package ``rootfile`` in container.xml, in order."""
    return tuple(el.get("full-path", "") for el in container.iter()
                 if local_name(el.tag) == "rootfile"
                 and (el.get("media-type") or "").endswith("hwpml-package+xml"))


class RememberedParts:
    """What small parts said, by kind and exact bytes.

    Hangul writes some parts the same in every document: the empty
    ``META-INF/manifest.xml``, ``META-INF/container.xml``, ``version.xml`` of one
    application build. Parsing each of them cost as much as a short paragraph's worth of
    the body, every document; what a part says depends on its bytes alone, so a part
    read before is not parsed again. Only parts of up to ``max_bytes``, at most
    ``max_entries`` of them, and only under the default nesting limit (a lower
    ``max_xml_depth`` is checked by a parse). Values are immutable; a part that failed
    to parse is never remembered, so its error comes again.
    """

    def __init__(self, max_bytes: int = 4096, max_entries: int = 64) -> None:
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self._found: dict[tuple[str, bytes], Any] = {}

    def get(self, kind: str, data: bytes, budget: Budget) -> Any | None:
        if len(data) > self.max_bytes or parse_xml_checks_depth(budget):
            return None
        return self._found.get((kind, data))

    def put(self, kind: str, data: bytes, budget: Budget, value: Any) -> None:
        if len(data) <= self.max_bytes and not parse_xml_checks_depth(budget) \
                and len(self._found) < self.max_entries:
            self._found[(kind, data)] = value


REMEMBERED = RememberedParts()


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



class MasterPages:
    """Master pages (바탕쪽) by id, parsed once each."""

    def __init__(self, pkg: Package) -> None:
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



__all__ = ["REMEMBERED", "MasterPages", "Package", "RememberedParts", "read_metadata"]
