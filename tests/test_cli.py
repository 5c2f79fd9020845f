"""The command line: one-line errors with documented exit codes, stdin, JSON output."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile

import pytest

from docextract import __version__

EXE = [sys.executable, "-m", "docextract"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(EXE + list(args), input=stdin, capture_output=True, timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode,
                                       proc.stdout.decode("utf-8", "replace"),
                                       proc.stderr.decode("utf-8", "replace"))


def test_version_and_help():
    out = run("--version")
    assert out.returncode == 0 and __version__ in out.stdout
    helped = run("--help")
    assert helped.returncode == 0
    for command in ("text", "parse", "formats"):
        assert command in helped.stdout


def test_usage_error_exits_2():
    out = run("text")
    assert out.returncode == 2
    assert "Missing argument" in out.stderr


@pytest.mark.parametrize("content, code, words", [
    (b"just some text\n", 3, "plain text"),
    (b"", 3, "empty"),
    (b"<MARKANY_DOCUMENTSAFER>\x00\x01", 4, "MarkAny"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, 3, "OLE"),
])
def test_bad_input_gives_one_line_and_exit_code(tmp_path, content, code, words):
    path = tmp_path / "공문 사본.hwp"
    path.write_bytes(content)
    out = run("text", str(path))
    assert out.returncode == code
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in out.stderr


def test_missing_file_and_directory(tmp_path):
    out = run("text", str(tmp_path / "nope.hwp"))
    assert out.returncode == 3 and "no such file" in out.stderr
    out = run("text", str(tmp_path))
    assert out.returncode == 3 and "directory" in out.stderr


def test_debug_shows_a_traceback(tmp_path):
    path = tmp_path / "x.hwp"
    path.write_bytes(b"plain words")
    out = run("--debug", "text", str(path))
    assert out.returncode != 0 and "Traceback" in out.stderr


def test_stdin_dash_is_read(tmp_path):
    out = run("text", "-", stdin=b"plain words only")
    assert out.returncode == 3 and "<stdin>" in out.stderr


def test_parse_jsonl_gives_one_record_per_input_even_on_failure(tmp_path):
    bad = tmp_path / "-leading dash.docx"
    bad.write_bytes(b"not a zip")
    empty_zip = tmp_path / "empty.docx"
    with zipfile.ZipFile(empty_zip, "w") as zf:
        zf.writestr("a.txt", "x")
    out = run("parse", "--format", "jsonl", "--", str(bad), str(empty_zip))
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["path"] for r in lines] == [str(bad), str(empty_zip)]
    assert [r["status"] for r in lines] == ["error", "error"]
    assert lines[0]["error"]["code"] == "unsupported" and lines[0]["format"] is None
    assert lines[1]["error"]["code"] == "unsupported" and lines[1]["document"] is None
    assert out.returncode == 3
    assert len(out.stderr.splitlines()) == 2  # one line per failed input


ENVELOPE = ["path", "sha256", "size", "format", "type", "status", "error", "PAYLOAD", "warnings",
            "docextract_version", "elapsed_ms"]


@pytest.mark.parametrize("command, payload", [("parse", "document"), ("extract", "record"),
                                              ("summarize", "summary")])
def test_every_command_writes_the_same_envelope(samples_dir, tmp_path, command, payload):
    letter, missing = samples_dir / "hwp" / "letter-01.hwp", tmp_path / "missing.hwp"
    out = run(command, "--format", "jsonl", str(letter), str(missing))
    first, second = (json.loads(line) for line in out.stdout.splitlines())
    keys = [payload if k == "PAYLOAD" else k for k in ENVELOPE]
    assert list(first) == keys and list(second) == keys
    assert (first["path"], first["status"], first["format"]) == (str(letter), "ok", "hwp")
    assert first["sha256"] == hashlib.sha256(letter.read_bytes()).hexdigest()
    assert first[payload] and first["docextract_version"] == __version__
    assert (second["path"], second["status"], second[payload]) == (str(missing), "error", None)
    assert out.returncode == 3

    as_json = run(command, "--format", "json", str(letter), str(missing))
    assert [e["path"] for e in json.loads(as_json.stdout)] == [str(letter), str(missing)]


def test_parse_json_is_the_document_for_one_input_and_an_array_for_several(samples_dir):
    letter = samples_dir / "hwpx" / "letter-02.hwpx"
    one = run("parse", str(letter))
    assert one.returncode == 0 and json.loads(one.stdout)["format"] == "hwpx"
    assert one.stdout.startswith("{\n  ")
    several = run("parse", "--jobs", "2", str(letter), str(samples_dir / "pdf" / "letter-02.pdf"),
                  str(samples_dir / "docx" / "letter-02.docx"))
    envelopes = json.loads(several.stdout)
    assert [e["format"] for e in envelopes] == ["hwpx", "pdf", "docx"]
    in_one_process = json.loads(run("parse", str(letter), str(samples_dir / "pdf" / "letter-02.pdf"),
                                    str(samples_dir / "docx" / "letter-02.docx")).stdout)
    assert [e["document"] for e in envelopes] == [e["document"] for e in in_one_process]


def test_a_folder_points_to_batch(tmp_path):
    out = run("parse", str(tmp_path))
    assert out.returncode == 3 and "docextract batch" in out.stderr


def test_formats_lists_builtin_parsers():
    out = run("formats", "--format", "json")
    assert out.returncode == 0
    rows = {r["parser"]: r for r in json.loads(out.stdout)}
    assert {"hwp", "hwpx", "docx", "pdf"} <= set(rows)


def test_help_does_not_import_heavy_modules():
    code = ("import sys; from docextract.cli import cli; "
            "import click.testing as t; t.CliRunner().invoke(cli, ['--help']); "
            "heavy = [m for m in ('pdfplumber', 'docx', 'lxml', 'pydantic', 'spacy', 'kiwipiepy', 'olefile') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
