"""setup.cfg ships every package and the schemas; entry points name the built-ins."""

from __future__ import annotations

import configparser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _cfg() -> configparser.ConfigParser:
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    return cfg


def test_every_package_directory_is_listed():
    listed = {p.strip() for p in _cfg()["options"]["packages"].split() if p.strip()}
    on_disk = {str(p.parent.relative_to(ROOT)).replace("/", ".")
               for p in (ROOT / "docextract").rglob("__init__.py")}
    assert on_disk <= listed, f"missing from setup.cfg packages: {sorted(on_disk - listed)}"
    assert "docextract_schemas" in listed


def test_builtin_parsers_have_entry_points():
    from docextract.parsers import BUILTIN_PARSERS

    eps = _cfg()["options.entry_points"]["docextract.parsers"]
    declared = dict(line.split("=", 1) for line in eps.strip().splitlines())
    assert {k.strip(): v.strip() for k, v in declared.items()} == BUILTIN_PARSERS


def test_py_typed_is_shipped():
    assert (ROOT / "docextract" / "py.typed").exists()
    assert "py.typed" in _cfg()["options.package_data"]["docextract"]
