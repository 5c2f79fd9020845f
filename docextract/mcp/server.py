"""The MCP server: the tools of :mod:`.tools` served with the official ``mcp`` SDK.

The SDK's low-level :class:`mcp.server.lowlevel.Server` is used rather than its
decorator front-end so that every failure, invalid arguments included, reaches the
client the same way: a tool result with ``isError`` whose text is the JSON of
``{"error", "code", "message"}`` (the codes of :mod:`docextract.errors`, plus
``outside-root``, ``invalid-argument``, ``unknown-tool``, ``busy`` and ``internal``), and
never an exception that ends the connection.

Each call runs in a worker thread, so a slow document does not hold up other requests;
``workers`` calls run at once and the others wait. A call that outlives the time limit
gets a ``limit-exceeded`` error at once, while its thread, left behind, is stopped by the
parser's own deadline (the same limit); while more than ``workers`` such threads are
still running, new calls are refused as ``busy`` rather than piling up.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from dataclasses import dataclass, field
from typing import Any, Callable

import anyio
import mcp.types as types
from mcp.server.lowlevel import Server
from pydantic import ValidationError

from .._version import __version__
from ..batch.envelope import describe_error
from ..errors import DocextractError, LimitExceeded
from .bounds import DEFAULT_MAX_OUTPUT_CHARS, dumps, fit
from .tools import TOOLS, ToolSpec
from .workspace import INVALID_ARGUMENT, Workspace

SERVER_NAME = "docextract"
DEFAULT_WORKERS = 2
UNKNOWN_TOOL = "unknown-tool"
BUSY = "busy"
INTERRUPTED = 130
"""Exit status after Ctrl-C or SIGTERM (the CLI's documented code for an interruption)."""
INSTRUCTIONS = (
    "Read-only tools over the Korean government documents (HWP, HWPX, DOCX, PDF) in one "
    "folder. Start with list_documents; paths are relative to that folder. Outputs over the "
    "size limit come back cut, with truncated=true and a note saying what was cut.")


@dataclass
class ServerConfig:
    """Everything ``docextract mcp`` can set."""

    workspace: Workspace
    max_output_chars: int = DEFAULT_MAX_OUTPUT_CHARS
    workers: int = DEFAULT_WORKERS


@dataclass
class Runner:
    """Runs tool functions in worker threads, at most ``workers`` at once, each within
    ``seconds``; counts the threads still running (left behind ones included)."""

    workers: int
    seconds: float
    _limiter: anyio.CapacityLimiter | None = None
    _running: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    async def run(self, fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(self.workers)
        async with self._limiter:
            if self._running >= 2 * self.workers:
                raise DocextractError(f"{self._running} earlier calls that ran out of time are "
                                      "still being stopped; try again shortly", code=BUSY)
            try:
                with anyio.fail_after(self.seconds):
                    return await anyio.to_thread.run_sync(self._counted, fn,
                                                          abandon_on_cancel=True)
            except TimeoutError:
                raise LimitExceeded(f"the call took longer than {self.seconds:g} s "
                                    "(timeout_seconds)", limit="timeout_seconds") from None

    def _counted(self, fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        with self._lock:
            self._running += 1
        try:
            return fn()
        finally:
            with self._lock:
                self._running -= 1


def error_result(exc: BaseException) -> types.CallToolResult:
    """A tool result with ``isError`` for ``exc``: its class, code and message as JSON."""
    error, _ = describe_error(exc)
    body = {"error": type(exc).__name__ if isinstance(exc, DocextractError) else "InternalError",
            **error}
    return types.CallToolResult(content=[types.TextContent(type="text", text=dumps(body))],
                                is_error=True)


def _arguments_error(exc: ValidationError) -> DocextractError:
    problems = []
    for err in exc.errors()[:10]:
        where = ".".join(str(part) for part in err["loc"]) or "arguments"
        problems.append(f"{where}: {err['msg']}")
    return DocextractError("invalid arguments: " + "; ".join(problems), code=INVALID_ARGUMENT)


def tool_list() -> list[types.Tool]:
    """The tools as the protocol lists them: schemas, and hints that they only read."""
    hints = types.ToolAnnotations(read_only_hint=True, destructive_hint=False,
                                  idempotent_hint=True, open_world_hint=False)
    return [types.Tool(name=spec.name, title=spec.title, description=spec.description,
                       input_schema=spec.arguments.model_json_schema(),
                       output_schema=spec.output.model_json_schema(),
                       annotations=hints)
            for spec in TOOLS]


def success_result(spec: ToolSpec, output: dict[str, Any]) -> types.CallToolResult:
    """The structured output and its text for the model: the document's text where the
    tool gives one (then the rest as JSON), else the output's JSON."""
    if spec.text_key is None:
        text = dumps(output)
        content = [types.TextContent(type="text", text=text)]
    else:
        rest = {k: v for k, v in output.items() if k != spec.text_key}
        content = [types.TextContent(type="text", text=output[spec.text_key]),
                   types.TextContent(type="text", text=dumps(rest))]
    return types.CallToolResult(content=content, structured_content=output)


def build_server(config: ServerConfig) -> Server[Any]:
    """The MCP server over ``config.workspace`` (not yet running)."""
    specs = {spec.name: spec for spec in TOOLS}
    listed = tool_list()
    runner = Runner(config.workers, config.workspace.limits.timeout_seconds)

    async def list_tools(ctx: Any, params: types.PaginatedRequestParams | None
                         ) -> types.ListToolsResult:
        return types.ListToolsResult(tools=listed)

    async def call_tool(ctx: Any, params: types.CallToolRequestParams) -> types.CallToolResult:
        spec = specs.get(params.name)
        if spec is None:
            return error_result(DocextractError(
                f"no tool named {params.name!r} (known: {', '.join(specs)})", code=UNKNOWN_TOOL))
        try:
            arguments = spec.arguments.model_validate(params.arguments or {})
        except ValidationError as exc:
            return error_result(_arguments_error(exc))
        try:
            output = await runner.run(
                lambda: fit(spec.run(config.workspace, arguments), config.max_output_chars))
            return success_result(spec, output)
        except Exception as exc:  # every failure is the caller's tool error, never a crash
            return error_result(exc)

    return Server(SERVER_NAME, version=__version__, instructions=INSTRUCTIONS,
                  on_list_tools=list_tools, on_call_tool=call_tool)


def serve(config: ServerConfig, http: tuple[str, int] | None = None) -> None:
    """Serve until the client goes away (stdio) or the process is stopped (HTTP)."""
    server = build_server(config)
    if http is None:
        anyio.run(_serve_stdio, server)
        return
    import uvicorn

    host, port = http
    app = server.streamable_http_app(host=host)
    web = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    # uvicorn finishes open replies at Ctrl-C or SIGTERM, then raises the signal again
    # under the handler it found; with this one, SIGTERM ends as an interruption (130)
    # like Ctrl-C, rather than killing the process by the signal.
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        web.run()
    except KeyboardInterrupt:
        print("docextract mcp: stopped", file=sys.stderr, flush=True)
        sys.exit(INTERRUPTED)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


async def _serve_stdio(server: Server[Any]) -> None:
    from mcp.server.stdio import stdio_server

    async with anyio.create_task_group() as group:
        group.start_soon(_stop_on_signal)
        async with stdio_server() as (read_stream, write_stream):
            await server.run(read_stream, write_stream, server.create_initialization_options())
        group.cancel_scope.cancel()  # the client went away: stop waiting for a signal


async def _stop_on_signal() -> None:
    """Stop at Ctrl-C or SIGTERM with exit status 130, as every command does.

    Cancelling the server is not enough: the SDK reads standard input in a worker thread
    that a cancellation cannot interrupt, so the process would wait for the client's
    next line. The process ends at once instead; the tools only read, so there is
    nothing to write back, and a reply cut short is what the client sees when it stops
    a server anyway.
    """
    if sys.platform == "win32":
        return  # anyio's signal receiver is POSIX-only; Ctrl-C ends the process there
    with anyio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
        async for received in signals:
            name = signal.Signals(received).name
            print(f"docextract mcp: stopped ({name})", file=sys.stderr, flush=True)
            sys.stdout.flush()
            os._exit(INTERRUPTED)
