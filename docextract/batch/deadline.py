"""A wall-clock limit around one document's work, for the process that runs it.

The parsers check :class:`~docextract.limits.Budget` deadlines inside their loops; this
alarm also stops time spent where no loop checks (a regular expression, a library
call). It raises :class:`LimitExceeded` in the main thread of a POSIX process; elsewhere
(Windows, a worker thread of Dask) it does nothing and the parsers' own checks remain.
The local batch engine adds a hard stop on top: it kills a worker that overruns even this.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Any, Iterator

from ..errors import LimitExceeded


def _alarm(signum: int, frame: Any) -> None:
    raise LimitExceeded("document took longer than the time limit (timeout_seconds)",
                        limit="timeout_seconds")


def can_alarm() -> bool:
    return hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`LimitExceeded` in the body once ``seconds`` have passed."""
    if not seconds or seconds <= 0 or not can_alarm():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


__all__ = ["can_alarm", "time_limit"]
