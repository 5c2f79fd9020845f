"""The ``docextract`` command line.

Exit codes: 0 success; 1 internal error; 2 usage error; 3 unsupported or unreadable
input; 4 encrypted (password or DRM); 5 a safety limit was hit; 6 a needed package is
missing; 7 extraction failed; 8 a plugin failed to load; 9 (``batch`` only) the batch ran
to its end but some inputs failed; 10 (``redact`` only) something could not be masked;
130 interrupted (Ctrl-C, SIGTERM). With several inputs, every input gets its output or its error line, and the exit code of ``text``, ``parse``,
``extract`` and ``summarize`` is that of the first failure in input order.
Tracebacks are shown only with ``--debug``.
"""

from __future__ import annotations

import gc
import importlib
import sys
from typing import Any

import click

from .._version import __version__

# Subcommands load on first use so that `docextract --help` imports nothing heavy.
COMMANDS: dict[str, str] = {
    "text": "docextract.cli.read:text",
    "parse": "docextract.cli.read:parse_cmd",
    "formats": "docextract.cli.read:formats",
    "extract": "docextract.cli.extract_cmd:extract",
    "summarize": "docextract.cli.summarize_cmd:summarize",
    "classify": "docextract.cli.classify_cmd:classify",
    "types": "docextract.cli.types_cmd:types",
    "schema": "docextract.cli.types_cmd:schema",
    "chunks": "docextract.cli.chunks_cmd:chunks",
    "redact": "docextract.cli.redact_cmd:redact",
    "batch": "docextract.cli.batch_cmd:batch",
    "mcp": "docextract.cli.mcp_cmd:mcp",
}

HELP = {
    "text": "Print a document's text (or Markdown).",
    "parse": "Print the document model as JSON.",
    "formats": "List registered parsers and whether their dependencies are installed.",
    "extract": "Extract a typed record (e.g. an official letter) as JSON, CSV or a table.",
    "summarize": "Summarize documents for a clerk: request, deadline, attachments, contact.",
    "classify": "Score documents against every document type (what --type auto chooses by).",
    "types": "List the document types (built-in, YAML, entry points) and where each comes from.",
    "schema": "Print the JSON Schema of a document type's record.",
    "chunks": "Cut documents into retrieval chunks that follow their structure (JSON lines).",
    "redact": "Mask personal data (주민등록번호, phones, names, ...) before a document leaves.",
    "batch": "Run parse/extract/summarize over folders of documents: one JSON line each, resumable.",
    "mcp": "Serve a folder's documents to AI assistants over MCP (read-only tools).",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name, target in COMMANDS.items() if _module_exists(target)]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None or not _module_exists(target):
            return None
        module, attr = target.split(":")
        cmd: click.Command = getattr(importlib.import_module(module), attr)
        return cmd

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(n, HELP.get(n, "")) for n in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _module_exists(target: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(target.split(":")[0]) is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="docextract")
@click.option("--debug", is_flag=True, help="Show tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn Korean government documents (HWP, HWPX, DOCX, PDF) into records and summaries."""
    ctx.obj = {"debug": debug}


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the CLI and map every failure to a one-line message."""
    # A CLI run is short and builds few reference cycles, while start-up creates hundreds
    # of thousands of long-lived objects (Pydantic, models, patterns) that the cyclic
    # collector would scan again and again: about a tenth of a one-file summarize.
    # Measured on the largest corpus files, peak memory is the same without it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _main(sys.argv[1:] if argv is None else argv)
    finally:
        if collecting:  # main() called in-process (tests, scripts) leaves the collector as it was
            gc.enable()


def _main(args: list[str]) -> None:
    from ..errors import DocextractError

    debug = "--debug" in args
    try:
        rv: Any = cli.main(args=args, prog_name="docextract", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("docextract: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except DocextractError as exc:
        if debug:
            raise
        from ..names import one_line

        click.echo(f"docextract: {one_line(str(exc))}", err=True)
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        if debug:
            raise
        click.echo(f"docextract: internal error: {type(exc).__name__}: {exc} "
                   "(run with --debug for a traceback)", err=True)
        sys.exit(1)
    sys.exit(rv if isinstance(rv, int) else 0)
