"""Pieces shared by CLI commands: input handling, limit options, error output."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Callable, TypeVar

import click

from ..errors import DocextractError

if TYPE_CHECKING:
    from ..limits import Limits

F = TypeVar("F", bound=Callable[..., Any])

EXIT_USAGE = 2


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


def load_source(path: str) -> str | bytes:
    """``-`` means standard input; anything else is a path (names may start with a dash)."""
    if path == "-":
        return sys.stdin.buffer.read()
    return path


def error_line(path: str, exc: BaseException) -> str:
    msg = str(exc).replace("\n", " ")
    shown = "<stdin>" if path == "-" else path
    return f"docextract: {shown}: {msg}"


def print_error(path: str, exc: BaseException) -> None:
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
