"""The library's entry points: ``parse`` (and, beside it, ``extract`` and ``summarize``)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import IO, Any, Callable, Union

from .errors import CorruptDocument, DocextractError, LimitExceeded, UnsupportedFormat
from .limits import Limits
from .model import Document, Source

Input = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, IO[bytes]]


def read_input(source: Input, limits: Limits, name: str | None = None) -> tuple[bytes, str | None]:
    """Bytes and display name of a path, a bytes object or a binary file object."""
    cap = limits.max_input_bytes
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        path = Path(source)
        name = name or str(source)
        try:
            size = path.stat().st_size
            if size > cap:
                raise LimitExceeded(f"{path.name} is {size:,} bytes, past max_input_bytes={cap:,}",
                                    limit="max_input_bytes")
            with path.open("rb") as fh:
                data = fh.read(size + 1) if size else fh.read(cap + 1)
        except IsADirectoryError as exc:
            raise UnsupportedFormat(f"{source} is a directory, not a file") from exc
        except FileNotFoundError as exc:
            raise UnsupportedFormat(f"{source}: no such file") from exc
        except PermissionError as exc:
            raise UnsupportedFormat(f"{source}: permission denied") from exc
        except OSError as exc:
            if isinstance(exc, DocextractError):
                raise
            raise UnsupportedFormat(f"{source}: cannot be read ({exc.strerror or exc})") from exc
    elif hasattr(source, "read"):
        name = name or getattr(source, "name", None)
        data = source.read(cap + 1)
        if isinstance(data, str):
            raise TypeError("parse() needs a binary file object (open the file with 'rb')")
    else:
        raise TypeError(f"parse() takes a path, bytes or a binary file object, not {type(source).__name__}")
    if len(data) > cap:
        raise LimitExceeded(f"input is larger than max_input_bytes={cap:,}", limit="max_input_bytes")
    return data, (str(name) if name is not None else None)


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
    """
    from .formats import detect_format, extension_mismatch
    from .parsers.base import ParseContext
    from .registry import parser_for_format

    lim = Limits.resolve(limits)
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


__all__ = ["parse", "read_input"]
