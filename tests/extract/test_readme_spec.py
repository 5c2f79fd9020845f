"""The README's example spec is a working document type, not prose that drifted.

The YAML block under "Document types are data" is compiled with the engine and run on a
DOCX the test writes, so a change to the spec format breaks this test before it misleads
a reader.
"""

import re
from pathlib import Path

import pytest

from docextract import extract
from docextract.engine.catalog import extractor_for_path
from docextract.engine.spec import load_spec_text

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_spec() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Document types are data"):]
    match = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert match, "the README lost its example spec"
    return match.group(1)


def test_readme_spec_compiles() -> None:
    spec = load_spec_text(readme_spec(), "README.md")
    assert spec.type == "tender_notice"
    assert [f.name for f in spec.fields] == ["notice_number", "deadline", "contacts"]


def test_readme_spec_extracts_from_a_docx(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    spec_path = tmp_path / "tender_notice.yaml"
    spec_path.write_text(readme_spec(), encoding="utf-8")
    document = docx.Document()
    for line in ("조달청 공고 제2026-118호", "입찰공고", "1. 사업명: 청사 냉난방기 교체",
                 "입찰마감: 2026. 12. 18.(금) 17:00",
                 "※ 문의: 시설관리과 김민수 주무관 042-481-7123"):
        document.add_paragraph(line)
    path = tmp_path / "tender.docx"
    document.save(str(path))

    extractor_for_path(str(spec_path))
    record = extract(str(path), spec=str(spec_path))
    data = record.model_dump()
    assert data["type"] == "tender_notice"
    assert data["notice_number"] == "제2026-118호"
    assert data["deadline"] == "2026-12-18T17:00"
    assert data["contacts"][0]["phone"] == "042-481-7123"
