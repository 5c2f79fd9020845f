"""``docextract extract``: JSON shape, evidence, JSONL error records, CSV and table output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from docextract.cli import cli
from docextract.records.official_letter import OfficialLetter

LETTER = """행정안전부
수신  행정안전부장관(정보공개정책과장)
(경유)
제목  개방 실적 제출 요청
1. 2025. 7. 11.(금)까지 제출하여 주시기 바랍니다.
붙임  서식 1부.  끝.
행정안전부장관
주무관 홍길동   과장 07/01 박민정
협조자
시행  공공데이터정책과-2410 (2025. 7. 1.)   접수
우 30112  세종특별자치시 도움6로 42 / www.mois.go.kr
전화 044-205-2271  전송 044-205-8899 / gildong@korea.kr / 공개"""


def invoke(runner, args: list[str]):
    """Run the CLI as ``docextract.cli.main`` does (the command's return value is the exit code)."""
    import click

    res = runner.invoke(cli, args, standalone_mode=False)
    if isinstance(res.exception, click.ClickException):
        res.code = res.exception.exit_code
    elif res.exception is not None:
        raise res.exception
    else:
        res.code = res.return_value or 0
    return res


@pytest.fixture
def letter_docx(tmp_path: Path) -> Path:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in LETTER.split("\n"):
        d.add_paragraph(line)
    path = tmp_path / "letter.docx"
    d.save(str(path))
    return path


def test_json_top_level_keys_are_the_field_names(runner, letter_docx: Path) -> None:
    res = invoke(runner, ["extract", str(letter_docx), "--type", "official_letter"])
    assert res.code == 0, res.output
    data = json.loads(res.stdout)
    assert list(data) == list(OfficialLetter.model_fields)
    assert data["title"] == "개방 실적 제출 요청"
    assert data["recipients"] == ["행정안전부장관(정보공개정책과장)"]
    assert data["deadline"] == "2025-07-11"


def test_evidence_option_adds_evidence(runner, letter_docx: Path) -> None:
    res = invoke(runner, ["extract", str(letter_docx), "--evidence"])
    data = json.loads(res.stdout)
    ev = data["_evidence"]["document_number"][0]
    assert ev["text"] == "공공데이터정책과-2410" and ev["path"].startswith("s0/b")
    assert set(data) - {"_evidence"} == set(OfficialLetter.model_fields)


def test_jsonl_with_a_bad_file_gives_an_error_record_and_nonzero_exit(runner, letter_docx: Path,
                                                                      tmp_path: Path) -> None:
    bad = tmp_path / "bad.hwp"
    bad.write_bytes(b"not a document at all")
    res = invoke(runner, ["extract", str(letter_docx), str(bad), "-f", "jsonl"])
    assert res.code == 3
    lines = [json.loads(x) for x in res.stdout.strip().split("\n")]
    assert lines[0]["record"]["document_number"] == "공공데이터정책과-2410"
    assert lines[0]["path"] == str(letter_docx) and lines[0]["type"] == "official_letter"
    assert lines[1]["path"] == str(bad) and lines[1]["error"]["code"] == "unsupported"
    assert list(lines[1]) == list(lines[0])


def test_csv_has_one_flattened_row_per_input(runner, letter_docx: Path) -> None:
    res = invoke(runner, ["extract", str(letter_docx), str(letter_docx), "-f", "csv"])
    assert res.code == 0
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == 2
    assert rows[0]["approver.name"] == "박민정" and rows[0]["disclosure.level"] == "공개"
    assert rows[0]["record_type"] == "official_letter"
    assert (rows[0]["path"], rows[0]["status"]) == (str(letter_docx), "ok")
    assert not res.stdout.startswith("\ufeff")


def test_csv_for_excel_has_a_byte_order_mark_and_crlf(runner, letter_docx: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.hwp"
    bad.write_bytes(b"not a document at all")
    res = invoke(runner, ["extract", str(letter_docx), str(bad), "-f", "csv", "--excel"])
    assert res.code == 3
    data = res.stdout_bytes
    assert data.startswith("\ufeff".encode("utf-8")) and b"\r\n" in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0]["title"] == "개방 실적 제출 요청"
    assert (rows[1]["path"], rows[1]["status"], rows[1]["error.code"]) == (str(bad), "error", "unsupported")
    assert invoke(runner, ["extract", str(letter_docx), "--excel"]).code == 2


def test_table_format_and_unknown_type(runner, letter_docx: Path) -> None:
    res = invoke(runner, ["extract", str(letter_docx), "-f", "table"])
    assert res.code == 0
    assert any(line.startswith("document_number") and "공공데이터정책과-2410" in line
               for line in res.stdout.splitlines())
    res = invoke(runner, ["extract", str(letter_docx), "--type", "nonsense"])
    assert res.code == 2


def test_spec_option_uses_a_user_yaml(runner, letter_docx: Path, tmp_path: Path) -> None:
    spec = tmp_path / "my.yaml"
    spec.write_text("type: mini\nfields:\n  title: {labels: [제목]}\n  phone: {labels: [전화], type: phone}\n",
                    encoding="utf-8")
    res = invoke(runner, ["extract", str(letter_docx), "--spec", str(spec)])
    assert res.code == 0, res.output
    assert json.loads(res.stdout) == {"type": "mini", "title": "개방 실적 제출 요청",
                                      "phone": "044-205-2271"}


def test_python_api_and_registry(letter_docx: Path) -> None:
    import docextract
    from docextract.registry import extractors

    assert {"official_letter", "generic"} <= set(extractors().names())
    rec = docextract.extract(str(letter_docx), type="official_letter")
    assert isinstance(rec, OfficialLetter) and rec.sender == "행정안전부장관"
    assert docextract.extract(letter_docx.read_bytes()).record_type == "official_letter"


def test_auto_type_gives_a_generic_record_and_a_warning_for_a_non_letter(runner, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    # dated 2025. 3. 14.; the meeting date inside the body is not the document's date
    for line in ("2025년 주간 업무 보고", "2025. 3. 14.", "□ 2025. 3. 12.(수) 회의 개최", "○ 참석: 12명"):
        d.add_paragraph(line)
    path = tmp_path / "report.docx"
    d.save(str(path))
    res = invoke(runner, ["extract", str(path), "--evidence"])
    assert res.code == 0
    data = json.loads(res.stdout)
    assert {k: data[k] for k in ("title", "date", "issuer")} == {
        "title": "2025년 주간 업무 보고", "date": "2025-03-14", "issuer": None}
    assert data["_evidence"]["date"][0]["text"] == "2025. 3. 14."
    assert any("no specific record type matched" in w for w in data["_warnings"])
    assert res.stderr == ""  # warnings travel with the record; stderr is for failures
    table = invoke(runner, ["extract", str(path), "-f", "table"])
    assert any(line.startswith("warning") and "no specific record type" in line
               for line in table.stdout.splitlines())
