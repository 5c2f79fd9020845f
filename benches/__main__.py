"""Run every benchmark in turn: `python -m benches [NAME ...]` (names: goals, hwp, pdf, pdf-memory,
cli, letters, types, redaction, chunks, batch, structure)."""

from __future__ import annotations

import importlib
import sys
import time

BENCHES = {
    "goals": "benches.bench_goals",
    "hwp": "benches.bench_hwp",
    "pdf": "benches.bench_pdf",
    "pdf-memory": "benches.bench_pdf_memory",
    "cli": "benches.bench_cli",
    "letters": "benches.eval_letters",
    "types": "benches.eval_types",
    "redaction": "benches.eval_redaction",
    "chunks": "benches.eval_chunks",
    "batch": "benches.bench_batch",
    "structure": "benches.bench_structure",
}


def main(argv: list[str]) -> int:
    names = argv or list(BENCHES)
    failed = 0
    for name in names:
        module_name = BENCHES.get(name)
        if module_name is None:
            print(f"unknown benchmark {name!r}; known: {', '.join(BENCHES)}", file=sys.stderr)
            return 2
        print(f"\n=== {name} ({module_name}) ===", flush=True)
        started = time.monotonic()
        try:
            importlib.import_module(module_name).main()
        except ModuleNotFoundError as exc:
            print(f"skipped: {exc}")
        except Exception as exc:  # keep running the other benchmarks
            failed += 1
            print(f"FAILED: {type(exc).__name__}: {exc}")
        print(f"({time.monotonic() - started:.1f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
