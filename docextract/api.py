"""The library's entry points: ``parse`` (and, beside it, ``extract`` and ``summarize``)."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import IO, Any, Callable, Union

from .errors import CorruptDocument, DocextractError, LimitExceeded, UnsupportedFormat
from .limits import Limits, hard_stop
from .model import Document, Source
from .names import display_name

Input = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, IO[bytes]]


def read_input(source: Input, limits: Limits, name: str | None = None) -> tuple[bytes, str | None]:
    """Bytes and display name of a path, a bytes object or a binary file object.

    Only regular files are read: a FIFO, device, socket or directory is refused at once
    (reading one could block for ever or never end). A file object (standard input) is
    read under the same ``max_input_bytes`` cap as a file. The display name has any byte
    that is not UTF-8 written ``\\xff`` (:func:`~docextract.names.display_name`).
    """
    cap = limits.max_input_bytes
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        shown = display_name(source)
        name = name or shown
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                raise UnsupportedFormat(f"{shown} is {_kind_of(info.st_mode)}, not a regular file")
            size = info.st_size
            if size > cap:
                raise LimitExceeded(f"{display_name(path.name)} is {size:,} bytes, past "
                                    f"max_input_bytes={cap:,}", limit="max_input_bytes")
            with path.open("rb") as fh:
                data = fh.read(size + 1) if size else read_stream(fh, cap)
        except FileNotFoundError as exc:
            raise UnsupportedFormat(f"{shown}: no such file") from exc
        except PermissionError as exc:
            raise UnsupportedFormat(f"{shown}: permission denied") from exc
        except OSError as exc:
            if isinstance(exc, DocextractError):
                raise
            raise UnsupportedFormat(f"{shown}: cannot be read ({exc.strerror or exc})") from exc
    elif hasattr(source, "read"):
        name = name or getattr(source, "name", None)
        if not isinstance(name, str):
            name = None  # a file object's name may be a descriptor number
        data = read_stream(source, cap)
    else:
        raise TypeError(f"parse() takes a path, bytes or a binary file object, not {type(source).__name__}")
    if len(data) > cap:
        raise LimitExceeded(f"input is larger than max_input_bytes={cap:,}", limit="max_input_bytes")
    return data, (display_name(str(name)) if name is not None else None)


_READ_CHUNK = 1024 * 1024


def read_stream(fh: IO[bytes], cap: int) -> bytes:
    """At most ``cap + 1`` bytes of a binary stream (standard input, a pipe), read a chunk at
    a time, so that an endless stream (``/dev/zero``) stops at the cap with a
    :class:`LimitExceeded` instead of filling memory."""
    parts: list[bytes] = []
    total = 0
    while total <= cap:
        piece = fh.read(min(_READ_CHUNK, cap + 1 - total))
        if isinstance(piece, str):
            raise TypeError("parse() needs a binary file object (open the file with 'rb')")
        if not piece:
            break
        parts.append(piece)
        total += len(piece)
    if total > cap:
        raise LimitExceeded(f"input is larger than max_input_bytes={cap:,}", limit="max_input_bytes")
    return b"".join(parts)


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def parse(
    source: Input,
    *,
    format: str | None = None,
    password: str | None = None,
    limits: Limits | dict[str, Any] | None = None,
    name: str | None = None,
) -> Document:
    """Read a document (path, bytes or binary file object) into a :class:`Document`.

    The format is detected from the content; ``format=`` forces one. Failures raise a
    subclass of :class:`docextract.errors.DocextractError`, never a third-party exception.
    ``limits.timeout_seconds`` is checked inside the parsers' loops and, in the main
    thread, also by a wall-clock alarm a grace later (:func:`~docextract.limits.hard_stop`).
    """
    lim = Limits.resolve(limits)
    with hard_stop(lim):
        return _parse(source, format, password, lim, name)


def _parse(source: Input, format: str | None, password: str | None, lim: Limits,
           name: str | None) -> Document:
    from .formats import detect_format, extension_mismatch
    from .parsers.base import ParseContext
    from .registry import parser_for_format

    data, display = read_input(source, lim, name)
    try:
        fmt = format or _detect_with_plugins(data, detect_format)
    except DocextractError:
        raise
    except Exception as exc:  # the same boundary rule as for parsers, below
        raise CorruptDocument(f"cannot identify this file: {type(exc).__name__}: {exc}",
                              unexpected=type(exc).__name__) from exc
    parser_cls = parser_for_format(fmt)
    src = Source(
        name=display,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        extension=(os.path.splitext(display)[1].lower() or None) if display else None,
    )
    ctx = ParseContext(source=src, limits=lim, password=password)
    mismatch = extension_mismatch(display, fmt)
    if mismatch:
        ctx.warn("extension-mismatch", mismatch)
    try:
        doc: Document = parser_cls().parse(data, ctx)
    except DocextractError:
        raise
    except RecursionError as exc:
        raise LimitExceeded(f"{fmt} structure nests too deeply to read", limit="max_nesting") from exc
    except MemoryError as exc:
        raise LimitExceeded(f"{fmt} document needs more memory than is available") from exc
    except Exception as exc:
        # Wrap at the boundary; `unexpected` marks failures no parser anticipated, which the
        # fuzz tests count as bugs even though users still get a typed error.
        raise CorruptDocument(f"cannot read this {fmt} file: {type(exc).__name__}: {exc}",
                              fmt=fmt, unexpected=type(exc).__name__) from exc
    doc.source = src
    known = {(w.code, w.message) for w in doc.warnings}
    doc.warnings.extend(w for w in ctx.warnings if (w.code, w.message) not in known)
    return doc


def _detect_with_plugins(data: bytes, detect: Callable[[bytes], str]) -> str:
    try:
        fmt: str = detect(data)
        return fmt
    except UnsupportedFormat:
        from .parsers import BUILTIN_PARSERS
        from .registry import parsers

        reg = parsers()
        for name in reg.names():
            if name in BUILTIN_PARSERS:
                continue
            try:
                cls = reg.get(name)
                if cls.detect(data):
                    return str(cls.formats[0])
            except DocextractError:
                continue
        raise


__all__ = ["parse", "read_input", "read_stream"]
