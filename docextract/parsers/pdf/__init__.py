"""The PDF parser: PDFium for characters and drawings, pdfplumber's table finder for tables.

Reading a page with pdfminer (what ``pdfplumber`` does) costs hundreds of milliseconds on
HWP exports; PDFium reads the same characters in a few. So characters and path
segments come from PDFium, and pdfplumber's table algorithm runs on those segments, only
on pages that draw ruling lines. PDFium itself is bounded: a pre-flight reads the file
first and decides whether PDFium may run in this process, must run in a sandboxed worker
process, or must not see a page at all. The stages, one module each:

* :mod:`.pdfobjects` a small bounded reader of PDF objects, for the pre-flight
* :mod:`.contentscan` what one content stream asks of PDFium, counted in its bytes
* :mod:`.preflight` what each page would cost PDFium; in-process, sandbox or refused
* :mod:`.engine`  the one owner of PDFium: its lock, and the page-by-page document walk
* :mod:`.sandbox` the walk in a worker process (:mod:`.worker`) with memory and CPU caps
* :mod:`.glyphs`  characters in top-left coordinates, fake bold removed
* :mod:`.rules`   ruling lines from path objects
* :mod:`.page`    one page read: glyphs, rules, tables
* :mod:`.tables`  pdfplumber table finding, grid with spans, glyphs into cells
* :mod:`.furniture` running headers, footers, page numbers
* :mod:`.borderless` tables drawn without ruling lines, from the gaps between columns
* :mod:`.grid`    name grids: short entries spread over slots of one width, as a table
* :mod:`.layout`  reading order (columns, tables beside text)
* :mod:`.lines`   lines and paragraphs
* :mod:`.wrap`    Korean wrap repair: when a joined line needs a space (the rule)
* :mod:`.lexicon` how the document itself spells a word a narrow cell cut
* :mod:`.spacing` Kiwi's reading of junctions no glyph or rule settles
* :mod:`.blocks`  model blocks with page and bounding box
* :mod:`.split_tables` tables a page break cut, closed and joined again
* :mod:`.assemble` the document: furniture, wrap evidence, paragraphs and tables across pages
"""

from __future__ import annotations

import os
import time
from contextlib import closing
from typing import Generator, Iterator

from ...errors import CorruptDocument
from ...model import Document
from ..base import ParseContext, Parser
from .assemble import assemble_blocks
from .engine import Event, Opened, PageSkipped, read_events
from .meta import read_metadata
from .page import PageContent
from .preflight import DocumentPlan, plan_document

ISOLATION_VARIABLE = "DOCEXTRACT_PDF_ISOLATION"  # "auto" (default) or "always"


class PdfParser(Parser):
    """PDF (text-layer PDFs, HWP and office exports) into the document model."""

    name = "pdf"
    formats = ("pdf",)
    requires = {"pdfplumber": "pdfplumber", "pypdfium2": "pypdfium2"}
    description = "PDF via PDFium text + pdfplumber table geometry"

    def parse(self, data: bytes, ctx: ParseContext) -> Document:
        plan = plan_document(data, ctx.limits.max_decompressed_bytes, ctx.budget.check_time)
        with closing(_events(data, ctx, plan)) as events:
            opened = next(events, None)
            if not isinstance(opened, Opened):
                raise CorruptDocument("broken PDF: no document")
            metadata = read_metadata(opened.info, opened.page_count)
            pages = _pages(events, opened.page_count, ctx)
            blocks = assemble_blocks(pages, ctx)
        return Document.assemble(blocks, format="pdf", source=ctx.source, metadata=metadata,
                                 warnings=ctx.warnings)


def _events(data: bytes, ctx: ParseContext, plan: DocumentPlan) -> Generator[Event, None, None]:
    """The document's events, from PDFium in this process when the pre-flight proved
    every page cheap, else from the sandbox. A page count that disagrees with the
    pre-flight's means it read another page tree than PDFium: the sandbox reads it."""
    refused = plan.refused()
    if plan.in_process and os.environ.get(ISOLATION_VARIABLE, "auto") != "always":
        events = read_events(data, ctx.password, max_pages=ctx.limits.max_pages, refused=refused)
        first = next(events, None)
        if isinstance(first, Opened) and plan.pages is not None and first.page_count == len(plan.pages):
            try:
                yield first
                yield from events
            finally:
                events.close()
            return
        events.close()
        refused = {}
    from .sandbox import read_in_sandbox

    deadline = time.monotonic() + ctx.limits.timeout_seconds - (time.monotonic() - ctx.budget.started)
    yield from read_in_sandbox(data, ctx.password, max_pages=ctx.limits.max_pages, refused=refused,
                               deadline=deadline)


def _pages(events: Iterator[Event], count: int, ctx: ParseContext) -> Iterator[PageContent]:
    """The pages read, in order; pages not read become warnings."""
    read = 0
    for event in events:
        ctx.budget.check_time()
        if isinstance(event, PageSkipped):
            ctx.warn(event.code, event.message, f"page {event.number}")
            continue
        if isinstance(event, Opened):
            continue  # only the first event opens the document
        read += 1
        yield event
    if count and not read and not any(w.code in ("pdf-page-skipped", "pdf-page-failed")
                                      for w in ctx.warnings):
        # a page tree that loops or points at non-pages: nothing is left to read
        raise CorruptDocument(f"none of the {count:,} pages the PDF declares can be read "
                              "(broken or cyclic page tree)")


__all__ = ["PdfParser"]
