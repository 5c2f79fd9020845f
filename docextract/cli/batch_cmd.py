"""``docextract batch``: one job over many documents, one JSON line per input, resumable."""

from __future__ import annotations

import signal
from datetime import datetime
from typing import Any

import click

from ..batch import DEFAULT_MEMORY_MB, ENGINES
from ..batch.dask_engine import SHIP_MODES
from ..batch.job import PAYLOAD_KEYS
from .common import (EXIT_SOME_FAILED, check_record_type, error_line, limit_options,
                     limits_from, schema_dir_option, schema_dirs)
from .summarize_cmd import NLP_MODES

ACTIONS = sorted(PAYLOAD_KEYS)


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="JSON Lines file to append to; a rerun skips inputs already done. "
                   "Standard output when absent (no resume).")
@click.option("--do", "action", type=click.Choice(ACTIONS), default="extract", show_default=True,
              help="What each line carries: a record, the document model, a summary or the text.")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the CPU count).")
@click.option("--all", "all_files", is_flag=True,
              help="In folders, try every file by content, not only document extensions.")
@click.option("--ordered", is_flag=True, help="Write lines in input order, not as they complete.")
@click.option("--retry-errors", is_flag=True,
              help="Redo inputs whose earlier line is an error (default: keep those lines).")
@click.option("--max-memory-mb", type=click.IntRange(min=0), default=DEFAULT_MEMORY_MB,
              show_default=True, help="Address space each worker may use (0: no cap).")
@click.option("--type", "-t", "rtype", default="auto", show_default=True,
              help="--do extract: record type (official_letter, generic, ...) or auto.")
@click.option("--spec", type=click.Path(exists=True, dir_okay=False), default=None,
              help="--do extract: a YAML field spec defining a custom record.")
@click.option("--evidence", is_flag=True, help="--do extract: add where each value was found.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="--do summarize: count D-days from this date (YYYY-MM-DD).")
@click.option("--sentences", "-n", type=click.IntRange(0, 50), default=None,
              help="--do summarize: sentences in the extractive summary (default: the document type's own).")
@click.option("--nlp", type=click.Choice(NLP_MODES), default=None,
              help="--do summarize: tokenizer for ranking.")
@click.option("--password", default=None, help="Password for encrypted PDFs.")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="local: worker processes here; dask: a dask.distributed cluster.")
@click.option("--scheduler", default=None,
              help="--engine dask: scheduler address (tcp://host:8786); a local cluster when absent.")
@click.option("--ship", type=click.Choice(SHIP_MODES), default="path", show_default=True,
              help="--engine dask: send workers the path (shared file system) or the bytes.")
@limit_options
@schema_dir_option
def batch(inputs: tuple[str, ...], output: str | None, action: str, workers: int | None,
          all_files: bool, ordered: bool, retry_errors: bool, max_memory_mb: int,
          rtype: str, spec: str | None, evidence: bool, today: datetime | None, sentences: int | None,
          nlp: str | None, password: str | None, engine: str, scheduler: str | None, ship: str,
          timeout: float | None, max_pages: int | None, max_size_mb: float | None) -> int:
    """Process INPUTS (files, folders, globs; - reads paths from standard input), writing
    one JSON line per input: path, sha256, size, format, type, status, error, the payload,
    warnings, docextract_version, elapsed_ms.

    A rerun with the same --output skips the inputs already there (same path and
    SHA-256) and appends the rest. Exit code: 0 every input ok; 9 some failed (their
    lines say why); 2 usage error; 130 interrupted (Ctrl-C, SIGTERM).
    """
    from ..batch import make_job
    from ..batch.inputs import expand

    if engine != "dask" and (scheduler is not None or ship != "path"):
        raise click.UsageError("--scheduler and --ship are for --engine dask")
    check_record_type(rtype, spec)
    job = make_job(action, limits=limits_from(timeout, max_pages, max_size_mb),
                   password=password, record_type=rtype, spec=spec, evidence=evidence,
                   today=today.date() if today else None, sentences=sentences, nlp=nlp,
                   schema_dirs=schema_dirs())
    paths = expand(inputs, all_files=all_files)
    previous = signal.signal(signal.SIGTERM, _stop)  # like Ctrl-C: workers stop before we exit
    try:
        return _run(job, paths, output, retry_errors, workers=workers,
                    memory_mb=max_memory_mb or None, ordered=ordered, engine=engine,
                    scheduler=scheduler, ship=ship)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _run(job: Any, paths: list[str], output: str | None, retry_errors: bool,
         **engine_options: Any) -> int:
    from ..batch import run_job
    from ..batch.output import JsonlOutput
    from ..batch.progress import Progress

    with JsonlOutput(output) as out:
        plan = out.resume(paths, payload_key=job.payload_key, retry_errors=retry_errors)
        progress = Progress(len(plan.todo))
        results = run_job(job, plan.todo, **engine_options)
        try:
            for result in results:
                out.write(result.line)
                if not result.ok:
                    progress.note(error_line(result.path, result.message or result.status))
                progress.update(result.ok)
        finally:
            results.close()  # type: ignore[attr-defined]  # a generator: stops the workers
            progress.close()
    failed = progress.failed + plan.kept_errors
    click.echo(_summary(len(paths), progress, plan, output), err=True)
    return EXIT_SOME_FAILED if failed else 0


def _stop(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _summary(total: int, progress: Any, plan: Any, output: str | None) -> str:
    done = progress.done
    text = (f"docextract batch: {total} input{'s' if total != 1 else ''}: "
            f"{done - progress.failed} ok, {progress.failed} failed")
    if plan.kept:
        text += f", {plan.kept} already in {output}"
        if plan.kept_errors:
            text += f" ({plan.kept_errors} of them errors: --retry-errors redoes them)"
    elapsed = progress.elapsed
    text += f"; {elapsed:.1f} s"
    if done:
        text += f", {done / max(elapsed, 1e-9):.1f} files/s"
    return text
