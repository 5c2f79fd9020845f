"""Benchmark: `docextract batch` throughput with 1 and 2 workers, and memory over 10,000 files.

The inputs are the generated samples (HWP, HWPX, DOCX and PDF letters, minutes and press
releases) copied under distinct names into a temporary folder. Each run is the real
command as a separate process writing a JSON Lines file.

* throughput: files/s for ``--workers 1`` and ``--workers 2`` (best of ``--runs``, run
  alternately), and the speed-up. Goal: >= 1.8x on 2 cores.
* memory: one run over ``--files`` (default 10,000) inputs with 2 workers; the resident
  memory of the batch process and of each worker is sampled as it runs, and reported per
  tenth of the inputs done. Goal: flat (workers are retired after a fixed number of files,
  and nothing in the parent grows with the output).

Run: ``.venv/bin/python -m benches.bench_batch [--files N] [--speed-files N] [--runs N]``.
The 2-core machines this project runs on are shared, so CPU time (user + system of the
batch and its workers) is printed beside the wall time: a speed-up well below 2 with CPU
time to spare means the cores were busy with something else.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
FORMATS = ("hwp", "hwpx", "docx", "pdf")
MARK = "DOCEXTRACT_BENCH_RUN"
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def make_inputs(folder: Path, count: int) -> None:
    sources = sorted(p for fmt in FORMATS for p in (SAMPLES / fmt).glob(f"*.{fmt}"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        source = sources[i % len(sources)]
        shutil.copyfile(source, folder / f"{i:05d}-{source.name}")


def _processes(marker: str) -> dict[int, tuple[str, int, float]]:
    """pid → (name, resident bytes, CPU seconds) of the processes carrying ``marker``."""
    needle = f"{MARK}={marker}".encode()
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as fh:
                if needle not in fh.read().split(b"\0"):
                    continue
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                cmdline = fh.read()
        except OSError:
            continue
        name = "batch" if b"docextract\0batch" in cmdline else "child"
        cpu = (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime
        found[int(entry)] = (name, int(fields[21]) * PAGE, cpu)
    return found


def run_batch(folder: Path, out: Path, workers: int, sample_every: float | None = None) -> dict:
    """One batch run; with ``sample_every``, memory samples keyed by lines written."""
    marker = f"{os.getpid()}-{time.monotonic_ns()}"
    env = dict(os.environ, **{MARK: marker})
    if out.exists():
        out.unlink()
    cmd = [sys.executable, "-m", "docextract", "batch", str(folder), "-o", str(out),
           "--workers", str(workers)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[tuple[int, int, int]] = []  # (lines written, batch RSS, largest child RSS)
    cpu: dict[int, float] = {}
    while proc.poll() is None:
        seen = _processes(marker)
        for pid, (_, _, seconds) in seen.items():
            cpu[pid] = seconds
        if sample_every:
            lines = _count_lines(out)
            parent = sum(rss for name, rss, _ in seen.values() if name == "batch")
            worker = max((rss for name, rss, _ in seen.values() if name == "child"), default=0)
            samples.append((lines, parent, worker))
        time.sleep(sample_every or 0.05)
    wall = time.perf_counter() - started
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 9):
        raise RuntimeError(f"batch failed (exit {proc.returncode}): {stderr.strip()[-300:]}")
    return {"wall": wall, "cpu": sum(cpu.values()), "lines": _count_lines(out),
            "samples": samples, "summary": stderr.strip().splitlines()[-1:]}


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    except OSError:
        return 0


def throughput(work: Path, count: int, runs: int) -> None:
    folder = work / "speed"
    make_inputs(folder, count)
    best: dict[int, dict] = {}
    for _ in range(runs):
        for workers in (1, 2):
            result = run_batch(folder, work / f"speed-{workers}.jsonl", workers)
            assert result["lines"] == count, result
            if workers not in best or result["wall"] < best[workers]["wall"]:
                best[workers] = result
    for workers, result in best.items():
        print(f"workers={workers}: {count / result['wall']:7.1f} files/s  "
              f"(wall {result['wall']:.2f} s, CPU {result['cpu']:.2f} s, {count} files)")
    speedup = best[1]["wall"] / best[2]["wall"]
    print(f"speed-up with 2 workers: {speedup:.2f}x (goal >= 1.8x on 2 cores; "
          f"{os.cpu_count()} CPUs here)")


def memory(work: Path, count: int) -> None:
    folder = work / "memory"
    make_inputs(folder, count)
    result = run_batch(folder, work / "memory.jsonl", 2, sample_every=0.25)
    assert result["lines"] == count, result
    print(f"{count} files with 2 workers: {count / result['wall']:.1f} files/s, "
          f"wall {result['wall']:.1f} s")
    print("done     batch RSS   largest child RSS   (peak within each tenth of the run;")
    print("                                          children: the workers and their fork server)")
    tenths: dict[int, tuple[int, int]] = {}
    for lines, parent, worker in result["samples"]:
        tenth = min(9, lines * 10 // count)
        old = tenths.get(tenth, (0, 0))
        tenths[tenth] = (max(old[0], parent), max(old[1], worker))
    for tenth in sorted(tenths):
        parent, worker = tenths[tenth]
        print(f"{(tenth + 1) * 10:3d}%   {parent / 2**20:8.1f} MiB   {worker / 2**20:12.1f} MiB")
    peaks = [p for p, _ in tenths.values()], [w for _, w in tenths.values()]
    print(f"peak: batch {max(peaks[0]) / 2**20:.1f} MiB, child {max(peaks[1]) / 2**20:.1f} MiB; "
          f"last tenth vs first: batch {peaks[0][-1] / max(peaks[0][0], 1):.2f}x, "
          f"child {peaks[1][-1] / max(peaks[1][0], 1):.2f}x")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000, help="inputs of the memory run")
    parser.add_argument("--speed-files", type=int, default=2_000, help="inputs per speed run")
    parser.add_argument("--runs", type=int, default=2, help="speed runs per worker count")
    args = parser.parse_args(argv if argv is not None else [])
    if not os.path.isdir("/proc"):
        print("skipped: needs /proc to sample the workers")
        return
    with tempfile.TemporaryDirectory(prefix="docextract-bench-batch-") as tmp:
        work = Path(tmp)
        throughput(work, args.speed_files, args.runs)
        memory(work, args.files)


if __name__ == "__main__":
    main(sys.argv[1:])
