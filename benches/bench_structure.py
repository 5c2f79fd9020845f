"""Benchmark: document structure from PDF (reading order, tables, headings) against ground truth.

The project writes its own test set (:mod:`samples.structure`): ten reports in English
and Korean, in one and two columns, with ruled and borderless tables, and English printed
without space glyphs; each is printed as a PDF (:mod:`samples.writers.structure_pdf`) and
its Markdown is the ground truth. Every tool's Markdown is scored with the standard
metrics (:mod:`benches.structure_metrics`): NID of the reading-order text, TEDS of the
tables, F1 of the (level, text) headings; averaged over the documents where a score
applies. Tools:

* docextract: ``docextract.parse(pdf).to_markdown()``;
* pdfplumber: the text outside tables (``extract_text``) and the tables it finds
  (``extract_tables``) as GFM, page by page; it marks no headings;
* pymupdf4llm: ``pymupdf4llm.to_markdown`` (bench extra; skipped, saying why, when it
  cannot be imported).

Run: ``make bench`` (all benchmarks) or ``.venv/bin/python -m benches structure``
(``--show NAME`` prints one document's Markdown from every tool).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benches.structure_metrics import heading_f1, nid, plain_text, teds  # noqa: E402

Tool = Callable[[bytes], str]


def _docextract(data: bytes) -> str:
    import docextract

    return docextract.parse(data, format="pdf").to_markdown()


def _gfm(rows: list[list[str | None]]) -> str:
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    cells = [[" ".join((c or "").split()).replace("|", "\\|") for c in r] + [""] * (width - len(r))
             for r in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in cells[1:]]
    return "\n".join(lines)


def _pdfplumber(data: bytes) -> str:
    import io

    import pdfplumber

    out: list[str] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            found = page.find_tables()
            rest = page
            for table in found:
                rest = rest.outside_bbox(table.bbox)
            out.append(rest.extract_text() or "")
            out.extend(_gfm(t.extract()) for t in found)
    return "\n\n".join(part for part in out if part)


def _pymupdf4llm() -> Tool | str:
    """The pymupdf4llm tool, or why it cannot run."""
    try:
        import pymupdf
        import pymupdf4llm
    except ImportError as exc:
        return f"not installed ({exc}); `pip install -e '.[bench]'` installs it"
    if not hasattr(pymupdf4llm, "to_markdown"):
        return "the installed pymupdf4llm has no to_markdown (a placeholder package)"

    def run(data: bytes) -> str:
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            return str(pymupdf4llm.to_markdown(doc, show_progress=False))

    return run


def _mean(values: list[float | None]) -> float | None:
    given = [v for v in values if v is not None]
    return sum(given) / len(given) if given else None


def _fmt(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "  -  "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="print one document's Markdown from every tool")
    args = parser.parse_args(argv or [])
    try:
        from samples.structure import structure_docs
        from samples.writers.structure_pdf import render_structure
    except ImportError as exc:  # fpdf2 (dev extra) missing
        print(f"skipped: cannot generate the documents ({exc})")
        return 0
    docs = structure_docs()
    pdfs = {d.name: render_structure(d) for d in docs}
    tools: dict[str, Tool] = {"docextract": _docextract, "pdfplumber": _pdfplumber}
    mupdf = _pymupdf4llm()
    if isinstance(mupdf, str):
        print(f"pymupdf4llm skipped: {mupdf}")
    else:
        tools["pymupdf4llm"] = mupdf
    print(f"{len(docs)} generated PDFs (samples/structure.py), scores against their ground-truth "
          "Markdown (1.0 = perfect)")
    header = f"{'document':24}" + "".join(f"{name:>32}" for name in tools)
    print(header)
    print(f"{'':24}" + "".join(f"{'NID   TEDS  head   s':>32}" for _ in tools))
    print("-" * len(header))
    totals: dict[str, dict[str, list[float | None]]] = {
        name: {"nid": [], "teds": [], "head": [], "time": []} for name in tools}
    for doc in docs:
        truth = doc.markdown()
        row = f"{doc.name:24}"
        for name, tool in tools.items():
            started = time.perf_counter()
            try:
                markdown = tool(pdfs[doc.name])
            except Exception as exc:  # a baseline failing on one file scores 0 there
                print(f"  {name} failed on {doc.name}: {type(exc).__name__}: {exc}")
                markdown = ""
            elapsed = time.perf_counter() - started
            if args.show == doc.name:
                print(f"\n--- {name} ---\n{markdown}\n")
            scores = {"nid": nid(plain_text(markdown), plain_text(truth)),
                      "teds": teds(markdown, truth), "head": heading_f1(markdown, truth),
                      "time": elapsed}
            for key, value in scores.items():
                totals[name][key].append(value)
            row += f"{_fmt(scores['nid']):>13} {_fmt(scores['teds'])} {_fmt(scores['head'])} {elapsed:5.2f}"
        print(row)
    print("-" * len(header))
    print(f"{'mean':24}" + "".join(
        f"{_fmt(_mean(t['nid'])):>13} {_fmt(_mean(t['teds']))} {_fmt(_mean(t['head']))} "
        f"{_mean(t['time']) or 0:5.2f}" for t in totals.values()))
    print("\nNID: normalized indel similarity of the text; TEDS: tree-edit-distance similarity "
          "of the tables;\nhead: F1 of (level, text) headings; s: seconds per document. "
          "Run: make bench (or python -m benches structure)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
