"""The envelope: the one JSON object every input gets, whatever the command or engine.

Every line ``docextract batch`` writes, and every item of ``parse``/``extract``/
``summarize`` with ``--format jsonl`` (or ``json`` over several inputs), has the same keys
in the same order, whether the input succeeded or failed::

    path, sha256, size, format, type, status, error, <payload>, warnings,
    docextract_version, elapsed_ms

``status`` is ``"ok"`` or ``"error"``; ``error`` is ``{"code", "message"}`` or null; the
payload key names what the action produced (``document``, ``record``, ``summary``,
``classification``, ``text``, or ``result`` for a custom callable) and is null on error;
``warnings`` is a list of ``{"code", "message"}``. ``sha256``, ``size`` and ``format`` are
null where they are not known (a missing file; ``format`` also for a worker stopped before
it had identified the file).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .._version import __version__
from ..errors import DocextractError
from ..names import display_name

OK = "ok"
ERROR = "error"


def envelope(path: str, payload_key: str, *, status: str, sha256: str | None = None,
             size: int | None = None, format: str | None = None,  # noqa: A002 - the key's name
             type: str | None = None, error: dict[str, str] | None = None,  # noqa: A002
             payload: Any = None, warnings: list[dict[str, str]] | None = None,
             elapsed_ms: float = 0.0) -> dict[str, Any]:
    """The envelope of one input, its keys in the documented order."""
    return {
        "path": display_name(path),  # a name that is not UTF-8 would make the line unwritable
        "sha256": sha256,
        "size": size,
        "format": format,
        "type": type,
        "status": status,
        "error": error,
        payload_key: payload,
        "warnings": list(warnings or []),
        "docextract_version": __version__,
        "elapsed_ms": round(elapsed_ms, 1),
    }


def describe_error(exc: BaseException) -> tuple[dict[str, str], int]:
    """The envelope's ``error`` object for ``exc`` and the exit code it stands for.

    Anything that is not a :class:`DocextractError` is a bug somewhere below; it still
    becomes one error line (code ``internal``, exit code 1) so a batch never stops on it.
    """
    if isinstance(exc, DocextractError):
        return {"code": exc.code, "message": exc.message.replace("\n", " ")}, exc.exit_code
    if isinstance(exc, MemoryError):
        return {"code": "limit-exceeded",
                "message": "the document needs more memory than the worker may use"}, 5
    return {"code": "internal", "message": f"internal error: {type(exc).__name__}: {exc}"}, 1


def dumps(data: dict[str, Any]) -> str:
    """One envelope as one line of JSON (UTF-8 text kept as is, no spaces)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@dataclass
class Result:
    """What a batch yields per input: the envelope as a JSON line plus what the caller
    needs without parsing it (``index`` is the input's position in the list given)."""

    index: int
    path: str
    status: str
    line: str
    exit_code: int = 0
    message: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == OK

    @property
    def envelope(self) -> dict[str, Any]:
        """The envelope as a dict (parsed from :attr:`line` on each access)."""
        data: dict[str, Any] = json.loads(self.line)
        return data


def failed(index: int, path: str, payload_key: str, exc: BaseException, *,
           sha256: str | None = None, size: int | None = None, format: str | None = None,  # noqa: A002
           elapsed_ms: float = 0.0) -> Result:
    """The Result of an input that failed, wherever the failure was noticed."""
    error, exit_code = describe_error(exc)
    data = envelope(path, payload_key, status=ERROR, sha256=sha256, size=size, format=format,
                    error=error, elapsed_ms=elapsed_ms)
    return Result(index, path, ERROR, dumps(data), exit_code, error["message"])


__all__ = ["ERROR", "OK", "Result", "describe_error", "dumps", "envelope", "failed"]
