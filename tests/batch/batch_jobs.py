"""Test-only ``do`` callables for the batch engines (a file that truly hangs, explodes or
crashes a worker has no natural example among the samples, so these make one on demand).

Workers import this module by name: the tests put this folder on ``sys.path``, which
child processes inherit.
"""

from __future__ import annotations

import os
import signal
import time


def text_length(document):
    """A plain custom job: JSON-ready data from a Document."""
    return {"chars": len(document.text)}


def not_json_ready(document):
    """A result JSON cannot hold."""
    return {"when": object()}


def _marked(document, word: str) -> bool:
    return word in os.path.basename(document.source.name or "")


def hang_ignoring_alarm(document):
    """Files named *hang*: stay busy where the worker's own alarm cannot interrupt."""
    if _marked(document, "hang"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)
    return len(document.text)


def sleep_politely(document):
    """Files named *slow*: sleep, which the worker's alarm does interrupt."""
    if _marked(document, "slow"):
        time.sleep(600)
    return len(document.text)


def allocate_too_much(document):
    """Files named *greedy*: ask for 8 GiB at once."""
    if _marked(document, "greedy"):
        block = bytearray(8 * 1024 ** 3)
        return len(block)
    return len(document.text)


def crash(document):
    """Files named *crash*: die the way a segfaulting C library does."""
    if _marked(document, "crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    return len(document.text)
