"""``docextract text``, ``parse`` and ``formats``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Iterator

import click

from ..errors import DocextractError
from .common import (debug_enabled, exit_code_for, limit_options, limits_from, load_source,
                     print_error)

if TYPE_CHECKING:
    from ..limits import Limits
    from ..model import Document


def _parse_each(files: tuple[str, ...], password: str | None, limits: Limits
                ) -> Iterator[tuple[str, Document | DocextractError]]:
    """Each input and its document, or the error that stopped its parsing."""
    from ..api import parse

    for path in files:
        try:
            yield path, parse(load_source(path), password=password, limits=limits,
                              name=None if path == "-" else path)
        except DocextractError as exc:
            if debug_enabled():
                raise
            yield path, exc


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--markdown", "-m", is_flag=True,
              help="Markdown with headings and tables instead of plain text.")
@click.option("--furniture", is_flag=True,
              help="With --markdown: keep running headers, footers and page numbers.")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
@limit_options
def text(files: tuple[str, ...], markdown: bool, furniture: bool, password: str | None,
         timeout: float | None, max_pages: int | None, max_size_mb: float | None) -> int:
    """Print the text of FILES (- reads standard input)."""
    errors: list[DocextractError] = []
    limits = limits_from(timeout, max_pages, max_size_mb)
    for path, doc in _parse_each(files, password, limits):
        if isinstance(doc, DocextractError):
            print_error(path, doc)
            errors.append(doc)
            continue
        if len(files) > 1:
            click.echo(f"==> {path} <==")
        click.echo(doc.to_markdown(furniture=furniture) if markdown else doc.to_text(),
                   nl=not markdown)
    return exit_code_for(errors)


def document_json(path: str, password: str | None, limits: Limits, indent: int | None) -> str:
    """Parse one input and serialize it (runs in worker processes for --jobs)."""
    from ..api import parse
    from ..serialize import dump_json

    doc = parse(load_source(path), password=password, limits=limits,
                name=None if path == "-" else path)
    return dump_json(doc, indent=indent)


@click.command("parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "-f", "fmt", type=click.Choice(["json", "jsonl"]), default="json",
              show_default=True, help="json: one indented document; jsonl: one line per input.")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
@click.option("--jobs", "-j", type=int, default=1, show_default=True,
              help="Parse this many files in parallel (output keeps input order).")
@limit_options
def parse_cmd(files: tuple[str, ...], fmt: str, password: str | None, jobs: int,
              timeout: float | None, max_pages: int | None, max_size_mb: float | None) -> int:
    """Print the document model of FILES as JSON (one error record per failed input)."""
    import functools

    from ..batch import run_many

    limits = limits_from(timeout, max_pages, max_size_mb)
    as_lines = fmt == "jsonl" or len(files) > 1
    work = functools.partial(document_json, password=password, limits=limits,
                             indent=None if as_lines else 2)
    if "-" in files:
        jobs = 1  # standard input can only be read once, in this process
    errors: list[DocextractError] = []
    for outcome in run_many(work, files, jobs=max(1, jobs), timeout=limits.timeout_seconds):
        if outcome.error is not None:
            if debug_enabled():
                raise outcome.error
            print_error(outcome.input, outcome.error)
            errors.append(outcome.error)
            if as_lines:
                click.echo(json.dumps({"input": outcome.input, **outcome.error.to_dict()},
                                      ensure_ascii=False))
            continue
        click.echo(outcome.value)
    return exit_code_for(errors)


@click.command()
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def formats(fmt: str) -> None:
    """List registered parsers, their formats and whether their dependencies are present."""
    from ..registry import parsers

    reg = parsers()
    rows = []
    for entry in reg.entries():
        try:
            cls = reg.get(entry.name)
            status, fmts, detail = "ok", list(cls.formats), getattr(cls, "description", "")
        except DocextractError as exc:
            status, fmts, detail = "unavailable", [], str(exc)
        rows.append({"parser": entry.name, "formats": fmts, "origin": entry.origin,
                     "status": status, "detail": detail})
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        click.echo(f"{r['parser']:<8} {','.join(r['formats']) or '-':<10} {r['status']:<12} "
                   f"{r['origin']:<10} {r['detail']}")
