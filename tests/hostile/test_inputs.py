"""What the commands accept as input, how they name it, and how every one of them stops.

Only regular files (and ``-``) are read: a FIFO used to hang every command. Standard
input is read under the size cap (``/dev/zero`` reached a MemoryError at 3.7 GB). A
name that is not UTF-8 made ``parse`` fail to write its JSON, and a newline in a name
split the one-line error in two. A misspelt limit was silently ignored.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import docextract
from docextract.errors import ConfigurationError

from .bounded import run_child
from .test_hostile_files import docx_body, docx_bytes

COMMANDS = [["text"], ["parse"], ["extract"], ["summarize"], ["chunks"], ["redact", "--dry-run"]]
SECONDS = 20  # generous for a loaded CI machine: a hang would never end


def cli(*args: str | bytes, stdin: object = subprocess.DEVNULL, env: dict | None = None,
        timeout: float = 120) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "docextract", *args], stdin=stdin,
                          capture_output=True, timeout=timeout, env=env)
    return proc, time.monotonic() - started


def letter(tmp_path: Path, name: str | bytes = "letter.docx") -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), os.fsencode(name))))
    path.write_bytes(docx_bytes(docx_body(["수신 내부결재", "제목 안내"])))
    return path


# ---------------------------------------------------------------- only regular files

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_fifo_is_refused_at_once_by_every_command(tmp_path, command):
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)  # nobody writes to it: opening it would block for ever
    proc, seconds = cli(*command, str(fifo))
    assert proc.returncode == 3, proc.stderr
    assert b"FIFO" in proc.stderr and b"not a regular file" in proc.stderr
    assert seconds < SECONDS


@pytest.mark.parametrize("target, kind", [("/dev/zero", b"a device"), ("/", b"a directory")])
def test_devices_and_directories_are_refused_at_once(target, kind):
    if not os.path.exists(target):
        pytest.skip(f"no {target}")
    proc, seconds = cli("text", target)
    assert proc.returncode == 3 and kind in proc.stderr, proc.stderr
    assert seconds < SECONDS


def test_the_library_refuses_what_is_not_a_regular_file(tmp_path):
    with pytest.raises(docextract.UnsupportedFormat, match="directory"):
        docextract.parse(tmp_path)


# ---------------------------------------------------------------- standard input

@pytest.mark.parametrize("command", [["text"], ["parse"], ["summarize"], ["chunks"]],
                         ids=lambda c: c[0])
def test_standard_input_is_read_under_the_size_cap(command):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    with open("/dev/zero", "rb") as zero:
        result = run_child("cli", argv=[*command, "-", "--max-size-mb", "1"], stdin=zero)
    assert result["exit"] == 5, result
    assert b"max_input_bytes" in result["stderr"]
    assert result["seconds"] < SECONDS and result["peak_mib"] < 300, result


def test_standard_input_within_the_cap_is_read(tmp_path):
    with open(letter(tmp_path), "rb") as fh:
        proc, _ = cli("text", "-", stdin=fh)
    assert proc.returncode == 0 and "수신 내부결재" in proc.stdout.decode()


# ---------------------------------------------------------------- names

@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes")
def test_a_name_that_is_not_utf8_is_escaped_in_json_and_messages(tmp_path):
    raw = b"\xff\xfe \xea\xb3\xb5\xeb\xac\xb8.docx"  # two stray bytes, then "공문"
    path = letter(tmp_path, raw)
    shown = "\\xff\\xfe 공문.docx"
    proc, _ = cli("parse", os.fsencode(path))
    assert proc.returncode == 0, proc.stderr
    document = json.loads(proc.stdout)
    assert document["source"]["name"].endswith(shown)
    proc, _ = cli("parse", "--format", "jsonl", os.fsencode(path))
    assert proc.returncode == 0 and json.loads(proc.stdout)["path"].endswith(shown)
    broken = tmp_path / os.fsdecode(b"\xff broken.docx")
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    proc, _ = cli("text", os.fsencode(broken))
    assert proc.returncode == 3
    assert proc.stderr.decode("utf-8").count("\\xff broken.docx") == 1


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_newline_in_a_name_keeps_the_error_on_one_line(tmp_path, command):
    path = tmp_path / "줄\n바꿈.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    proc, _ = cli(*command, str(path))
    assert proc.returncode == 3, proc.stderr
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    if command[0] != "redact":  # redact reads one file and names it in its report only
        assert "줄\\n바꿈.docx" in lines[0], lines


# ---------------------------------------------------------------- limit names

def test_a_misspelt_limit_variable_is_a_clear_error(tmp_path):
    env = dict(os.environ, DOCEXTRACT_TIMEOUT="1")
    proc, _ = cli("text", str(letter(tmp_path)), env=env)
    assert proc.returncode == 2, proc.stderr
    assert b"DOCEXTRACT_TIMEOUT names no limit" in proc.stderr
    assert b"DOCEXTRACT_TIMEOUT_SECONDS" in proc.stderr


@pytest.mark.parametrize("limits, says", [({"timeout": 1}, "did you mean timeout_seconds"),
                                          ({"max_page": 3}, "did you mean max_pages"),
                                          ({"timeout_seconds": "soon"}, "zero or more"),
                                          ({"max_blocks": -1}, "zero or more")])
def test_a_wrong_limits_mapping_is_a_typed_error(tmp_path, limits, says):
    with pytest.raises(ConfigurationError, match=says):
        docextract.parse(letter(tmp_path), limits=limits)


def test_the_limit_variable_is_honoured(tmp_path):
    env = dict(os.environ, DOCEXTRACT_MAX_INPUT_BYTES="100")
    proc, _ = cli("text", str(letter(tmp_path)), env=env)
    assert proc.returncode == 5 and b"max_input_bytes=100" in proc.stderr


# ---------------------------------------------------------------- the hard stop

@pytest.fixture(scope="module")
def slow_letter(tmp_path_factory) -> Path:
    """Read in a blink, slow to extract from: lines of 50,000 "수신:" labels, each cut
    apart by the letter layout (a few seconds of work, linear but long). Its repeated
    text compresses past max_compression_ratio, which the tests raise."""
    path = tmp_path_factory.mktemp("slow") / "slow.docx"
    path.write_bytes(docx_bytes(docx_body(["수신: " * 50_000] * 6)))
    return path


@pytest.mark.parametrize("command", [["extract"], ["summarize"], ["chunks"],
                                     ["extract", "--format", "jsonl"]], ids=" ".join)
def test_every_command_stops_at_the_timeout(slow_letter, command):
    env = dict(os.environ, DOCEXTRACT_MAX_COMPRESSION_RATIO="100000")
    proc, seconds = cli(*command, "--timeout", "0.5", str(slow_letter), env=env)
    assert proc.returncode == 5, proc.stderr
    assert b"timeout_seconds" in proc.stderr
    assert seconds < SECONDS


@pytest.mark.parametrize("call", ["extract", "summarize", "chunks"])
def test_the_library_honours_timeout_seconds_past_the_parse(slow_letter, call):
    result = run_child(call, slow_letter, limits={"timeout_seconds": 0.5,
                                                  "max_compression_ratio": 100_000})
    assert result["outcome"] == "LimitExceeded" and result["limit"] == "timeout_seconds", result
    assert result["seconds"] < SECONDS
