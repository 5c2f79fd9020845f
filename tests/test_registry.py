"""Parsers plug in through the registry; a new format needs no change to the core."""

from __future__ import annotations

import pytest

import docextract
from docextract.errors import MissingDependency, PluginError
from docextract.model import Document, Metadata, Paragraph
from docextract.parsers.base import ParseContext, Parser
from docextract.registry import Registry, check_requirements, parsers


class LineTextParser(Parser):
    """A toy plugin format: files starting with 'LINETEXT\\n', one paragraph per line."""

    name = "linetext"
    formats = ("linetext",)

    @classmethod
    def detect(cls, data: bytes) -> bool:
        return data.startswith(b"LINETEXT\n")

    def parse(self, data: bytes, ctx: ParseContext) -> Document:
        lines = data.decode("utf-8").splitlines()[1:]
        return Document.assemble([Paragraph(text=t) for t in lines], format="linetext",
                                 source=ctx.source, metadata=Metadata(), warnings=ctx.warnings)


@pytest.fixture
def linetext_plugin():
    parsers().register("linetext", LineTextParser)
    yield
    parsers().unregister("linetext")


def test_a_plugin_format_is_detected_and_parsed(linetext_plugin, tmp_path):
    path = tmp_path / "memo.bin"
    path.write_bytes("LINETEXT\n수신 내부결재\n제목 테스트\n".encode())
    doc = docextract.parse(path)
    assert doc.format == "linetext"
    assert [p.text for p in doc.paragraphs()] == ["수신 내부결재", "제목 테스트"]
    assert doc.source.name == str(path) and len(doc.source.sha256) == 64


def test_duplicate_registration_is_refused(linetext_plugin):
    with pytest.raises(PluginError, match="already registered"):
        parsers().register("linetext", LineTextParser)


def test_unknown_name_lists_the_known_ones():
    reg: Registry[type] = Registry("docextract.test-none", {"a": "json:loads"}, "thing")
    with pytest.raises(PluginError, match=r"known: a"):
        reg.get("zzz")


def test_missing_dependency_names_the_pip_command():
    class NeedsAbsent(Parser):
        name = "x"
        formats = ("x",)
        requires = {"surely_not_installed_mod": "surely-not-installed>=1"}

    with pytest.raises(MissingDependency, match='pip install "surely-not-installed>=1"'):
        check_requirements(NeedsAbsent, "parser 'x'")


def test_builtin_parsers_are_all_registered():
    assert {"hwp", "hwpx", "docx", "pdf"} <= set(parsers().names())


# --- discovery of third-party plugins, and the fast check that skips it -----------------

import importlib  # noqa: E402
import importlib.metadata  # noqa: E402
import sys  # noqa: E402

from docextract import registry as registry_module  # noqa: E402
from docextract.parsers import BUILTIN_PARSERS  # noqa: E402

_TOY_MODULE = '''
from docextract.parsers.base import Parser


class ToyParser(Parser):
    """A parser shipped by a third-party distribution."""

    name = "toy"
    formats = ("toy",)
'''


def _distribution(root, name: str, entry_points: str | None, suffix: str = "dist-info"):
    """A minimal installed distribution ``name`` 1.0 under ``root``, with its module."""
    meta = root / f"{name}-1.0.{suffix}"
    meta.mkdir()
    (meta / ("PKG-INFO" if suffix == "egg-info" else "METADATA")).write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n\n", encoding="utf-8")
    if entry_points is not None:
        (meta / "entry_points.txt").write_text(entry_points, encoding="utf-8")
    (root / f"{name}.py").write_text(_TOY_MODULE, encoding="utf-8")


@pytest.fixture
def plugins_on(monkeypatch, tmp_path):
    """tmp_path on sys.path, third-party plugins allowed, the toy module forgotten afterwards."""
    monkeypatch.delenv("DOCEXTRACT_PLUGINS", raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "fakeplug", raising=False)
    yield tmp_path
    sys.modules.pop("fakeplug", None)
    importlib.invalidate_caches()


@pytest.fixture
def standard_finders(monkeypatch):
    """Only the standard import finders: a metadata finder that an earlier test's imports
    added (dask brings the importlib_metadata backport) rightly makes _may_declare say True."""
    monkeypatch.setattr(sys, "meta_path", [f for f in sys.meta_path
                                           if not hasattr(f, "find_distributions")
                                           or f is importlib.machinery.PathFinder])


def _expected_from_metadata(group: str) -> dict[str, tuple[str, str]]:
    """What importlib.metadata itself finds, minus docextract's own mirror of the built-ins."""
    return {ep.name: (ep.value, ep.dist.name) for ep in importlib.metadata.entry_points(group=group)
            if ep.dist is not None and ep.dist.name.lower() != "docextract"}


@pytest.mark.parametrize("suffix", ["dist-info", "egg-info"])
def test_a_declared_plugin_is_found_as_importlib_metadata_finds_it(plugins_on, suffix):
    _distribution(plugins_on, "fakeplug", "[docextract.parsers]\ntoy = fakeplug:ToyParser\n", suffix)
    importlib.invalidate_caches()
    assert registry_module._may_declare("docextract.parsers")
    expected = _expected_from_metadata("docextract.parsers")
    assert expected["toy"] == ("fakeplug:ToyParser", "fakeplug")

    reg: Registry[type] = Registry("docextract.parsers", BUILTIN_PARSERS, "parser")
    plugins = {e.name: (e.target, e.origin) for e in reg.entries() if e.origin != "builtin"}
    assert plugins == expected
    assert set(BUILTIN_PARSERS) <= set(reg.names())
    toy = reg.get("toy")
    assert toy.__module__ == "fakeplug" and toy.__name__ == "ToyParser"
    assert toy is importlib.import_module("fakeplug").ToyParser


def test_plugins_stay_off_when_the_environment_says_none(plugins_on, monkeypatch):
    _distribution(plugins_on, "fakeplug", "[docextract.parsers]\ntoy = fakeplug:ToyParser\n")
    importlib.invalidate_caches()
    monkeypatch.setenv("DOCEXTRACT_PLUGINS", "none")
    reg: Registry[type] = Registry("docextract.parsers", BUILTIN_PARSERS, "parser")
    assert "toy" not in reg.names()


@pytest.mark.parametrize("entry_points", [
    None,                                                          # no entry_points.txt
    "[console_scripts]\nfakeplug = fakeplug:main\n",               # only other groups
    "[docextract.extractors]\ntoy = fakeplug:ToyParser\n",         # another docextract group
])
def test_without_a_declaring_distribution_the_scan_is_skipped(plugins_on, standard_finders,
                                                              monkeypatch, entry_points):
    _distribution(plugins_on, "fakeplug", entry_points)
    importlib.invalidate_caches()
    assert not registry_module._may_declare("docextract.parsers")
    # what a full scan finds (nothing beyond docextract's own entry points) ...
    fast_check = registry_module._may_declare
    monkeypatch.setattr(registry_module, "_may_declare", lambda group: True)
    scanned = Registry("docextract.parsers", BUILTIN_PARSERS, "parser").entries()
    monkeypatch.setattr(registry_module, "_may_declare", fast_check)

    # ... is what the registry gives without reading any distribution's metadata
    def no_scan(*args, **kwargs):
        raise AssertionError("importlib.metadata.entry_points was called")

    monkeypatch.setattr(importlib.metadata, "entry_points", no_scan)
    skipped = Registry("docextract.parsers", BUILTIN_PARSERS, "parser").entries()
    assert skipped == scanned
    assert {e.name for e in skipped} == set(BUILTIN_PARSERS)


def test_docextracts_own_entry_points_do_not_trigger_a_scan(plugins_on, standard_finders):
    meta = plugins_on / "docextract-9.9.dist-info"
    meta.mkdir()
    (meta / "METADATA").write_text("Metadata-Version: 2.1\nName: docextract\nVersion: 9.9\n\n")
    (meta / "entry_points.txt").write_text("[docextract.parsers]\nhwp = docextract.parsers.hwp5:X\n")
    assert not registry_module._may_declare("docextract.parsers")
    # a look-alike name is not docextract
    (meta / "METADATA").write_text("Metadata-Version: 2.1\nName: docextract-extra\nVersion: 9.9\n\n")
    assert registry_module._may_declare("docextract.parsers")
