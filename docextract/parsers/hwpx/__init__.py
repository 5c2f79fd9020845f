"""HWPX (OWPML, KS X 6101): a zip of XML parts written by Hangul 2010 and later.

Package layout: ``mimetype`` (``application/hwp+zip``), ``META-INF/container.xml``
naming ``Contents/content.hpf`` (OPF metadata, manifest and spine),
``Contents/header.xml`` (styles, paragraph shapes, numbering),
``Contents/section0.xml`` … (the body) and ``Contents/masterpage*.xml``. The steps,
one module each:

* :mod:`.package`   the zip, manifest, spine, metadata, master pages
* :mod:`.crypto`    password-protected parts (AES, PBKDF2 from the manifest)
* :mod:`.header`    header.xml: the styles, shapes, numberings and bullets a document uses
* :mod:`.numbering` paragraph headings, number and bullet formats, the visible markers
* :mod:`.section`   one section's paragraphs, controls, tables and shapes into blocks
* :mod:`.fields`    hyperlink targets and field parameters
* :mod:`.pages`     page estimates from breaks and the saved line layout
* :mod:`.elements`  namespace-blind element helpers

Password-protected packages raise :class:`~docextract.errors.EncryptedDocument` unless the
password is given. ``prov.page`` is an estimate from page breaks, section starts and the
line layout Hangul stores in ``hp:linesegarray`` (see :class:`~.pages.PageTracker`).
"""

from __future__ import annotations

from typing import Any, ClassVar

from ...errors import CorruptDocument, EncryptedDocument, LimitExceeded
from ...model import Document
from ...safeio import open_zip
from ..assembly import BlockBudget, collector_paused
from ..base import ParseContext, Parser
from ..headings import mark_headings
from .header import HeaderInfo, read_header
from .numbering import NumberingState
from .package import MasterPages, Package, read_metadata
from .section import Block, DocumentState, SectionReader


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
        with zf, collector_paused():
            pkg = Package(zf, ctx)
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
            state = DocumentState(header=header, numbering=NumberingState(header),
                                  blocks=BlockBudget(ctx, "HWPX document"))
            master_pages = MasterPages(pkg)
            blocks: list[Block] = []
            for index, name in enumerate(sections):
                ctx.budget.check_time()
                root = pkg.xml(name)
                blocks.extend(SectionReader(ctx, state, index, master_pages.get).read(root))
            mark_headings(blocks, state.looks)
            metadata = read_metadata(pkg.metadata_el)
            version = self._version(pkg)
            if version:
                metadata.extra.setdefault("application", version)
        return Document.assemble(blocks, format="hwpx", source=ctx.source, metadata=metadata,
                                 warnings=ctx.warnings)

    @staticmethod
    def _header(pkg: Package) -> HeaderInfo:
        name = pkg.header_name()
        if name is None:
            pkg.ctx.warn("hwpx-no-header", "HWPX package has no header.xml: numbering and "
                         "style names are unavailable")
            return HeaderInfo()
        return read_header(pkg.xml_bytes(name), pkg.ctx.budget, f"HWPX part {name}")

    @staticmethod
    def _version(pkg: Package) -> str | None:
        if "version.xml" not in pkg.names:
            return None
        try:
            found: str = pkg.remembered_xml("version", "version.xml", _application)
        except CorruptDocument:
            return None
        return found or None


def _application(version: Any) -> str:
    """The writing application and its version from version.xml's root ("" when neither)."""
    return " ".join(v for v in (version.get("application"), version.get("appVersion")) if v)


__all__ = ["HwpxParser", "read_metadata"]
