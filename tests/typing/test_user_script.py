"""The README's API type-checks under ``mypy --strict`` as users see it (the installed
package, from a folder outside the project), misspelt names are errors, and the script runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCRIPT = HERE / "user_script.py"
LETTER = ROOT / "samples" / "hwp" / "letter-01.hwp"

pytest.importorskip("mypy", reason="mypy is in the dev and lint extras (make install)")


def mypy(target: Path, cwd: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` run the way a user runs it: from their own folder, no project config."""
    env = {k: v for k, v in os.environ.items() if k not in ("MYPYPATH", "PYTHONPATH")}
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--cache-dir", str(cache),
         str(target)], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mypy-cache")


def test_the_user_script_passes_mypy_strict(tmp_path: Path, cache: Path) -> None:
    done = mypy(SCRIPT, tmp_path, cache)
    assert done.returncode == 0, done.stdout + done.stderr


def test_docextract_is_found_through_the_installed_package(tmp_path: Path, cache: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("import docextract\nreveal_type(docextract.parse)\n", encoding="utf-8")
    done = mypy(probe, tmp_path, cache)
    assert "-> docextract.model.Document" in done.stdout, done.stdout + done.stderr


@pytest.mark.parametrize("line, message", [
    ("docextract.prase('공문.hwp')", 'Module has no attribute "prase"'),
    ("from docextract.records import OfficalLetter", 'has no attribute "OfficalLetter"'),
    ("from docextract.summaries import Sumary", 'has no attribute "Sumary"'),
    ("docextract.summarize(3)", "incompatible type"),
    ("docextract.classify('a.hwp').scores[0].scroe", 'has no attribute "scroe"'),
    ("docextract.classify('a.hwp', password=1)", "incompatible type"),
])
def test_misspelt_names_and_wrong_arguments_are_type_errors(tmp_path: Path, cache: Path,
                                                           line: str, message: str) -> None:
    wrong = tmp_path / "wrong.py"
    wrong.write_text(f"import docextract\n{line}\n", encoding="utf-8")
    done = mypy(wrong, tmp_path, cache)
    assert done.returncode == 1 and message in done.stdout, done.stdout + done.stderr


def test_the_user_script_runs_on_a_sample_letter(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), str(LETTER)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "기한: 2025-10-02T18:00" in done.stdout and "D-day: D-88" in done.stdout
    assert "유형: official_letter (1.00)" in done.stdout


def test_names_the_readme_imports_exist_at_run_time() -> None:
    code = ("import sys, docextract\n"
            "from docextract.records import OfficialLetter, GenericRecord, Record\n"
            "from docextract.summaries import Summary, summarize\n"
            "assert docextract.OfficialLetter is OfficialLetter and issubclass(GenericRecord, Record)\n"
            "assert docextract.Summary is Summary and docextract.summarize is summarize\n"
            "try:\n    docextract.prase\nexcept AttributeError as e:\n    print(e)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "has no attribute 'prase'" in done.stdout
