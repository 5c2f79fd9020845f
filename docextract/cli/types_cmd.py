"""``docextract types`` (the document types and where each comes from) and
``docextract schema TYPE`` (the JSON Schema of a type's record)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from ..errors import DocextractError
from .common import schema_dir_option

# registry origins other than these are the distribution of an entry point
_SOURCES = {"builtin": "built-in", "schema-path": "yaml (DOCEXTRACT_SCHEMA_PATH)"}


def type_rows() -> list[dict[str, Any]]:
    """Every registered type: name, title, source (built-in, yaml, entry-point, runtime),
    where it is defined (a spec file, ``module:attr``), and whether it loads."""
    from ..registry import extractors

    reg = extractors()
    rows = []
    for entry in sorted(reg.entries(), key=lambda e: (e.origin != "builtin", e.name)):
        where = entry.target[5:] if entry.target.startswith("spec:") else entry.target
        source = _SOURCES.get(entry.origin, "entry-point")
        detail = ""
        try:
            cls = reg.get(entry.name)
            spec = getattr(cls, "spec", None)
            title = getattr(spec, "title", "") or getattr(cls, "description", "")
            status = "ok"
            if entry.origin == "runtime":  # --schema-dir / add_schema_dir, or register()
                source = "yaml (--schema-dir)" if spec is not None else "runtime"
                where = spec.origin if spec is not None else where
        except DocextractError as exc:
            title, status, detail = "", "unavailable", str(exc)
        if source == "entry-point":
            source = f"entry-point ({entry.origin})"
        rows.append({"type": entry.name, "title": title, "source": source, "where": where,
                     "status": status, "detail": detail})
    return rows


@click.command()
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@schema_dir_option
def types(fmt: str) -> None:
    """List the document types: built-in, YAML (DOCEXTRACT_SCHEMA_PATH, --schema-dir) and
    entry points, with where each is defined."""
    rows = type_rows()
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max(len(r["type"]) for r in rows)
    source_width = max(len(r["source"]) for r in rows)
    for r in rows:
        note = r["title"] if r["status"] == "ok" else f"unavailable: {r['detail']}"
        click.echo(f"{r['type']:<{width}}  {r['source']:<{source_width}}  {note}  [{r['where']}]")


@click.command()
@click.argument("type_name", metavar="TYPE", required=False)
@click.option("--builtin", "write_builtin", is_flag=True,
              help="Every built-in type (with --write): how schemas/*.schema.json are made.")
@click.option("--write", "folder", type=click.Path(file_okay=False), default=None,
              help="Write <type>.schema.json files into this folder instead of printing.")
@schema_dir_option
def schema(type_name: str | None, write_builtin: bool, folder: str | None) -> None:
    """Print the JSON Schema of TYPE's record (generated from its Pydantic class)."""
    from ..extraction import SCHEMA_SUFFIX, record_schema_text

    if write_builtin == (type_name is not None):
        raise click.UsageError("give one TYPE, or --builtin (with --write)")
    if write_builtin and folder is None:
        raise click.UsageError("--builtin needs --write FOLDER")
    if type_name is not None:
        from ..registry import extractors

        known = extractors().names()
        if type_name not in known:
            raise click.BadParameter(f"unknown type {type_name!r} (known: {', '.join(sorted(known))})",
                                     param_hint="TYPE")
        names = [type_name]
    else:
        from ..engine.catalog import builtin_targets

        names = sorted(builtin_targets())
    if folder is None:
        click.echo(record_schema_text(names[0]), nl=False)
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    for name in names:
        target = Path(folder) / f"{name}{SCHEMA_SUFFIX}"
        text = record_schema_text(name)
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            click.echo(f"wrote {target}", err=True)
