"""Benchmark: docextract's PDF parser against plain pdfplumber and pypdfium2.

For every PDF of the public corpus (``../shared/corpus/pdf``; skipped when absent, the
password-protected one left out) it measures milliseconds per page of

* docextract: ``docextract.parse(data)`` (paragraphs, tables with spans, furniture),
* pdfplumber: ``page.extract_text()`` on every page (text only, no tables),
* pypdfium2: ``textpage.get_text_range()`` on every page (text only, the floor),

in one process after a warm-up, best of ``--runs`` runs, and prints the ratios; then the
same per one-page letter for the project's samples/pdf/letter-*.pdf when they exist.
Goals on the corpus total: pdfplumber / docextract >= 3 while docextract still finds tables,
and docextract / pypdfium2 <= 7.0 (the floor: PDFium's text alone; 6.8 before the pre-flight,
borderless tables, word spacing and headings were added). ``python -m benches goals`` prints
the second in CPU time beside the other formats' goals.

Run: ``.venv/bin/python -m benches pdf`` or ``.venv/bin/python benches/bench_pdf.py [--runs N]``
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("DOCEXTRACT_CORPUS", ROOT.parent / "shared" / "corpus")) / "pdf"
GOAL = 3.0
FLOOR_GOAL = 7.0  # docextract / pypdfium2, corpus total


def _best(fn: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def dx_parse(data: bytes) -> Callable[[], object]:
    import docextract

    return lambda: docextract.parse(data, format="pdf")


def _pdfplumber(data: bytes) -> Callable[[], object]:
    import io

    import pdfplumber

    def run() -> None:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_text()

    return run


def pdfium_text(data: bytes) -> Callable[[], object]:
    import pypdfium2 as pdfium

    def run() -> None:
        pdf = pdfium.PdfDocument(data)
        try:
            for i in range(len(pdf)):
                page = pdf[i]
                textpage = page.get_textpage()
                textpage.get_text_range()
                textpage.close()
                page.close()
        finally:
            pdf.close()

    return run


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.glob("*.pdf") if "password" not in p.name)


def sample_letters() -> list[Path]:
    """The project's generated one-page 공문 (samples/pdf/letter-*.pdf), the common case."""
    return sorted((ROOT / "samples" / "pdf").glob("letter-*.pdf"))


def _letters_line(runs: int) -> None:
    letters = sample_letters()
    if not letters:
        return
    import docextract

    datas = [p.read_bytes() for p in letters]
    dx = sum(_best(dx_parse(d), runs) for d in datas) / len(datas)
    plumber = sum(_best(_pdfplumber(d), runs) for d in datas) / len(datas)
    fium = sum(_best(pdfium_text(d), runs) for d in datas) / len(datas)
    tables = sum(sum(1 for _ in docextract.parse(d, format="pdf").tables()) for d in datas)
    print(f"\nproject samples: {len(letters)} one-page letters (samples/pdf/letter-*.pdf), "
          f"{tables} tables, ms/letter")
    print(f"  docextract {1000 * dx:.1f}   pdfplumber {1000 * plumber:.1f}   pypdfium2 {1000 * fium:.1f}"
          f"   plumber/dx {plumber / dx:.1f}   dx/pdfium {dx / fium:.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2, help="runs per tool and file (best is kept)")
    args = parser.parse_args(argv or [])
    files = corpus_files()
    if not files:
        print(f"corpus skipped: no PDFs at {CORPUS}")
        _letters_line(args.runs)
        return 0
    import docextract
    import pypdfium2 as pdfium

    docextract.parse(files[0].read_bytes(), format="pdf")  # warm imports and caches
    header = (f"{'file':42} {'pages':>5} {'tables':>6} {'docextract':>11} {'pdfplumber':>11} "
              f"{'pypdfium2':>10} {'plumber/dx':>10} {'dx/pdfium':>9}")
    print("ms/page, best of", args.runs, "runs")
    print(header)
    print("-" * len(header))
    totals = {"dx": 0.0, "plumber": 0.0, "pdfium": 0.0}
    all_pages = 0
    for path in files:
        data = path.read_bytes()
        pdf = pdfium.PdfDocument(data)
        pages = len(pdf)
        pdf.close()
        doc = docextract.parse(data, format="pdf")
        tables = sum(1 for _ in doc.tables())
        dx = _best(dx_parse(data), args.runs)
        plumber = _best(_pdfplumber(data), args.runs)
        fium = _best(pdfium_text(data), args.runs)
        totals["dx"] += dx
        totals["plumber"] += plumber
        totals["pdfium"] += fium
        all_pages += pages
        name = path.name if len(path.name) <= 42 else path.name[:39] + "..."
        print(f"{name:42} {pages:5d} {tables:6d} {1000 * dx / pages:11.1f} {1000 * plumber / pages:11.1f} "
              f"{1000 * fium / pages:10.1f} {plumber / dx:10.1f} {dx / fium:9.1f}")
    print("-" * len(header))
    ratio = totals["plumber"] / totals["dx"]
    print(f"{'all (' + str(len(files)) + ' files)':42} {all_pages:5d} {'':6} "
          f"{1000 * totals['dx'] / all_pages:11.1f} {1000 * totals['plumber'] / all_pages:11.1f} "
          f"{1000 * totals['pdfium'] / all_pages:10.1f} {ratio:10.1f} {totals['dx'] / totals['pdfium']:9.1f}")
    print(f"goal: pdfplumber/docextract >= {GOAL:g}: {'met' if ratio >= GOAL else 'NOT met'} ({ratio:.1f}x)")
    floor = totals["dx"] / totals["pdfium"]
    print(f"goal: docextract/pypdfium2 <= {FLOOR_GOAL:g}: {'met' if floor <= FLOOR_GOAL else 'NOT met'} "
          f"({floor:.1f}x)")
    _letters_line(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(__import__("sys").argv[1:]))
