"""The one owner of PDFium: a process-wide lock, and the reader that walks a document.

pypdfium2 is not thread-safe (PDFium keeps global state: fonts, caches, the library
itself), so every call into it, from opening a document to closing a text page, runs
under :data:`PDFIUM_LOCK`. Python work on what PDFium returned (table finding, layout)
runs outside it, so threads still overlap there.

:func:`read_events` is the document walk, the same in this process and in the sandbox's
worker (:mod:`.worker`): it yields a :class:`Opened` first, then for every page a
:class:`~.page.PageContent`, or a :class:`PageSkipped` for a page it did not read
(refused by the pre-flight, or rejected by PDFium). Pages are closed as soon as they are
read, so only one page is ever open.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Callable, Generator, Mapping, Optional, Union

from ...errors import CorruptDocument, EncryptedDocument, LimitExceeded

PDFIUM_LOCK = threading.RLock()


@dataclass
class Opened:
    """The document is open: its page count and /Info dictionary."""

    page_count: int
    info: dict[str, Any]


@dataclass
class PageSkipped:
    """A page that was not read, and why (``code`` is the warning code)."""

    number: int
    code: str
    message: str


Event = Union[Opened, PageSkipped, Any]  # Any: PageContent (imported lazily)


def read_events(data: bytes, password: str | None, *, max_pages: int,
                refused: Mapping[int, str], first_page: int = 0,
                before_page: Optional[Callable[[int], None]] = None) -> Generator[Event, None, None]:
    """Open ``data`` and read its pages from ``first_page`` (0-based) on, skipping the
    ``refused`` ones (0-based index -> reason). Raises the typed errors of opening.
    ``before_page(index)`` is called before PDFium loads a page (the sandbox's worker
    reports it, so that a crash can be pinned on the page)."""
    import pypdfium2 as pdfium

    from .page import read_page

    with PDFIUM_LOCK:
        pdf = open_document(pdfium, data, password)
    try:
        with PDFIUM_LOCK:
            count = len(pdf)
            info = _info(pdf)
        if count > max_pages:
            raise LimitExceeded(f"the PDF declares {count:,} pages, past max_pages={max_pages:,}",
                                limit="max_pages")
        yield Opened(count, info)
        for index in range(first_page, count):
            if index in refused:
                yield PageSkipped(index + 1, "pdf-page-skipped",
                                  f"page {index + 1} was not read: {refused[index]}; its content is missing")
                continue
            if before_page is not None:
                before_page(index)
            try:
                yield read_page(pdf, index, PDFIUM_LOCK)
            except pdfium.PdfiumError as exc:
                yield PageSkipped(index + 1, "pdf-page-unreadable",
                                  f"page {index + 1} cannot be read ({exc}); skipped")
    finally:
        with PDFIUM_LOCK:
            pdf.close()


def open_document(pdfium: Any, data: bytes, password: str | None) -> Any:
    """``pypdfium2.PdfDocument`` for ``data``; failures as typed errors (call under the lock)."""
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


__all__ = ["Event", "Opened", "PDFIUM_LOCK", "PageSkipped", "open_document", "read_events"]
