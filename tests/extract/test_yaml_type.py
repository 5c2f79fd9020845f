"""A new document type defined in YAML alone: no Python, a generated record class, taking
part in ``--type auto``, extracted from a DOCX this test writes with the samples' writer."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import docextract

from ..conftest import ROOT

if str(ROOT) not in sys.path:  # importlib mode does not put the project root on sys.path
    sys.path.insert(0, str(ROOT))

from samples.layout import Cell, Doc, Para, Table  # noqa: E402
from samples.writers import render  # noqa: E402

# 교육 안내문: a course, its period, place and whom to ask. Labels, lexicons and the contact
# labels of _shared.yaml are inherited; every finder is a shared one.
TRAINING = """
type: training_notice
version: 1
title: 교육 안내
description: 교육과정명, 교육기간, 교육장소, 신청기한, 문의
labels:
  course: [교육과정명, 과정명]
  period: [교육기간, 교육 기간]
  place: [교육장소, 장소]
  apply_by: [신청기한, 신청 마감]
lexicons:
  not_titles: [교육 안내, 안내]
classify:
  threshold: 0.5
  signals:
    - {label: course, cells: true, weight: 0.4}
    - {label: period, cells: true, weight: 0.3}
    - {text: [교육 안내, 수강 신청], region: {first: 5}, weight: 0.3}
fields:
  title:    {finder: document_title, region: "first:6", type: title}
  course:   {label: course, type: str}
  period:   {label: period, type: str}
  starts:   {finder: date, label: period, type: date}
  place:    {label: place, type: str}
  apply_by: {finder: deadline, label: apply_by, type: datetime}
  contacts: {finder: contacts, label: contact, type: [contact]}
summary:
  lines:
    - {label: 과정, field: course}
    - {label: 기한, field: apply_by, format: deadline}
"""


def _training_docx(path: Path) -> None:
    table = Table(3, 2, [
        Cell(0, 0, [Para("교육과정명", bold=True)]), Cell(0, 1, [Para("공공데이터 품질관리 실무")]),
        Cell(1, 0, [Para("교육기간", bold=True)]), Cell(1, 1, [Para("2025. 9. 1.(월) ~ 9. 3.(수)")]),
        Cell(2, 0, [Para("교육장소", bold=True)]), Cell(2, 1, [Para("정부세종청사 6동 교육장")]),
    ], [0.25, 0.75])
    doc = Doc(title="교육 안내", blocks=[
        Para("교육 안내", align="center", size="large", bold=True),
        Para("2025년 하반기 데이터 품질관리 교육", align="center", size="large", bold=True),
        table,
        Para("1. 신청기한: 2025. 8. 22.(금) 18:00까지 수강 신청", space_before=True),
        Para("2. 문의: 공공데이터정책과 주무관 한지우(044-205-2281)"),
    ])
    path.write_bytes(render(doc, "docx"))


@pytest.fixture
def fresh_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    from docextract import registry

    monkeypatch.setattr(registry, "_REGISTRIES", {})


def _check(rec: docextract.records.Record) -> None:
    assert rec.record_type == "training_notice"
    assert rec.to_dict() == {
        "type": "training_notice",
        "title": "2025년 하반기 데이터 품질관리 교육",
        "course": "공공데이터 품질관리 실무",
        "period": "2025. 9. 1.(월) ~ 9. 3.(수)",
        "starts": "2025-09-01",
        "place": "정부세종청사 6동 교육장",
        "apply_by": "2025-08-22T18:00",
        "contacts": [{"department": "공공데이터정책과", "position": "주무관", "name": "한지우",
                      "phone": "044-205-2281", "email": None}],
    }
    assert rec.evidence["course"][0].text == "공공데이터 품질관리 실무"
    schema = type(rec).model_json_schema()
    assert {"course", "period", "starts", "place", "apply_by", "contacts"} <= set(schema["properties"])


def test_a_type_from_schema_path_is_chosen_by_auto(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    fresh_registry: None) -> None:
    folder = tmp_path / "types"
    folder.mkdir()
    (folder / "training_notice.yaml").write_text(TRAINING, encoding="utf-8")
    monkeypatch.setenv("DOCEXTRACT_SCHEMA_PATH", str(folder))
    source = tmp_path / "training.docx"
    _training_docx(source)
    _check(docextract.extract(source))


def test_a_type_from_add_schema_dir(tmp_path: Path, fresh_registry: None) -> None:
    from docextract.registry import add_schema_dir, extractors

    folder = tmp_path / "types"
    folder.mkdir()
    (folder / "training_notice.yaml").write_text(TRAINING, encoding="utf-8")
    assert add_schema_dir(folder) == ["training_notice"]
    assert "training_notice" in extractors().names()
    source = tmp_path / "training.docx"
    _training_docx(source)
    _check(docextract.extract(source, type="training_notice"))
    # other documents do not become training notices
    assert docextract.extract(ROOT / "samples" / "docx" / "press-01.docx").record_type == "press_release"


def test_batch_workers_see_the_types_of_schema_dir(tmp_path: Path, runner, fresh_registry: None) -> None:
    """``batch --schema-dir`` with two worker processes: each worker starts with the built-in
    types only (forkserver or spawn) and must add the folder's types itself."""
    import json

    from docextract.cli import cli

    folder = tmp_path / "types"
    folder.mkdir()
    (folder / "training_notice.yaml").write_text(TRAINING, encoding="utf-8")
    inputs = tmp_path / "in"
    inputs.mkdir()
    for k in range(3):
        _training_docx(inputs / f"training-{k}.docx")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(cli, ["batch", str(inputs), "-o", str(out), "--workers", "2",
                              "--schema-dir", str(folder)], standalone_mode=False)
    assert res.return_value == 0, res.output
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 3
    assert {x["type"] for x in lines} == {"training_notice"}
    assert {x["record"]["course"] for x in lines} == {"공공데이터 품질관리 실무"}


def test_a_dask_task_adds_the_jobs_schema_dirs(tmp_path: Path, fresh_registry: None) -> None:
    """What a Dask worker runs for one input, in a process whose registry has never seen the
    folder: the job carries the folders and adds them."""
    import json

    from docextract.batch import make_job
    from docextract.batch.dask_engine import run_task
    from docextract.registry import extractors

    folder = tmp_path / "types"
    folder.mkdir()
    (folder / "training_notice.yaml").write_text(TRAINING, encoding="utf-8")
    source = tmp_path / "training.docx"
    _training_docx(source)
    job = make_job("extract", schema_dirs=(str(folder),))
    assert "training_notice" not in extractors().names()
    line = json.loads(run_task(job, 0, str(source), None).line)
    assert line["type"] == "training_notice", line
    assert line["record"]["course"] == "공공데이터 품질관리 실무"
