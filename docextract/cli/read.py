"""``docextract text``, ``parse`` and ``formats``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Callable, Iterator

import click

from ..errors import DocextractError
from .common import (debug_enabled, exit_code_for, limit_options, limits_from, load_source,
                     per_input, print_error, shown_name)

if TYPE_CHECKING:
    from ..limits import Limits
    from ..model import Document


def _text_each(files: tuple[str, ...], password: str | None, limits: Limits,
               render: Callable[[Document], str]) -> Iterator[tuple[str, str | DocextractError]]:
    """Each input and its rendered text, or the error that stopped it."""
    from ..api import parse

    for path in files:
        try:
            with per_input(limits):
                doc = parse(load_source(path, limits), password=password, limits=limits,
                            name=None if path == "-" else path)
                text = render(doc)
        except DocextractError as exc:
            if debug_enabled():
                raise
            yield path, exc
            continue
        yield path, text


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
    def render(doc: Document) -> str:
        return doc.to_markdown(furniture=furniture) if markdown else doc.to_text()

    for path, out in _text_each(files, password, limits, render):
        if isinstance(out, DocextractError):
            print_error(path, out)
            errors.append(out)
            continue
        if len(files) > 1:
            click.echo(f"==> {shown_name(path)} <==")
        click.echo(out, nl=not markdown)
    return exit_code_for(errors)


@click.command("parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "-f", "fmt", type=click.Choice(["json", "jsonl"]), default="json",
              show_default=True, help="json: the document, indented (several inputs: an array of "
                                      "envelopes); jsonl: one envelope line per input.")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Parse this many files in parallel (output keeps input order).")
@limit_options
def parse_cmd(files: tuple[str, ...], fmt: str, password: str | None, jobs: int,
              timeout: float | None, max_pages: int | None, max_size_mb: float | None) -> int:
    """Print the document model of FILES as JSON (- reads standard input)."""
    from ..batch import make_job
    from .envelopes import each_result, write_envelopes

    job = make_job("parse", limits=limits_from(timeout, max_pages, max_size_mb),
                   password=password)
    results = each_result(job, files, jobs=jobs)
    if fmt == "jsonl" or len(files) > 1:
        return write_envelopes(results, fmt)
    (result,) = results
    if not result.ok:
        print_error(result.path, result.message)
        return result.exit_code
    click.echo(json.dumps(result.envelope["document"], ensure_ascii=False, indent=2))
    return 0


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
