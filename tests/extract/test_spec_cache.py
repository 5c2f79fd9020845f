"""The built-in field spec is parsed once and reused from the user's cache directory while
its text (SHA-256) is unchanged; ``DOCEXTRACT_CACHE=off`` turns the cache off."""

from __future__ import annotations

import hashlib
import marshal
from pathlib import Path

import pytest
import yaml

from docextract.errors import ExtractionError
from docextract.engine import spec_files

NAME = "official_letter.yaml"
PACKAGE = Path(spec_files.__file__).resolve().parents[1]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """The spec cache pointed at an empty folder."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(spec_files.CACHE_SETTING, str(folder))
    return folder


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{NAME}.*.marshal")) if folder.is_dir() else []


def no_parsing(monkeypatch):
    def refuse(text, origin):
        raise AssertionError(f"{origin} was parsed again")

    monkeypatch.setattr(spec_files, "load_yaml", refuse)


def test_by_default_the_cache_is_the_user_cache_directory(monkeypatch, tmp_path):
    monkeypatch.delenv(spec_files.CACHE_SETTING, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = spec_files.cache_folder()
    assert folder is not None and not folder.resolve().is_relative_to(PACKAGE)
    if folder.is_relative_to(tmp_path):  # platformdirs follows XDG on Linux
        assert folder == tmp_path / "xdg" / "docextract"
    spec_files.load_builtin_spec(NAME)
    assert len(cache_files(folder)) == 1


@pytest.mark.parametrize("value", ["off", "OFF", "0", "no"])
def test_the_cache_can_be_turned_off(monkeypatch, value):
    monkeypatch.setenv(spec_files.CACHE_SETTING, value)
    assert spec_files.cache_folder() is None
    assert spec_files.load_builtin_spec(NAME) == yaml.safe_load(spec_files.schema_text(NAME))


def test_the_cached_spec_equals_the_parsed_yaml(cache, monkeypatch):
    expected = yaml.safe_load(spec_files.schema_text(NAME))
    first = spec_files.load_builtin_spec(NAME)
    assert first == expected
    assert len(cache_files(cache)) == 1
    no_parsing(monkeypatch)
    second = spec_files.load_builtin_spec(NAME)  # from the cache, not from the YAML
    assert second == expected
    assert second is not first


def test_an_edited_spec_is_parsed_again(cache, monkeypatch):
    texts = {NAME: "fields:\n  title: {labels: [제목]}\n"}
    monkeypatch.setattr(spec_files, "schema_text", lambda name: texts[name])
    assert spec_files.load_builtin_spec(NAME) == {"fields": {"title": {"labels": ["제목"]}}}
    texts[NAME] = "fields:\n  title: {labels: [제목, 건명]}\n  via: 경유\n"
    assert spec_files.load_builtin_spec(NAME) == yaml.safe_load(texts[NAME])
    no_parsing(monkeypatch)  # and the new text's result is what is cached now
    assert spec_files.load_builtin_spec(NAME) == yaml.safe_load(texts[NAME])


@pytest.mark.parametrize("content", [
    b"",
    b"\x00garbage\xff",
    marshal.dumps(("0" * 64, {"fields": {}})),         # another text's digest
    marshal.dumps(("digest", "not a mapping", "x")),   # not a (digest, data) pair
])
def test_a_bad_cache_file_falls_back_to_parsing_and_is_replaced(cache, monkeypatch, content):
    spec_files.load_builtin_spec(NAME)
    [path] = cache_files(cache)
    path.write_bytes(content)
    expected = yaml.safe_load(spec_files.schema_text(NAME))
    assert spec_files.load_builtin_spec(NAME) == expected
    no_parsing(monkeypatch)
    assert spec_files.load_builtin_spec(NAME) == expected


def test_a_cache_holding_a_non_mapping_is_not_trusted(cache):
    text = spec_files.schema_text(NAME)
    spec_files.load_builtin_spec(NAME)
    [path] = cache_files(cache)
    path.write_bytes(marshal.dumps((hashlib.sha256(text.encode()).hexdigest(), ["a", "list"])))
    assert spec_files.load_builtin_spec(NAME) == yaml.safe_load(text)


def test_an_unwritable_cache_folder_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv(spec_files.CACHE_SETTING, str(blocker / "cache"))
    assert spec_files.load_builtin_spec(NAME) == yaml.safe_load(spec_files.schema_text(NAME))
    assert [p.name for p in tmp_path.iterdir()] == ["not-a-folder"]


def test_a_spec_marshal_cannot_store_is_returned_uncached(cache, monkeypatch):
    # YAML dates become datetime.date, which marshal refuses: parse every time, no error
    monkeypatch.setattr(spec_files, "schema_text", lambda name: "fields:\n  since: 2026-03-05\n")
    data = spec_files.load_builtin_spec(NAME)
    assert data == {"fields": {"since": yaml.safe_load("2026-03-05")}}
    assert not cache.exists()  # neither the cache file nor a temp file


def test_invalid_yaml_is_an_extraction_error_and_not_cached(cache, monkeypatch):
    monkeypatch.setattr(spec_files, "schema_text", lambda name: "fields: [unclosed\n")
    with pytest.raises(ExtractionError, match="invalid YAML"):
        spec_files.load_builtin_spec(NAME)
    assert cache_files(cache) == []
