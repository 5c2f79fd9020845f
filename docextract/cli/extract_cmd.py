"""``docextract extract``: typed records (official letters, …) as JSON, JSONL, CSV or a table."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any, Iterator

import click

from ..errors import DocextractError
from .common import (debug_enabled, exit_code_for, limit_options, limits_from, load_source,
                     print_error)

if TYPE_CHECKING:
    from ..limits import Limits
    from ..records.base import Record

FORMATS = ["json", "jsonl", "csv", "table"]


def _records(files: tuple[str, ...], rtype: str, spec: str | None, password: str | None,
             limits: Limits) -> Iterator[tuple[str, Record | DocextractError]]:
    """Each input and its record, or the error that stopped it."""
    from ..api import parse
    from ..extraction import extract

    for path in files:
        try:
            doc = parse(load_source(path), password=password, limits=limits,
                        name=None if path == "-" else path)
            yield path, extract(doc, rtype, spec=spec)
        except DocextractError as exc:
            if debug_enabled():
                raise
            yield path, exc


def flatten(data: Any, prefix: str = "") -> dict[str, str]:
    """Nested record data as ``dotted.key → text``; lists of scalars joined with ``; ``,
    lists of objects as JSON."""
    out: dict[str, str] = {}
    if isinstance(data, dict):
        for k, v in data.items():
            out.update(flatten(v, f"{prefix}.{k}" if prefix else str(k)))
    elif isinstance(data, list):
        if all(not isinstance(x, (dict, list)) for x in data):
            out[prefix] = "; ".join("" if x is None else str(x) for x in data)
        else:
            out[prefix] = json.dumps(data, ensure_ascii=False)
    else:
        out[prefix] = "" if data is None else str(data)
    return out


def _table(path: str, record: Record, evidence: bool) -> str:
    rows: list[tuple[str, str]] = [("input", path), ("record_type", record.record_type)]
    for key, value in record.to_dict().items():
        if isinstance(value, list) and value and all(isinstance(x, dict) for x in value):
            for i, item in enumerate(value):
                text = ", ".join(f"{k}={v}" for k, v in item.items() if v not in (None, [], ""))
                rows.append((f"{key}[{i}]", text))
        elif isinstance(value, dict):
            rows.append((key, ", ".join(f"{k}={v}" for k, v in value.items() if v not in (None, [], ""))))
        elif isinstance(value, list):
            rows.append((key, "; ".join(str(x) for x in value)))
        else:
            rows.append((key, "" if value is None else str(value)))
        if evidence:
            for ev in record.evidence.get(key, [])[:3]:
                rows.append(("", f"  ↳ {ev.path} [{ev.span[0]}:{ev.span[1]}] {ev.rule}"))
    width = max(len(k) for k, _ in rows)
    lines = []
    for k, v in rows:
        parts = v.split("\n") or [""]
        lines.append(f"{k:<{width}}  {parts[0]}")
        lines.extend(f"{'':<{width}}  {p}" for p in parts[1:])
    return "\n".join(lines)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--type", "-t", "rtype", default="auto", show_default=True,
              help="Record type: official_letter, generic, any registered type, or auto.")
@click.option("--spec", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A YAML field spec defining a custom record (overrides --type).")
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="json",
              show_default=True, help="json: the record; jsonl: one line per input; "
                                      "csv: one row per input; table: readable view.")
@click.option("--evidence", is_flag=True, help="Add where each value was found (\"_evidence\").")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
@limit_options
def extract(files: tuple[str, ...], rtype: str, spec: str | None, fmt: str, evidence: bool,
            password: str | None, timeout: float | None, max_pages: int | None,
            max_size_mb: float | None) -> int:
    """Extract a typed record from each of FILES (- reads standard input)."""
    if rtype != "auto" and spec is None:
        from ..registry import extractors

        if rtype not in extractors().names():
            raise click.BadParameter(f"unknown record type {rtype!r} (known: auto, "
                                     f"{', '.join(sorted(extractors().names()))})",
                                     param_hint="--type")
    errors: list[DocextractError] = []
    limits = limits_from(timeout, max_pages, max_size_mb)
    as_lines = fmt == "jsonl" or (fmt == "json" and len(files) > 1)
    csv_rows: list[dict[str, str]] = []
    for path, record in _records(files, rtype, spec, password, limits):
        if isinstance(record, DocextractError):
            exc = record
            print_error(path, exc)
            errors.append(exc)
            error = {"input": path, **exc.to_dict()}
            if as_lines:
                click.echo(json.dumps(error, ensure_ascii=False))
            elif fmt == "csv":
                csv_rows.append({k: str(v) for k, v in error.items()})
            continue
        for w in record.warnings:
            click.echo(f"docextract: {path}: warning: {w}", err=True)
        if as_lines:
            click.echo(record.to_json(evidence=evidence, indent=None))
        elif fmt == "json":
            click.echo(record.to_json(evidence=evidence, indent=2))
        elif fmt == "csv":
            csv_rows.append({"input": path, "record_type": record.record_type,
                             **flatten(record.to_dict())})
        else:
            if len(files) > 1:
                click.echo(f"==> {path} <==")
            click.echo(_table(path, record, evidence))
    if fmt == "csv":
        columns: list[str] = []
        for row in csv_rows:
            columns.extend(k for k in row if k not in columns)
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(csv_rows)
        click.echo(buf.getvalue(), nl=False)
    return exit_code_for(errors)
