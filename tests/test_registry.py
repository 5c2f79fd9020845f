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
