"""The import contracts in ``.importlinter`` hold: layers, parsers apart from extraction,
the model importing nothing of ours but its helper and the errors, no cycles."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lint_imports() -> str:
    beside = Path(sys.executable).parent / "lint-imports"
    found = str(beside) if beside.exists() else shutil.which("lint-imports")
    assert found, "lint-imports not found: import-linter is in the dev extra (make install)"
    return found


def test_import_contracts_are_kept():
    done = subprocess.run([lint_imports(), "--no-cache"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_a_parser_importing_the_extractors_breaks_a_contract(tmp_path):
    """The contracts can fail: a copy of the package whose HWP parser imports the
    summaries is refused."""
    copy = tmp_path / "docextract"
    shutil.copytree(ROOT / "docextract", copy, ignore=shutil.ignore_patterns("__pycache__"))
    parser = copy / "parsers" / "base.py"
    parser.write_text(parser.read_text(encoding="utf-8") + "\nfrom ..summaries import summarize\n",
                      encoding="utf-8")
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    done = subprocess.run([lint_imports(), "--no-cache"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=300, env={"PYTHONPATH": str(tmp_path),
                                                       "PATH": "/usr/bin:/bin"})
    assert done.returncode == 1, done.stdout[-4000:] + done.stderr[-2000:]
    assert "docextract.parsers.base -> docextract.summaries" in done.stdout
