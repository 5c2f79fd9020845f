"""Batches: one job over thousands of documents, one envelope per input, in parallel.

>>> from docextract import batch
>>> for result in batch.run(["archive/"], do="extract", workers=4, timeout=60):
...     print(result.path, result.status, result.envelope["type"])

Modules, engine-neutral first: :mod:`.job` (what to do with one input), :mod:`.envelope`
(the JSON object every input gets), :mod:`.inputs` (files, folders, globs),
:mod:`.output` (JSON Lines output and resume), :mod:`.progress`; then the engines:
:mod:`.local` (worker processes with per-file timeout and memory cap, :mod:`.worker`)
and :mod:`.dask_engine` (a ``dask.distributed`` cluster).

The local engine starts worker processes, so a script that calls :func:`run` must guard
its top level with ``if __name__ == "__main__":`` as :mod:`multiprocessing` requires.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any, Iterable, Iterator, Sequence

from ..limits import Limits
from .envelope import ERROR, OK, Result
from .job import Action, Job
from .worker import DEFAULT_MEMORY_MB

ENGINES = ("local", "dask")


def run(paths: Iterable[str | os.PathLike[str]], *, do: Action = "extract",
        workers: int | None = None, timeout: float | None = None,
        memory_mb: int | None = DEFAULT_MEMORY_MB, ordered: bool = False,
        all_files: bool = False, engine: str = "local", scheduler: Any = None,
        ship: str = "path", **options: Any) -> Iterator[Result]:
    """Yield one :class:`Result` per input as it completes (in input order with ``ordered``).

    ``paths`` are files, folders (walked; see :mod:`.inputs`) or globs. ``do`` is
    ``"parse"``, ``"extract"`` (default), ``"summarize"``, ``"text"`` or a picklable callable
    taking a Document and returning JSON-ready data. ``workers`` defaults to the CPU
    count; ``timeout`` is seconds per file (default: the limits' ``timeout_seconds``);
    ``memory_mb`` caps each local worker (``None``: no cap). ``engine="dask"`` runs on a
    Dask cluster (``scheduler``: an address or a ``Client``; none starts a local one;
    ``ship``: ``"path"`` or ``"bytes"``). Other keywords are :class:`Job` options:
    ``password``, ``limits``, ``record_type``, ``spec``, ``evidence``, ``today``,
    ``sentences``, ``nlp``.
    """
    from .inputs import expand

    items = expand((os.fspath(p) for p in paths), all_files=all_files)
    job = make_job(do, timeout=timeout, **options)
    return run_job(job, items, workers=workers, memory_mb=memory_mb, ordered=ordered,
                   engine=engine, scheduler=scheduler, ship=ship)


def make_job(do: Action = "extract", *, timeout: float | None = None,
             limits: Limits | dict[str, Any] | None = None, **options: Any) -> Job:
    """A :class:`Job`, with ``timeout`` folded into its limits."""
    resolved = Limits.resolve(limits)
    if timeout is not None:
        resolved = dataclasses.replace(resolved, timeout_seconds=float(timeout))
    return Job(do=do, limits=resolved, **options)


def run_job(job: Job, paths: Sequence[str], *, workers: int | None = None,
            memory_mb: int | None = DEFAULT_MEMORY_MB, ordered: bool = False,
            engine: str = "local", scheduler: Any = None, ship: str = "path") -> Iterator[Result]:
    """Run ``job`` over exactly ``paths`` (no folder walking) on the chosen engine."""
    results: Iterator[Result]
    if engine == "local":
        from .local import LocalEngine

        results = LocalEngine(job, workers=workers, memory_mb=memory_mb).run(paths)
    elif engine == "dask":
        from . import dask_engine

        results = dask_engine.run(job, paths, scheduler=scheduler, workers=workers, ship=ship,
                                  memory_mb=memory_mb)
    else:
        raise ValueError(f"unknown engine {engine!r} (known: {', '.join(ENGINES)})")
    if ordered:
        from .output import in_order

        return _closing_with(in_order(results), results)
    return results


def _closing_with(outer: Iterator[Result], inner: Iterator[Result]) -> Iterator[Result]:
    """``outer`` that, when closed early, also closes ``inner`` (which owns the workers)."""
    try:
        yield from outer
    finally:
        close = getattr(inner, "close", None)
        if close is not None:
            close()


__all__ = ["DEFAULT_MEMORY_MB", "ENGINES", "ERROR", "OK", "Job", "Result", "make_job", "run", "run_job"]
