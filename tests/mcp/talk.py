"""Talking to a server in memory through the SDK's client, one session per helper call."""

from __future__ import annotations

import json
from typing import Any


def session(server: Any, *steps: tuple[str, dict[str, Any]]) -> list[Any]:
    """Run the tool calls in one client session; their results, in order."""
    import anyio
    from mcp import Client

    async def go() -> list[Any]:
        async with Client(server) as client:
            return [await client.call_tool(name, args) for name, args in steps]

    return anyio.run(go)


def call(server: Any, name: str, args: dict[str, Any]) -> Any:
    (result,) = session(server, (name, args))
    return result


def listed_tools(server: Any) -> dict[str, Any]:
    import anyio
    from mcp import Client

    async def go() -> Any:
        async with Client(server) as client:
            return await client.list_tools()

    return {tool.name: tool for tool in anyio.run(go).tools}


def error_of(result: Any) -> dict[str, Any]:
    """The error a failed call carries (``error``, ``code``, ``message``)."""
    assert result.is_error, result
    error: dict[str, Any] = json.loads(result.content[0].text)
    return error


def output(result: Any) -> dict[str, Any]:
    """The structured output of a successful call."""
    assert not result.is_error, result.content[0].text
    data: dict[str, Any] = result.structured_content
    return data


def size(data: Any) -> int:
    return len(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
