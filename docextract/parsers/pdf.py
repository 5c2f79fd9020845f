"""The PDF parser: PDFium for characters and drawings, pdfplumber's table finder for tables.

Reading a page with pdfminer (what ``pdfplumber`` does) costs hundreds of milliseconds on
HWP exports; PDFium reads the same characters in a few. So characters and path
segments come from PDFium, and pdfplumber's table algorithm runs on those segments, only
on pages that draw ruling lines. The stages, one module each:

* :mod:`.pdf_glyphs`  characters in top-left coordinates, fake bold removed
* :mod:`.pdf_rules`   ruling lines from path objects
* :mod:`.pdf_tables`  pdfplumber table finding, grid with spans, glyphs into cells
* :mod:`.pdf_furniture` running headers, footers, page numbers
* :mod:`.pdf_layout`  reading order (columns, tables beside text)
* :mod:`.pdf_lines`   lines and paragraphs
* :mod:`.pdf_wrap`    Korean wrap repair: when a joined line needs a space (the rule)
* :mod:`.pdf_blocks`  model blocks with page and bounding box
"""

from __future__ import annotations

from statistics import median
from typing import Any

from ..errors import CorruptDocument, DocextractError, EncryptedDocument, LimitExceeded
from ..model import Document
from .base import ParseContext, Parser
from .pdf_blocks import layout_page, page_blocks
from .pdf_furniture import PageRows, find_furniture
from .pdf_wrap import decide_policy
from .pdf_meta import read_metadata
from .pdf_page import PageContent, read_page


class PdfParser(Parser):
    """PDF (text-layer PDFs, HWP and office exports) into the document model."""

    name = "pdf"
    formats = ("pdf",)
    requires = {"pdfplumber": "pdfplumber", "pypdfium2": "pypdfium2"}
    description = "PDF via PDFium text + pdfplumber table geometry"

    def parse(self, data: bytes, ctx: ParseContext) -> Document:
        import pypdfium2 as pdfium

        pdf = _open(pdfium, data, ctx.password)
        try:
            count = len(pdf)
            if count > ctx.limits.max_pages:
                raise LimitExceeded(f"the PDF declares {count:,} pages, past max_pages="
                                    f"{ctx.limits.max_pages:,}", limit="max_pages")
            metadata = read_metadata(_info(pdf), count)
            pages = _read_pages(pdf, count, ctx)
        finally:
            pdf.close()
        blocks = _assemble_blocks(pages, ctx)
        return Document.assemble(blocks, format="pdf", source=ctx.source, metadata=metadata,
                                 warnings=ctx.warnings)


def _open(pdfium: Any, data: bytes, password: str | None) -> Any:
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            if password:
                raise EncryptedDocument("the PDF password is wrong") from exc
            raise EncryptedDocument("the PDF is encrypted with a user password; pass password=") from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedDocument("the PDF uses an unsupported security handler") from exc
        raise CorruptDocument(f"broken PDF: {exc}") from exc
    except (ValueError, OSError) as exc:
        raise CorruptDocument(f"broken PDF: {exc}") from exc


def _info(pdf: Any) -> dict[str, Any]:
    try:
        return dict(pdf.get_metadata_dict(skip_empty=True))
    except Exception:  # a damaged /Info dictionary must not cost the text
        return {}


def _read_pages(pdf: Any, count: int, ctx: ParseContext) -> list[PageContent]:
    import pypdfium2 as pdfium

    pages: list[PageContent] = []
    for index in range(count):
        ctx.budget.check_time()
        try:
            pages.append(read_page(pdf, index))
        except DocextractError:
            raise
        except pdfium.PdfiumError as exc:
            ctx.warn("pdf-page-unreadable", f"page {index + 1} cannot be read ({exc}); skipped",
                     f"page {index + 1}")
    if count and not pages:
        # a page tree that loops or points at non-pages: nothing is left to read
        raise CorruptDocument(f"none of the {count:,} pages the PDF declares can be read "
                              "(broken or cyclic page tree)")
    return pages


def _assemble_blocks(pages: list[PageContent], ctx: ParseContext) -> list[Any]:
    for page in pages:
        for code, message in page.problems:
            ctx.warn(code, message, f"page {page.number}")
    scans = [p.number for p in pages if not p.has_text and p.has_images]
    if scans:
        ctx.warn("pdf-no-text-layer",
                 f"{_page_list(scans)} {'has' if len(scans) == 1 else 'have'} no text layer "
                 "(scanned image); OCR is not available, so that content is missing")
    marks = find_furniture([PageRows(p.height, p.rows) for p in pages])
    text_boxes = _text_boxes(pages, marks)
    layouts = []
    for page, page_marks in zip(pages, marks):
        ctx.budget.check_time()
        layouts.append(layout_page(page, page_marks, text_boxes[page.number]))
    policy = decide_policy([layout.body_lines() for layout in layouts])
    blocks: list[Any] = []
    for layout in layouts:
        ctx.budget.check_time()
        blocks.extend(page_blocks(layout, policy))
        if len(blocks) > ctx.limits.max_blocks:
            raise LimitExceeded(f"the PDF has more than {ctx.limits.max_blocks:,} blocks (max_blocks)",
                                limit="max_blocks")
    return blocks


def _page_list(numbers: list[int]) -> str:
    spans: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [-1]:
        if n == prev + 1:
            prev = n
            continue
        spans.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = n
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(spans)


def _text_boxes(pages: list[PageContent], marks: list[dict[int, Any]]) -> dict[int, tuple[float, float]]:
    """Per page, where full body lines start and end: the typical text block of pages of
    the same width, so a short last line on one page is not mistaken for a full one."""
    by_width: dict[int, list[tuple[float, float]]] = {}
    own: dict[int, tuple[float, float]] = {}
    for page, page_marks in zip(pages, marks):
        # tables count: they usually span the text block even when no line of text does
        body = [(r.x0, r.x1) for i, r in enumerate(page.rows) if i not in page_marks]
        body += [(t.bbox[0], t.bbox[2]) for t in page.tables]
        if body:
            own[page.number] = (min(b[0] for b in body), max(b[1] for b in body))
            by_width.setdefault(round(page.width), []).append(own[page.number])
    typical = {w: (median(b[0] for b in v), median(b[1] for b in v)) for w, v in by_width.items()}
    return {p.number: typical.get(round(p.width), own.get(p.number, (0.0, p.width))) for p in pages}


__all__ = ["PdfParser"]
