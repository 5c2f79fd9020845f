"""The plain data classes and docextract.serialize: dicts and JSON in and out, validated
on the way in, checked on the way out, and Pydantic only when it is needed."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from pydantic import ValidationError
from pydantic_core import PydanticSerializationError

import docextract
from docextract import serialize
from docextract.evidence import Evidence
from docextract.model import (Annotation, BBox, Cell, Document, Metadata, Paragraph, Provenance,
                              Role, Table)
from docextract.plain import PlainData, to_jsonable
from docextract.records.parts import Approver, Disclosure
from docextract.summaries.dday import DDay

from .conftest import corpus_files

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE_FILES = sorted(p for fmt in ("hwp", "hwpx", "docx", "pdf")
                      for p in (SAMPLES / fmt).glob(f"*.{fmt}"))
CORPUS_FILES = [p for kind in ("hwp", "hwpx", "docx", "pdf") for p in corpus_files(kind)]


def small_document() -> Document:
    cell = Cell(row=0, col=0, blocks=[Paragraph(text="칸")])
    return Document.assemble([
        Paragraph(text="제목", role=Role.HEADER, annotations=[
            Annotation(kind="field", name="title", start=0, end=2)]),
        Table(n_rows=1, n_cols=1, rows=[[cell]],
              prov=Provenance(page=1, bbox=BBox(x0=1.5, top=2, x1=3, bottom=4.25))),
    ], format="hwp", metadata=Metadata(
        created=datetime(2025, 7, 6, 9, 30, tzinfo=timezone.utc),
        modified=datetime(2025, 7, 7, 9, 30, 0, 250000, tzinfo=timezone(timedelta(hours=9)))))


def test_the_classes_are_plain_dataclasses_not_pydantic_look_alikes():
    doc = small_document()
    assert dataclasses.is_dataclass(doc) and isinstance(doc, PlainData)
    for name in ("model_dump", "model_dump_json", "model_validate", "model_copy"):
        assert not hasattr(doc, name)
    ev = Evidence(text="제목", path="s0/b0", span=(0, 2))
    moved = dataclasses.replace(ev, page=2)  # what Pydantic's model_copy(update=) did
    assert (moved.page, ev.page) == (2, None)


def test_json_round_trip_rebuilds_the_same_document():
    doc = small_document()
    again = serialize.load_document(doc.to_json())
    assert again == doc
    assert isinstance(again.blocks[1], Table) and again.blocks[1].rows[0][0].prov.path == "s0/b1/r0c0"
    assert again.blocks[0].role is Role.HEADER
    assert Document.from_dict(doc.to_dict()) == doc
    assert serialize.dump_json(doc, indent=2) == doc.to_json(indent=2)


def test_to_dict_is_the_json_data_without_pydantic():
    doc = small_document()
    data = doc.to_dict()
    assert data == json.loads(doc.to_json())
    assert data["metadata"]["created"] == "2025-07-06T09:30:00Z"
    assert data["blocks"][0]["prov"]["span"] == [0, 2]
    assert data["blocks"][0]["role"] == "header"
    ev = Evidence(text="제목", path="s0/b1", span=(3, 5), page=1)
    assert ev.to_dict() == {"text": "제목", "path": "s0/b1", "span": [3, 5], "page": 1, "rule": ""}
    with pytest.raises(TypeError, match="not JSON data"):
        to_jsonable(object())


def test_unknown_keys_missing_fields_and_wrong_kinds_are_validation_errors():
    data = small_document().to_dict()
    data["blocks"][0]["colour"] = "red"
    with pytest.raises(ValidationError, match="colour"):
        Document.from_dict(data)
    data["blocks"][0].pop("colour")
    data["blocks"][0]["kind"] = "picture"
    with pytest.raises(ValidationError, match="union_tag_invalid|does not match any of the expected tags"):
        Document.from_dict(data)
    with pytest.raises(ValidationError, match="text"):
        Paragraph.from_dict({"role": "body"})
    with pytest.raises(ValidationError, match="role"):
        Paragraph.from_dict({"text": "본문", "role": "nonsense"})
    with pytest.raises(ValidationError):
        serialize.load_document('{"format": "hwp", "blocks": [{"kind": "paragraph"}]}')


def test_serialising_refuses_values_that_do_not_fit_their_types():
    # constructing does not validate (plain dataclasses), writing JSON does
    bad = Paragraph(text=123, role="nonsense")  # type: ignore[arg-type]
    with pytest.raises(PydanticSerializationError):
        bad.to_json()
    with pytest.raises(PydanticSerializationError):
        serialize.dump_json(Document(format="hwp", blocks=[bad]))


def test_json_schema_tells_blocks_apart_by_kind():
    schema = serialize.json_schema(Document)
    items = schema["properties"]["blocks"]["items"]
    assert items["discriminator"]["propertyName"] == "kind"
    assert set(items["discriminator"]["mapping"]) == {"paragraph", "table"}
    assert schema["$defs"]["Paragraph"]["additionalProperties"] is False


def test_described_fields_carry_their_description():
    assert serialize.json_schema(Approver)["properties"]["date"]["description"] == "ISO date"


def test_plain_data_takes_keywords_only():
    with pytest.raises(TypeError):
        Provenance("s0/b0")  # type: ignore[misc]
    with pytest.raises(TypeError):
        DDay(deadline="2026-01-01", today="2026-01-01", days_left=0, label="D-day")  # type: ignore[call-arg]
    assert Disclosure(level="비공개", grounds=[5]).to_dict() == {"level": "비공개", "grounds": [5]}


@pytest.mark.parametrize("path", SAMPLE_FILES + CORPUS_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_document_round_trips_and_to_dict_matches_the_json(path):
    try:
        doc = docextract.parse(path)
    except docextract.DocextractError:
        pytest.skip("not readable (covered by the parser tests)")
    text = serialize.dump_json(doc)
    assert serialize.load_document(text) == doc
    assert to_jsonable(doc) == json.loads(text)


def test_importing_serialize_loads_no_pydantic():
    code = ("import sys, docextract.serialize, docextract.model, docextract.records;"
            "print([m for m in sys.modules if m.split('.')[0] == 'pydantic'])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr


@pytest.mark.parametrize("fmt, expect", [("text", "기한"), ("json", '"deadline"'), ("markdown", "기한")])
def test_summarizing_a_letter_loads_no_pydantic(fmt, expect):
    letter = SAMPLES / "hwp" / "letter-01.hwp"
    code = ("import sys; from docextract.cli import main; sys.argv = ['docextract', 'summarize', "
            f"{str(letter)!r}, '--format', {fmt!r}]\n"
            "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
            "print([m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')], code, "
            "file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stderr.strip().splitlines()[-1] == "[] 0", out.stderr
    assert expect in out.stdout
