"""The worker process of the local engine: one input at a time, under a memory cap.

It answers ``READY`` once set up, then takes ``(index, path)`` tasks from its pipe and
sends back one :class:`~docextract.batch.envelope.Result` each, until it reads ``None``
or the pipe closes (its parent is gone, even killed: then it must not linger).
"""

from __future__ import annotations

import signal
from typing import Any

from .job import Job

READY = "ready"
MiB = 1024 * 1024

DEFAULT_MEMORY_MB = 4096
"""Address space per worker. Generous: Kiwi (summaries of long documents) maps about
1.6 GB; real documents parse in far less."""


def cap_memory(limit_bytes: int | None) -> None:
    """Cap this process's address space: past it allocations fail (``MemoryError`` in
    Python, a crash in some C code) instead of the machine swapping or the OOM killer
    picking a victim. POSIX only; elsewhere the cap is not applied."""
    if not limit_bytes:
        return
    try:
        import resource
    except ImportError:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit_bytes = min(limit_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, hard))


def serve(conn: Any, job: Job, memory_bytes: int | None) -> None:
    """The worker's main loop (the target of its process)."""
    # Ctrl-C reaches the whole process group; stopping workers is the parent's decision.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        cap_memory(memory_bytes)
        conn.send(READY)
        while True:
            task = conn.recv()
            if task is None:
                return
            index, path = task
            conn.send(job.run(path, index, alarm=True))
    except (EOFError, OSError, KeyboardInterrupt):
        return  # the parent closed the pipe or went away


__all__ = ["DEFAULT_MEMORY_MB", "READY", "cap_memory", "serve"]
