"""Field-level accuracy of the official letter extractor on generated and real letters.

    .venv/bin/python benches/eval_letters.py [--dir samples/eval] [--show-errors]
    .venv/bin/python benches/eval_letters.py --corpus [--show-errors]

For every ``<dir>/{hwp,hwpx,docx,pdf}/letter-NN.*`` with an expected record
``<dir>/expected/letter-NN.official_letter.json``, the file is extracted with
``docextract.extract(path, type="official_letter")`` and each top-level field is compared
with the expected value: right when the JSON values are exactly equal (lists compared as
whole lists, objects as whole objects). Prints accuracy per format and per field.
``--corpus`` evaluates the real Seoul letters of the public corpus instead, against the
records written for them (``tests/extract/corpus_letters``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("hwp", "hwpx", "docx", "pdf")


def evaluate(folder: Path, show_errors: bool = False) -> dict[str, dict[str, list[int]]]:
    """format → field → [right, total]; extraction failures count every field as wrong."""
    import docextract
    from docextract.errors import DocextractError

    stats: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for expected_path in sorted((folder / "expected").glob("letter-*.official_letter.json")):
        stem = expected_path.name.split(".")[0]
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        for fmt in FORMATS:
            path = folder / fmt / f"{stem}.{fmt}"
            if not path.exists():
                continue
            try:
                got = docextract.extract(path, type="official_letter").to_dict()
            except DocextractError as exc:
                got = {}
                if show_errors:
                    print(f"{path}: {exc}", file=sys.stderr)
            score(stats[fmt], expected, got, str(path.relative_to(folder)), show_errors)
    return stats


def score(cells: dict[str, list[int]], expected: dict, got: dict, name: str, show_errors: bool) -> None:
    """Count each expected field right or wrong in ``cells`` (field → [right, total])."""
    for field, want in expected.items():
        if field.startswith("_"):
            continue  # notes on the expected record (_masked, _warnings), not fields
        cell = cells[field]
        cell[1] += 1
        if got.get(field, object()) == want:
            cell[0] += 1
        elif show_errors:
            print(f"{name} {field}:\n  want {json.dumps(want, ensure_ascii=False)}"
                  f"\n  got  {json.dumps(got.get(field), ensure_ascii=False)}", file=sys.stderr)


def evaluate_corpus(corpus: Path, show_errors: bool = False) -> dict[str, dict[str, list[int]]]:
    """The same statistics for the real letters with written records (corpus_letters/)."""
    import docextract

    stats: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for expected_path in sorted((ROOT / "tests" / "extract" / "corpus_letters").glob("*.json")):
        path = corpus / "hwpx" / f"{expected_path.stem}.hwpx"
        if not path.exists():
            continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        got = docextract.extract(path, type="official_letter").to_dict()
        score(stats["hwpx"], expected, got, path.name, show_errors)
    return stats


def report(stats: dict[str, dict[str, list[int]]]) -> str:
    """A per-format summary and a per-field table (percent right)."""
    fmts = [f for f in FORMATS if f in stats]
    fields: list[str] = []
    for f in fmts:
        fields.extend(k for k in stats[f] if k not in fields)
    lines = ["format  letters  fields  right   accuracy"]
    total_r = total_n = 0
    for f in fmts:
        r = sum(c[0] for c in stats[f].values())
        n = sum(c[1] for c in stats[f].values())
        total_r, total_n = total_r + r, total_n + n
        letters = max((c[1] for c in stats[f].values()), default=0)
        lines.append(f"{f:<7} {letters:>7} {n:>7} {r:>6}   {100 * r / n:6.2f}%")
    if total_n:
        lines.append(f"{'all':<7} {'':>7} {total_n:>7} {total_r:>6}   {100 * total_r / total_n:6.2f}%")
    lines.append("")
    lines.append(f"{'field':<20}" + "".join(f"{f:>9}" for f in fmts))
    for field in fields:
        row = f"{field:<20}"
        for f in fmts:
            r, n = stats[f].get(field, [0, 0])
            row += f"{(100 * r / n if n else 0):8.1f}%"
        lines.append(row)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Evaluate and print the tables; exit 1 when a format is below ``--min`` percent."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=ROOT / "samples" / "eval")
    ap.add_argument("--show-errors", action="store_true", help="print each wrong field")
    ap.add_argument("--min", type=float, default=0.0, help="fail below this accuracy (percent)")
    ap.add_argument("--corpus", nargs="?", const=ROOT.parent / "shared" / "corpus", type=Path,
                    help="evaluate the real letters of the public corpus (default ../shared/corpus)")
    args = ap.parse_args(argv)
    if args.corpus is not None:
        stats = evaluate_corpus(args.corpus, args.show_errors)
        if not stats:
            print(f"no corpus letters under {args.corpus}", file=sys.stderr)
            return 2
        print(report(stats))
        return 0
    if not (args.dir / "expected").is_dir():
        print(f"no expected records under {args.dir}", file=sys.stderr)
        return 2
    stats = evaluate(args.dir, args.show_errors)
    print(report(stats))
    worst = min((100 * sum(c[0] for c in s.values()) / max(1, sum(c[1] for c in s.values()))
                 for s in stats.values()), default=0.0)
    return 1 if worst < args.min else 0


if __name__ == "__main__":
    sys.exit(main())
