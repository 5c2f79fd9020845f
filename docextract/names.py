"""File names made safe to show: in JSON, in one-line messages, on any terminal.

On POSIX a file name is bytes; Python hands a name that is not UTF-8 over with its
undecodable bytes as lone surrogates (``surrogateescape``), which no UTF-8 writer
accepts: JSON output and messages failed on such a name. And a name may hold a newline
or an escape sequence, which would split a one-line error message in two (the second
line looking like another record) or drive the terminal.
"""

from __future__ import annotations

import os
import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def display_name(name: str | os.PathLike[str]) -> str:
    """``name`` as text that every UTF-8 writer accepts: each byte that is not UTF-8 is
    written ``\\xff``. Other characters, control characters included, are kept (JSON
    escapes those itself)."""
    text = os.fspath(name)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")


def one_line(text: str) -> str:
    """``text`` on one line: control characters (newline, tab, escape, ...) written as
    ``\\n``, ``\\t``, ``\\x1b``; bytes that are not UTF-8 as ``\\xff``."""
    text = display_name(text)
    return _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text


def _escape(m: re.Match[str]) -> str:
    return m.group().encode("unicode_escape").decode("ascii")


__all__ = ["display_name", "one_line"]
