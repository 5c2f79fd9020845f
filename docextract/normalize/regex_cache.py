"""Compiled regular expressions kept across runs, like ``.pyc`` files are.

The extractors and normalizers compile a few hundred patterns full of Hangul classes
(``[가-힣]``); CPython's ``re`` builds each class code point by code point, which costs a
one-file CLI run tens of milliseconds, every run. :func:`compile_pattern` instead loads
the byte code ``re`` produced last time from ``__pycache__/regex.<cache tag>.marshal``
and hands it to ``_sre.compile``, the last step of ``re.compile``.

Guards: the file is used only by the exact interpreter build that wrote it (version
string, ``_sre.MAGIC``, ``re`` compiler file) and only if its checksum holds; ``_sre``
validates the byte code it is given; any surprise falls back to ``re.compile``. Like
``.pyc`` files, the cache is written only when bytecode writing is allowed
(``PYTHONDONTWRITEBYTECODE`` turns it off) and silently not at all on a read-only install.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import zlib
from typing import Any

try:
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # another Python implementation: plain re.compile
    _sre = None  # type: ignore[assignment]

MAX_ENTRIES = 4096
"""Patterns kept; user specs can add patterns, and the file must not grow without bound."""

_Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]

_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__")
_loaded: dict[tuple[str, int], _Entry] | None = None
_added: dict[tuple[str, int], _Entry] = {}


def _stamp() -> tuple[Any, ...]:
    """What the byte code depends on: the interpreter build and its ``re`` compiler."""
    try:
        st = os.stat(_compiler.__file__)
        compiler: tuple[Any, ...] = (_compiler.__file__, st.st_size, st.st_mtime_ns)
    except (OSError, AttributeError, TypeError):
        compiler = ("?",)
    return (sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, compiler)


def _path() -> str:
    return os.path.join(_FOLDER, f"regex.{sys.implementation.cache_tag}.marshal")


def _load() -> dict[tuple[str, int], _Entry]:
    try:
        with open(_path(), "rb") as fh:
            blob = fh.read()
        crc, payload = int.from_bytes(blob[:4], "little"), blob[4:]
        if zlib.crc32(payload) != crc:
            return {}
        stamp, entries = marshal.loads(payload)
        if stamp != _stamp() or not isinstance(entries, dict):
            return {}
        return entries
    except Exception:  # missing, unreadable or foreign: compile as usual
        return {}


def _entry(pattern: str, flags: int) -> _Entry:
    """The arguments ``re._compiler.compile`` passes to ``_sre.compile`` for this pattern."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # opcodes are int subclasses, which marshal refuses; _sre reads them as plain ints anyway
    return (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1,
            {str(k): int(v) for k, v in groupindex.items()},
            tuple(indexgroup))


def _save() -> None:
    if not _added or _loaded is None:
        return
    entries = {**_loaded, **_added}
    if len(entries) > MAX_ENTRIES:
        return
    try:
        payload = marshal.dumps((_stamp(), entries))
        os.makedirs(_FOLDER, exist_ok=True)
        tmp = f"{_path()}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(zlib.crc32(payload).to_bytes(4, "little") + payload)
        os.replace(tmp, _path())  # atomic: concurrent runs never see half a file
    except Exception:
        try:
            os.unlink(tmp)
        except Exception:
            pass


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` for a ``str`` pattern, from the cache when possible."""
    global _loaded
    if _sre is None or type(pattern) is not str or not isinstance(flags, int) \
            or flags & re.DEBUG:
        return re.compile(pattern, flags)
    flags = int(flags)  # re.IGNORECASE and friends are int subclasses
    if _loaded is None:
        _loaded = _load()
        atexit.register(_save)
    key = (pattern, flags)
    entry = _loaded.get(key)
    if entry is not None:
        try:
            flags_out, code, groups, groupindex, indexgroup = entry
            compiled: re.Pattern[str] = _sre.compile(pattern, flags_out, code, groups,
                                                     groupindex, indexgroup)
            return compiled
        except Exception:
            _loaded.pop(key, None)  # a bad entry: rebuilt below and rewritten at exit
    compiled = re.compile(pattern, flags)
    if not sys.dont_write_bytecode and len(_loaded) + len(_added) < MAX_ENTRIES:
        try:
            entry = _entry(pattern, flags)
            marshal.dumps(entry)  # fails now rather than losing the whole file at exit
            _added[key] = entry
        except Exception:
            pass
    return compiled


__all__ = ["MAX_ENTRIES", "compile_pattern"]
