"""Imported once by the local engine's fork server, before it forks any worker.

Every worker then starts with the parsers, extractors and records already imported
(shared copy-on-write), so a worker that replaces a stopped one, or one retired after
many files, is ready in milliseconds instead of importing everything again.
"""

from __future__ import annotations


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
