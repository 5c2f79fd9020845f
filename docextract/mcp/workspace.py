"""The folder the MCP server serves: which paths a caller may name, and reading them.

A path is taken relative to the root (or absolute), then resolved with every symbolic
link followed; what resolves outside the root is refused, whatever the name says
(``../``, an absolute path, a link pointing out). Only regular files are read: the file
is opened from the root one name at a time without following any link, so a folder
swapped for a link between the check and the open cannot lead out; without blocking (a
FIFO would otherwise hang a worker); and checked again on the open descriptor before any
byte is read. Reading goes through :func:`docextract.api.read_input`, so the size limit is the
same as everywhere else.
"""

from __future__ import annotations

import fnmatch
import os
import stat
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..batch.inputs import is_document_name
from ..errors import DocextractError, UnsupportedFormat
from ..formats import EXTENSIONS
from ..limits import Limits
from .cache import DocumentCache

OUTSIDE_ROOT = "outside-root"
"""Error code of a path that resolves outside the served folder."""
INVALID_ARGUMENT = "invalid-argument"
"""Error code of an argument the tool cannot use (a malformed path, a bad pattern)."""

DEFAULT_MAX_LISTED = 1000
MAX_SCANNED = 100_000
"""Directory entries ``list_documents`` looks at before it stops (a huge tree stays cheap)."""

_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_DIR_FLAGS = (os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
              | getattr(os, "O_CLOEXEC", 0))
# Opening relative to a folder descriptor is what makes the walk from the root safe; where
# the platform lacks it (Windows), the resolved path is opened as a whole.
_WALK_FROM_ROOT = (os.open in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW")
                   and hasattr(os, "O_DIRECTORY"))
_FORMAT_OF_EXTENSION = {ext: fmt for fmt, exts in EXTENSIONS.items() for ext in exts}


def invalid_argument(message: str) -> DocextractError:
    return DocextractError(message, code=INVALID_ARGUMENT)


@dataclass(frozen=True)
class Workspace:
    """The served root (resolved), the limits every parse runs under, listing bounds and
    the parsed documents kept between calls."""

    root: Path
    limits: Limits = field(default_factory=Limits)
    max_listed: int = DEFAULT_MAX_LISTED
    cache: DocumentCache = field(default_factory=DocumentCache, compare=False)

    @classmethod
    def at(cls, root: str | os.PathLike[str], **kwargs: Any) -> "Workspace":
        real = Path(os.path.realpath(root))
        if not real.is_dir():
            raise UnsupportedFormat(f"{root} is not a folder")
        return cls(root=real, **kwargs)

    # paths -----------------------------------------------------------------------------

    def resolve(self, given: str) -> Path:
        """The real path of ``given`` (relative to the root, or absolute) inside the root."""
        if not isinstance(given, str) or not given.strip():
            raise invalid_argument("a path is needed (relative to the served folder)")
        if "\x00" in given:
            raise invalid_argument("a path cannot contain a NUL character")
        candidate = Path(given) if os.path.isabs(given) else self.root / given
        real = Path(os.path.realpath(candidate))
        if real != self.root and not real.is_relative_to(self.root):
            raise DocextractError(f"{given}: outside the served folder (only files under the "
                                  "server's --root can be read)", code=OUTSIDE_ROOT)
        return real

    def relative(self, real: Path) -> str:
        """How a path inside the root is shown to the caller: relative, with ``/``."""
        rel = real.relative_to(self.root).as_posix()
        return rel or "."

    # reading ---------------------------------------------------------------------------

    def read(self, given: str) -> tuple[bytes, str]:
        """The bytes of the regular file ``given`` names, and its name relative to the root."""
        from ..api import read_input

        real = self.resolve(given)
        shown = self.relative(real)
        try:
            fd = self._open_inside(real)
        except FileNotFoundError:
            raise UnsupportedFormat(f"{shown}: no such file") from None
        except IsADirectoryError:
            raise UnsupportedFormat(f"{shown} is a directory, not a file "
                                    "(list_documents shows the documents in it)") from None
        except PermissionError:
            raise UnsupportedFormat(f"{shown}: permission denied") from None
        except OSError as exc:  # ELOOP, ENOTDIR: a name became a link after it was resolved
            raise UnsupportedFormat(f"{shown}: cannot be opened ({exc.strerror or exc})") from None
        try:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise UnsupportedFormat(f"{shown} is a directory, not a file "
                                        "(list_documents shows the documents in it)")
            if not stat.S_ISREG(mode):
                raise UnsupportedFormat(f"{shown} is not a regular file")
        except BaseException:
            os.close(fd)
            raise
        with os.fdopen(fd, "rb") as fh:
            data, _ = read_input(fh, self.limits, shown)
        return data, shown

    def _open_inside(self, real: Path) -> int:
        """A descriptor of ``real`` (resolved, inside the root) opened from the root one
        name at a time, none of them followed if it is a link. ``realpath`` saw no link on
        this path; one that appears since (a folder renamed and replaced by a link out of
        the root) makes the open fail instead of leading outside."""
        if not _WALK_FROM_ROOT:
            return os.open(real, _OPEN_FLAGS)
        *folders, name = real.relative_to(self.root).parts or (".",)
        fd = os.open(self.root, _DIR_FLAGS)
        try:
            for folder in folders:  # as many steps as the resolved path has names
                inner = os.open(folder, _DIR_FLAGS, dir_fd=fd)
                os.close(fd)
                fd = inner
            return os.open(name, _OPEN_FLAGS, dir_fd=fd)
        finally:
            os.close(fd)

    # listing ---------------------------------------------------------------------------

    def list_documents(self, subdir: str | None = None, pattern: str | None = None
                       ) -> tuple[list[dict[str, Any]], str | None]:
        """Documents under ``subdir`` (default the root) whose path relative to the root or
        file name matches ``pattern``, folder by folder (a folder's files by name, then its
        subfolders), at most ``max_listed``; and a note when the list stops early."""
        folder = self.resolve(subdir) if subdir not in (None, "", ".") else self.root
        if not folder.is_dir():
            raise UnsupportedFormat(f"{self.relative(folder)} is not a folder")
        if pattern is not None and (len(pattern) > 500 or "\x00" in pattern):
            raise invalid_argument("pattern must be a shell wildcard of at most 500 characters")
        deadline = time.monotonic() + self.limits.timeout_seconds
        out: list[dict[str, Any]] = []
        scanned = 0

        def stopped() -> str | None:
            if scanned < MAX_SCANNED and time.monotonic() < deadline:
                return None
            return (f"the listing stopped after {scanned:,} folder entries; "
                    "narrow it with subdir or pattern")

        # os.walk does not follow links to folders, so a link cannot lead out or loop
        for here, dirs, files in os.walk(folder):
            dirs.sort()
            scanned += len(dirs)
            for name in sorted(files):
                if note := stopped():
                    return out, note
                scanned += 1
                entry = self._entry(Path(here) / name, pattern)
                if entry is None:
                    continue
                if len(out) == self.max_listed:
                    return out, (f"only the first {self.max_listed:,} documents are listed; "
                                 "narrow the list with subdir or pattern")
                out.append(entry)
            if note := stopped():
                return out, note
        return out, None

    def _entry(self, path: Path, pattern: str | None) -> dict[str, Any] | None:
        if not is_document_name(path.name):
            return None
        try:
            real = self.resolve(str(path))
            info = os.stat(real)
        except (DocextractError, OSError):
            return None  # a link out of the root, or a name that vanished
        if not stat.S_ISREG(info.st_mode):
            return None
        shown = path.relative_to(self.root).as_posix()
        if pattern and not (fnmatch.fnmatchcase(shown, pattern)
                            or fnmatch.fnmatchcase(path.name, pattern)):
            return None
        modified = datetime.fromtimestamp(info.st_mtime, tz=timezone.utc)
        return {"path": shown, "size": info.st_size,
                "format": _FORMAT_OF_EXTENSION.get(path.suffix.lower()),
                "modified": modified.isoformat(timespec="seconds")}


__all__ = ["DEFAULT_MAX_LISTED", "INVALID_ARGUMENT", "OUTSIDE_ROOT", "Workspace", "invalid_argument"]
