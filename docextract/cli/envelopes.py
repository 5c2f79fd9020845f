"""Envelope output shared by ``parse``, ``extract`` and ``summarize``.

With ``--format jsonl`` every input gets one envelope line (the shape ``docextract batch``
writes, :mod:`docextract.batch.envelope`); with ``--format json`` over several inputs the
same envelopes form one JSON array. A failed input also gets its one line on standard
error, and the exit code is that of the first failure in input order.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Sequence

import click

from .common import debug_enabled, load_source, per_input, print_error


def each_result(job: Any, files: Sequence[str], *, jobs: int = 1) -> Iterator[Any]:
    """One :class:`~docextract.batch.envelope.Result` per input, in input order: in this
    process, or in ``jobs`` worker processes (not for standard input, read only here)."""
    if jobs > 1 and len(files) > 1 and "-" not in files:
        from ..batch import run_job

        results = run_job(job, list(files), workers=jobs, ordered=True)
        try:
            yield from results
        finally:
            results.close()  # type: ignore[attr-defined]
        return
    from ..batch.envelope import failed
    from ..errors import DocextractError
    from ..limits import Limits

    debug = debug_enabled()
    limits = Limits.resolve(job.limits)
    for index, path in enumerate(files):
        data = None
        if path == "-":
            try:
                data = load_source(path, limits)
            except DocextractError as exc:
                if debug:
                    raise
                yield failed(index, path, job.payload_key, exc)
                continue
        with per_input(limits):  # the hard stop every command has
            result = job.run(path, index, data=data, reraise=debug)
        yield result


def write_envelopes(results: Iterable[Any], fmt: str) -> int:
    """``jsonl``: one line per result; ``json``: one array. Returns the exit code."""
    codes: list[int] = []

    def lines() -> Iterator[str]:
        for result in results:
            if not result.ok:
                print_error(result.path, result.message)
                codes.append(result.exit_code)
            yield result.line

    if fmt == "jsonl":
        for line in lines():
            click.echo(line)
    else:
        opened = False
        for line in lines():  # streamed: each envelope is written as soon as it is ready
            click.echo(("[\n" if not opened else ",\n") + line, nl=False)
            opened = True
        click.echo("\n]" if opened else "[]")
    return codes[0] if codes else 0
