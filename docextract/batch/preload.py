"""Imported once by the local engine's fork server, before it forks any worker.

Every worker then starts with the parsers, extractors and records already imported
(shared copy-on-write), so a worker that replaces a stopped one, or one retired after
many files, is ready in milliseconds instead of importing everything again. Nothing else
imports this module: it changes how the process that imports it handles Ctrl-C.
"""

from __future__ import annotations

import signal

# The fork server imports this before anything else and gives its workers the signal
# dispositions it started with: ignoring Ctrl-C here, before the long imports, means no
# worker can be interrupted while it starts (a traceback); stopping them is the batch's job.
signal.signal(signal.SIGINT, signal.SIG_IGN)


PRELOADED = ("docextract.api", "docextract.extraction", "docextract.summaries.summary",
             "docextract.batch.worker")


def _warm() -> None:
    import importlib

    from ..errors import DocextractError

    for module in PRELOADED:
        importlib.import_module(module)
    from ..registry import extractors, parsers

    for registry in (parsers(), extractors()):
        for name in registry.names():
            try:
                registry.get(name)
            except DocextractError:  # a missing optional dependency: workers report it
                pass


_warm()
