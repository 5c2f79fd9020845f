"""The Python API and the local engine: one result per input, hard time and memory limits,
crashed workers replaced, nothing left running."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import time

import pytest

from docextract import batch
from docextract.batch.envelope import ERROR, OK

ENVELOPE_KEYS = ["path", "sha256", "size", "format", "type", "status", "error"]
TAIL_KEYS = ["warnings", "docextract_version", "elapsed_ms"]


def _by_path(results):
    return {r.path: r for r in results}


def test_run_yields_one_envelope_per_input_with_the_documented_keys(kit, tmp_path):
    good = kit.copy_good(tmp_path / "in", 12)
    bad = kit.corrupt_files(tmp_path / "in" / "bad")
    missing = str(tmp_path / "in" / "missing.hwp")
    results = list(batch.run([tmp_path / "in", missing], workers=2))
    assert len(results) == len(good) + len(bad) + 1
    assert sorted(r.index for r in results) == list(range(len(results)))
    by_path = _by_path(results)
    for path in good:
        env = by_path[str(path)].envelope
        assert list(env) == ENVELOPE_KEYS + ["record"] + TAIL_KEYS
        assert env["status"] == OK and env["error"] is None
        assert env["format"] == path.suffix[1:] and env["size"] == path.stat().st_size
        assert env["type"] in {"official_letter", "generic"} and env["record"]
    for path, codes in bad.items():
        result = by_path[str(path)]
        assert result.status == ERROR and result.exit_code == 3
        assert result.envelope["error"]["code"] in codes and result.envelope["record"] is None
    lost = by_path[missing].envelope
    assert lost["error"]["code"] == "unsupported" and lost["sha256"] is None


def test_generic_records_carry_the_no_type_matched_warning(kit, tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in ("2025년 주간 업무 현황", "○ 참석: 12명"):   # no type's cues
        d.add_paragraph(line)
    d.save(str(tmp_path / "notes.docx"))
    (result,) = batch.run([tmp_path / "notes.docx"], workers=1)
    env = result.envelope
    assert env["type"] == "generic"
    assert any(w["code"] == "extraction" and "no specific record type" in w["message"]
               for w in env["warnings"])


def test_ordered_results_follow_the_input_order(kit, tmp_path):
    files = kit.copy_good(tmp_path, 30)
    results = list(batch.run([str(p) for p in files], workers=2, ordered=True, do="text"))
    assert [r.path for r in results] == [str(p) for p in files]
    assert all(isinstance(r.envelope["text"], str) and r.envelope["text"] for r in results)


def test_a_custom_callable_job(kit, tmp_path, batch_jobs):
    files = kit.copy_good(tmp_path, 4)
    results = list(batch.run(files, do=batch_jobs.text_length, workers=2))
    assert all(r.ok and r.envelope["result"]["chars"] > 100 for r in results)


def test_a_hung_worker_is_killed_and_replaced(kit, tmp_path, batch_jobs):
    files = kit.copy_good(tmp_path, 6)
    hung = tmp_path / "hang-1.hwp"
    shutil.copyfile(files[0], hung)
    results = list(batch.run([hung, *files], do=batch_jobs.hang_ignoring_alarm, workers=2,
                             timeout=0.5))
    by_path = _by_path(results)
    assert len(results) == 7
    error = by_path[str(hung)].envelope["error"]
    assert error["code"] == "limit-exceeded" and "worker was stopped" in error["message"]
    assert by_path[str(hung)].envelope["sha256"]  # the parent still says which file it was
    assert all(by_path[str(p)].ok for p in files)


def test_the_worker_alarm_stops_a_slow_document_without_killing_it(kit, tmp_path, batch_jobs):
    files = kit.copy_good(tmp_path, 3)
    slow = tmp_path / "slow.hwp"
    shutil.copyfile(files[0], slow)
    results = _by_path(batch.run([slow, *files], do=batch_jobs.sleep_politely, workers=1,
                                 timeout=0.3))
    error = results[str(slow)].envelope["error"]
    assert error["code"] == "limit-exceeded" and "time limit" in error["message"]
    assert all(results[str(p)].ok for p in files)


def test_a_slow_real_document_hits_the_timeout(kit, tmp_path):
    slow = kit.slow_docx(tmp_path / "long.docx")
    (result,) = batch.run([slow], workers=1, timeout=1.0)
    assert result.envelope["error"]["code"] == "limit-exceeded"
    assert result.envelope["sha256"] == hashlib.sha256(slow.read_bytes()).hexdigest()


def test_memory_cap_turns_an_exploding_document_into_an_error(kit, tmp_path, batch_jobs):
    files = kit.copy_good(tmp_path, 3)
    greedy = tmp_path / "greedy.hwp"
    shutil.copyfile(files[0], greedy)
    results = _by_path(batch.run([greedy, *files], do=batch_jobs.allocate_too_much, workers=1,
                                 memory_mb=1024))
    assert results[str(greedy)].envelope["error"]["code"] == "limit-exceeded"
    assert all(results[str(p)].ok for p in files)


def test_a_crashed_worker_is_reported_and_replaced(kit, tmp_path, batch_jobs):
    files = kit.copy_good(tmp_path, 5)
    crash = tmp_path / "crash.pdf"
    shutil.copyfile(kit.SAMPLES / "pdf" / "letter-02.pdf", crash)
    results = _by_path(batch.run([crash, *files], do=batch_jobs.crash, workers=2))
    error = results[str(crash)].envelope["error"]
    assert error["code"] == "crashed" and "SIGSEGV" in error["message"]
    assert all(results[str(p)].ok for p in files)


def test_stopping_early_stops_every_worker(kit, tmp_path, batch_jobs):
    files = kit.copy_good(tmp_path, 4)
    hung = [tmp_path / f"hang-{i}.hwp" for i in range(2)]
    for h in hung:
        shutil.copyfile(files[0], h)
    results = batch.run([*files, *hung], do=batch_jobs.hang_ignoring_alarm, workers=2,
                        timeout=120)
    next(results)
    pids = [p.pid for p in multiprocessing.active_children() if p.name == "docextract-worker"]
    assert len(pids) == 2
    results.close()
    assert not [p for p in multiprocessing.active_children() if p.name == "docextract-worker"]
    deadline = time.monotonic() + 5  # the fork server reaps them a moment later
    while [pid for pid in pids if os.path.exists(f"/proc/{pid}")] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in pids if os.path.exists(f"/proc/{pid}")]


def test_a_result_json_cannot_hold_is_an_error_line(kit, tmp_path, batch_jobs):
    files = kit.copy_good(tmp_path, 2)
    results = list(batch.run(files, do=batch_jobs.not_json_ready, workers=1))
    assert [r.envelope["error"]["code"] for r in results] == ["internal", "internal"]
    assert all(r.envelope["format"] and r.envelope["sha256"] for r in results)


def test_unknown_action_is_refused():
    with pytest.raises(ValueError, match="unknown action"):
        list(batch.run([], do="translate"))


def test_results_are_json_lines(kit, tmp_path):
    files = kit.copy_good(tmp_path, 2)
    for result in batch.run(files, do="parse", workers=1):
        assert "\n" not in result.line
        assert json.loads(result.line)["document"]["format"] in kit.FORMATS
