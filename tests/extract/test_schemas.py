"""The spec format: committed schemas match the records, specs compile or fail with file:line,
a new type is a YAML file alone, and a label changes in YAML without Python."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docextract.engine.catalog import builtin_folder, spec_files
from docextract.engine.spec import load_spec, load_spec_text
from docextract.errors import ExtractionError
from docextract.extraction import SCHEMA_SUFFIX, extract, record_schema_text
from docextract.model import Document, Paragraph
from docextract.records.official_letter import OfficialLetter
from docextract.registry import extractors

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def _builtin_types() -> list[str]:
    folder = builtin_folder()
    assert folder is not None
    return sorted(spec_files(folder))


@pytest.mark.parametrize("name", _builtin_types())
def test_committed_json_schema_matches_the_record(name: str) -> None:
    """Every built-in type (found in the catalog: a new spec is covered when it lands) has
    its schemas/<type>.schema.json, exactly as generated from its record class."""
    path = SCHEMAS / f"{name}{SCHEMA_SUFFIX}"
    regenerate = f"run `make schemas` (docextract schema --builtin --write schemas) to write {path.name}"
    assert path.is_file(), regenerate
    assert path.read_text(encoding="utf-8") == record_schema_text(name), regenerate


def test_the_letter_schema_is_the_letter_model() -> None:
    committed = json.loads((SCHEMAS / "official_letter.schema.json").read_text(encoding="utf-8"))
    assert committed == OfficialLetter.model_json_schema()


def test_no_schema_file_without_its_type() -> None:
    stale = {p.name[:-len(SCHEMA_SUFFIX)] for p in SCHEMAS.glob(f"*{SCHEMA_SUFFIX}")} - set(_builtin_types())
    assert not stale, f"schema files of types that no longer exist: {sorted(stale)}"


def test_every_builtin_spec_compiles_and_names_its_file() -> None:
    folder = builtin_folder()
    assert folder is not None
    found = spec_files(folder)
    assert {"official_letter", "generic"} <= set(found)
    for name, path in found.items():
        spec = load_spec(path)
        assert spec.type == name
        assert spec.fields


def test_letter_spec_labels_and_lexicons() -> None:
    spec = extractors().get("official_letter").spec
    assert spec.labels.at_start("recipients", "수 신  행정안전부장관") is not None
    assert spec.labels.at_start("fax", "FAX 02-123-4567") is not None
    assert spec.labels.at_start("postal_code", "우리 부는") is None
    # the letter's record fields are exactly the spec's fields
    assert [f.name for f in spec.fields] == [n for n in OfficialLetter.model_fields if n != "type"]
    assert "주무관" in spec.lexicon("positions")   # inherited from _shared.yaml


def doc(lines: list[str]) -> Document:
    return Document.assemble([Paragraph(text=t) for t in lines], format="docx")


TENDER = """
type: tender_notice
title: 입찰공고
labels:
  notice_number: [공고번호]
  deadline: [마감일, 접수 마감]
  phone: [문의처]
  budget: [사업예산]
  targets: [대상]
patterns:
  number: '제\\s*(?P<value>\\d{4}-\\d+)\\s*호'
classify:
  signals:
    - {text: [입찰 공고], region: {first: 5}, weight: 0.6}
    - {label: deadline, weight: 0.4}
fields:
  notice_number: {label: notice_number, pattern: number}
  deadline: {label: deadline, type: date}
  phone: {label: phone, type: phone}
  budget: {label: budget, type: amount}
  targets: {label: targets, type: list}
  emails: {finder: pattern, pattern: '[a-z]+@[a-z.]+', type: list}
"""


def test_a_yaml_spec_defines_a_record_type(tmp_path: Path) -> None:
    path = tmp_path / "tender_notice.yaml"
    path.write_text(TENDER, encoding="utf-8")
    d = doc(["○○시 입찰 공고", "공고번호: ○○시 공고 제2025-626호", "접 수 마감 : 2025. 6. 2.(월)",
             "사업예산: 금 1억 2,000만원", "대상: 서울특별시장(총무과장), 부산광역시장",
             "문의처 (02)2133-1234, a@seoul.go.kr", "담당 b@korea.kr"])
    rec = extract(d, spec=path)
    assert rec.record_type == "tender_notice"
    assert rec.to_dict() == {"type": "tender_notice", "notice_number": "2025-626",
                             "deadline": "2025-06-02", "phone": "02-2133-1234", "budget": 120000000,
                             "targets": ["서울특별시장(총무과장)", "부산광역시장"],
                             "emails": ["a@seoul.go.kr", "b@korea.kr"]}
    assert rec.evidence["deadline"][0].text == "2025. 6. 2.(월)"
    schema = type(rec).model_json_schema()
    assert schema["properties"]["type"]["const"] == "tender_notice"


@pytest.mark.parametrize("text, line, message", [
    ("type: x\nfields:\n  a: {label: a, type: money}\n", 3, "unknown type 'money'"),
    ("type: x\nfields:\n  a: {type: str}\n", 3, "needs 'label' or 'labels'"),
    ("type: x\n", 1, "needs a 'fields' mapping"),
    ("type: x\nfields:\n  a: {finder: pattern, pattern: '('}\n", 3, "not a valid regular expression"),
    ("- a\n- b\n", 1, "must be a YAML mapping"),
    ("type: x\nfields: [\n", 3, "invalid YAML"),
    ("type: x\nfields:\n  a: {finder: nowhere, label: a}\n", 3, "unknown finder 'nowhere'"),
    ("type: x\nfields:\n  a: {label: missing}\n", 3, "no label key 'missing'"),
    ("type: x\nlexicons:\n  l: 3\nfields:\n  a: {labels: [b]}\n", 3, "must be a list"),
    ("type: 1abc\nfields:\n  a: {labels: [b]}\n", 1, "must be an identifier"),
    ("type: x\ncolour: red\nfields:\n  a: {labels: [b]}\n", 2, "unknown key 'colour'"),
])
def test_bad_specs_name_the_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExtractionError, match=message) as info:
        load_spec(path)
    assert f"{path}:{line}:" in str(info.value)


LETTER_LINES = ["○○재단", "받는 곳  ○○시장(문화예술과장)", "(경유)", "제목  협조 요청",
                "1. 자료를 제출하여 주시기 바랍니다.  끝.", "○○재단 이사장",
                "연구원   책임관", "홍길동   07/01 김영수",
                "시행  문화기획팀-12 (2025. 7. 1.)", "우 30112  세종특별자치시 도움6로 42",
                "전화 044-205-2271 / a@b.kr / 공개"]


def test_a_label_changes_in_yaml_without_python(tmp_path: Path) -> None:
    default = extract(doc(LETTER_LINES), type="official_letter")
    assert default.recipients == []
    # 책임관 is not a position word: the row of positions above the row of names is not seen
    assert default.approver is None or default.approver.position != "책임관"
    text = (SCHEMAS / "official_letter.yaml").read_text(encoding="utf-8")
    text = text.replace("recipients: [수신자, 수신]", "recipients: [수신자, 수신, 받는 곳]")
    text = text.replace("footer_labels:", "positions: [연구원, 책임관, 주무관]\n  footer_labels:")
    custom_path = tmp_path / "official_letter.yaml"
    custom_path.write_text(text, encoding="utf-8")
    custom = extract(doc(LETTER_LINES), spec=custom_path)
    assert custom.recipients == ["○○시장(문화예술과장)"]
    assert custom.drafter is not None and (custom.drafter.position, custom.drafter.name) == ("연구원", "홍길동")
    assert custom.approver is not None and (custom.approver.position, custom.approver.name,
                                            custom.approver.date) == ("책임관", "김영수", "2025-07-01")


def test_spec_in_a_user_folder_takes_part_in_auto(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "tender_notice.yaml").write_text(TENDER, encoding="utf-8")
    monkeypatch.setenv("DOCEXTRACT_SCHEMA_PATH", str(tmp_path))
    from docextract import registry

    monkeypatch.setattr(registry, "_REGISTRIES", {})
    d = doc(["○○시 입찰 공고", "공고번호: 제2025-626호", "마감일: 2025. 6. 2."])
    rec = extract(d)
    assert rec.record_type == "tender_notice"
    assert rec.to_dict()["notice_number"] == "2025-626"


def test_spec_text_errors_without_a_file() -> None:
    with pytest.raises(ExtractionError, match="<text>:1"):
        load_spec_text("just a string", "<text>")
