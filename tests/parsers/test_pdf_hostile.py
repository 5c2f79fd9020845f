"""Broken and hostile PDFs fail fast with a typed error, never a traceback or a hang."""

from __future__ import annotations

import time

import pytest

import docextract
from docextract.errors import CorruptDocument, DocextractError, LimitExceeded
from pdf_builder import pdf_file, stream

CONTENT = b"BT /F1 12 Tf 72 720 Td (Public notice) Tj ET"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def one_page(pages_dict: bytes = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             page_dict: bytes = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                                 b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")) -> bytes:
    return pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>", pages_dict, page_dict,
                      stream(CONTENT), FONT])


def parse_quickly(data: bytes, **kwargs):
    started = time.monotonic()
    try:
        return docextract.parse(data, format="pdf", **kwargs)
    finally:
        assert time.monotonic() - started < 3.0


def test_hand_built_reference_pdf_parses():
    doc = parse_quickly(one_page())
    assert [p.text for p in doc.paragraphs()] == ["Public notice"]


def test_header_only_is_corrupt():
    with pytest.raises(CorruptDocument):
        parse_quickly(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Cat")


def test_truncated_file_fails_typed_or_reads_what_is_left():
    data = one_page()
    for cut in (len(data) // 4, len(data) // 2, len(data) - 40):
        try:
            doc = parse_quickly(data[:cut])
        except DocextractError as exc:
            assert isinstance(exc, (CorruptDocument,)), exc
        else:
            assert doc.metadata.page_count == 1


def test_page_count_claim_is_checked_before_pages_are_read():
    data = one_page(pages_dict=b"<< /Type /Pages /Kids [3 0 R] /Count 100000 >>")
    with pytest.raises(LimitExceeded, match="max_pages"):
        parse_quickly(data)


def test_cyclic_page_tree_is_typed():
    # /Kids of the page tree points back at the tree itself; the leaf's /Parent is itself
    data = pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                      b"<< /Type /Pages /Parent 3 0 R /Kids [3 0 R] /Count 1 >>"])
    with pytest.raises(CorruptDocument, match="page tree"):
        parse_quickly(data)


def test_xref_loop_through_prev_is_survived():
    body = one_page()
    start = body.rindex(b"startxref")
    xref_at = int(body[start:].split()[1])
    looped = body[:start].replace(b"/Root 1 0 R >>", b"/Root 1 0 R /Prev %d >>" % xref_at)
    looped += b"startxref\n%d\n%%%%EOF\n" % xref_at
    doc = parse_quickly(looped)
    assert [p.text for p in doc.paragraphs()] == ["Public notice"]


def test_missing_xref_is_rebuilt_or_typed():
    data = pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                      b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
                      stream(CONTENT), FONT], xref=False)
    try:
        doc = parse_quickly(data)
    except DocextractError as exc:
        assert isinstance(exc, CorruptDocument)
    else:
        assert [p.text for p in doc.paragraphs()] == ["Public notice"]


def test_garbage_after_signature_is_corrupt():
    with pytest.raises(CorruptDocument):
        parse_quickly(b"%PDF-1.4\n" + bytes(range(256)) * 40)


def test_deep_form_nesting_is_bounded():
    # a form XObject that draws itself: the drawing walk must stop
    form = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources "
            b"<< /XObject << /X1 6 0 R >> >> /Length 8 >>\nstream\n/X1 Do q\nendstream")
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
            b"<< /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> /Contents 4 0 R >>")
    data = pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", page,
                      stream(CONTENT + b" /X1 Do"), FONT, form])
    doc = parse_quickly(data)
    assert [p.text for p in doc.paragraphs()] == ["Public notice"]
