"""What ``docextract batch INPUTS...`` means by its inputs: files, folders, globs, ``-``.

* a file is taken as it is, whatever its name;
* a folder is walked recursively (symbolic links to folders are not followed, so a loop
  cannot make the walk endless), keeping the files whose names end in a document
  extension (:data:`DOCUMENT_EXTENSIONS`, any case), or every file with ``all_files``;
* a pattern with ``*``, ``?`` or ``[`` that names no existing path is a glob (``**``
  crosses folders); the files it matches are taken, its folders walked;
* ``-`` reads more inputs from standard input, one per line;
* anything else (a missing path, a glob matching nothing) stays an input, so that it
  gets its own error line rather than vanishing.

Every input appears once, in the order given (folders and globs sorted).
"""

from __future__ import annotations

import glob
import hashlib
import os
import stat
from typing import IO, Iterable, Iterator

from ..formats import EXTENSIONS

HWPML_EXTENSION = ".hml"
"""HWPML (Hancom's XML format) is not read, but archives hold it: such files are tried so
that they get an error line that says what they are and how to convert them."""

DOCUMENT_EXTENSIONS: frozenset[str] = frozenset(
    ext for exts in EXTENSIONS.values() for ext in exts) | {HWPML_EXTENSION}

GLOB_CHARACTERS = ("*", "?", "[")


def expand(inputs: Iterable[str], *, all_files: bool = False,
           stdin: IO[str] | None = None) -> list[str]:
    """The inputs as a list of paths, each once."""
    seen: set[str] = set()
    out: list[str] = []
    for path in _each(inputs, all_files, stdin):
        key = os.path.normpath(path)
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out


def _each(inputs: Iterable[str], all_files: bool, stdin: IO[str] | None) -> Iterator[str]:
    for item in inputs:
        if item == "-":
            if stdin is None:
                import sys

                stdin = sys.stdin
            for line in stdin:
                named = line.rstrip("\r\n")
                if named.strip():
                    yield from _one(named, all_files)
        else:
            yield from _one(item, all_files)


def _one(item: str, all_files: bool) -> Iterator[str]:
    if os.path.isdir(item):
        yield from _walk(item, all_files)
    elif not os.path.lexists(item) and any(c in item for c in GLOB_CHARACTERS):
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            yield item
        for match in matches:
            if os.path.isdir(match):
                yield from _walk(match, all_files)
            else:
                yield match
    else:
        yield item


def _walk(folder: str, all_files: bool) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if all_files or is_document_name(name):
                yield os.path.join(root, name)


def is_document_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in DOCUMENT_EXTENSIONS


def fingerprint(path: str) -> tuple[str | None, int | None]:
    """SHA-256 and size of the file at ``path``, or ``(None, None)`` when it cannot be read
    or is not a regular file (opening a FIFO would block, a device may never end)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None, None
        with open(path, "rb") as fh:
            digest = hashlib.file_digest(fh, "sha256")
            return digest.hexdigest(), fh.tell()
    except (OSError, ValueError):
        return None, None


__all__ = ["DOCUMENT_EXTENSIONS", "expand", "fingerprint", "is_document_name"]
