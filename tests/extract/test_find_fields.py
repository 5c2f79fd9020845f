"""``find_fields``: the extractors' findings as plain values, which summaries use instead of
the Pydantic record. They must say exactly what the record says."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

import docextract
from docextract.extraction import find_fields
from docextract.engine.base import Extraction, Extractor
from docextract.model import Document
from docextract.records.generic import GenericRecord
from docextract.records.official_letter import OfficialLetter
from docextract.summaries.summary import build_summary

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
LETTERS = sorted((SAMPLES / "hwp").glob("letter-*.hwp")) + sorted((SAMPLES / "pdf").glob("letter-*.pdf"))
OTHERS = sorted(p for p in (SAMPLES / "hwp").glob("*.hwp") if not p.name.startswith("letter-"))


@pytest.mark.parametrize("path", LETTERS + OTHERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_findings_are_the_record_before_validation(path: Path) -> None:
    doc = docextract.parse(path)
    found = find_fields(doc)
    record = docextract.extract(doc)
    assert found.record_type == record.record_type
    assert found.to_record(type(record)).to_dict(evidence=True) == record.to_dict(evidence=True)
    assert found.warnings == record.warnings
    assert found.evidence == record.evidence


# the other samples are named after their type: press-01 is a 보도자료, notice-01 a 공고 ...
SAMPLE_TYPES = {"press": "press_release", "minutes": "minutes", "notice": "notice", "report": "report"}


def test_letters_and_other_documents_get_their_record_types() -> None:
    assert {find_fields(p).record_type for p in LETTERS} == {"official_letter"}
    assert OTHERS and {p.stem: find_fields(p).record_type for p in OTHERS} == {
        p.stem: SAMPLE_TYPES[p.stem.split("-")[0]] for p in OTHERS}
    assert isinstance(docextract.extract(OTHERS[0], type="generic"), GenericRecord)


class _TitleOnly(Extractor):
    """A plugin in the older style: it implements ``extract`` only."""

    record_type: ClassVar[str] = "official_letter"

    def score(self, doc: Document) -> float:
        return 1.0

    def extract(self, doc: Document) -> OfficialLetter:
        record = OfficialLetter(title=doc.text.splitlines()[0], amounts=[7])
        record.warnings.append("title only")
        return record


def test_an_extractor_with_only_extract_still_reports_findings() -> None:
    doc = docextract.parse(LETTERS[0])
    found = _TitleOnly().find(doc)
    assert isinstance(found, Extraction)
    assert found.value("title") == doc.text.splitlines()[0]
    assert found.value("amounts") == [7] and found.value("attachments") == []
    assert found.warnings == ["title only"]
    summary = build_summary(found, doc)
    assert summary.title == found.value("title") and summary.kind == "official_letter"
