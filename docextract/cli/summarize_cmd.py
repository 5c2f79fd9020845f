"""``docextract summarize``: what each document asks, by when, and whom to ask."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..batch.envelope import describe_error
from ..names import one_line
from .common import (debug_enabled, error_line, limit_options, limits_from, load_source,
                     per_input, shown_name)
from .pages import page_targets

if TYPE_CHECKING:
    from ..extractors.base import Extraction
    from ..model import Document
    from ..summaries.summary import Summary

FORMATS = ("text", "markdown", "json", "jsonl", "html")
NLP_MODES = ("auto", "kiwi", "spacy", "light")


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


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--today", type=IsoDate(), default=None,
              help="Count D-days from this date (YYYY-MM-DD) instead of the current date.")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="text",
              show_default=True, help="text (terminal), markdown, json (several inputs: an array of "
                                      "envelopes), jsonl (one envelope line per input), or "
                                      "html (one page each).")
@click.option("--output", "-o", type=click.Path(), default=None,
              help="Write here instead of standard output; a directory for several HTML pages "
                   "(never overwritten: distinct names, or an error before anything is written).")
@click.option("--sentences", "-n", type=click.IntRange(0, 50), default=None,
              help="Sentences in the extractive summary (default: the document type's own, 3 for a 공문, 2 for the others).")
@click.option("--nlp", type=click.Choice(NLP_MODES), default=None,
              help="Tokenizer for ranking: auto (Kiwi for long documents), kiwi, spacy, light.")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
@click.option("--verbose", "-v", is_flag=True,
              help="Say on standard error which tokenizer ranked each summary and why.")
@limit_options
def summarize(files: tuple[str, ...], today: date | None, fmt: str, output: str | None,
              sentences: int | None, nlp: str | None, password: str | None, verbose: bool,
              timeout: float | None, max_pages: int | None, max_size_mb: float | None) -> int:
    """Summarize FILES for a clerk: requests, deadline (D-day), attachments, contacts, gist.

    Each file gets its own summary; a file that fails prints its error and the others
    still print. The exit code is that of the first failure.
    """
    from ..batch import make_job
    from .envelopes import each_result, write_envelopes

    several = len(files) > 1
    if output is not None and fmt != "html" and several:
        raise click.UsageError("--output with several files is only for --format html")
    if output is not None and fmt == "jsonl":
        raise click.UsageError("--output is not for --format jsonl (redirect standard output)")
    if fmt == "html" and several and output is None:
        raise click.UsageError("--format html with several files needs --output DIRECTORY")
    if fmt == "html" and several and output is not None:
        if Path(output).exists() and not Path(output).is_dir():
            raise click.UsageError(f"--output {output} is not a directory (several HTML pages)")
    limits = limits_from(timeout, max_pages, max_size_mb)
    job = make_job("summarize", limits=limits, password=password, today=today or date.today(),
                   sentences=sentences, nlp=nlp)
    if fmt == "jsonl" or (fmt == "json" and several):
        return write_envelopes(each_result(job, files), fmt)
    pages = None
    if fmt == "html" and output is not None and (several or Path(output).is_dir()):
        pages = page_targets(output, list(files))  # settled before anything is written
        Path(output).mkdir(parents=True, exist_ok=True)
    from ..summaries.render_text import use_colour

    colour = fmt == "text" and output is None and use_colour(sys.stdout)
    codes: list[int] = []
    for number, path in enumerate(files):
        try:
            with per_input(limits):
                product = job.perform(load_source(path, limits), None if path == "-" else path)
                rendered = _render(fmt, product.value, product.document, product.found, colour)
        except Exception as exc:
            if debug_enabled():
                raise
            # one document's bug must not cost the clerk the other summaries
            error, code = describe_error(exc)
            codes.append(code)
            click.echo(error_line(path, error["message"]), err=True)
            continue
        if verbose:
            from ..summaries.tokenize import describe_choice

            click.echo(f"{shown_name(path)}: {describe_choice(nlp, product.value.tokenizer)}",
                       err=True)
        if output is not None:
            target = pages[number] if pages is not None else Path(output)
            target.write_text(rendered, encoding="utf-8")
            click.echo(f"{shown_name(path)}: summary written to {one_line(str(target))}", err=True)
            continue
        if several and fmt in ("text", "markdown"):
            if number:
                click.echo("")
            click.echo(f"==> {shown_name(path)} <==")
        click.echo(rendered, nl=False)
    return codes[0] if codes else 0
