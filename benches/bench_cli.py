"""Benchmark: `docextract summarize` against pyhwp's `hwp5txt`, as whole processes.

A clerk runs the command once per document, so start-up counts: both tools run as
fresh processes on the same one-page HWP letter, alternately, and the median wall times
are compared. pyhwp is a bench-only package (``pip install pyhwp``; it also needs six).

Run: ``.venv/bin/python benches/bench_cli.py [--runs N] [--file PATH] [--kiwi]``
Goal: summarize / hwp5txt < 1.0 on samples/hwp/letter-01.hwp. ``--kiwi`` also times one
run with ``--nlp kiwi`` (Kiwi + spaCy loaded) for reference.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "hwp" / "letter-01.hwp"


def _tool(name: str) -> str | None:
    """The console script next to this interpreter (the venv's), else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def _environment() -> dict[str, str]:
    """Both tools run with compiled bytecode, as installed packages do.

    pip compiled pyhwp's modules at install time; docextract's editable checkout gets its
    ``__pycache__`` on the warm-up run (and the parsed field spec lands in the user cache
    directory), unless PYTHONDONTWRITEBYTECODE forbids writing it, which would make every
    docextract run recompile its sources and compare unlike with like.
    """
    env = dict(os.environ, NO_COLOR="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(cmd: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds (user + system), exit code and stderr of one process."""
    env = _environment()
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                          cwd=ROOT, timeout=120)
    wall = time.perf_counter() - t0
    return wall, _children_cpu() - cpu0, done.returncode, done.stderr.decode("utf-8", "replace")


def measure(file: Path, runs: int) -> dict[str, tuple[float, float]] | None:
    """Median (wall, CPU) seconds of both commands, alternating, after one warm-up each."""
    docextract = _tool("docextract")
    hwp5txt = _tool("hwp5txt")
    if docextract is None or hwp5txt is None:
        missing = "docextract" if docextract is None else "hwp5txt (pip install pyhwp six)"
        print(f"skipped: {missing} not found")
        return None
    commands = {
        "docextract summarize": [docextract, "summarize", "--today", "2025-01-01", str(file)],
        "hwp5txt": [hwp5txt, str(file)],
    }
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for name, cmd in commands.items():  # warm the OS file cache and .pyc files
        _, _, rc, err = _run(cmd)
        if rc != 0:
            print(f"{name} failed (exit {rc}): {err.strip().splitlines()[-1:] or ''}")
            return None
    for _ in range(runs):
        for name, cmd in commands.items():
            wall, cpu, _, _ = _run(cmd)
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {name: (statistics.median(walls[name]), statistics.median(cpus[name]))
            for name in commands}


def main(argv: list[str] | None = None) -> None:
    """Print both medians and the ratio summarize / hwp5txt (goal: below 1.0)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--file", type=Path, default=SAMPLE)
    parser.add_argument("--kiwi", action="store_true",
                        help="also time one summarize run with --nlp kiwi")
    args = parser.parse_args([] if argv is None else argv)
    if not args.file.exists():
        print(f"skipped: {args.file} does not exist (make samples)")
        return
    medians = measure(args.file, args.runs)
    if medians is None:
        return
    (ours, our_cpu), (theirs, their_cpu) = medians["docextract summarize"], medians["hwp5txt"]
    shown = args.file.relative_to(ROOT) if args.file.is_relative_to(ROOT) else args.file
    print(f"file: {shown}  runs: {args.runs} each, whole processes, medians "
          f"(load average {os.getloadavg()[0]:.1f})")
    print(f"  docextract summarize  wall {ours * 1000:6.0f} ms   cpu {our_cpu * 1000:6.0f} ms")
    print(f"  hwp5txt (pyhwp)       wall {theirs * 1000:6.0f} ms   cpu {their_cpu * 1000:6.0f} ms")
    verdict = "ok" if ours < theirs else "SLOWER than hwp5txt"
    print(f"  ratio summarize/hwp5txt = {ours / theirs:.2f} wall, {our_cpu / their_cpu:.2f} cpu"
          f"  (goal: wall < 1.00: {verdict})")
    if args.kiwi:
        docextract = _tool("docextract")
        seconds, _, rc, _ = _run([docextract or "docextract", "summarize", "--nlp", "kiwi",
                                  str(args.file)])
        print(f"  for reference, summarize --nlp kiwi: {seconds * 1000:.0f} ms (exit {rc})")


if __name__ == "__main__":
    main(sys.argv[1:])
