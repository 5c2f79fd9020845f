"""The local engine: a pool of worker processes on this machine.

Each worker takes one input at a time over its own pipe, so the parent always knows
which input a worker holds and since when. That is what makes the limits hard:

* time: the worker raises at the per-file timeout (:mod:`.deadline`); a worker that is
  still busy ``grace`` seconds later (stuck in C code, ignoring signals) is killed by
  the parent, its input gets an error line and a fresh worker takes its place;
* memory: each worker caps its own address space (:func:`.worker.cap_memory`); a
  document that needs more fails with ``MemoryError``, or kills the worker, and either
  way gets an error line;
* crashes: a worker that dies (a segfault in a C library) is noticed through its
  process sentinel, reported for the input it held, and replaced.

Workers are forked from multiprocessing's fork server (one per program, started by the
first batch, which asks it to import docextract once: :mod:`.preload`; a fork server
that another part of the program started first works too, only slower), and are
retired after ``max_tasks_per_worker`` inputs so that memory stays flat over any number
of files. Plain fork is not used (forking a parent that holds other threads, or the
pipe ends of other workers, is unsafe); spawn, which imports everything again for each
worker, only where there is no fork server (Windows). Stopping the iteration (Ctrl-C, an exception in
the caller, ``close()``) kills every worker before it returns; a worker whose parent
dies sees its pipe close and exits.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any, Iterator, Sequence

from ..errors import DocextractError, LimitExceeded
from ..limits import grace_seconds
from .envelope import Result, failed
from .inputs import fingerprint
from .job import Job
from .worker import DEFAULT_MEMORY_MB, READY, MiB, serve

MAX_TASKS_PER_WORKER = 1000
MAX_FAILED_STARTS = 3


@dataclass
class _Worker:
    process: Any
    conn: Any
    ready: bool = False
    task: tuple[int, str] | None = None
    deadline: float = 0.0
    done: int = 0


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["docextract.batch.preload"])
        return ctx
    return multiprocessing.get_context("spawn")


def cpu_count() -> int:
    """The CPUs this process may run on (a container's share, where the OS says it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


class LocalEngine:
    """Run a :class:`Job` over paths in ``workers`` processes; see the module docstring."""

    def __init__(self, job: Job, *, workers: int | None = None,
                 memory_mb: int | None = DEFAULT_MEMORY_MB,
                 max_tasks_per_worker: int = MAX_TASKS_PER_WORKER) -> None:
        self.job = job
        self.workers = max(1, workers or cpu_count())
        self.memory_bytes = int(memory_mb * MiB) if memory_mb else None
        self.max_tasks = max(1, max_tasks_per_worker)
        self.timeout = job.timeout
        self._failed_starts = 0

    def run(self, paths: Sequence[str]) -> Iterator[Result]:
        """Yield one Result per path, as each completes."""
        if not paths:
            return
        ctx = _context()
        queue = deque(enumerate(paths))
        pool = [self._start(ctx) for _ in range(min(self.workers, len(paths)))]
        finished = False
        try:
            while queue or any(w.task for w in pool):
                for w in pool:
                    if w.ready and w.task is None and queue:
                        self._assign(w, queue.popleft())
                ready = set(wait([w.conn for w in pool] + [w.process.sentinel for w in pool],
                                 timeout=self._time_left(pool)))
                for i, w in enumerate(pool):
                    outcome, alive = self._check(w, ready)
                    if outcome is not None:
                        yield outcome
                    if not alive or w.done >= self.max_tasks:
                        self._stop(w, gently=alive)
                        pool[i] = self._start(ctx)
            finished = True
        finally:
            for w in pool:
                self._stop(w, gently=finished)

    # one worker ---------------------------------------------------------------------

    def _start(self, ctx: Any) -> _Worker:
        mine, theirs = ctx.Pipe(duplex=True)
        process = ctx.Process(target=serve, args=(theirs, self.job, self.memory_bytes),
                              name="docextract-worker", daemon=True)
        process.start()
        theirs.close()  # else our own copy would keep the pipe open after the worker dies
        return _Worker(process, mine)

    def _assign(self, w: _Worker, task: tuple[int, str]) -> None:
        w.task = task
        w.deadline = time.monotonic() + self.timeout + grace_seconds(self.timeout)
        w.conn.send(task)

    def _time_left(self, pool: list[_Worker]) -> float | None:
        deadlines = [w.deadline for w in pool if w.task is not None]
        return max(0.0, min(deadlines) - time.monotonic()) if deadlines else None

    def _check(self, w: _Worker, ready: set[Any]) -> tuple[Result | None, bool]:
        """What the worker has to say: (a Result to yield or None, whether it still lives)."""
        if w.conn in ready:
            try:
                message = w.conn.recv()
            except (EOFError, OSError):
                return self._lost(w, None), False
            if message == READY:
                w.ready = True
                self._failed_starts = 0
                return None, True
            w.task, w.done = None, w.done + 1
            return message, True
        if w.process.sentinel in ready:
            return self._lost(w, None), False
        if w.task is not None and time.monotonic() > w.deadline:
            w.process.kill()
            w.process.join()
            return self._lost(w, LimitExceeded(
                f"took longer than {self.timeout:g} s (timeout_seconds); its worker was stopped",
                limit="timeout_seconds")), False
        return None, True

    def _lost(self, w: _Worker, reason: DocextractError | None) -> Result | None:
        """The error Result of the input a dead worker held (None when it held none)."""
        if not w.ready:
            self._failed_starts += 1
            if self._failed_starts > MAX_FAILED_STARTS:
                raise DocextractError("batch worker processes exit as soon as they start "
                                      f"(exit code {w.process.exitcode})")
        if w.task is None:
            return None
        index, path = w.task
        w.task = None
        if reason is None:
            w.process.join()
            reason = DocextractError(f"the worker process died ({_exit_reason(w.process.exitcode)}) "
                                     "while reading this file", code="crashed")
        sha256, size = fingerprint(path)
        return failed(index, path, self.job.payload_key, reason, sha256=sha256, size=size)

    def _stop(self, w: _Worker, *, gently: bool) -> None:
        if gently and w.process.is_alive():
            try:
                w.conn.send(None)
                w.process.join(timeout=5)
            except OSError:
                pass
        if w.process.is_alive():
            w.process.kill()
        w.process.join()
        w.conn.close()
        w.process.close()


def _exit_reason(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        if -code == getattr(signal, "SIGKILL", None):
            return f"{name}: out of memory, or killed from outside"
        return name
    return f"exit code {code}"


__all__ = ["LocalEngine", "cpu_count", "grace_seconds"]
