"""``docextract extract``: typed records (official letters, …) as JSON, JSONL, CSV or a table."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import click

from .common import check_record_type, limit_options, limits_from, print_error, shown_name

FORMATS = ["json", "jsonl", "csv", "table"]


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


def _warning_texts(envelope: dict[str, Any]) -> list[str]:
    return [w["message"] for w in envelope["warnings"]]


def _csv_row(envelope: dict[str, Any]) -> dict[str, str]:
    """One input as a CSV row: the envelope's facts, then the record's fields flattened."""
    error = envelope["error"] or {}
    row = {"path": envelope["path"], "status": envelope["status"],
           "record_type": envelope["type"] or "", "error.code": error.get("code", ""),
           "error.message": error.get("message", ""),
           "warnings": "; ".join(_warning_texts(envelope))}
    row.update(flatten({k: v for k, v in (envelope["record"] or {}).items() if k != "_evidence"}))
    return row


def _write_csv(rows: list[dict[str, str]], excel: bool) -> None:
    columns: list[str] = []
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    buf = io.StringIO()
    # Excel reads a CSV as UTF-8 only after a byte-order mark (else as the ANSI code page:
    # CP949 on Korean Windows, which garbles the text) and expects CRLF line ends.
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n" if excel else "\n")
    writer.writeheader()
    writer.writerows(rows)
    click.echo(("\ufeff" if excel else "") + buf.getvalue(), nl=False)


def _table(envelope: dict[str, Any], evidence: bool) -> str:
    record = dict(envelope["record"])
    found = record.pop("_evidence", {})
    rows: list[tuple[str, str]] = [("path", envelope["path"]),
                                   ("record_type", envelope["type"] or "")]
    for key, value in record.items():
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
            for ev in found.get(key, [])[:3]:
                rows.append(("", f"  ↳ {ev['path']} [{ev['span'][0]}:{ev['span'][1]}] {ev['rule']}"))
    rows.extend(("warning", text) for text in _warning_texts(envelope))
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
              show_default=True, help="json: the record (several inputs: an array of envelopes); "
                                      "jsonl: one envelope line per input; csv: one row per "
                                      "input; table: readable view.")
@click.option("--excel", is_flag=True,
              help="--format csv for Excel: UTF-8 with a byte-order mark, CRLF line ends.")
@click.option("--evidence", is_flag=True, help="Add where each value was found (\"_evidence\").")
@click.option("--password", default=None, help="Password for an encrypted PDF.")
@limit_options
def extract(files: tuple[str, ...], rtype: str, spec: str | None, fmt: str, excel: bool,
            evidence: bool, password: str | None, timeout: float | None, max_pages: int | None,
            max_size_mb: float | None) -> int:
    """Extract a typed record from each of FILES (- reads standard input).

    Warnings (such as "no specific record type matched") travel with the record: in the
    envelope's "warnings", a "_warnings" key of --format json, a CSV column, table rows.
    """
    from ..batch import make_job
    from .envelopes import each_result, write_envelopes

    if excel and fmt != "csv":
        raise click.UsageError("--excel is for --format csv")
    check_record_type(rtype, spec)
    job = make_job("extract", limits=limits_from(timeout, max_pages, max_size_mb),
                   password=password, record_type=rtype, spec=spec, evidence=evidence)
    results = each_result(job, files)
    if fmt == "jsonl" or (fmt == "json" and len(files) > 1):
        return write_envelopes(results, fmt)
    codes: list[int] = []
    rows: list[dict[str, str]] = []
    for result in results:
        if not result.ok:
            print_error(result.path, result.message)
            codes.append(result.exit_code)
        envelope = result.envelope
        if fmt == "csv":
            rows.append(_csv_row(envelope))
        elif result.ok and fmt == "json":
            record = envelope["record"]
            if envelope["warnings"]:
                record["_warnings"] = _warning_texts(envelope)
            click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        elif result.ok:
            if len(files) > 1:
                click.echo(f"==> {shown_name(result.path)} <==")
            click.echo(_table(envelope, evidence))
    if fmt == "csv":
        _write_csv(rows, excel)
    return codes[0] if codes else 0
