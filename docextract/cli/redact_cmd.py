"""``docextract redact``: mask personal data before a document goes to a cloud service."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from .common import limit_options, limits_from, load_source, per_input

_SUFFIX_FORMATS = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".json": "json",
                   ".docx": "same", ".hwpx": "same", ".hwp": "same", ".pdf": "same"}
_HELP_RULES = "rrn, arn, passport, driver_license, business_no, corporation_no, card, account, " \
              "phone, email, address, name, property"


def _output_format(fmt: str, output: str | None, input_format: str) -> str:
    from ..redact import IN_PLACE_FORMATS

    if fmt != "auto":
        return fmt
    if output is not None and output != "-":
        suffix = Path(output).suffix.lower()
        if suffix not in _SUFFIX_FORMATS:
            raise click.UsageError(f"cannot tell the output format from {output!r}; "
                                   "use --format same|text|markdown|json")
        if _SUFFIX_FORMATS[suffix] == "same" and suffix != "." + input_format:
            raise click.UsageError(f"-o {output}: a {input_format.upper()} input is written as "
                                   f".{input_format} (same format), .md, .txt or .json")
        return _SUFFIX_FORMATS[suffix]
    return "same" if input_format in IN_PLACE_FORMATS else "markdown"


def _summary(path: str, result: Any, target: str | None) -> str:
    counts = ", ".join(f"{rule} {n}" for rule, n in result.counts().items()) or "nothing found"
    total = sum(result.counts().values())
    where = f" -> {target}" if target else ""
    line = f"docextract: {path}: {total} masked ({counts}){where}"
    if not result.complete:
        line += f"; {len(result.unmasked)} could not be masked (see the report's 'unmasked')"
    return line


@click.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--output", "-o", type=click.Path(allow_dash=True), default=None,
              help="Where to write the masked copy (- for standard output). Its suffix picks "
                   "the format: the input's own (.docx, .hwpx), .md, .txt or .json.")
@click.option("--format", "-f", "fmt", type=click.Choice(["auto", "same", "text", "markdown", "json"]),
              default="auto", show_default=True,
              help="same: a masked DOCX/HWPX; text, markdown, json: the masked document model.")
@click.option("--rules", default="all", show_default=True,
              help=f"Comma-separated rules to apply: {_HELP_RULES}.")
@click.option("--keep-agency-contacts", is_flag=True,
              help="Keep the issuing agency's landlines and official e-mail addresses "
                   "(go.kr, korea.kr, the agency's domains); mobiles are always masked.")
@click.option("--dry-run", is_flag=True, help="Find and check everything, write no masked copy.")
@click.option("--report", "report_path", type=click.Path(allow_dash=True), default=None,
              help="Write the JSON report here (- for standard output): rule, place and masked "
                   "form of each finding, never the original value.")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
@limit_options
def redact(file: str, output: str | None, fmt: str, rules: str, keep_agency_contacts: bool,
           dry_run: bool, report_path: str | None, password: str | None, timeout: float | None,
           max_pages: int | None, max_size_mb: float | None) -> int:
    """Mask personal data in FILE: 주민등록번호, 외국인등록번호, 여권·운전면허번호,
    사업자·법인등록번호, card and account numbers, phones, e-mail addresses, and names and
    addresses where a label or table header says so. Masks keep length and separators
    (800101-1●●●●●●).

    DOCX and HWPX get a masked copy in their own format (text nodes, headers, notes,
    properties and the preview patched in place, every other member byte-identical).
    HWP and PDF are not rewritten in place: their output is masked Markdown (default),
    text or JSON.

    \b
    Exit status:
      0  everything found was masked
      10 something could not be masked (listed under "unmasked" in the report;
         the masked copy is still written)
      2  usage error, e.g. asking for a masked HWP or PDF (--format same)
      3-8  as for every docextract command (unreadable, encrypted, limits, ...)
    """
    from ..api import read_input
    from ..formats import detect_format
    from ..redact import EXIT_UNMASKED, redact as run_redaction, select_rules

    try:
        select_rules(rules)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--rules") from None
    limits = limits_from(timeout, max_pages, max_size_mb)
    with per_input(limits):
        data, name = read_input(load_source(file, limits), limits, None if file == "-" else file)
        input_format = detect_format(data)
        output_format = _output_format(fmt, output, input_format)
        if output_format == "same":
            from ..redact import IN_PLACE_FORMATS, NOT_IN_PLACE_NOTE

            if input_format not in IN_PLACE_FORMATS:
                raise click.UsageError(f"{input_format.upper()} cannot be masked in place. "
                                       f"{NOT_IN_PLACE_NOTE} (-o out.md, --format markdown).")
            if not dry_run and (output is None or output == "-") and sys.stdout.isatty():
                raise click.UsageError("a masked DOCX/HWPX needs -o OUT (it is not written to a "
                                       "terminal)")
        result = run_redaction(data, output_format=output_format, rules=rules,
                               keep_agency_contacts=keep_agency_contacts, password=password,
                               limits=limits, name=name)
    target = None
    if not dry_run:
        payload = result.output
        if output is None or output == "-":
            if isinstance(payload, bytes):
                sys.stdout.buffer.write(payload)
                sys.stdout.buffer.flush()
            else:
                click.echo(payload, nl=False)
        else:
            target = output
            if isinstance(payload, bytes):
                Path(output).write_bytes(payload)
            else:
                Path(output).write_text(payload, encoding="utf-8")
    report = json.dumps(result.report(), ensure_ascii=False, indent=2)
    if report_path == "-":
        click.echo(report)
    elif report_path is not None:
        Path(report_path).write_text(report + "\n", encoding="utf-8")
    click.echo(_summary(name or "<stdin>", result, target), err=True)
    return 0 if result.complete else EXIT_UNMASKED
