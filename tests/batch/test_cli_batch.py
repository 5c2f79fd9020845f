"""``docextract batch`` end to end, as a separate process: a thousand files with bad ones
mixed in, a kill in the middle and a rerun, Ctrl-C, progress only on a terminal."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import time

import pytest

from docextract.batch.progress import Progress


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _wait_for_lines(path, count, proc, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.01)
    raise AssertionError(f"no {count} lines in {path} (exit code {proc.poll()})")


def test_a_thousand_files_with_corrupt_encrypted_and_slow_ones(kit, tmp_path, cli_env):
    marker, env = cli_env
    root = tmp_path / "archive"
    good = kit.copy_good(root / "good", 1000)
    bad = {**kit.corrupt_files(root / "bad"), **kit.encrypted_files(root / "locked")}
    slow = [kit.slow_docx(root / "slow" / "slow-0.docx")]
    for i in (1, 2):
        slow.append(root / "slow" / f"slow-{i}.docx")
        shutil.copyfile(slow[0], slow[-1])
    out = tmp_path / "out.jsonl"

    res = kit.run_batch([str(root), "-o", str(out), "--workers", "2", "--timeout", "1.5"], env)

    assert res.returncode == 9, res.stderr  # some inputs failed
    lines = _lines(out)
    total = len(good) + len(bad) + len(slow)
    assert len(lines) == total and len({x["path"] for x in lines}) == total
    by_path = {x["path"]: x for x in lines}
    assert all(by_path[str(p)]["status"] == "ok" for p in good)
    for path, codes in bad.items():
        assert by_path[str(path)]["status"] == "error"
        assert by_path[str(path)]["error"]["code"] in codes, by_path[str(path)]
    for path in slow:
        assert by_path[str(path)]["error"]["code"] == "limit-exceeded"
    errors = res.stderr.splitlines()
    assert len(errors) == len(bad) + len(slow) + 1  # one line per failed input, one summary
    assert errors[-1].startswith(f"docextract batch: {total} inputs: {len(good)} ok, "
                                 f"{len(bad) + len(slow)} failed")
    assert "\r" not in res.stderr  # not a terminal: no progress line
    assert kit.wait_for_no_leftovers(marker) == []


def test_killed_midway_then_rerun_gives_every_input_exactly_once(kit, tmp_path, cli_env):
    marker, env = cli_env
    root = tmp_path / "archive"
    good = kit.copy_good(root, 600)
    bad = kit.corrupt_files(root / "bad")
    out = tmp_path / "out.jsonl"
    args = ["batch", str(root), "-o", str(out), "--workers", "2"]
    proc = subprocess.Popen(kit.docextract_cmd(*args), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        _wait_for_lines(out, 40, proc)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert kit.wait_for_no_leftovers(marker) == []  # workers notice and exit by themselves
    written = out.read_bytes()
    assert written.count(b"\n") < len(good) + len(bad)
    # a kill in the middle of a write leaves a torn line: make sure there is one
    tail = written.rstrip(b"\n").rsplit(b"\n", 1)[-1]
    with out.open("ab") as fh:
        fh.write(b"" if not written.endswith(b"\n") else tail[: len(tail) // 2])

    res = kit.run_batch([str(root), "-o", str(out), "--workers", "2"], env)

    assert res.returncode == 9, res.stderr
    lines = _lines(out)
    paths = [x["path"] for x in lines]
    assert len(paths) == len(set(paths)) == len(good) + len(bad)
    assert {x["path"] for x in lines if x["status"] == "ok"} == {str(p) for p in good}
    assert "already in" in res.stderr.splitlines()[-1]
    rerun = kit.run_batch([str(root), "-o", str(out)], env)
    assert rerun.returncode == 9 and out.read_bytes().count(b"\n") == len(paths)


def test_ctrl_c_stops_the_batch_and_every_worker(kit, tmp_path, cli_env):
    marker, env = cli_env
    root = tmp_path / "archive"
    kit.copy_good(root, 800)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(kit.docextract_cmd("batch", str(root), "-o", str(out), "-w", "2"),
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        _wait_for_lines(out, 20, proc)
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal does on Ctrl-C: the whole group
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, stderr
    assert b"Traceback" not in stderr
    assert kit.wait_for_no_leftovers(marker) == []


def test_paths_from_stdin_and_output_to_stdout(kit, tmp_path, cli_env):
    _, env = cli_env
    files = kit.copy_good(tmp_path, 3)
    listing = "".join(f"{p}\n" for p in files).encode()
    res = kit.run_batch(["-", "--do", "summarize", "--today", "2025-07-06", "--ordered"], env,
                        input=listing)
    assert res.returncode == 0, res.stderr
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert [x["path"] for x in lines] == [str(p) for p in files]
    assert all(x["summary"]["title"] for x in lines)
    assert res.stderr.startswith("docextract batch: 3 inputs: 3 ok, 0 failed")


def test_bad_option_combinations_are_usage_errors(kit, tmp_path, cli_env):
    _, env = cli_env
    res = kit.run_batch([str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"], env)
    assert res.returncode == 2 and "--engine dask" in res.stderr
    res = kit.run_batch([str(tmp_path), "--type", "nonsense"], env)
    assert res.returncode == 2 and "unknown record type" in res.stderr


def test_progress_is_drawn_only_on_a_terminal():
    quiet = io.StringIO()
    progress = Progress(3, stream=quiet)
    for ok in (True, False, True):
        progress.update(ok)
    progress.close()
    assert quiet.getvalue() == ""

    shown = io.StringIO()
    progress = Progress(3, stream=shown, live=True)
    progress.update(True)
    progress.note("docextract: b.hwp: broken")
    progress.update(False)
    progress.update(True)
    progress.close()
    text = shown.getvalue()
    assert "\r\033[K1/3 (33%)" in text and "files/s" in text and "ETA" in text
    assert "docextract: b.hwp: broken\n" in text and "3/3 (100%)" in text and "1 failed" in text


def test_progress_appears_on_a_real_terminal(kit, tmp_path, cli_env):
    pty = pytest.importorskip("pty")
    _, env = cli_env
    files = kit.copy_good(tmp_path / "in", 4)
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(kit.docextract_cmd("batch", str(tmp_path / "in"), "-o",
                                                 str(tmp_path / "out.jsonl")),
                              env=env, stderr=follower, stdout=subprocess.DEVNULL, timeout=120)
        os.close(follower)
        follower = -1
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
        if follower != -1:
            os.close(follower)
    assert proc.returncode == 0
    text = shown.decode("utf-8", "replace")
    assert f"{len(files)}/{len(files)} (100%)" in text and "files/s" in text
