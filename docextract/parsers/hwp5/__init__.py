"""The HWP 5.0 binary parser (Hancom Office .hwp, versions 5.0.0.x to 5.1.x).

It reads the compound file (olefile only for damaged containers) and walks the
record streams itself, with zlib: FileHeader (flags),
DocInfo (paragraph shapes, numbering, styles), BodyText/Section* or, for
distribution (배포용) documents, the decrypted ViewText/Section*, and the summary
property set for metadata. See the sibling modules for each step.
"""

from __future__ import annotations

from ...errors import CorruptDocument
from ...model import Document, Metadata, Paragraph, Table
from ...safeio import inflate
from ..assembly import BlockBudget, collector_paused
from ..base import ParseContext, Parser
from ..headings import Looks, mark_headings
from .body import BODY_LEAVES_UNUSED, BODY_TOP_LEVEL_ONLY, SectionReader
from .container import HwpContainer, check_readable
from .distribution import decrypt_view_text
from .docinfo import DOCINFO_USED, DocInfo, docinfo_from_spans
from .numbering import NumberingState
from .records import scan, scan_spans
from .summary import STREAM as SUMMARY_STREAM
from .summary import summary_metadata

# Hancom writes this sentence into BodyText of distribution documents for readers that
# cannot decrypt ViewText; it is never the document's content.
DISTRIBUTION_PLACEHOLDER = "상위 버전의 배포용 문서"


class Hwp5Parser(Parser):
    """Reads HWP 5.0 compound files into a :class:`~docextract.model.Document`."""

    name = "hwp"
    formats = ("hwp",)
    requires = {"olefile": "olefile"}
    description = "HWP 5.0 binary documents (own compound-file and record readers, zlib)"

    def parse(self, data: bytes, ctx: ParseContext) -> Document:
        with collector_paused():
            container = HwpContainer(data, ctx)
            try:
                return self._parse(container, ctx)
            finally:
                container.close()

    def _parse(self, container: HwpContainer, ctx: ParseContext) -> Document:
        header = container.header
        check_readable(header)
        docinfo = self._docinfo(container, ctx)
        numbering = NumberingState(docinfo)
        view_sections = container.sections("ViewText")
        encrypted = bool(view_sections)
        names = view_sections if encrypted else container.sections("BodyText")
        if header.distribution and not encrypted:
            ctx.warn("hwp-distribution", "distribution document without ViewText streams; "
                     "reading BodyText")
        if not names:
            raise CorruptDocument("HWP document has no BodyText sections")
        blocks: list[Paragraph | Table] = []
        looks = Looks()
        page = 0
        budget = BlockBudget(ctx, "HWP document")
        failures: list[str] = []
        for index, name in enumerate(names):
            try:
                stream = self._section_bytes(container, name, encrypted)
            except CorruptDocument as exc:
                failures.append(f"{name}: {exc}")
                ctx.warn("hwp-section-unreadable", f"{name} skipped: {exc}", name)
                continue
            recs = scan(stream, ctx.limits, what=f"HWP stream {name}", partial=True,
                        skip=BODY_LEAVES_UNUSED, top_only=BODY_TOP_LEVEL_ONLY)
            if recs.truncated:
                ctx.warn("hwp-truncated", recs.truncated + "; text after it is lost", name)
            reader = SectionReader(recs, docinfo, numbering, ctx, index, page, budget, looks)
            blocks.extend(reader.read())
            page = reader.page
        if failures and len(failures) == len(names):
            raise CorruptDocument("no HWP section could be read (" + failures[0] + ")")
        if header.distribution and not encrypted:
            # BodyText of a distribution document holds only Hancom's notice
            blocks = _drop_placeholder(blocks, ctx)
        mark_headings(blocks, looks)
        metadata = self._metadata(container, ctx)
        if page and metadata.page_count is None:
            metadata.page_count = page
        metadata.extra["hwp_version"] = header.version_text
        return Document.assemble(blocks, format="hwp", source=ctx.source, metadata=metadata,
                                 warnings=ctx.warnings)

    def _docinfo(self, container: HwpContainer, ctx: ParseContext) -> DocInfo:
        if not container.has("DocInfo"):
            ctx.warn("hwp-no-docinfo", "DocInfo stream missing; numbering is not restored")
            return DocInfo()
        try:
            raw = container.read_inflated("DocInfo")
        except CorruptDocument as exc:
            ctx.warn("hwp-docinfo-unreadable", f"DocInfo skipped: {exc}", "DocInfo")
            return DocInfo()
        spans, truncated = scan_spans(raw, ctx.limits, DOCINFO_USED, what="HWP stream DocInfo",
                                      partial=True)
        if truncated:
            ctx.warn("hwp-truncated", truncated, "DocInfo")
        return docinfo_from_spans(raw, spans)

    def _section_bytes(self, container: HwpContainer, name: str, encrypted: bool) -> bytes:
        if not encrypted:
            return container.read_inflated(name)
        plain = decrypt_view_text(container.read(name))
        if not container.header.compressed:
            return plain
        return inflate(plain, container.ctx.budget, what=f"HWP stream {name}")

    def _metadata(self, container: HwpContainer, ctx: ParseContext) -> Metadata:
        if container.has(SUMMARY_STREAM):
            try:
                return summary_metadata(container.read(SUMMARY_STREAM))
            except CorruptDocument as exc:
                ctx.warn("hwp-summary-unreadable", f"document properties skipped: {exc}",
                         SUMMARY_STREAM)
        return Metadata()


def _drop_placeholder(blocks: list[Paragraph | Table],
                      ctx: ParseContext) -> list[Paragraph | Table]:
    """Remove Hancom's 'distribution document' notice wherever it appears."""
    kept = [b for b in blocks
            if not (isinstance(b, Paragraph) and DISTRIBUTION_PLACEHOLDER in b.text)]
    if len(kept) != len(blocks):
        ctx.warn("hwp-distribution-placeholder",
                 "Hancom's distribution-document notice was dropped from the text")
    return kept


__all__ = ["Hwp5Parser", "DISTRIBUTION_PLACEHOLDER"]
