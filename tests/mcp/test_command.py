"""``docextract mcp`` as a user starts it: a subprocess spoken to by the SDK's client over
stdio and over streamable HTTP, its options, and the SDK loaded only by this command."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys

import pytest

from .talk import output

PROBE = """
import sys
from click.testing import CliRunner
from docextract.cli import cli
for args in {commands!r}:
    CliRunner().invoke(cli, args)
print(sorted({{m.split(".")[0] for m in sys.modules}} & {{"mcp", "mcp_types", "uvicorn", "starlette"}}))
"""


def test_the_server_runs_over_stdio_as_a_subprocess(sdk, served):
    import anyio
    from mcp import Client, StdioServerParameters

    params = StdioServerParameters(
        command=sys.executable, args=["-m", "docextract", "mcp", "--root", str(served)],
        env=dict(os.environ), cwd=str(served.parent))

    async def go():
        with anyio.fail_after(120):
            async with Client(params) as client:
                tools = await client.list_tools()
                result = await client.call_tool("classify", {"path": "letter-01.docx"})
                refused = await client.call_tool("read_document", {"path": "../outside/secret.hwp"})
                return tools, result, refused

    tools, result, refused = anyio.run(go)
    assert {t.name for t in tools.tools} == {
        "list_documents", "read_document", "extract_record", "summarize", "get_tables",
        "get_chunks", "classify", "redact_document"}
    assert output(result)["type"] == "official_letter"
    assert refused.is_error and '"code":"outside-root"' in refused.content[0].text


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_the_server_answers_over_streamable_http(sdk, served):
    import anyio
    from mcp import Client

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "docextract", "mcp", "--root", str(served),
         "--http", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    async def go():
        with anyio.fail_after(120):
            while not _listening(port):  # uvicorn is starting
                assert server.poll() is None, server.stderr.read().decode()
                await anyio.sleep(0.2)
            async with Client(f"http://127.0.0.1:{port}/mcp") as client:
                result = await client.call_tool("list_documents", {"pattern": "*.pdf"})
                refused = await client.call_tool("get_tables", {"path": "/etc/passwd"})
                return result, refused

    try:
        result, refused = anyio.run(go)
    finally:
        server.terminate()
        server.wait(30)
    assert server.returncode == 130  # uvicorn's graceful stop, reported as an interruption
    assert [d["path"] for d in output(result)["documents"]] == [
        "three-pages.pdf", "letters/letter-02.pdf"]
    assert refused.is_error and '"code":"outside-root"' in refused.content[0].text


INITIALIZE = (b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":'
              b'"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}\n')


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_stdio_server_while_the_client_is_still_connected(sdk, served, stop):
    # the client keeps standard input open, so the server must not wait for its next line
    server = subprocess.Popen([sys.executable, "-m", "docextract", "mcp", "--root", str(served)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    try:
        server.stdin.write(INITIALIZE)
        server.stdin.flush()
        assert b'"result"' in server.stdout.readline()  # serving, reader thread blocked
        server.send_signal(stop)
        assert server.wait(60) == 130
        assert f"docextract mcp: stopped ({stop.name})" in server.stderr.read().decode()
    finally:
        server.kill()
        server.wait()


def test_other_commands_do_not_load_the_sdk():
    commands = [["--help"], ["mcp", "--help"], ["formats"]]
    done = subprocess.run([sys.executable, "-c", PROBE.format(commands=commands)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_without_the_sdk_the_command_says_what_to_install(tmp_path):
    code = ("import sys; sys.modules['mcp'] = None\n"
            "from docextract.cli import main\n"
            "main(['mcp', '--root', sys.argv[1]])\n")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 6, done.stderr
    assert 'pip install "docextract[mcp]"' in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("value", ["8000", "localhost", "localhost:http", "127.0.0.1:70000"])
def test_a_bad_http_address_is_a_usage_error(runner, tmp_path, value):
    from docextract.cli import cli

    result = runner.invoke(cli, ["mcp", "--root", str(tmp_path), "--http", value])
    assert result.exit_code == 2 and "HOST:PORT" in result.output


def test_the_root_must_exist(runner, tmp_path):
    from docextract.cli import cli

    result = runner.invoke(cli, ["mcp", "--root", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "does not exist" in result.output
