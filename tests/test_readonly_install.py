"""An installed docextract never writes into its own folder: ``summarize`` runs from a
read-only install and leaves every file there as it was (the parsed field spec goes to
the user's cache directory instead)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LETTER = ROOT / "samples" / "hwp" / "letter-01.hwp"
SOURCES = ("docextract", "schemas", "setup.cfg", "pyproject.toml", "README.md")


def listing(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every file and folder below ``folder``: size, modification time and mode."""
    out = {}
    for path in sorted(folder.rglob("*")):
        st = path.lstat()
        out[str(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns, st.st_mode)
    return out


def make_read_only(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """docextract installed by pip (built as a wheel, bytecode compiled) into a folder of
    its own, from a copy of the sources so that building leaves the checkout alone."""
    work = tmp_path_factory.mktemp("readonly")
    source = work / "source"
    source.mkdir()
    for name in SOURCES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, source / name)
    target = work / "site"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
         str(source)],
        capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        pytest.fail(f"pip could not install docextract: {done.stderr[-2000:]}")
    return target


def test_summarize_from_a_read_only_install_writes_nothing_there(installed: Path,
                                                                  tmp_path: Path) -> None:
    package = installed / "docextract"
    assert (package / "__init__.py").is_file() and (installed / "docextract_schemas").is_dir()
    make_read_only(installed)
    before = listing(installed)
    cache = tmp_path / "xdg-cache"
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "DOCEXTRACT_CACHE")}
    env.update(PYTHONPATH=str(installed), XDG_CACHE_HOME=str(cache))
    code = ("import sys, docextract; from docextract.cli import main\n"
            "print(docextract.__file__, file=sys.stderr)\n"
            "main(['summarize', '--today', '2025-07-06', '--format', 'json', sys.argv[1]])\n")
    for _ in range(2):  # the second run reads the spec from the user cache
        done = subprocess.run([sys.executable, "-c", code, str(LETTER)], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stderr.startswith(str(package)), done.stderr  # the installed copy ran
        assert '"deadline": "2025-10-02T18:00"' in done.stdout
    assert listing(installed) == before
    assert list((cache / "docextract").glob("official_letter.yaml.*.marshal"))


def test_the_wheel_ships_a_json_schema_for_every_builtin_type(installed: Path, tmp_path: Path) -> None:
    """The installed package data holds ``<type>.schema.json`` beside each built-in
    ``<type>.yaml`` (as in the checkout), and ``docextract schema`` prints the same text."""
    shipped = installed / "docextract_schemas"
    types = sorted(p.stem for p in shipped.glob("*.yaml") if not p.name.startswith("_"))
    assert {"official_letter", "generic"} <= set(types)
    env = {k: v for k, v in os.environ.items() if k != "DOCEXTRACT_CACHE"}
    env.update(PYTHONPATH=str(installed), XDG_CACHE_HOME=str(tmp_path / "cache"))
    for name in types:
        schema = shipped / f"{name}.schema.json"
        assert schema.is_file(), f"{schema.name} is not in the wheel"
        assert schema.read_text(encoding="utf-8") == (ROOT / "schemas" / schema.name).read_text(
            encoding="utf-8")
    code = "import sys; from docextract.cli import main; main(['schema', sys.argv[1]])"
    done = subprocess.run([sys.executable, "-c", code, "official_letter"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (shipped / "official_letter.schema.json").read_text(encoding="utf-8")
