"""The committed JSON Schema and YAML field spec match the code that uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docextract.errors import ExtractionError
from docextract.extractors.declarative import DeclarativeExtractor
from docextract.extractors.letter_labels import letter_spec
from docextract.extractors.spec_files import load_yaml, schema_text
from docextract.model import Document, Paragraph
from docextract.records.official_letter import OfficialLetter

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def test_committed_json_schema_matches_the_model() -> None:
    committed = json.loads((SCHEMAS / "official_letter.schema.json").read_text(encoding="utf-8"))
    assert committed == OfficialLetter.model_json_schema(), (
        "regenerate schemas/official_letter.schema.json from OfficialLetter.model_json_schema()")


def test_field_spec_labels_name_real_fields_or_known_parts() -> None:
    spec = load_yaml(schema_text("official_letter.fields.yaml"), "official_letter.fields.yaml")
    parts = {"recipient_list", "contact"}
    assert set(spec["labels"]) - parts <= set(OfficialLetter.model_fields)
    loaded = letter_spec()
    assert loaded.label("recipients", "수 신  행정안전부장관") is not None
    assert loaded.label("fax", "FAX 02-123-4567") is not None
    assert loaded.is_position("공공데이터정책과장") and loaded.is_position("행정7급")
    assert not loaded.is_position("홍길동")


def doc(lines: list[str]) -> Document:
    return Document.assemble([Paragraph(text=t) for t in lines], format="docx")


def test_declarative_spec_builds_a_record_type(tmp_path: Path) -> None:
    path = tmp_path / "notice.yaml"
    path.write_text("""
record: tender_notice
applies_when: {any_text: [공고, 입찰]}
fields:
  notice_number: {labels: [공고번호], pattern: '제\\s*(?P<value>\\d{4}-\\d+)\\s*호'}
  deadline: {labels: [마감일, 접수 마감], type: date}
  phone: {labels: [문의처], type: phone}
  budget: {labels: [사업예산], type: amount}
  targets: {labels: [대상], type: list}
  emails: {pattern: '[a-z]+@[a-z.]+', type: list}
""", encoding="utf-8")
    ex = DeclarativeExtractor.from_file(path)
    d = doc(["○○시 입찰 공고", "공고번호: ○○시 공고 제2025-626호", "접 수 마감 : 2025. 6. 2.(월)",
             "사업예산: 금 1억 2,000만원", "대상: 서울특별시장(총무과장), 부산광역시장",
             "문의처 (02)2133-1234, a@seoul.go.kr", "담당 b@korea.kr"])
    rec = ex.extract(d)
    assert rec.record_type == "tender_notice"
    assert rec.to_dict() == {"notice_number": "2025-626", "deadline": "2025-06-02",
                             "phone": "02-2133-1234", "budget": 120000000,
                             "targets": ["서울특별시장(총무과장)", "부산광역시장"],
                             "emails": ["a@seoul.go.kr", "b@korea.kr"]}
    assert rec.evidence["notice_number"][0].text == "2025-626"
    assert ex.score(d) == 1.0


@pytest.mark.parametrize("text, message", [
    ("fields: {x: {labels: [a], type: money}}", "unknown type"),
    ("fields: {x: {type: str}}", "needs labels or a pattern"),
    ("record: tender\n", "needs a 'fields' mapping"),
    ("fields: {x: {pattern: '('}}", "bad pattern"),
    ("- a\n- b\n", "must be a mapping"),
    ("fields: [", "invalid YAML"),
])
def test_bad_specs_raise_extraction_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ExtractionError, match=message):
        DeclarativeExtractor.from_file(path)


def test_extending_the_yaml_spec_changes_extraction_without_python() -> None:
    from docextract.extractors.letter_labels import build_spec
    from docextract.extractors.official_letter import OfficialLetterExtractor

    lines = ["○○재단", "받는 곳  ○○시장(문화예술과장)", "(경유)", "제목  협조 요청",
             "1. 자료를 제출하여 주시기 바랍니다.  끝.", "○○재단 이사장",
             "연구원   책임관", "홍길동   07/01 김영수",
             "시행  문화기획팀-12 (2025. 7. 1.)", "우 30112  세종특별자치시 도움6로 42",
             "전화 044-205-2271 / a@b.kr / 공개"]
    default = OfficialLetterExtractor().extract(doc(lines))
    assert default.recipients == []
    # 책임관 is not in the lexicon: the row of positions above the row of names is not seen
    assert default.approver is None or default.approver.position != "책임관"
    data = load_yaml(schema_text("official_letter.fields.yaml"), "official_letter.fields.yaml")
    data["labels"]["recipients"].append("받는 곳")
    data["positions"].append("책임관")
    custom = OfficialLetterExtractor(build_spec(data)).extract(doc(lines))
    assert custom.recipients == ["○○시장(문화예술과장)"]
    assert custom.drafter is not None and (custom.drafter.position, custom.drafter.name) == ("연구원", "홍길동")
    assert custom.approver is not None and (custom.approver.position, custom.approver.name,
                                            custom.approver.date) == ("책임관", "김영수", "2025-07-01")
