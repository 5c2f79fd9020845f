"""The generated 보도자료, 회의록, 공고 and 보고서 samples, in every format: classified as their
type and extracted to the records written for them (``samples/expected/<stem>.<type>.json``,
written from the text in ``samples/others.py``).

The 공고's metadata title is stale (as Hancom leaves it) and its body title letter-spaced: the
record's title is the body's, spacing collapsed, and says where it came from.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import docextract

from ..conftest import SAMPLES

FORMATS = ("hwp", "hwpx", "docx", "pdf")
EXPECTED = sorted(p for p in (SAMPLES / "expected").glob("*.json")
                  if not p.name.endswith(".official_letter.json"))
CASES = [(p, fmt) for p in EXPECTED for fmt in FORMATS]
# Known misses (none now): a field listed here must still differ from the record written.
KNOWN: dict[tuple[str, str], set[str]] = {}


def test_every_type_has_samples() -> None:
    assert {p.name.split(".")[1] for p in EXPECTED} == {"press_release", "minutes", "notice", "report"}


@pytest.mark.parametrize("expected_path, fmt", CASES, ids=lambda c: getattr(c, "stem", c))
def test_sample_is_classified_and_extracts_to_its_record(expected_path: Path, fmt: str) -> None:
    stem, kind = expected_path.name.split(".")[:2]
    path = SAMPLES / fmt / f"{stem}.{fmt}"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    doc = docextract.parse(path)
    rec = docextract.extract(doc)
    assert rec.record_type == kind and not rec.warnings
    got = rec.to_dict()
    known = KNOWN.get((stem, fmt), set())
    diff = {k: (got.get(k), v) for k, v in expected.items() if k not in known and got.get(k) != v}
    assert not diff, diff
    assert all(got.get(k) != expected[k] for k in known), "fixed: take it off KNOWN"
    for field, items in rec.evidence.items():
        for ev in items:
            assert doc.text[ev.span[0]:ev.span[1]] == ev.text, field


@pytest.mark.parametrize("fmt", FORMATS)
def test_stale_metadata_title_loses_to_the_body(fmt: str) -> None:
    doc = docextract.parse(SAMPLES / fmt / f"notice-01.{fmt}")
    assert doc.metadata.title == "2023년 청소용역 입찰공고문 서식"
    rec = docextract.extract(doc)
    # the words of the letter-spaced title (``2 0 2 5 년  청 사``) keep their gaps in every
    # format: in the PDF they are the wider blanks after the drawn spaces
    assert rec.to_dict()["title"] == "2025년 청사 시설관리 용역 입찰공고"
    assert [e.rule for e in rec.evidence["title"]] == ["title:body"]


def test_metadata_title_only_when_the_body_has_none() -> None:
    from docextract.model import Document, Metadata, Paragraph

    doc = Document.assemble([Paragraph(text="1. 가나다")], format="docx",
                            metadata=Metadata(title="메타데이터 제목"))
    rec = docextract.extract(doc, type="generic")
    assert rec.title == "메타데이터 제목"
    assert [(e.path, e.rule) for e in rec.evidence["title"]] == [("metadata/title", "title:metadata")]
