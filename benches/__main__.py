"""Run every benchmark in turn: `python -m benches [NAME ...]` (names: goals, hwp, pdf, pdf-memory,
cli, letters, letters-corpus, types, types-corpus, redaction, chunks, batch, structure).

Each runs with its own defaults (never this command's arguments); the ``-corpus`` entries
evaluate the real documents of ../shared/corpus and say so when it is absent."""

from __future__ import annotations

import importlib
import sys
import time

BENCHES: dict[str, tuple[str, list[str]]] = {
    "goals": ("benches.bench_goals", []),
    "hwp": ("benches.bench_hwp", []),
    "pdf": ("benches.bench_pdf", []),
    "pdf-memory": ("benches.bench_pdf_memory", []),
    "cli": ("benches.bench_cli", []),
    "letters": ("benches.eval_letters", []),
    "letters-corpus": ("benches.eval_letters", ["--corpus"]),
    "types": ("benches.eval_types", []),
    "types-corpus": ("benches.eval_types", ["--corpus"]),
    "redaction": ("benches.eval_redaction", []),
    "chunks": ("benches.eval_chunks", []),
    "batch": ("benches.bench_batch", []),
    "structure": ("benches.bench_structure", []),
}


def main(argv: list[str]) -> int:
    names = argv or list(BENCHES)
    failed = 0
    for name in names:
        if name not in BENCHES:
            print(f"unknown benchmark {name!r}; known: {', '.join(BENCHES)}", file=sys.stderr)
            return 2
        module_name, args = BENCHES[name]
        print(f"\n=== {name} ({module_name} {' '.join(args)}) ===", flush=True)
        started = time.monotonic()
        try:
            status = importlib.import_module(module_name).main(list(args))
            if status:
                failed += 1
                print(f"FAILED: exit status {status}")
        except ModuleNotFoundError as exc:
            print(f"skipped: {exc}")
        except Exception as exc:  # keep running the other benchmarks
            failed += 1
            print(f"FAILED: {type(exc).__name__}: {exc}")
        print(f"({time.monotonic() - started:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
