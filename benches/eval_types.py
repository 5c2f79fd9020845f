"""Classification and field accuracy of the document types (보도자료, 공고, 회의록, 보고서).

    .venv/bin/python benches/eval_types.py --corpus [DIR] [--show-errors]
    .venv/bin/python benches/eval_types.py --dir samples [--show-errors]

``--corpus`` reads the records written for real documents (``tests/extract/corpus_types``,
each naming its file under ``../shared/corpus``) and also classifies the real letters with
written records (``tests/extract/corpus_letters``); ``--dir`` reads ``<dir>/expected/
<stem>.<type>.json`` for the non-letter samples in every format, and classifies the letters
of ``<dir>``. Classification: ``docextract.extraction.choose`` (what ``--type auto`` uses)
must pick the expected type. Fields: each file is extracted as its expected type and every
field of the expected record is compared exactly (a long outline or agenda by its first
entries and length: :func:`comparable`). Prints classification accuracy per type and field
accuracy per type and field.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("hwp", "hwpx", "docx", "pdf")
CORPUS_RECORDS = ROOT / "tests" / "extract" / "corpus_types"
CORPUS_LETTERS = ROOT / "tests" / "extract" / "corpus_letters"
HEADS = 5      # outline headlines compared by their first HEADS texts when written so
AGENDA = 3     # agenda items compared by their first AGENDA titles and their count


def comparable(got: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    """``got`` in the form of ``expected``: a record written with ``_outline_heads`` (the
    first headline texts) or ``_agenda_count``/``_agenda_first`` instead of the whole
    outline or agenda is compared on those."""
    out = dict(got)
    if "_outline_heads" in expected:
        out["_outline_heads"] = [n["text"] for n in got.get("outline") or []][:HEADS]
    if "_agenda_count" in expected:
        out["_agenda_count"] = len(got.get("agenda") or [])
        out["_agenda_first"] = [a["title"] for a in got.get("agenda") or []][:AGENDA]
    return out


def fields_of(expected: dict[str, Any]) -> list[str]:
    """The compared fields of an expected record (notes such as ``_file`` left out)."""
    derived = {"_outline_heads", "_agenda_count", "_agenda_first"}
    return [k for k in expected if (not k.startswith("_") or k in derived) and k != "type"]


class Stats:
    """Classification (type → [right, total]) and fields (type → field → [right, total])."""

    def __init__(self) -> None:
        self.classes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.fields: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))

    def classify(self, name: str, want: str, doc: Any, show: bool) -> None:
        from docextract.extraction import choose

        got = choose(doc)[0].record_type
        cell = self.classes[want]
        cell[1] += 1
        cell[0] += got == want
        if got != want and show:
            print(f"{name}: classified {got}, want {want}", file=sys.stderr)

    def compare(self, name: str, expected: dict[str, Any], doc: Any, show: bool) -> None:
        import docextract

        want_type = expected["type"]
        got = comparable(docextract.extract(doc, type=want_type).to_dict(), expected)
        for field in fields_of(expected):
            cell = self.fields[want_type][field]
            cell[1] += 1
            if got.get(field, object()) == expected[field]:
                cell[0] += 1
            elif show:
                print(f"{name} {field}:\n  want {json.dumps(expected[field], ensure_ascii=False)}"
                      f"\n  got  {json.dumps(got.get(field), ensure_ascii=False)}", file=sys.stderr)


def evaluate_corpus(corpus: Path, show: bool = False) -> Stats:
    import docextract

    stats = Stats()
    for path in sorted(CORPUS_RECORDS.glob("*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        source = corpus / expected["_file"]
        if not source.is_file():
            continue
        doc = docextract.parse(source)
        stats.classify(expected["_file"], expected["type"], doc, show)
        stats.compare(expected["_file"], expected, doc, show)
    for path in sorted(CORPUS_LETTERS.glob("*.json")):
        source = corpus / "hwpx" / f"{path.stem}.hwpx"
        if source.is_file():
            stats.classify(source.name, "official_letter", docextract.parse(source), show)
    return stats


def evaluate_dir(folder: Path, show: bool = False) -> Stats:
    import docextract

    stats = Stats()
    for path in sorted((folder / "expected").glob("*.json")):
        stem, want_type = path.name.split(".")[:2]
        if want_type == "official_letter":
            continue
        expected = json.loads(path.read_text(encoding="utf-8"))
        for fmt in FORMATS:
            source = folder / fmt / f"{stem}.{fmt}"
            if source.is_file():
                doc = docextract.parse(source)
                stats.classify(f"{fmt}/{source.name}", want_type, doc, show)
                stats.compare(f"{fmt}/{source.name}", expected, doc, show)
    for fmt in FORMATS:
        for source in sorted((folder / fmt).glob("letter-*.*")):
            stats.classify(f"{fmt}/{source.name}", "official_letter", docextract.parse(source), show)
    return stats


def _pct(cell: list[int]) -> str:
    return f"{100 * cell[0] / cell[1]:6.1f}%" if cell[1] else "     -"


def report(stats: Stats) -> str:
    lines = ["classification (--type auto)", f"{'type':<16} {'files':>5} {'right':>5} {'accuracy':>9}"]
    right = total = 0
    for name, cell in sorted(stats.classes.items()):
        right, total = right + cell[0], total + cell[1]
        lines.append(f"{name:<16} {cell[1]:>5} {cell[0]:>5}   {_pct(cell)}")
    lines.append(f"{'all':<16} {total:>5} {right:>5}   {_pct([right, total])}")
    for name, fields in sorted(stats.fields.items()):
        r = sum(c[0] for c in fields.values())
        n = sum(c[1] for c in fields.values())
        lines += ["", f"fields of {name}: {r}/{n} right ({_pct([r, n]).strip()})"]
        for field, cell in fields.items():
            lines.append(f"  {field:<18} {cell[0]:>3}/{cell[1]:<3} {_pct(cell)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=ROOT / "samples")
    ap.add_argument("--corpus", nargs="?", const=ROOT.parent / "shared" / "corpus", type=Path,
                    help="evaluate the real documents of the public corpus (default ../shared/corpus)")
    ap.add_argument("--show-errors", action="store_true", help="print each wrong type and field")
    args = ap.parse_args(argv)
    if args.corpus is not None:
        if not args.corpus.is_dir():
            print(f"no corpus at {args.corpus}", file=sys.stderr)
            return 2
        stats = evaluate_corpus(args.corpus, args.show_errors)
    else:
        if not (args.dir / "expected").is_dir():
            print(f"no expected records under {args.dir}", file=sys.stderr)
            return 2
        stats = evaluate_dir(args.dir, args.show_errors)
    print(report(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
