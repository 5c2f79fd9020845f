"""``docextract classify``: how well each document fits each type (what ``--type auto`` weighs)."""

from __future__ import annotations

import json
from typing import Any

import click

from .common import limit_options, limits_from, print_error, schema_dir_option, shown_name

FORMATS = ("text", "json", "jsonl")


def classification_table(data: dict[str, Any]) -> str:
    """One document's scores as aligned rows, best first, the chosen type marked ``*``."""
    rows = [(s["type"], f"{s['score']:.2f}", f"{s['threshold']:.2f}", "*" if s["chosen"] else "")
            for s in data["scores"]]
    width = max([len("type")] + [len(r[0]) for r in rows])
    lines = [f"{'type':<{width}}  score  threshold"]
    lines += [f"{name:<{width}}  {score:>5}  {threshold:>9}  {mark}".rstrip()
              for name, score, threshold, mark in rows]
    lines.append(f"chosen: {data['chosen']}")
    lines += [f"warning: {w}" for w in data["warnings"]]
    return "\n".join(lines)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="text",
              show_default=True, help="text: a table per file; json: the scores (several inputs: "
                                      "an array of envelopes); jsonl: one envelope line per input.")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
@schema_dir_option
@limit_options
def classify(files: tuple[str, ...], fmt: str, password: str | None, timeout: float | None,
             max_pages: int | None, max_size_mb: float | None) -> int:
    """Score each of FILES against every document type (- reads standard input).

    The chosen type is the best one that reaches its threshold, else ``generic``: the
    record ``docextract extract`` gives with ``--type auto``.
    """
    from ..batch import make_job
    from .envelopes import each_result, write_envelopes

    job = make_job("classify", limits=limits_from(timeout, max_pages, max_size_mb),
                   password=password)
    results = each_result(job, files)
    if fmt == "jsonl" or (fmt == "json" and len(files) > 1):
        return write_envelopes(results, fmt)
    codes: list[int] = []
    for number, result in enumerate(results):
        if not result.ok:
            print_error(result.path, result.message)
            codes.append(result.exit_code)
            continue
        data = result.envelope["classification"]
        if fmt == "json":
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
            continue
        if len(files) > 1:
            click.echo(("\n" if number else "") + f"==> {shown_name(result.path)} <==")
        click.echo(classification_table(data))
    return codes[0] if codes else 0
