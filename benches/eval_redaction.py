"""Redaction recall and false positives per rule, on seeded forms in every format.

    .venv/bin/python -m benches.eval_redaction [--seeds 10]

Each seed draws a form from ``samples.personal.seeded_doc`` (valid identifiers with
their check digits, look-alikes with wrong ones, document numbers, dates, amounts, a
service number, agency contacts; in body text, tables, headers, footnotes, comments,
preview and properties) and writes it as DOCX, HWPX, HWP and PDF. DOCX and HWPX are
masked in place and every member of the copy is searched; HWP and PDF give masked
JSON. Printed per rule: values masked / values that had to be masked (recall), and
look-alikes masked / look-alikes (false positives), without and with
--keep-agency-contacts.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FORMATS = ("docx", "hwpx", "hwp", "pdf")


def evaluate(seeds: int) -> dict[bool, dict[str, dict[str, int]]]:
    from samples.personal import everything_in, score, seeded_doc
    from samples.writers import render

    from docextract.redact import redact

    totals: dict[bool, dict[str, dict[str, int]]] = {
        keep: defaultdict(lambda: {"found": 0, "total": 0, "false": 0, "kept": 0})
        for keep in (False, True)}
    for seed in range(1, seeds + 1):
        doc, placed = seeded_doc(seed)
        for fmt in FORMATS:
            data = render(doc, fmt)
            for keep in (False, True):
                result = redact(data, output_format="same" if fmt in ("docx", "hwpx") else "json",
                                keep_agency_contacts=keep, name=f"seeded-{seed}.{fmt}")
                for rule, row in score(placed, fmt, everything_in(result.output), keep).items():
                    for key, n in row.items():
                        totals[keep][rule][key] += n
    return totals


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=10)
    args = parser.parse_args([] if argv is None else argv)
    totals = evaluate(args.seeds)
    print(f"{args.seeds} seeded forms x {len(FORMATS)} formats")
    for keep, rows in totals.items():
        print(f"\n--keep-agency-contacts {'on' if keep else 'off'}")
        print(f"{'rule':<16}{'recall':>16}{'false positives':>18}")
        for rule in sorted(rows):
            r = rows[rule]
            recall = f"{r['found']}/{r['total']}" if r["total"] else "-"
            false = f"{r['false']}/{r['kept']}" if r["kept"] else "-"
            print(f"{rule:<16}{recall:>16}{false:>18}")


if __name__ == "__main__":
    main(sys.argv[1:])
