"""``docextract chunks``: retrieval chunks of documents as JSON lines."""

from __future__ import annotations

import json

import click

from ..names import display_name
from .common import (debug_enabled, exit_code_for, limit_options, limits_from, load_source,
                     per_input, print_error)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--max-chars", type=click.IntRange(40), default=1000, show_default=True,
              help="Longest chunk text, in characters.")
@click.option("--overlap", type=click.IntRange(0), default=0, show_default=True,
              help="Characters of the previous chunk repeated at the start of a text chunk "
                   "(at most half of --max-chars).")
@click.option("--format", "-f", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl",
              show_default=True, help="jsonl: one chunk per line; json: one array per input.")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
@limit_options
def chunks(files: tuple[str, ...], max_chars: int, overlap: int, fmt: str,
           password: str | None, timeout: float | None, max_pages: int | None,
           max_size_mb: float | None) -> int:
    """Cut FILES into chunks for retrieval that follow their structure.

    A chunk is a heading or 항목 with its children, a table (or rows of it, header row
    repeated, as Markdown) or sentences of a long item. Each carries an id, the
    breadcrumb of headings above it, pages, block paths, its span in the document text
    and the document's type, title, issuer, number and date.
    """
    from .. import parse
    from ..chunking import chunks as make_chunks
    from ..errors import DocextractError

    if overlap > max_chars // 2:
        raise click.UsageError(f"--overlap must be at most half of --max-chars ({max_chars // 2})")
    limits = limits_from(timeout, max_pages, max_size_mb)
    errors: list[DocextractError] = []
    for path in files:
        try:
            with per_input(limits):
                doc = parse(load_source(path, limits), password=password, limits=limits,
                            name=None if path == "-" else path)
                found = make_chunks(doc, max_chars=max_chars, overlap=overlap)
        except DocextractError as exc:
            if debug_enabled():
                raise
            print_error(path, exc)
            errors.append(exc)
            if fmt == "jsonl":
                click.echo(json.dumps({"input": display_name(path), **exc.to_dict()}, ensure_ascii=False))
            continue
        if fmt == "json":
            click.echo(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=2))
            continue
        for chunk in found:
            click.echo(json.dumps(chunk.to_dict(), ensure_ascii=False))
    return exit_code_for(errors)
