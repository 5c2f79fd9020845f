"""Real 보도자료, 공고·고시, 회의록 and 보고서 of the public corpus: each is classified as its
type under ``--type auto`` and extracts to the record written for it by reading the document
(``corpus_types/*.json``, one per file, naming it in ``_file``).

The records were written field by field from the documents. Where the extractor still gets a
field wrong, the record holds what a reader sees and names the field in ``_misses``: the
test checks that those fields still differ, so a fix shows up as a failure asking for the
record to be updated. A long outline or agenda is compared by its first entries and length
(``_outline_heads``, ``_agenda_count``, ``_agenda_first``: ``benches.eval_types.comparable``).
Every evidence span must be the text it quotes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import docextract

from ..conftest import CORPUS, ROOT, corpus_files

if str(ROOT) not in sys.path:  # importlib mode does not put the project root on sys.path
    sys.path.insert(0, str(ROOT))

from benches.eval_types import comparable, fields_of  # noqa: E402

RECORDS = sorted((Path(__file__).parent / "corpus_types").glob("*.json"))


def _source(expected_path: Path) -> tuple[dict, Path]:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    source = CORPUS / expected["_file"]
    if not source.is_file():
        pytest.skip(f"public corpus file {expected['_file']} not present")
    return expected, source


@pytest.mark.corpus
@pytest.mark.parametrize("expected_path", RECORDS, ids=lambda p: p.stem)
def test_document_is_classified_and_extracts_to_its_record(expected_path: Path) -> None:
    expected, source = _source(expected_path)
    doc = docextract.parse(source)
    rec = docextract.extract(doc)
    assert rec.record_type == expected["type"], rec.warnings
    got = comparable(rec.to_dict(), expected)
    misses = set(expected["_misses"])
    diff = {k: (got.get(k), expected[k]) for k in fields_of(expected)
            if k not in misses and got.get(k) != expected[k]}
    assert not diff, diff
    fixed = [k for k in misses if got.get(k) == expected[k]]
    assert not fixed, f"now extracted right, take them off _misses: {fixed}"
    assert rec.warnings == expected["_warnings"]
    for field, items in rec.evidence.items():
        for ev in items:
            assert ev.path != "metadata/title", field  # every value from the body
            assert doc.text[ev.span[0]:ev.span[1]] == ev.text, field


@pytest.mark.corpus
def test_tax_rulings_take_their_title_from_the_body_not_stale_metadata(corpus_dir: Path) -> None:
    """Hancom keeps the summary title of the file a document was copied from: eight 국세청
    rulings carry ``유류매출인지 운송대행인지 여부``. Their title is the 제목 of the body."""
    rulings = [p for p in corpus_files("hwp") if p.name.startswith("hwplib_nts")]
    stale = 0
    for path in rulings:
        doc = docextract.parse(path)
        rec = docextract.extract(doc)
        title = rec.to_dict()["title"]
        assert title, path.name
        rules = [e.rule for e in rec.evidence["title"]]
        assert rules and "title:metadata" not in rules, path.name
        if doc.metadata.title == "유류매출인지 운송대행인지 여부":
            stale += 1
            assert title != doc.metadata.title, path.name
    assert stale >= 7
