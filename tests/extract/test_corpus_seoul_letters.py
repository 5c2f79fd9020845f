"""Eight real Seoul 결재문서 (정보소통광장, fields the publisher withheld masked with ``*``):
each extracts, under ``--type auto``, to the record written for it by reading the document.

The expected records (``corpus_letters/*.json``) were written field by field from the
documents: 결재란 tables with a date cell above the approver's name, ``代`` (대결) reviewers,
``수신자`` as the 수신 label, an electronic-document code line under the office name,
slogans above it, 관련 references with an organisation before the number, masked phone and
fax numbers (null, with a warning), tables inside the body.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import docextract

from ..conftest import CORPUS

EXPECTED = sorted((Path(__file__).parent / "corpus_letters").glob("*.json"))


@pytest.mark.corpus
@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.stem)
def test_seoul_letter_extracts_to_its_record(expected_path: Path) -> None:
    source = CORPUS / "hwpx" / f"{expected_path.stem}.hwpx"
    if not source.is_file():
        pytest.skip(f"public corpus file {source.name} not present")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    warnings = expected.pop("_warnings")
    rec = docextract.extract(source)
    got = rec.to_dict()
    assert rec.record_type == "official_letter"
    diff = {k: (got.get(k), v) for k, v in expected.items() if got.get(k) != v}
    assert not diff, diff
    assert rec.warnings == warnings
    doc = docextract.parse(source)
    for field, items in rec.evidence.items():
        for ev in items:
            assert doc.text[ev.span[0]:ev.span[1]] == ev.text, field
