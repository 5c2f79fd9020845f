"""The sandbox's worker process: ``python -m docextract.parsers.pdf.worker``.

It reads one request from standard input (the PDF and how to read it), caps its own
address space and CPU time, then walks the document with :func:`.engine.read_events`
and writes every event to standard output as it comes: a page's content as soon as that
page is read, and before each page the index of the page PDFium is about to load, so
that when PDFium aborts or the kernel kills the process, the parent knows which page did
it. Frames are an 8-byte big-endian length, then a pickle (see :mod:`.sandbox`).
"""

from __future__ import annotations

import os
import pickle
import struct
import sys
from typing import Any, BinaryIO

_LENGTH = struct.Struct(">Q")


def write_frame(out: BinaryIO, message: Any) -> None:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_LENGTH.pack(len(body)))
    out.write(body)
    out.flush()


def _read_exact(src: BinaryIO, n: int) -> bytes:
    chunks = []
    while n:
        chunk = src.read(n)
        if not chunk:
            raise EOFError("request cut short")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _cap_resources(memory: int, cpu_seconds: int) -> None:
    """Address space: what the process already maps plus ``memory``; CPU: ``cpu_seconds``.
    No core files: an abort here is expected and reported, not debugged."""
    try:
        import resource
    except ImportError:  # not a POSIX system: the parent's deadline still holds
        return
    mapped = _mapped_bytes()
    limits = [(resource.RLIMIT_CORE, 0), (resource.RLIMIT_CPU, max(1, cpu_seconds))]
    if mapped:
        limits.append((resource.RLIMIT_AS, mapped + memory))
    for which, value in limits:
        try:
            soft, hard = resource.getrlimit(which)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(which, (value, hard))
        except (ValueError, OSError):
            continue


def _mapped_bytes() -> int:
    """This process's virtual size (Linux /proc), 0 where it cannot be read."""
    try:
        with open("/proc/self/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def main() -> int:
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # whatever a library prints must not land among the frames
    src = sys.stdin.buffer
    (length,) = _LENGTH.unpack(_read_exact(src, _LENGTH.size))
    request = pickle.loads(_read_exact(src, length))  # from our own parent

    from ...errors import DocextractError
    from .engine import read_events

    _cap_resources(request["memory"], request["cpu_seconds"])
    try:
        events = read_events(request["data"], request["password"], max_pages=request["max_pages"],
                             refused=request["refused"], first_page=request["first_page"],
                             before_page=lambda index: write_frame(out, ("start", index)))
        for event in events:
            write_frame(out, ("event", event))
    except DocextractError as exc:
        write_frame(out, ("error", type(exc).__name__, exc.message, exc.context.get("limit")))
        return 0
    except MemoryError:
        write_frame(out, ("memory",))
        return 0
    except Exception as exc:  # a bug, reported to the parent like one found in-process
        write_frame(out, ("bug", type(exc).__name__, str(exc)))
        return 0
    write_frame(out, ("done",))
    return 0


if __name__ == "__main__":
    sys.exit(main())
