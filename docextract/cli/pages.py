"""Names for one output file per input in a folder (``summarize --format html -o DIR``).

Each input gets ``<file name>.summary.html``. Inputs that share a file name (``a/공문.hwp``,
``b/공문.hwp``) are told apart by their folders (``a__공문.hwp.summary.html``); the same
file given twice gets a number. The names are settled, and checked against what the
folder already holds, before anything is written, so a run never overwrites a page:
neither one of its own nor one already there.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from pathlib import Path

import click

SUFFIX = ".summary.html"
STDIN_NAME = "stdin"


def page_names(files: list[str]) -> list[str]:
    """A distinct page name for each input, in order."""
    names = [STDIN_NAME if p == "-" else os.path.basename(p) or STDIN_NAME for p in files]
    groups: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(names):
        groups[name].append(i)
    for members in groups.values():
        real = [i for i in members if files[i] != "-"]
        if len(real) < 2:
            continue
        paths = [os.path.abspath(files[i]) for i in real]
        common = os.path.commonpath([os.path.dirname(p) for p in paths])
        for i, path in zip(real, paths):
            names[i] = os.path.relpath(path, common).replace(os.sep, "__")
    seen: Counter[str] = Counter()
    for i, name in enumerate(names):
        seen[name] += 1
        if seen[name] > 1:
            names[i] = f"{name}.{seen[name]}"
    return [name + SUFFIX for name in names]


def page_targets(folder: str, files: list[str]) -> list[Path]:
    """The page of each input inside ``folder``; a usage error if any would overwrite."""
    targets = [Path(folder) / name for name in page_names(files)]
    if len(set(targets)) != len(targets):
        raise click.UsageError("cannot give every input its own page name in " + folder)
    existing = [t for t in targets if t.exists()]
    if existing:
        raise click.UsageError(f"{existing[0]} already exists ({len(existing)} of the pages "
                               "would overwrite files); remove them or choose another --output")
    return targets


__all__ = ["page_names", "page_targets"]
