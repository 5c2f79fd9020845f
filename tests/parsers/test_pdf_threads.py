"""PDF parsing from many threads: PDFium runs under one lock, so eight threads reading the
corpus at once get exactly what one thread gets. (Without the lock, PDFium dies with
SIGSEGV or SIGTRAP in about one run in three of the page walk below.)"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import docextract
from docextract.errors import DocextractError
from docextract.parsers.pdf.engine import read_events
from docextract.serialize import dump_json

THREADS = 8


def _pdfs(corpus_dir):
    files = sorted(p for p in (corpus_dir / "pdf").iterdir() if p.suffix == ".pdf")
    assert files
    return files


def _outcome(path) -> str:
    try:
        return dump_json(docextract.parse(path))
    except DocextractError as exc:  # the password-protected file: the same error each time
        return f"{type(exc).__name__}: {exc}"


def test_eight_threads_parse_the_corpus_pdfs_like_one(corpus_dir):
    files = _pdfs(corpus_dir)
    expected = {path: _outcome(path) for path in files}
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(_outcome, files))
    for path, got in zip(files, results):
        assert got == expected[path], f"{path.name} differs when read from {THREADS} threads"


def _page_texts(data: bytes) -> list[str]:
    out = []
    try:
        for event in read_events(data, None, max_pages=5_000, refused={}):
            out.extend(line.text for line in getattr(event, "rows", []))
    except DocextractError as exc:
        out.append(type(exc).__name__)
    return out


def test_eight_threads_walk_pdfium_pages_like_one(corpus_dir):
    """The page walk alone (mostly PDFium calls), each file three times in flight."""
    datas = [p.read_bytes() for p in _pdfs(corpus_dir)]
    expected = [_page_texts(d) for d in datas]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(_page_texts, datas * 3))
    assert results == expected * 3
