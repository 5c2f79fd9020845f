"""Run one docextract call in a child interpreter and measure it: outcome, wall time and
the child's own peak memory (VmHWM, which starts afresh at exec; ``ru_maxrss`` would
carry the forking test runner's peak over).

The bounds the hostile tests assert are generous (a loaded CI machine shares two CPUs
between several jobs): they separate "bounded" from "quadratic" or "grows with the
declared size", not fast from slow. Speed itself is measured by ``make bench``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import io, json, sys, time
spec = json.loads(sys.argv[1])
out = {}
t0 = time.monotonic()
import docextract
from docextract.errors import DocextractError
try:
    call, path, limits = spec["call"], spec.get("path"), spec.get("limits")
    if call == "cli":
        from docextract.cli import main
        try:
            main(spec["argv"])
        except SystemExit as exc:
            out["exit"] = exc.code
    elif call == "parse":
        doc = docextract.parse(path, limits=limits)
        out.update(chars=len(doc.text), blocks=len(doc.blocks),
                   tables=sum(1 for _ in doc.tables()),
                   warnings=[w.code for w in doc.warnings])
    elif call == "summarize":
        out["type"] = docextract.summarize(path, limits=limits).record_type
    elif call == "extract":
        out["type"] = docextract.extract(path, limits=limits).record_type
    elif call == "chunks":
        out["chunks"] = len(docextract.chunks(path, limits=limits))
    elif call == "every":
        # every library command, each reading the file again under its own deadline
        from docextract.redact import redact
        doc = docextract.parse(path, limits=limits)
        out["chars"] = len(doc.text)
        types = [s.type for s in docextract.classify(path, limits=limits).scores]
        out["extracted"] = {t: docextract.extract(path, type=t, limits=limits).record_type
                            for t in [*types, "generic", "auto"]}
        out["summary"] = docextract.summarize(path, limits=limits).record_type
        out["chunks"] = len(docextract.chunks(path, limits=limits))
        out["redacted"] = redact(path, output_format="json", limits=limits).counts()
    out.setdefault("outcome", "ok")
except DocextractError as exc:
    out.update(outcome=type(exc).__name__, message=str(exc),
               limit=getattr(exc, "context", {}).get("limit"))
out["seconds"] = round(time.monotonic() - t0, 3)
with open("/proc/self/status") as fh:
    out["peak_mib"] = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) // 1024
with open(spec["report"], "w") as fh:
    json.dump(out, fh)
"""


def run_child(call: str, path: Path | str | None = None, *, limits: dict | None = None,
              argv: list[str] | None = None, env: dict[str, str] | None = None,
              stdin: object = subprocess.DEVNULL, wall: float = 120) -> dict:
    """The child's report: ``outcome`` (``ok`` or an error class), ``seconds`` (of the call,
    import included), ``peak_mib``; ``exit`` and ``stderr`` for ``cli``. A child that
    crashes, or outlives ``wall`` seconds, fails the test."""
    if not hasattr(os, "wait4") or not Path("/proc/self/status").exists():
        import pytest

        pytest.skip("needs /proc for the child's peak memory")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        spec = {"call": call, "path": None if path is None else os.fsdecode(path),
                "limits": limits, "argv": argv, "report": str(report)}
        started = time.monotonic()
        proc = subprocess.run([sys.executable, "-c", CHILD, json.dumps(spec)], stdin=stdin,
                              capture_output=True, timeout=wall, env=env)
        assert proc.returncode == 0, f"the child died ({proc.returncode}): {proc.stderr[-3000:]!r}"
        result = json.loads(report.read_text())
        result["wall"] = round(time.monotonic() - started, 3)
        result["stdout"], result["stderr"] = proc.stdout, proc.stderr
        return result
