"""Pieces shared by CLI commands: input handling, limit options, error output."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, Callable, ContextManager, TypeVar

import click

from ..errors import DocextractError
from ..names import one_line

if TYPE_CHECKING:
    from ..limits import Limits

F = TypeVar("F", bound=Callable[..., Any])

EXIT_USAGE = 2
EXIT_SOME_FAILED = 9
"""``docextract batch``: the batch ran to its end but some inputs failed (their error lines
are in the output)."""


def limit_options(func: F) -> F:
    """Options that override safety limits for this run."""
    func = click.option("--timeout", type=float, default=None,
                        help="Seconds allowed per document (default 300).")(func)
    func = click.option("--max-pages", type=int, default=None,
                        help="Refuse documents with more pages (default 5000).")(func)
    func = click.option("--max-size-mb", type=float, default=None,
                        help="Refuse inputs larger than this many MiB (default 512).")(func)
    return func


def limits_from(timeout: float | None, max_pages: int | None,
                max_size_mb: float | None) -> Limits:
    from ..limits import Limits

    return Limits.from_env(
        timeout_seconds=timeout,
        max_pages=max_pages,
        max_input_bytes=int(max_size_mb * 1024 * 1024) if max_size_mb else None,
    )


_SCHEMA_DIRS = "docextract.schema_dirs"


def schema_dir_option(func: F) -> F:
    """``--schema-dir DIR`` (repeatable): add the YAML types of a folder for this run, as
    :func:`docextract.registry.add_schema_dir` does (``DOCEXTRACT_SCHEMA_PATH`` lasts longer)."""

    def add(ctx: click.Context, param: click.Parameter, folders: tuple[str, ...]) -> tuple[str, ...]:
        from ..registry import add_schema_dir

        for folder in folders:
            add_schema_dir(folder)
        # for commands whose workers must add them too (:func:`schema_dirs`)
        ctx.meta[_SCHEMA_DIRS] = tuple(os.path.abspath(f) for f in folders)
        return folders

    return click.option("--schema-dir", "schema_dirs", multiple=True, expose_value=False,
                        is_eager=True, callback=add, type=click.Path(file_okay=False),
                        help="A folder of YAML type specs to add for this run (repeatable).")(func)


def schema_dirs() -> tuple[str, ...]:
    """The ``--schema-dir`` folders of the running command, absolute."""
    return tuple(click.get_current_context().meta.get(_SCHEMA_DIRS, ()))


def check_record_type(rtype: str, spec: str | None) -> None:
    """Refuse an unknown ``--type`` before any input is read."""
    if rtype == "auto" or spec is not None:
        return
    from ..registry import extractors

    if rtype not in extractors().names():
        raise click.BadParameter(f"unknown record type {rtype!r} (known: auto, "
                                 f"{', '.join(sorted(extractors().names()))})",
                                 param_hint="--type")


def load_source(path: str, limits: Limits) -> str | bytes:
    """``-`` means standard input, read under the same ``max_input_bytes`` cap as a file;
    anything else is a path (names may start with a dash)."""
    if path == "-":
        from ..api import read_stream

        return read_stream(sys.stdin.buffer, limits.max_input_bytes)
    return path


def per_input(limits: Limits) -> ContextManager[None]:
    """The hard stop around one input's whole work (reading, parsing, extracting,
    rendering): every command has it, as ``batch`` workers do; it goes off a grace after
    ``timeout_seconds`` so that the parsers' own, more precise errors win when they can."""
    from ..limits import hard_stop

    return hard_stop(limits)


def shown_name(path: str) -> str:
    """An input's name for headers and messages: one line, any bytes that are not UTF-8
    written ``\\xff``."""
    return "<stdin>" if path == "-" else one_line(path)


def error_line(path: str, exc: BaseException | str | None) -> str:
    """The one-line error message of an input (a newline in a file name or a message is
    written ``\\n``, so that one error is always one line)."""
    msg = one_line(str(exc))
    if path != "-" and os.path.isdir(path):
        msg += " (to read every document in a folder: docextract batch FOLDER -o out.jsonl)"
    return f"docextract: {shown_name(path)}: {msg}"


def print_error(path: str, exc: BaseException | str | None) -> None:
    click.echo(error_line(path, exc), err=True)


def exit_code_for(errors: list[DocextractError]) -> int:
    """The exit code of the first failure (0 when none)."""
    return errors[0].exit_code if errors else 0


def debug_enabled() -> bool:
    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        if isinstance(ctx.obj, dict) and ctx.obj.get("debug"):
            return True
        ctx = ctx.parent
    return False
