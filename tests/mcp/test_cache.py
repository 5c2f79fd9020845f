"""Parsed documents kept between tool calls: one parse for several tools on one document,
a file changed in place parsed again, the bounds, and the cache turned off."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import docextract
from docextract.mcp.cache import DocumentCache

from .talk import output, session

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"


def _built(served: Path, **settings):
    from docextract.mcp import build_server, config

    settings_ = config(served, **settings)
    return build_server(settings_), settings_.workspace.cache


def test_several_tools_on_one_document_parse_it_once(sdk, served):
    server, cache = _built(served)
    results = session(server, ("read_document", {"path": "letters/letter-01.hwp"}),
                      ("extract_record", {"path": "letters/letter-01.hwp"}),
                      ("get_tables", {"path": "letters/letter-01.hwp"}),
                      ("classify", {"path": "letters/letter-01.hwp"}),
                      ("summarize", {"path": "letters/letter-01.hwp", "today": "2024-01-01"}))
    assert (cache.misses, cache.hits) == (1, 4)
    # the answers are the ones an uncached server gives
    fresh, off = _built(served, cached_documents=0)
    again = session(fresh, ("extract_record", {"path": "letters/letter-01.hwp"}),
                    ("summarize", {"path": "letters/letter-01.hwp", "today": "2024-01-01"}))
    assert output(results[1]) == output(again[0])
    assert output(results[4]) == output(again[1])
    assert len(off) == 0 and off.hits == 0


def test_a_file_changed_in_place_is_parsed_again(sdk, served):
    server, cache = _built(served)
    target = served / "letter-01.docx"
    first = output(session(server, ("extract_record", {"path": "letter-01.docx"}))[0])
    shutil.copyfile(SAMPLES / "docx" / "press-01.docx", target)  # same name, other bytes
    second = output(session(server, ("extract_record", {"path": "letter-01.docx"}))[0])
    assert cache.misses == 2 and cache.hits == 0
    assert first["type"] == "official_letter" and second["type"] == "press_release"


def test_the_same_bytes_under_two_names_keep_their_own_names(sdk, served):
    shutil.copyfile(served / "letter-01.docx", served / "copy.docx")
    server, cache = _built(served)
    first, second = session(server, ("read_document", {"path": "letter-01.docx"}),
                            ("read_document", {"path": "copy.docx"}))
    assert output(first)["path"] == "letter-01.docx" and output(second)["path"] == "copy.docx"
    assert cache.misses == 2


def test_a_failed_parse_is_not_kept(sdk, served):
    server, cache = _built(served)
    results = session(server, ("read_document", {"path": "broken.docx"}),
                      ("read_document", {"path": "broken.docx"}))
    assert all(r.is_error for r in results)
    assert len(cache) == 0 and cache.misses == 2


def _doc(name: str):
    return docextract.parse(SAMPLES / name)


@pytest.mark.parametrize("names", [["hwp/letter-01.hwp", "docx/letter-02.docx",
                                    "hwpx/letter-03.hwpx"]])
def test_the_least_recently_used_document_goes_first(names):
    docs = {name: _doc(name) for name in names}
    cache = DocumentCache(max_documents=2)
    for name in names[:2]:
        cache.get_or_parse(name.encode(), name, lambda n=name: docs[n])
    cache.get_or_parse(names[0].encode(), names[0], lambda: pytest.fail("was kept"))  # a hit
    cache.get_or_parse(names[2].encode(), names[2], lambda: docs[names[2]])  # drops names[1]
    assert len(cache) == 2 and cache.hits == 1
    reparsed = []
    cache.get_or_parse(names[1].encode(), names[1],
                       lambda: reparsed.append(1) or docs[names[1]])
    assert reparsed == [1]


def test_the_character_budget_bounds_the_cache():
    doc = _doc("hwp/letter-01.hwp")
    size = len(doc.text)
    cache = DocumentCache(max_documents=100, max_chars=2 * size)
    for k in range(5):
        cache.get_or_parse(bytes([k]), "same.hwp", lambda: doc)
    assert len(cache) == 2
    small = DocumentCache(max_chars=size - 1)  # larger than the whole budget: never kept
    small.get_or_parse(b"x", "big.hwp", lambda: doc)
    assert len(small) == 0
