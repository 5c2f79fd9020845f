"""Resuming a batch output: skip what is done, redo what changed or failed, cut a torn
last line, never two lines for one input; one writer at a time."""

from __future__ import annotations

import json

import pytest

from docextract.batch.envelope import dumps, envelope
from docextract.batch.inputs import fingerprint
from docextract.batch.output import JsonlOutput, in_order
from docextract.batch.envelope import Result
from docextract.errors import DocextractError


def _line(path, status="ok", sha256=None):
    return dumps(envelope(str(path), "record", status=status,
                          sha256=sha256 if sha256 is not None else fingerprint(str(path))[0]))


@pytest.fixture
def files(tmp_path):
    out = []
    for i in range(4):
        path = tmp_path / f"f{i}.hwp"
        path.write_bytes(f"content {i}".encode())
        out.append(str(path))
    return out


def _lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_a_fresh_output_plans_everything(tmp_path, files):
    with JsonlOutput(str(tmp_path / "out" / "new.jsonl")) as out:
        plan = out.resume(files)
    assert plan.todo == files and plan.kept == 0
    assert (tmp_path / "out" / "new.jsonl").exists()


def test_done_inputs_are_skipped_and_changed_or_failed_ones_redone(tmp_path, files):
    target = tmp_path / "out.jsonl"
    target.write_text("\n".join([_line(files[0]), _line(files[1], "error"),
                                 _line(files[2], sha256="0" * 64)]) + "\n", encoding="utf-8")
    with JsonlOutput(str(target)) as out:
        plan = out.resume(files)
    assert plan.todo == [files[2], files[3]]  # changed since, and never done
    assert (plan.kept, plan.kept_errors) == (2, 1)
    assert [x["path"] for x in _lines(target)] == files[:2]  # the stale line is gone

    with JsonlOutput(str(target)) as out:
        plan = out.resume(files, retry_errors=True)
    assert plan.todo == [files[1], files[2], files[3]]
    assert [x["path"] for x in _lines(target)] == files[:1]


def test_lines_of_another_action_are_redone(tmp_path, files):
    target = tmp_path / "out.jsonl"
    target.write_text(_line(files[0]) + "\n", encoding="utf-8")  # a "record" line
    with JsonlOutput(str(target)) as out:
        assert out.resume(files[:1], payload_key="record").todo == []
    with JsonlOutput(str(target)) as out:
        assert out.resume(files[:1], payload_key="summary").todo == files[:1]
    assert target.read_text(encoding="utf-8") == ""


def test_a_torn_last_line_is_cut_and_its_input_redone(tmp_path, files):
    target = tmp_path / "out.jsonl"
    whole = _line(files[0]) + "\n"
    target.write_text(whole + _line(files[1])[:37], encoding="utf-8")
    with JsonlOutput(str(target)) as out:
        plan = out.resume(files)
        assert plan.todo == files[1:] and plan.dropped == 1
        out.write(_line(files[1]))
    assert [x["path"] for x in _lines(target)] == files[:2]


def test_duplicate_and_unreadable_lines_are_removed(tmp_path, files):
    target = tmp_path / "out.jsonl"
    target.write_text("\n".join([_line(files[0], "error"), "not json", _line(files[0]),
                                 _line(str(tmp_path / "elsewhere.hwp"))]) + "\n",
                      encoding="utf-8")
    with JsonlOutput(str(target)) as out:
        plan = out.resume(files)
    assert plan.todo == files[1:]
    kept = _lines(target)
    assert [x["path"] for x in kept] == [files[0], str(tmp_path / "elsewhere.hwp")]
    assert kept[0]["status"] == "ok"  # the later of the two lines for files[0]


def test_one_writer_at_a_time(tmp_path):
    target = str(tmp_path / "out.jsonl")
    with JsonlOutput(target):
        with pytest.raises(DocextractError, match="another docextract batch"):
            JsonlOutput(target).__enter__()


def test_in_order_releases_results_as_soon_as_their_turn_comes():
    results = [Result(i, str(i), "ok", "{}") for i in (2, 0, 1, 4, 3)]
    assert [r.index for r in in_order(results)] == [0, 1, 2, 3, 4]
