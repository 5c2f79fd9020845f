"""Benchmark: the speed goals against the reference readers, each a ratio measured in this run.

Every goal is printed with the measured value, the goal and whether it is met:

* HWPX: ``docextract.parse(path)`` / ``hwp_reader.read(path)`` (ai-hwp-reader), median
  over the corpus HWPX files; goal <= 1.0.
* DOCX: ``docextract.parse(path)`` / python-docx (open the package, then the text of every
  paragraph and table cell), median over ``samples/docx/letter-*.docx``; goal <= 0.8.
* Summary: ``docextract.summarize(document)`` / ``docextract.parse(path)`` on the largest
  corpus HWP (by bytes), with the tokenizer ``auto`` picks; goal <= 3.0. The HWP with the
  most text is shown beside it for reference (also with ``--nlp light``).
* HWP: ``docextract.parse(path)`` / ``unhwp.to_markdown(path)`` (the Rust reader), median
  over the corpus HWP files; goal <= 2.0.
* PDF: ``docextract.parse(data)`` / pypdfium2's text of every page (the floor: PDFium
  alone), total time over the corpus PDFs; goal <= 8.0, ms/page no worse than before the
  pre-flight, borderless tables, word spacing and headings (see PDF_FLOOR_GOAL).
* Kept: ``docextract summarize`` on a one-page HWP letter faster than pyhwp's ``hwp5txt``
  (whole processes, wall time), and ``docextract --help`` under 100 ms (wall).

Times are the best CPU time of several runs after a warm-up (other processes on a shared
machine only ever add time); the process comparisons are medians of wall times.
Reference readers are bench-only packages (``pip install -e '.[bench]'``); a goal whose
reference is missing is reported as not measured.

Run: ``.venv/bin/python -m benches goals`` or ``.venv/bin/python benches/bench_goals.py``
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

try:
    from . import bench_cli, bench_pdf
except ImportError:  # run as a script: benches/ itself is on sys.path
    import bench_cli  # type: ignore[no-redef]
    import bench_pdf  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("DOCEXTRACT_CORPUS", ROOT.parent / "shared" / "corpus"))
LETTERS = ROOT / "samples" / "docx"
ONE_PAGE_HWP = ROOT / "samples" / "hwp" / "letter-01.hwp"


@dataclass
class Goal:
    """One line of the verdict table."""

    name: str
    value: float | None  # None: not measured (a reference reader is missing)
    limit: float
    unit: str = "x"
    strict: bool = False  # "<" rather than "<="
    detail: str = ""

    @property
    def met(self) -> bool | None:
        if self.value is None:
            return None
        return self.value < self.limit if self.strict else self.value <= self.limit

    def line(self) -> str:
        shown = "not measured" if self.value is None else (
            f"{self.value:.0f} ms" if self.unit == "ms" else f"{self.value:.2f}x")
        limit = f"{self.limit:.0f} ms" if self.unit == "ms" else f"{self.limit:.1f}x"
        verdict = {True: "met", False: "NOT MET", None: "-"}[self.met]
        sign = "<" if self.strict else "<="
        return f"{self.name:58s} {shown:>12s}   goal {sign} {limit:<7s} {verdict}"


def best_cpu(fn: Callable[[], object], runs: int = 7, budget_s: float = 0.5) -> float | None:
    """Best CPU seconds of ``fn`` after one warm-up run (more runs for fast functions);
    None when it raises."""
    try:
        fn()
    except Exception:
        return None
    times: list[float] = []
    started = time.perf_counter()
    while len(times) < 10 * runs:
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
        if len(times) >= runs and time.perf_counter() - started > budget_s:
            break
    return min(times)


def _median_ratio(pairs: list[tuple[str, Callable[[], object], Callable[[], object] | None]],
                  quick: bool) -> tuple[float | None, int, list[str]]:
    """Median of ours / reference over files both read; rows for the per-file table."""
    ratios: list[float] = []
    rows: list[str] = []
    runs = 3 if quick else 7
    for name, ours, reference in pairs:
        if reference is None:
            continue
        mine = best_cpu(ours, runs)
        theirs = best_cpu(reference, runs)
        if mine is None or theirs is None or theirs <= 0:
            rows.append(f"  {name[:50]:50s} {'err' if mine is None else f'{mine * 1e3:8.2f}':>8s} "
                        f"{'err' if theirs is None else f'{theirs * 1e3:8.2f}':>8s}")
            continue
        ratios.append(mine / theirs)
        rows.append(f"  {name[:50]:50s} {mine * 1e3:8.2f} {theirs * 1e3:8.2f} {mine / theirs:6.2f}")
    return (statistics.median(ratios) if ratios else None), len(ratios), rows


def _readable(paths: list[Path]) -> list[Path]:
    """The files docextract reads (password-protected ones are left out)."""
    import docextract

    out = []
    for path in paths:
        try:
            docextract.parse(path)
        except docextract.DocextractError:
            continue
        out.append(path)
    return out


def hwpx_goal(quick: bool, verbose: bool) -> Goal:
    import docextract

    name = "HWPX parse / ai-hwp-reader (median, corpus HWPX)"
    try:
        import hwp_reader
    except ImportError:
        return Goal(name, None, 1.0, detail="pip install ai-hwp-reader")
    files = _readable(sorted((CORPUS / "hwpx").glob("*.hwpx")))
    pairs = [(p.name, (lambda p=p: docextract.parse(p)), (lambda p=p: hwp_reader.read(str(p))))
             for p in files]
    ratio, n, rows = _median_ratio(pairs, quick)
    _show(verbose, "HWPX: file, docextract ms, ai-hwp-reader ms, ratio", rows)
    return Goal(f"{name[:-1]}, {n} files)", ratio, 1.0)


def _python_docx_text(path: Path) -> Callable[[], object]:
    import docx

    def run() -> list[str]:
        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts.extend(cell.text for cell in row.cells)
        return parts

    return run


def docx_goal(quick: bool, verbose: bool) -> Goal:
    import docextract

    name = "DOCX parse / python-docx (median, sample letters)"
    if importlib.util.find_spec("docx") is None:
        return Goal(name, None, 0.8, detail="pip install python-docx")
    files = sorted(LETTERS.glob("letter-*.docx"))
    pairs = [(p.name, (lambda p=p: docextract.parse(p)), _python_docx_text(p)) for p in files]
    ratio, n, rows = _median_ratio(pairs, quick)
    _show(verbose, "DOCX: file, docextract ms, python-docx ms, ratio", rows)
    return Goal(f"{name[:-1]}, {n} files)", ratio, 0.8)


def _summary_ratio(path: Path, nlp: str | None) -> tuple[float | None, str]:
    import docextract

    document = docextract.parse(path)
    parse_s = best_cpu(lambda: docextract.parse(path))
    # the warm-up run inside best_cpu pays any one-off model load (Kiwi, spaCy)
    summary_s = best_cpu(lambda: docextract.summarize(document, nlp=nlp))
    if parse_s is None or summary_s is None:
        return None, "failed"
    tokenizer = docextract.summarize(document, nlp=nlp).tokenizer
    return summary_s / parse_s, (f"{path.name}: parse {parse_s * 1e3:.1f} ms, summary "
                                 f"{summary_s * 1e3:.1f} ms, tokenizer {tokenizer}")


def summary_goals(verbose: bool) -> list[Goal]:
    import docextract

    files = _readable(sorted((CORPUS / "hwp").glob("*.hwp")))
    if not files:
        return [Goal("summarize / parse, largest corpus HWP", None, 3.0, detail="no corpus")]
    largest = max(files, key=lambda p: p.stat().st_size)
    wordiest = max(files, key=lambda p: len(docextract.parse(p).text))
    goals = []
    ratio, detail = _summary_ratio(largest, None)
    goals.append(Goal("summarize / parse, largest corpus HWP (by bytes)", ratio, 3.0,
                      detail=detail))
    for nlp in (None, "light"):
        ratio, detail = _summary_ratio(wordiest, nlp)
        label = "auto" if nlp is None else nlp
        goals.append(Goal(f"  reference: HWP with the most text, --nlp {label}", ratio, 3.0,
                          detail=detail))
    return goals


def hwp_goal(quick: bool, verbose: bool) -> Goal:
    import docextract

    name = "HWP parse / unhwp.to_markdown (median, corpus HWP)"
    try:
        import unhwp
    except ImportError:
        return Goal(name, None, 2.0, detail="pip install unhwp")
    files = _readable(sorted((CORPUS / "hwp").glob("*.hwp")))
    pairs = [(p.name, (lambda p=p: docextract.parse(p)), (lambda p=p: unhwp.to_markdown(p)))
             for p in files]
    ratio, n, rows = _median_ratio(pairs, quick)
    _show(verbose, "HWP: file, docextract ms, unhwp ms, ratio", rows)
    return Goal(f"{name[:-1]}, {n} files)", ratio, 2.0)


# docextract / pypdfium2 over the corpus in CPU time at c418789, before the pre-flight,
# borderless tables, word spacing and headings: 7.8 to 8.1 in four runs on the shared
# machine (in bench_pdf's wall time on a quiet machine 6.8; there the goal is 7.0). CPU
# time counts both of Kiwi's analysis threads, hence the higher figure.
PDF_FLOOR_GOAL = 8.0


def pdf_goal(quick: bool, verbose: bool) -> Goal:
    """docextract over pypdfium2's plain text, summed over the corpus PDFs: ms/page no
    worse than before the round's PDF features (:data:`PDF_FLOOR_GOAL`)."""
    import pypdfium2 as pdfium

    name = "PDF parse / pypdfium2 text (total, corpus PDF)"
    files = bench_pdf.corpus_files()
    if not files:
        return Goal(name, None, PDF_FLOOR_GOAL, detail="no corpus")
    runs = 3 if quick else 7
    ours = theirs = 0.0
    pages = 0
    rows = []
    for path in files:
        data = path.read_bytes()
        pdf = pdfium.PdfDocument(data)
        count = len(pdf)
        pdf.close()
        mine = best_cpu(bench_pdf.dx_parse(data), runs)
        floor = best_cpu(bench_pdf.pdfium_text(data), runs)
        if mine is None or floor is None:
            rows.append(f"  {path.name[:50]:50s} {'err':>8s}")
            continue
        ours, theirs, pages = ours + mine, theirs + floor, pages + count
        rows.append(f"  {path.name[:50]:50s} {mine * 1e3 / count:8.2f} {floor * 1e3 / count:8.2f} "
                    f"{mine / floor:6.2f}")
    _show(verbose, "PDF: file, docextract ms/page, pypdfium2 ms/page, ratio", rows)
    if not pages or theirs <= 0:
        return Goal(name, None, PDF_FLOOR_GOAL, detail="no PDF read")
    return Goal(f"{name[:-1]}, {len(files)} files)", ours / theirs, PDF_FLOOR_GOAL,
                detail=f"docextract {ours * 1e3 / pages:.1f} ms/page, pypdfium2 "
                       f"{theirs * 1e3 / pages:.1f} ms/page over {pages} pages")


def cli_goals(quick: bool) -> list[Goal]:
    goals = []
    medians = bench_cli.measure(ONE_PAGE_HWP, 3 if quick else 7) if ONE_PAGE_HWP.exists() else None
    ratio = None
    detail = "hwp5txt or the sample missing"
    if medians is not None:
        ours, theirs = medians["docextract summarize"][0], medians["hwp5txt"][0]
        ratio = ours / theirs
        detail = f"summarize {ours * 1e3:.0f} ms, hwp5txt {theirs * 1e3:.0f} ms (wall medians)"
    goals.append(Goal("summarize one-page HWP / hwp5txt (wall, processes)", ratio, 1.0,
                      strict=True, detail=detail))
    goals.append(Goal("docextract --help (wall, median of 9 processes)", help_ms(9), 100.0,
                      unit="ms", strict=True))
    return goals


def help_ms(runs: int) -> float | None:
    """Median wall milliseconds of ``docextract --help`` as a fresh process."""
    exe = Path(sys.executable).parent / "docextract"
    if not exe.exists():
        return None
    cmd = [str(exe), "--help"]
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(cmd, capture_output=True, env=env, check=True)  # warm .pyc and file cache
    walls = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=env, check=True)
        walls.append(time.perf_counter() - t0)
    return statistics.median(walls) * 1e3


def _show(verbose: bool, title: str, rows: list[str]) -> None:
    if verbose:
        print(title)
        print("\n".join(rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs per file")
    parser.add_argument("--verbose", "-v", action="store_true", help="per-file times")
    args = parser.parse_args([] if argv is None else argv)
    os.environ.setdefault("DOCEXTRACT_PLUGINS", "none")
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}; only the sample goals are measured")
    started = time.monotonic()
    goals = [hwpx_goal(args.quick, args.verbose), docx_goal(args.quick, args.verbose)]
    goals += summary_goals(args.verbose)
    goals.append(hwp_goal(args.quick, args.verbose))
    goals.append(pdf_goal(args.quick, args.verbose))
    goals += cli_goals(args.quick)
    print(f"CPU time, best of several runs per file (load average {os.getloadavg()[0]:.1f}, "
          f"{time.monotonic() - started:.0f} s)")
    for goal in goals:
        print(goal.line())
        if goal.detail:
            print(f"    {goal.detail}")
    return 0 if all(g.met is not False for g in goals if not g.name.startswith(" ")) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
