"""An MCP server over one folder of documents: ``docextract mcp [--root DIR]``.

Read-only tools (:mod:`.tools`): ``list_documents``, ``read_document``,
``extract_record``, ``summarize``, ``get_tables``, ``get_chunks``, ``classify`` and
``redact_document``. Their inputs and outputs are typed (:mod:`.schemas`); paths are
relative to the served folder and nothing outside it is read (:mod:`.workspace`);
outputs are cut to a size limit with a note (:mod:`.bounds`); :mod:`.server` serves
them with the official ``mcp`` SDK (``pip install "docextract[mcp]"``) over stdio or
streamable HTTP.

Nothing here imports the SDK until :func:`serve` or :func:`build_server` is called.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..errors import MissingDependency
from ..limits import Limits

if TYPE_CHECKING:
    from mcp.server.lowlevel import Server

    from .server import ServerConfig

SDK_HINT = 'the MCP server needs the mcp package: pip install "docextract[mcp]"'
SDK_MODULES = ("mcp", "mcp_types", "anyio", "starlette", "uvicorn")
"""The SDK and what it brings: missing, they mean the ``mcp`` extra is not installed."""
DEFAULT_CALL_SECONDS = 120.0
"""Time allowed for one tool call unless ``--timeout`` says otherwise."""


def _server_module() -> Any:
    try:
        from . import server
    except ImportError as exc:
        if (exc.name or "").split(".")[0] in SDK_MODULES:
            raise MissingDependency(SDK_HINT) from exc
        raise
    return server


def config(root: str | os.PathLike[str] = ".", *, limits: Limits | None = None,
           max_output_chars: int | None = None, workers: int | None = None,
           max_listed: int | None = None, cached_documents: int | None = None
           ) -> "ServerConfig":
    """The server's settings: the folder served, its bounds, and how many parsed
    documents are kept between calls (``cached_documents=0`` parses on every call)."""
    from .bounds import DEFAULT_MAX_OUTPUT_CHARS
    from .cache import DEFAULT_MAX_DOCUMENTS, DocumentCache
    from .workspace import DEFAULT_MAX_LISTED, Workspace

    server = _server_module()
    lim = limits if limits is not None else Limits.from_env(timeout_seconds=DEFAULT_CALL_SECONDS)
    cache = DocumentCache(DEFAULT_MAX_DOCUMENTS if cached_documents is None else cached_documents)
    workspace = Workspace.at(root, limits=lim, max_listed=max_listed or DEFAULT_MAX_LISTED,
                             cache=cache)
    result: ServerConfig = server.ServerConfig(
        workspace, max_output_chars=max_output_chars or DEFAULT_MAX_OUTPUT_CHARS,
        workers=workers or server.DEFAULT_WORKERS)
    return result


def build_server(settings: "ServerConfig") -> "Server[Any]":
    """The SDK server for ``settings`` (for tests and embedding; :func:`serve` runs it)."""
    built: Server[Any] = _server_module().build_server(settings)
    return built


def serve(settings: "ServerConfig", http: tuple[str, int] | None = None) -> None:
    """Serve over stdio, or over streamable HTTP at ``http`` (host, port), until stopped."""
    _server_module().serve(settings, http)


__all__ = ["DEFAULT_CALL_SECONDS", "SDK_HINT", "build_server", "config", "serve"]
