"""The Dask engine: the same jobs and envelopes on a ``dask.distributed`` cluster.

``pip install "docextract[dask]"``. With no scheduler address a local cluster is started
(one single-threaded worker process per CPU) and closed at the end; with an address
(``tcp://host:8786``) or a ``Client`` the batch runs on that cluster.

How files reach the workers (``ship``):

* ``"path"`` (default): the task carries the path and the worker opens it, so every
  worker must see the files under the same path (a shared or network file system);
* ``"bytes"``: this process reads each file and sends its bytes with the task; workers
  need no access to the files (the client's bandwidth is then the limit).

Tasks are submitted a few per worker thread at a time, so memory stays flat over any
number of files and results stream back as they complete. Limits differ from the local
engine in one way: a Dask task runs in a worker thread, where no alarm can interrupt it,
so the per-file timeout is the parsers' own deadline checks; an input whose result has
not come back within twice the timeout (plus a grace period) gets an error line and its
task is cancelled. Memory is bounded by the workers' ``--memory-limit`` (a worker past it
is restarted by its nanny; an input that keeps killing workers gets an error line).
"""

from __future__ import annotations

import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
from typing import Any, Iterator, Sequence

from ..errors import DocextractError, LimitExceeded, MissingDependency
from ..limits import Limits
from .envelope import Result, failed
from .inputs import fingerprint
from .job import Job
from .local import cpu_count, grace_seconds

SHIP_MODES = ("path", "bytes")
TASKS_PER_THREAD = 2
SCATTER_ABOVE = 1024 * 1024  # bytes sent through the scheduler inline below this size


def run_task(job: Job, index: int, path: str, data: bytes | None) -> Result:
    """What a Dask worker runs for one input."""
    return job.run(path, index, data=data)


def run(job: Job, paths: Sequence[str], *, scheduler: Any = None, workers: int | None = None,
        ship: str = "path", memory_mb: int | None = None) -> Iterator[Result]:
    """Yield one Result per path, as each completes on the cluster."""
    if ship not in SHIP_MODES:
        raise ValueError(f"ship must be one of {SHIP_MODES}, not {ship!r}")
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise MissingDependency('the Dask engine needs dask.distributed: '
                                'pip install "docextract[dask]"') from exc
    if not paths:
        return
    cluster = None
    if isinstance(scheduler, Client):
        client, own_client = scheduler, False
    elif scheduler:
        client, own_client = _connect(Client, scheduler), True
    else:
        import logging

        with _ctrl_c_ignored():  # the worker processes inherit it: Ctrl-C is ours to handle
            cluster = LocalCluster(n_workers=workers or cpu_count(), threads_per_worker=1,
                                   processes=True, dashboard_address=":0",
                                   # a task's failure reaches its envelope; what Dask logs
                                   # itself at ERROR is shutdown noise (a worker's heartbeat
                                   # to a scheduler closed by Ctrl-C, with its traceback)
                                   silence_logs=logging.CRITICAL,
                                   memory_limit=f"{memory_mb}MiB" if memory_mb else "auto")
        client, own_client = Client(cluster), True
    try:
        yield from _stream(client, job, paths, ship)
    finally:
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def _ctrl_c_ignored() -> Iterator[None]:
    """SIGINT ignored while the local cluster starts its processes, which keep it ignored:
    Ctrl-C then reaches only this process, which closes the cluster (instead of every
    Dask process printing its own KeyboardInterrupt traceback)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _connect(client_class: Any, address: str) -> Any:
    try:
        return client_class(address, timeout="20s")
    except (OSError, TimeoutError) as exc:
        raise DocextractError(f"cannot reach the Dask scheduler at {address} ({exc})",
                              code="scheduler") from exc


def _stream(client: Any, job: Job, paths: Sequence[str], ship: str) -> Iterator[Result]:
    from dask.distributed import wait

    threads = sum(client.nthreads().values()) or 1
    timeout = job.timeout
    allowance = 2 * timeout + grace_seconds(timeout)
    pending = deque(enumerate(paths))
    running: dict[Any, tuple[int, str, float]] = {}
    try:
        while pending or running:
            while pending and len(running) < TASKS_PER_THREAD * threads:
                index, path = pending.popleft()
                future, refused = _submit(client, job, index, path, ship)
                if refused is not None:
                    yield refused
                else:
                    running[future] = (index, path, time.monotonic() + allowance)
            if not running:
                continue
            left = max(0.0, min(d for _, _, d in running.values()) - time.monotonic())
            try:
                done, _ = wait(list(running), timeout=left, return_when="FIRST_COMPLETED")
            except TimeoutError:
                done = set()
            for future in done:
                index, path, _ = running.pop(future)
                yield _collect(future, job, index, path)
            now = time.monotonic()
            for future in [f for f, (_, _, d) in running.items() if d < now]:
                index, path, _ = running.pop(future)
                future.cancel()
                yield _lost(job, index, path, LimitExceeded(
                    f"no result within {allowance:g} s on the Dask cluster (timeout_seconds="
                    f"{timeout:g}); the task was cancelled", limit="timeout_seconds"))
    finally:
        for future in running:
            future.cancel()


def _submit(client: Any, job: Job, index: int, path: str,
            ship: str) -> tuple[Any, Result | None]:
    data: Any = None
    if ship == "bytes":
        from ..api import read_input

        try:
            data, _ = read_input(path, Limits.resolve(job.limits), path)
        except DocextractError as exc:
            return None, _lost(job, index, path, exc)
        if len(data) > SCATTER_ABOVE:
            data = client.scatter(data)
    return client.submit(run_task, job, index, path, data, pure=False), None


def _collect(future: Any, job: Job, index: int, path: str) -> Result:
    if future.status == "finished":
        result: Result = future.result()
        return result
    if future.status == "cancelled":
        return _lost(job, index, path, DocextractError("the Dask task was cancelled",
                                                       code="cancelled"))
    exc = future.exception()
    return _lost(job, index, path, DocextractError(
        f"the Dask task failed ({type(exc).__name__}: {exc}); a worker may have died "
        "reading this file", code="crashed"))


def _lost(job: Job, index: int, path: str, reason: BaseException) -> Result:
    sha256, size = fingerprint(path)
    return failed(index, path, job.payload_key, reason, sha256=sha256, size=size)


__all__ = ["SHIP_MODES", "run", "run_task"]
