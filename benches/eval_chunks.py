"""Chunk statistics on the public corpus.

    .venv/bin/python -m benches.eval_chunks [--max-chars 1000] [--overlap 0]

Every readable corpus file is chunked; printed: files, chunks, the longest chunk text,
chunks over the limit, chunks without provenance (no block path or span), chunks per kind
and with a breadcrumb, and whether every file's spans tile its text.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def main(argv: list[str] | None = None) -> None:
    import docextract
    from docextract.errors import DocextractError

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--max-chars", type=int, default=1000)
    parser.add_argument("--overlap", type=int, default=0)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args([] if argv is None else argv)
    files = chunks = longest = over = unsourced = tables = with_crumbs = 0
    untiled = []
    for path in sorted(p for p in args.corpus.glob("*/*") if p.is_file()):
        try:
            doc = docextract.parse(path)
        except DocextractError:
            continue
        found = docextract.chunks(doc, max_chars=args.max_chars, overlap=args.overlap)
        files += 1
        chunks += len(found)
        end = 0
        for c in found:
            longest = max(longest, len(c.text))
            over += len(c.text) > args.max_chars
            unsourced += not c.paths or c.span is None
            tables += c.kind == "table"
            with_crumbs += bool(c.breadcrumb)
            if not 0 <= end - c.span[0] <= args.overlap:
                untiled.append(path.name)
            end = c.span[1]
        if end != len(doc.text):
            untiled.append(path.name)
    print(f"files {files}, chunks {chunks} (table {tables}, with breadcrumb {with_crumbs})")
    print(f"longest chunk {longest} chars (limit {args.max_chars}), over the limit {over}, "
          f"without provenance {unsourced}, files whose spans do not tile: {len(set(untiled))}")


if __name__ == "__main__":
    main(sys.argv[1:])
