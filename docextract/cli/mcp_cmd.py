"""``docextract mcp``: serve the documents of one folder to AI assistants over MCP."""

from __future__ import annotations

import click

from ..mcp import DEFAULT_CALL_SECONDS
from ..mcp.bounds import DEFAULT_MAX_OUTPUT_CHARS, MIN_MAX_OUTPUT_CHARS
from ..mcp.cache import DEFAULT_MAX_DOCUMENTS
from ..mcp.workspace import DEFAULT_MAX_LISTED
from .common import limits_from


def _address(value: str | None) -> tuple[str, int] | None:
    """``HOST:PORT`` (``[::1]:8000`` for IPv6) as a (host, port) pair."""
    if value is None:
        return None
    host, sep, port = value.rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise click.BadParameter(f"{value!r} is not HOST:PORT (e.g. 127.0.0.1:8000)",
                                 param_hint="--http")
    return host, int(port)


@click.command("mcp")
@click.option("--root", default=".", show_default=True,
              type=click.Path(exists=True, file_okay=False),
              help="The folder served: tools read documents under it and nothing else "
                   "(paths are resolved, symbolic links included, before the check).")
@click.option("--http", "http", metavar="HOST:PORT", default=None,
              help="Serve streamable HTTP at http://HOST:PORT/mcp instead of stdio. There is "
                   "no authentication: keep it on 127.0.0.1.")
@click.option("--max-output-chars", type=click.IntRange(MIN_MAX_OUTPUT_CHARS),
              default=DEFAULT_MAX_OUTPUT_CHARS, show_default=True,
              help="Longest tool output (characters of JSON); longer ones are cut, with a note.")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Tool calls run at once; further calls wait.")
@click.option("--max-listed", type=click.IntRange(1, 100_000), default=DEFAULT_MAX_LISTED,
              show_default=True, help="Most documents one list_documents call returns.")
@click.option("--cache", "cached_documents", type=click.IntRange(0, 10_000),
              default=DEFAULT_MAX_DOCUMENTS, show_default=True,
              help="Parsed documents kept between tool calls (keyed by content, so a changed "
                   "file is parsed again); 0 parses on every call.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True),
              default=DEFAULT_CALL_SECONDS, show_default=True,
              help="Seconds allowed for one tool call.")
@click.option("--max-pages", type=int, default=None,
              help="Refuse documents with more pages (default 5000).")
@click.option("--max-size-mb", type=float, default=None,
              help="Refuse documents larger than this many MiB (default 512).")
def mcp(root: str, http: str | None, max_output_chars: int, workers: int, max_listed: int,
        cached_documents: int, timeout: float, max_pages: int | None, max_size_mb: float | None) -> None:
    """Serve the documents under --root to an AI assistant over MCP (stdio by default).

    Read-only tools: list_documents, read_document, extract_record, summarize,
    get_tables, get_chunks, classify, redact_document. A path outside --root is refused;
    every failure is a tool error carrying docextract's error code. Needs the mcp
    extra: pip install "docextract[mcp]".
    """
    from ..mcp import config, serve

    address = _address(http)
    settings = config(root, limits=limits_from(timeout, max_pages, max_size_mb),
                      max_output_chars=max_output_chars, workers=workers, max_listed=max_listed,
                      cached_documents=cached_documents)
    where = f"http://{http}/mcp" if address else "stdio"
    click.echo(f"docextract mcp: serving {settings.workspace.root} over {where}", err=True)
    serve(settings, address)
