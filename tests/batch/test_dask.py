"""The Dask engine on a real ``dask.distributed`` cluster: the local engine's output contract
(one envelope per input, errors as lines) and resume, shipping paths or bytes."""

from __future__ import annotations

import json

import pytest

distributed = pytest.importorskip(
    "dask.distributed", reason='the Dask engine needs dask[distributed]: pip install "docextract[dask]"')

from docextract import batch  # noqa: E402
from docextract.cli import cli  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=":0") as running:
        yield running


def _comparable(envelope):
    return {k: v for k, v in envelope.items() if k != "elapsed_ms"}


@pytest.mark.parametrize("ship", ["path", "bytes"])
def test_dask_gives_the_envelopes_the_local_engine_gives(kit, tmp_path, cluster, ship):
    good = kit.copy_good(tmp_path / "in", 12)
    bad = kit.corrupt_files(tmp_path / "in" / "bad")
    missing = tmp_path / "in" / "missing.hwp"
    inputs = [tmp_path / "in", missing]
    on_dask = {r.path: r.envelope for r in batch.run(inputs, engine="dask", ship=ship,
                                                      scheduler=cluster.scheduler_address)}
    local = {r.path: r.envelope for r in batch.run(inputs, workers=2)}
    assert len(on_dask) == len(good) + len(bad) + 1
    assert {p: _comparable(e) for p, e in on_dask.items()} == \
        {p: _comparable(e) for p, e in local.items()}
    assert on_dask[str(missing)]["error"]["code"] == "unsupported"


def test_cli_on_a_dask_scheduler_resumes_like_the_local_engine(kit, tmp_path, cluster, runner):
    files = kit.copy_good(tmp_path / "in", 10)
    out = tmp_path / "out.jsonl"
    args = ["batch", str(tmp_path / "in"), "-o", str(out), "--engine", "dask",
            "--scheduler", cluster.scheduler_address]
    first = runner.invoke(cli, ["batch", str(files[0]), str(files[1])] + args[2:],
                          standalone_mode=False)
    assert first.return_value == 0, first.output
    assert out.read_text(encoding="utf-8").count("\n") == 2
    second = runner.invoke(cli, args, standalone_mode=False)
    assert second.return_value == 0, second.output
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(x["path"] for x in lines) == sorted(str(p) for p in files)
    assert all(x["status"] == "ok" for x in lines)
    assert "2 already in" in second.stderr


def test_without_a_scheduler_a_local_cluster_is_started(kit, tmp_path):
    files = kit.copy_good(tmp_path, 3)
    results = list(batch.run(files, engine="dask", workers=1, do="text"))
    assert sorted(r.path for r in results) == sorted(str(p) for p in files)
    assert all(r.ok and r.envelope["text"] for r in results)


def test_ctrl_c_closes_the_local_cluster_quietly(kit, tmp_path, cli_env):
    import os
    import signal
    import subprocess
    import time

    marker, env = cli_env
    kit.copy_good(tmp_path / "in", 2000)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(kit.docextract_cmd("batch", str(tmp_path / "in"), "-o", str(out),
                                               "--engine", "dask", "-w", "2"),
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if out.exists() and out.read_bytes().count(b"\n") >= 20:
                break
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGINT)  # a terminal's Ctrl-C: the whole process group
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    assert b"Traceback" not in stderr and b"KeyboardInterrupt" not in stderr
    assert kit.wait_for_no_leftovers(marker) == []
