"""Nothing outside the root is read, only regular files are, and every failure comes back
as a tool error with docextract's error code while the server keeps serving."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ..hostile.test_hostile_files import CASES, zip_bomb_docx
from .conftest import SAMPLES
from .talk import call, error_of, output, session


def code_of(server, tool, args):
    return error_of(call(server, tool, args))["code"]


@pytest.mark.parametrize("path", ["../outside/secret.hwp", "letters/../../outside/secret.hwp",
                                  "/etc/passwd", "/"])
def test_a_path_outside_the_root_is_refused(server, path):
    error = error_of(call(server, "read_document", {"path": path}))
    assert error["code"] == "outside-root"
    assert "outside the served folder" in error["message"]


def test_an_absolute_path_inside_the_root_is_read(server, served):
    data = output(call(server, "read_document", {"path": str(served / "letter-01.docx")}))
    assert data["path"] == "letter-01.docx"


def test_a_link_leading_out_is_refused_and_not_listed(server, served):
    (served / "innocent.hwp").symlink_to(served.parent / "outside" / "secret.hwp")
    (served / "escape").symlink_to(served.parent / "outside", target_is_directory=True)
    for tool in ("read_document", "extract_record", "summarize", "get_tables", "get_chunks",
                 "classify", "redact_document"):
        assert code_of(server, tool, {"path": "innocent.hwp"}) == "outside-root", tool
    assert code_of(server, "read_document", {"path": "escape/secret.hwp"}) == "outside-root"
    assert code_of(server, "list_documents", {"subdir": "escape"}) == "outside-root"
    listed = [d["path"] for d in output(call(server, "list_documents", {}))["documents"]]
    assert "innocent.hwp" not in listed and not any("secret" in p for p in listed)


def test_a_link_inside_the_root_is_followed(server, served):
    (served / "alias.hwp").symlink_to(served / "letters" / "letter-01.hwp")
    data = output(call(server, "classify", {"path": "alias.hwp"}))
    assert data["type"] == "official_letter"
    assert data["path"] == "letters/letter-01.hwp"  # shown as what it resolves to


def test_a_subdir_outside_the_root_is_refused(server):
    assert code_of(server, "list_documents", {"subdir": ".."}) == "outside-root"


def test_a_directory_is_not_a_document(server):
    error = error_of(call(server, "read_document", {"path": "letters"}))
    assert error["code"] == "unsupported" and "directory" in error["message"]


def test_a_missing_file(server):
    error = error_of(call(server, "summarize", {"path": "nowhere.hwp"}))
    assert error["code"] == "unsupported" and "no such file" in error["message"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(server, served):
    os.mkfifo(served / "pipe.hwp")
    error = error_of(call(server, "read_document", {"path": "pipe.hwp"}))
    assert error["code"] == "unsupported" and "not a regular file" in error["message"]


def test_a_truncated_document_is_a_corrupt_error(server):
    error = error_of(call(server, "read_document", {"path": "broken.docx"}))
    assert error["code"] == "corrupt" and error["error"] == "CorruptDocument"


def test_hostile_files_end_in_typed_errors_and_the_server_goes_on(server, served):
    """The hostile suite's files (tests/hostile builds them) and a sample HWP cut in half,
    in one session: each call is a tool error with its code, and the next call is served."""
    whole = (SAMPLES / "hwp/letter-02.hwp").read_bytes()
    files = {"half.hwp": whole[: len(whole) // 2], "bomb.docx": zip_bomb_docx(),
             **{name: CASES[name]() for name in ("truncated-ole.hwp", "billion-laughs.hwpx",
                                                 "truncated.pdf", "empty.hwp")}}
    for name, data in files.items():
        (served / name).write_bytes(data)
    tools = ["read_document", "summarize", "get_tables", "get_chunks", "redact_document",
             "classify"]
    steps = [(tool, {"path": name}) for tool, name in zip(tools, files)]
    *failed, fine = session(server, *steps, ("extract_record", {"path": "letter-01.docx"}))
    codes = {name: error_of(result)["code"] for name, result in zip(files, failed)}
    assert codes["half.hwp"] == "corrupt"
    assert codes["bomb.docx"] == "limit-exceeded"  # stopped by max_compression_ratio
    assert set(codes.values()) <= {"unsupported", "corrupt", "limit-exceeded"}, codes
    assert output(fine)["type"] == "official_letter"


def test_bad_arguments_and_unknown_tools_are_tool_errors(server):
    results = session(server, ("read_document", {}),
                      ("read_document", {"path": "letter-01.docx", "format": "pdf"}),
                      ("get_chunks", {"path": "letter-01.docx", "max_chars": 5}),
                      ("read_document", {"path": "letter-01.docx", "pages": [0]}),
                      ("read_document", {"path": "a\0b"}),
                      ("summarize", {"path": "letter-01.docx", "tomorrow": "2025-01-01"}),
                      ("delete_everything", {"path": "letter-01.docx"}))
    codes = [error_of(r)["code"] for r in results]
    assert codes == ["invalid-argument"] * 6 + ["unknown-tool"]
    assert "path" in error_of(results[0])["message"]
    assert "tomorrow" in error_of(results[5])["message"]


def test_a_limit_hit_while_parsing_is_a_limit_error(sdk, served):
    from docextract.limits import Limits
    from docextract.mcp import build_server, config

    tiny = build_server(config(served, limits=Limits(max_input_bytes=1000)))
    error = error_of(call(tiny, "read_document", {"path": "letter-01.docx"}))
    assert error["code"] == "limit-exceeded" and "max_input_bytes" in error["message"]


def test_an_unexpected_failure_is_an_internal_tool_error(server, monkeypatch):
    import docextract.chunking as chunking

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in chunking")

    monkeypatch.setattr(chunking, "chunks", broken)
    failed, fine = session(server, ("get_chunks", {"path": "letter-01.docx"}),
                           ("read_document", {"path": "letter-01.docx"}))
    error = error_of(failed)
    assert error["code"] == "internal" and "RuntimeError: a bug in chunking" in error["message"]
    assert not fine.is_error


def test_the_root_must_be_a_folder(sdk, served):
    from docextract.errors import UnsupportedFormat
    from docextract.mcp import config

    with pytest.raises(UnsupportedFormat):
        config(Path(served) / "letter-01.docx")


def test_a_folder_swapped_for_a_link_after_the_check_is_not_followed(served, monkeypatch):
    """The race a hostile neighbour could run: ``letters/`` is checked (inside the root, no
    link), then renamed and replaced by a link to the folder holding the secret before the
    file is opened. The open walks from the root without following links, so it fails."""
    from docextract.errors import DocextractError
    from docextract.mcp.workspace import Workspace

    outside = served.parent / "outside"
    shutil.copyfile(outside / "secret.hwp", outside / "letter-01.hwp")
    workspace = Workspace.at(served)
    checked = Workspace.resolve

    def resolve_then_swap(self, given):
        real = checked(self, given)
        (served / "letters").rename(served / "letters-moved")
        (served / "letters").symlink_to(outside, target_is_directory=True)
        return real

    monkeypatch.setattr(Workspace, "resolve", resolve_then_swap)
    with pytest.raises(DocextractError, match="cannot be opened"):
        workspace.read("letters/letter-01.hwp")


def test_a_file_deep_in_the_root_is_read_through_the_walk(served):
    from docextract.mcp.workspace import Workspace

    data, shown = Workspace.at(served).read("letters/letter-01.hwp")
    assert shown == "letters/letter-01.hwp"
    assert data == (SAMPLES / "hwp/letter-01.hwp").read_bytes()
