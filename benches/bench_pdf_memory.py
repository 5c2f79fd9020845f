"""Benchmark: PDF peak memory against the page count (goal: flat).

Generates two documents of the same make (samples/writers/pdf.py: fpdf2 with Debian's
Nanum fonts, paragraphs of Korean text and a ruled table on every page), 25 and 400
pages long, parses each in a fresh interpreter and reads that interpreter's peak RSS
(``wait4``; the sandbox worker, if any, is included). Goal: the 400-page file within
1.2x the memory of the 25-page one, i.e. pages are assembled one at a time and let go.

Run: ``.venv/bin/python -m benches pdf-memory``
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL = 1.2
SHORT, LONG = 25, 400
WORDS = ("사업", "계획", "추진", "관련", "예산", "집행", "기관", "협조", "요청", "검토", "결과",
         "보고", "지원", "운영", "개선", "방안", "마련", "시행", "공고", "안내", "제출", "서류",
         "기한", "담당자", "부서", "확인", "조치", "필요", "사항", "협의", "내용", "일정")


def _sentence(seed: int, n: int) -> str:
    words = [WORDS[(seed * 7 + i * 13) % len(WORDS)] for i in range(n)]
    return " ".join(words) + "하여 주시기 바랍니다."


def build(pages: int) -> bytes:
    """About ``pages`` A4 pages of units: a heading, six paragraphs and a 4x3 table."""
    from samples.layout import Cell, Doc, Para, Table
    from samples.writers.pdf import render

    blocks: list = []
    for page in range(pages * 3 // 2):  # a unit is about two thirds of a page
        blocks.append(Para(f"{page + 1}. 추진 계획 세부 내용", bold=True, size="large", space_before=True))
        blocks += [Para(_sentence(page * 10 + i, 24), indent=1, hanging=2, space_before=True)
                   for i in range(6)]
        cells = [Cell(r, c, [Para(_sentence(page + r * 3 + c, 2))]) for r in range(4) for c in range(3)]
        blocks.append(Table(4, 3, cells, [0.2, 0.4, 0.4]))
    return render(Doc(title="메모리 시험 문서", blocks=blocks))


CHILD = "import sys, docextract; docextract.parse(sys.argv[1], format='pdf')"


def measure(path: Path) -> tuple[float, float]:
    """(peak RSS in MiB, wall seconds) of a fresh interpreter parsing ``path``."""
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path)])
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"parsing {path.name} failed ({proc.returncode})")
    return usage.ru_maxrss / 1024, time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    import pypdfium2 as pdfium

    with tempfile.TemporaryDirectory(prefix="docextract-bench-") as folder:
        rows = []
        for pages in (SHORT, LONG):
            path = Path(folder) / f"pages-{pages}.pdf"
            path.write_bytes(build(pages))
            pdf = pdfium.PdfDocument(str(path))
            real = len(pdf)
            pdf.close()
            peak, seconds = min(measure(path) for _ in range(2))
            rows.append((real, peak, seconds))
            print(f"{real:4d} pages  {path.stat().st_size / 1024:8.0f} KiB  peak RSS {peak:7.1f} MiB  "
                  f"{1000 * seconds / real:6.1f} ms/page (with interpreter start)")
    ratio = rows[1][1] / rows[0][1]
    print(f"peak RSS {rows[1][0]} pages / {rows[0][0]} pages: {ratio:.2f}x   goal <= {GOAL:g}x: "
          f"{'met' if ratio <= GOAL else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
