"""The plain model classes: Pydantic's model methods without Pydantic on the summary path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from docextract.evidence import Evidence
from docextract.model import Annotation, Cell, Document, Paragraph, Provenance, Role, Table
from docextract.records.parts import Approver, Disclosure
from docextract.summaries.dday import DDay

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def small_document() -> Document:
    cell = Cell(row=0, col=0, blocks=[Paragraph(text="칸")])
    return Document.assemble([
        Paragraph(text="제목", role=Role.HEADER, annotations=[
            Annotation(kind="field", name="title", start=0, end=2)]),
        Table(n_rows=1, n_cols=1, rows=[[cell]]),
    ], format="hwp")


def test_json_round_trip_rebuilds_the_same_document():
    doc = small_document()
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert isinstance(again.blocks[1], Table) and again.blocks[1].rows[0][0].prov.path == "s0/b1/r0c0"
    assert again.blocks[0].role is Role.HEADER


def test_unknown_keys_and_wrong_kinds_are_validation_errors():
    data = json.loads(small_document().model_dump_json())
    data["blocks"][0]["colour"] = "red"
    with pytest.raises(ValidationError, match="colour"):
        Document.model_validate(data)
    data["blocks"][0].pop("colour")
    data["blocks"][0]["kind"] = "picture"
    with pytest.raises(ValidationError, match="union_tag_invalid|does not match any of the expected tags"):
        Document.model_validate(data)


def test_json_schema_tells_blocks_apart_by_kind():
    schema = Document.model_json_schema()
    items = schema["properties"]["blocks"]["items"]
    assert items["discriminator"]["propertyName"] == "kind"
    assert set(items["discriminator"]["mapping"]) == {"paragraph", "table"}
    assert schema["$defs"]["Paragraph"]["additionalProperties"] is False


def test_described_fields_carry_their_description():
    assert Approver.model_json_schema()["properties"]["date"]["description"] == "ISO date"


def test_dump_modes_and_copies():
    ev = Evidence(text="제목", path="s0/b1", span=(3, 5), page=1)
    assert ev.model_dump() == {"text": "제목", "path": "s0/b1", "span": (3, 5), "page": 1, "rule": ""}
    assert ev.model_dump(mode="json")["span"] == [3, 5]
    moved = ev.model_copy(update={"page": 2})
    assert (moved.page, ev.page) == (2, 1)
    d = Disclosure(level="비공개", grounds=[5])
    shallow, deep = d.model_copy(), d.model_copy(deep=True)
    assert shallow.grounds is d.grounds and deep.grounds is not d.grounds and deep == d


def test_plain_models_take_keywords_only():
    with pytest.raises(TypeError):
        Provenance("s0/b0")  # type: ignore[misc]
    with pytest.raises(TypeError):
        DDay(deadline="2026-01-01", today="2026-01-01", days_left=0, label="D-day")  # overdue missing


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
