"""The JSON Lines output of a batch, and resuming it after a stop.

Lines are appended with one ``write`` call each on a file opened for appending, and
reach the file as each result arrives, so a run that is killed keeps every line it had
written. A kill in the middle of a write can leave a torn last line; the next run cuts it
off and redoes that input. The file is locked while a run writes it, so two runs cannot
interleave their lines.

Resuming (:meth:`JsonlOutput.resume`): an input whose line is already there is skipped
when the file still has the same SHA-256 and the line is ``ok`` (or ``error``, unless
errors are retried). Every other line of a given input is removed before the input is
redone, so the file never holds two lines for one input. The file is read line by line
and rewritten only when a line must go, through a temporary file renamed over it: at
every moment the output on disk is either the old file or the new one.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from ..errors import DocextractError
from ..names import display_name
from .envelope import ERROR, OK, Result
from .inputs import fingerprint


@dataclass
class Plan:
    """What an earlier run left: the inputs still to do and what was kept."""

    todo: list[str]
    kept: int = 0
    kept_errors: int = 0
    dropped: int = 0


@dataclass
class _Line:
    start: int
    end: int
    path: str
    status: str
    sha256: str | None
    keys: frozenset[str]


class JsonlOutput:
    """An output file that batch lines are appended to (``None``: standard output)."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self._fd: int | None = None

    def __enter__(self) -> "JsonlOutput":
        if self.path is not None:
            self._fd = _open_locked(self.path)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock
            self._fd = None

    def write(self, line: str) -> None:
        """Append one line and hand it to the OS at once."""
        data = (line + "\n").encode("utf-8")
        if self._fd is None:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]

    def resume(self, inputs: list[str], *, payload_key: str | None = None,
               retry_errors: bool = False) -> Plan:
        """Decide which inputs an earlier run finished; clean the file of the others' lines.

        With ``payload_key``, a line counts only if it carries that payload: a run with
        another ``--do`` redoes the inputs (the options of an action are not compared).
        """
        if self.path is None or self._fd is None or not os.path.isfile(self.path):
            return Plan(list(inputs))  # standard output, a pipe, a device: nothing to resume
        lines, torn_at = _read_lines(self.path)
        latest: dict[str, _Line] = {}
        drop: set[int] = set()
        for line in lines:
            if line.path in latest:  # only a foreign edit leaves two: keep the later one
                drop.add(latest[line.path].start)
            latest[line.path] = line
        plan = Plan([])
        for path in inputs:
            earlier = latest.get(display_name(path))  # as the envelope writes it
            if earlier is None:
                plan.todo.append(path)
            elif _still_good(earlier, payload_key, retry_errors):
                plan.kept += 1
                plan.kept_errors += earlier.status == ERROR
            else:
                plan.todo.append(path)
                drop.add(earlier.start)
        plan.dropped = len(drop) + (torn_at is not None)
        if drop:
            self._rewrite([ln for ln in lines if ln.start not in drop])
        elif torn_at is not None:
            os.truncate(self.path, torn_at)
        return plan

    def _rewrite(self, keep: Iterable[_Line]) -> None:
        assert self.path is not None
        temporary = self.path + ".rewrite"
        with open(self.path, "rb") as source, open(temporary, "wb") as target:
            for line in keep:
                source.seek(line.start)
                target.write(source.read(line.end - line.start))
            target.flush()
            os.fsync(target.fileno())
        os.replace(temporary, self.path)
        old = self._fd
        self._fd = _open_locked(self.path)
        if old is not None:
            os.close(old)


def _still_good(line: _Line, payload_key: str | None, retry_errors: bool) -> bool:
    if line.status not in (OK, ERROR) or (line.status == ERROR and retry_errors):
        return False
    if payload_key is not None and payload_key not in line.keys:
        return False
    return line.sha256 == fingerprint(line.path)[0]


def _read_lines(path: str) -> tuple[list[_Line], int | None]:
    """The complete, readable lines of the file (offsets and the keys resume needs) and
    where a torn last line starts (None when the file ends with a newline)."""
    lines: list[_Line] = []
    offset = 0
    torn_at = None
    with open(path, "rb") as fh:
        for raw in fh:
            start, offset = offset, offset + len(raw)
            if not raw.endswith(b"\n"):
                torn_at = start
                break
            parsed = _parse(raw)
            if parsed is not None:
                lines.append(_Line(start, offset, *parsed))
    return lines, torn_at


def _parse(raw: bytes) -> tuple[str, str, str | None, frozenset[str]] | None:
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("path"), str):
        return None
    return data["path"], str(data.get("status")), data.get("sha256"), frozenset(data)


def _open_locked(path: str) -> int:
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; one run per output file is on the user
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise DocextractError(f"{path} is being written by another docextract batch",
                              code="output-busy") from None
    return fd


def in_order(results: Iterable[Result]) -> Iterator[Result]:
    """Results in input order (``index``), each released as soon as its turn comes."""
    waiting: dict[int, Result] = {}
    expected = 0
    for result in results:
        waiting[result.index] = result
        while expected in waiting:
            yield waiting.pop(expected)
            expected += 1
    for index in sorted(waiting):  # gaps mean inputs that never came back: keep the rest
        yield waiting[index]


__all__ = ["JsonlOutput", "Plan", "in_order"]
