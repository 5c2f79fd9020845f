"""The PDF parser: PDFium for characters and drawings, pdfplumber's table finder for tables.

Reading a page with pdfminer (what ``pdfplumber`` does) costs hundreds of milliseconds on
HWP exports; PDFium reads the same characters in a few. So characters and path
segments come from PDFium, and pdfplumber's table algorithm runs on those segments, only
on pages that draw ruling lines. The stages, one module each:

* :mod:`.glyphs`  characters in top-left coordinates, fake bold removed
* :mod:`.rules`   ruling lines from path objects
* :mod:`.tables`  pdfplumber table finding, grid with spans, glyphs into cells
* :mod:`.furniture` running headers, footers, page numbers
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

from typing import Any

from ...errors import CorruptDocument, DocextractError, EncryptedDocument, LimitExceeded
from ...model import Document
from ..base import ParseContext, Parser
from .assemble import assemble_blocks
from .meta import read_metadata
from .page import PageContent, read_page


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
        blocks = assemble_blocks(pages, ctx)
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
            raise EncryptedDocument("the PDF is encrypted with a user password; give it with "
                                    "password= (CLI: --password)") from exc
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


__all__ = ["PdfParser"]
