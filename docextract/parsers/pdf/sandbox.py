"""PDFium in a child process, for documents the pre-flight cannot prove cheap.

The worker (:mod:`.worker`) is a fresh interpreter (``python -m``), not a fork: forking
a process whose other threads may be inside PDFium or holding a lock is unsafe, and a
fresh interpreter does not re-run the caller's ``__main__``. It caps its own address
space (:data:`WORKER_MEMORY` above what it maps at start) and CPU time (the time left
before the document's deadline), and streams events back page by page.

Here the parent reads those events until the deadline, killing the worker when it
passes. When the worker dies (PDFium aborts when an allocation fails; the kernel stops
it at the CPU limit), the page it was reading becomes a ``pdf-page-failed`` warning and a
new worker goes on from the next page, up to :data:`MAX_FAILED_PAGES` pages; a crash
before the first page is a :class:`~docextract.errors.CorruptDocument`. Only classes of
docextract's PDF reader are accepted from the worker's pickles.
"""

from __future__ import annotations

import io
import os
import pickle
import selectors
import signal
import subprocess
import sys
import time
from typing import Any, Iterator, Mapping

from ... import errors
from ...errors import CorruptDocument, DocextractError, LimitExceeded
from .engine import Event, Opened, PageSkipped
from .worker import _LENGTH

MiB = 1024 * 1024
WORKER_MEMORY = 1024 * MiB  # address space PDFium may add in the worker
MAX_FAILED_PAGES = 4  # pages whose worker died, before the document is given up
MAX_FRAME = 512 * MiB  # one event from the worker (a page of 200,000 characters is ~20 MiB)
_ALLOWED_MODULES = ("docextract.parsers.pdf.",)
_ALLOWED_BUILTINS = {("builtins", "set"), ("builtins", "frozenset"), ("builtins", "slice"),
                     ("collections", "Counter"), ("collections", "OrderedDict")}


class _Unpickler(pickle.Unpickler):
    """Rebuilds only the reader's own classes: the worker ran PDFium on hostile input."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith(_ALLOWED_MODULES) or (module, name) in _ALLOWED_BUILTINS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"the PDF worker sent {module}.{name}")


class _Died(Exception):
    """The worker ended without finishing (signal or exit status in ``code``)."""

    def __init__(self, code: int | None) -> None:
        super().__init__(code)
        self.code = code


def read_in_sandbox(data: bytes, password: str | None, *, max_pages: int,
                    refused: Mapping[int, str], deadline: float) -> Iterator[Event]:
    """The events of :func:`.engine.read_events`, read by worker processes."""
    first_page = 0
    failed: list[int] = []
    opened: Opened | None = None
    while True:
        current: list[int | None] = [None]
        try:
            for event in _run_worker(data, password, max_pages, refused, first_page, deadline, current):
                if isinstance(event, Opened):
                    if opened is None:
                        opened = event
                        yield event
                    continue
                current[0] = None
                yield event
            return
        except _Died as died:
            index = current[0]
            if index is None or opened is None:
                raise CorruptDocument(f"PDFium stopped while opening the PDF ({_describe(died.code)})")
            failed.append(index + 1)
            yield PageSkipped(index + 1, "pdf-page-failed",
                              f"page {index + 1} could not be read: PDFium {_describe(died.code)}; "
                              "its content is missing")
            if len(failed) >= MAX_FAILED_PAGES:
                raise LimitExceeded(f"PDFium failed on pages {', '.join(map(str, failed))} of this PDF "
                                    f"({_describe(died.code)}); giving up")
            first_page = index + 1
            if first_page >= opened.page_count:
                return


def _run_worker(data: bytes, password: str | None, max_pages: int, refused: Mapping[int, str],
                first_page: int, deadline: float, current: list[int | None]) -> Iterator[Event]:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _timeout(current[0])
    request = {"data": data, "password": password, "max_pages": max_pages, "refused": dict(refused),
               "first_page": first_page, "memory": WORKER_MEMORY, "cpu_seconds": int(remaining) + 1}
    body = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
    proc = subprocess.Popen([sys.executable, "-m", "docextract.parsers.pdf.worker"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            close_fds=True, env=_worker_env())
    try:
        assert proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write(_LENGTH.pack(len(body)) + body)
            proc.stdin.close()
        except BrokenPipeError:
            pass  # the worker died at once; its exit status says why
        for message in _frames(proc, deadline, current):
            kind = message[0]
            if kind == "start":
                current[0] = message[1]
            elif kind == "event":
                yield message[1]
            elif kind == "done":
                return
            elif kind == "error":
                raise _rebuild(message[1], message[2], message[3])
            elif kind == "memory":
                raise _Died(None)
            else:  # "bug": the same boundary as in-process parsing
                raise CorruptDocument(f"cannot read this pdf file: {message[1]}: {message[2]}",
                                      fmt="pdf", unexpected=message[1])
        raise _Died(proc.wait())
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def _frames(proc: subprocess.Popen, deadline: float, current: list[int | None]) -> Iterator[tuple]:
    """Messages from the worker's standard output, until it closes it or the deadline."""
    fd = proc.stdout.fileno()  # type: ignore[union-attr]
    buffer = bytearray()
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while True:
            while len(buffer) >= _LENGTH.size:
                (length,) = _LENGTH.unpack_from(buffer)
                if length > MAX_FRAME:
                    raise CorruptDocument("the PDF worker sent an oversized message")
                if len(buffer) < _LENGTH.size + length:
                    break
                body = bytes(buffer[_LENGTH.size:_LENGTH.size + length])
                del buffer[:_LENGTH.size + length]
                try:
                    yield _Unpickler(io.BytesIO(body)).load()
                except (pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
                    raise CorruptDocument(f"the PDF worker sent an unreadable message ({exc})") from exc
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not selector.select(remaining):
                proc.kill()
                raise _timeout(current[0])
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return
            buffer += chunk


def _timeout(index: int | None) -> LimitExceeded:
    where = f" (PDFium was reading page {index + 1})" if index is not None else ""
    return LimitExceeded(f"reading took longer than the time limit{where} (timeout_seconds)",
                         limit="timeout_seconds")


def _rebuild(name: str, message: str, limit: Any) -> DocextractError:
    cls = getattr(errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, DocextractError)):
        cls = CorruptDocument
    return cls(message, limit=limit) if limit is not None else cls(message)


def _describe(code: int | None) -> str:
    if code is None:
        return f"ran out of memory (over its {WORKER_MEMORY // MiB:,} MiB budget)"
    if code < 0:
        number = -code
        if number == signal.SIGXCPU:
            return "used up its CPU time"
        if number == signal.SIGKILL:
            return "was stopped by the system (CPU time or memory)"
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        if number == signal.SIGABRT:
            return f"aborted ({name}: out of its {WORKER_MEMORY // MiB:,} MiB memory budget, or a crash)"
        return f"crashed ({name})"
    return f"exited with status {code}"


def _worker_env() -> dict[str, str]:
    """The caller's environment, so the worker imports this same docextract."""
    env = dict(os.environ)
    paths = [p for p in sys.path if p]
    if paths:
        env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


__all__ = ["MAX_FAILED_PAGES", "WORKER_MEMORY", "read_in_sandbox"]
