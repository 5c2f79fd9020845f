"""``docextract summarize``: what each document asks, by when, and whom to ask."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import (debug_enabled, error_line, exit_code_for, limit_options, limits_from,
                     load_source)

if TYPE_CHECKING:
    from ..extractors.base import Extraction
    from ..limits import Limits
    from ..model import Document
    from ..summaries.summary import Summary

FORMATS = ("text", "markdown", "json", "html")
NLP_MODES = ("auto", "kiwi", "spacy", "light")


def _summarize_one(path: str, *, today: date, sentences: int, nlp: str | None,
                   password: str | None, limits: Limits
                   ) -> tuple[Summary, Document, Extraction]:
    from ..api import parse
    from ..summaries import extract_record
    from ..summaries.summary import build_summary

    document = parse(load_source(path), password=password, limits=limits,
                     name=None if path == "-" else path)
    record = extract_record(document)
    summary = build_summary(record, document, today=today, sentences=sentences, nlp=nlp)
    return summary, document, record


def _render(fmt: str, summary: Summary, document: Document, record: Extraction,
            colour: bool) -> str:
    if fmt == "json":
        from ..summaries.render_json import render_json

        return render_json(summary, indent=2) + "\n"
    if fmt == "markdown":
        from ..summaries.render_markdown import render_markdown

        return render_markdown(summary)
    if fmt == "html":
        from ..summaries.render_html import render_html

        return render_html(summary, document, record)
    from ..summaries.render_text import render_text

    return render_text(summary, colour=colour)


class IsoDate(click.ParamType):
    """A calendar date written ``YYYY-MM-DD`` (month and day may have one digit).

    Read without ``datetime.strptime``, which loads and compiles its locale-aware parser
    on first use: a few milliseconds of every run with ``--today``.
    """

    name = "YYYY-MM-DD"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        parts = str(value).split("-")
        if len(parts) == 3 and len(parts[0]) == 4 and all(
                1 <= len(p) <= 2 for p in parts[1:]) and all(
                p.isascii() and p.isdigit() for p in parts):
            try:
                return date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:  # month 13, 30 February
                pass
        self.fail(f"{value!r} is not a date written YYYY-MM-DD.", param, ctx)


def _html_target(output: str, path: str, several: bool) -> Path:
    target = Path(output)
    if several or target.is_dir():
        stem = "stdin" if path == "-" else Path(path).name
        return target / f"{stem}.summary.html"
    return target


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--today", type=IsoDate(), default=None,
              help="Count D-days from this date (YYYY-MM-DD) instead of the current date.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="text",
              show_default=True, help="text (terminal), markdown, json, or html (one page).")
@click.option("--output", "-o", type=click.Path(), default=None,
              help="Write here instead of standard output; a directory for several HTML pages.")
@click.option("--sentences", "-n", type=click.IntRange(0, 50), default=3, show_default=True,
              help="Sentences in the extractive summary.")
@click.option("--nlp", type=click.Choice(NLP_MODES), default=None,
              help="Tokenizer for ranking: auto (Kiwi for long documents), kiwi, spacy, light.")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
@limit_options
def summarize(files: tuple[str, ...], today: date | None, fmt: str, output: str | None,
              sentences: int, nlp: str | None, password: str | None, timeout: float | None,
              max_pages: int | None, max_size_mb: float | None) -> int:
    """Summarize FILES for a clerk: requests, deadline (D-day), attachments, contacts, gist.

    Each file gets its own summary; a file that fails prints its error and the others
    still print. The exit code is that of the first failure.
    """
    from ..errors import DocextractError

    several = len(files) > 1
    if fmt == "html" and several and output is None:
        raise click.UsageError("--format html with several files needs --output DIRECTORY")
    if fmt == "html" and several and output is not None:
        if Path(output).exists() and not Path(output).is_dir():
            raise click.UsageError(f"--output {output} is not a directory (several HTML pages)")
        Path(output).mkdir(parents=True, exist_ok=True)
    if output is not None and fmt != "html" and several:
        raise click.UsageError("--output with several files is only for --format html")
    limits = limits_from(timeout, max_pages, max_size_mb)
    day = today or date.today()
    from ..summaries.render_text import use_colour

    colour = fmt == "text" and output is None and use_colour(sys.stdout)
    errors: list[DocextractError] = []
    for number, path in enumerate(files):
        try:
            summary, document, record = _summarize_one(
                path, today=day, sentences=sentences, nlp=nlp, password=password, limits=limits)
        except Exception as exc:
            if debug_enabled():
                raise
            if not isinstance(exc, DocextractError):
                # one document's bug must not cost the clerk the other summaries
                exc = DocextractError(f"internal error: {type(exc).__name__}: {exc} "
                                      "(run with --debug for a traceback)")
            errors.append(exc)
            click.echo(error_line(path, exc), err=True)
            if fmt == "json" and several:
                import json

                click.echo(json.dumps({"input": path, **exc.to_dict()}, ensure_ascii=False))
            continue
        if fmt == "json" and several:
            from ..summaries.render_json import render_json

            click.echo(render_json(summary))
            continue
        rendered = _render(fmt, summary, document, record, colour)
        if output is not None:
            target = _html_target(output, path, several) if fmt == "html" else Path(output)
            target.write_text(rendered, encoding="utf-8")
            click.echo(f"{path}: summary written to {target}", err=True)
            continue
        if several and fmt in ("text", "markdown"):
            if number:
                click.echo("")
            click.echo(f"==> {path} <==")
        click.echo(rendered, nl=False)
    return exit_code_for(errors)
