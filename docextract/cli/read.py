"""``docextract text``, ``parse`` and ``formats``."""

from __future__ import annotations

import json
from typing import Any

import click

from .common import (debug_enabled, exit_code_for, limit_options, limits_from, load_source,
                     print_error)


def _parse_each(files: tuple[str, ...], password: str | None, limits: Any) -> Any:
    from .. import parse
    from ..errors import DocextractError

    for path in files:
        try:
            yield path, parse(load_source(path), password=password, limits=limits,
                              name=None if path == "-" else path), None
        except DocextractError as exc:
            if debug_enabled():
                raise
            yield path, None, exc


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--markdown", "-m", is_flag=True, help="Markdown with tables instead of plain text.")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
@limit_options
def text(files: tuple[str, ...], markdown: bool, password: str | None, timeout: float | None,
         max_pages: int | None, max_size_mb: float | None) -> int:
    """Print the text of FILES (- reads standard input)."""
    errors = []
    limits = limits_from(timeout, max_pages, max_size_mb)
    for path, doc, exc in _parse_each(files, password, limits):
        if exc is not None:
            print_error(path, exc)
            errors.append(exc)
            continue
        if len(files) > 1:
            click.echo(f"==> {path} <==")
        click.echo(doc.to_markdown() if markdown else doc.to_text(), nl=not markdown)
    return exit_code_for(errors)


@click.command("parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "-f", "fmt", type=click.Choice(["json", "jsonl"]), default="json",
              show_default=True, help="json: one indented document; jsonl: one line per input.")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
@limit_options
def parse_cmd(files: tuple[str, ...], fmt: str, password: str | None, timeout: float | None,
              max_pages: int | None, max_size_mb: float | None) -> int:
    """Print the document model of FILES as JSON (one error record per failed input)."""
    errors = []
    limits = limits_from(timeout, max_pages, max_size_mb)
    as_lines = fmt == "jsonl" or len(files) > 1
    for path, doc, exc in _parse_each(files, password, limits):
        if exc is not None:
            print_error(path, exc)
            errors.append(exc)
            if as_lines:
                click.echo(json.dumps({"input": path, **exc.to_dict()}, ensure_ascii=False))
            continue
        if as_lines:
            click.echo(doc.model_dump_json())
        else:
            click.echo(doc.model_dump_json(indent=2))
    return exit_code_for(errors)


@click.command()
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def formats(fmt: str) -> None:
    """List registered parsers, their formats and whether their dependencies are present."""
    from ..errors import DocextractError
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
