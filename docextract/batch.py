"""Run one function over many inputs, in order, in parallel, with a hard time limit each.

Every input yields exactly one :class:`Outcome`, a value or an error, so a pipeline
never loses a record. Workers are separate processes; a wall-clock alarm in the worker
turns a runaway document into a ``LimitExceeded`` error instead of a hang.
"""

from __future__ import annotations

import multiprocessing
import signal
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from .errors import CorruptDocument, DocextractError, LimitExceeded


@dataclass
class Outcome:
    """The result of one input: ``value`` on success, ``error`` (a DocextractError) on failure."""

    input: str
    value: Any = None
    error: DocextractError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _alarm(signum: int, frame: Any) -> None:
    raise LimitExceeded("document took longer than the time limit (timeout_seconds)",
                        limit="timeout_seconds")


def run_one(func: Callable[[str], Any], item: str, timeout: float | None) -> Outcome:
    """Call ``func(item)`` and fold any failure into the Outcome."""
    use_alarm = bool(timeout) and hasattr(signal, "SIGALRM")
    previous = None
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, float(timeout))  # type: ignore[arg-type]
    try:
        return Outcome(item, value=func(item))
    except DocextractError as exc:
        return Outcome(item, error=exc)
    except RecursionError:
        return Outcome(item, error=LimitExceeded("document structure nests too deeply"))
    except MemoryError:
        return Outcome(item, error=LimitExceeded("document needs more memory than is available"))
    except Exception as exc:
        return Outcome(item, error=CorruptDocument(f"{type(exc).__name__}: {exc}", code="internal"))
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _worker(args: tuple[Callable[[str], Any], str, float | None]) -> Outcome:
    func, item, timeout = args
    outcome = run_one(func, item, timeout)
    if outcome.error is not None:
        # Exceptions with context may not pickle cleanly; send a plain copy.
        err = outcome.error
        copy = type(err)(err.message, code=err.code)
        outcome.error = copy
    return outcome


def run_many(func: Callable[[str], Any], items: Iterable[str], *, jobs: int = 1,
             timeout: float | None = None) -> Iterator[Outcome]:
    """Yield one Outcome per item, in input order. ``func`` must be picklable for jobs > 1."""
    items = list(items)
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            yield run_one(func, item, timeout)
        return
    ctx = multiprocessing.get_context("fork" if hasattr(signal, "SIGALRM") else "spawn")
    with ctx.Pool(processes=jobs, maxtasksperchild=200) as pool:
        yield from pool.imap(_worker, [(func, i, timeout) for i in items], chunksize=1)
