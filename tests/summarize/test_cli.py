"""`docextract summarize` end to end on a generated DOCX 공문: formats, --today, several files."""

import json
import re

import click
import pytest

from docextract.cli import cli


def run(runner, *args):
    result = runner.invoke(cli, ["summarize", *map(str, args)], standalone_mode=False)
    return result


def test_json_summary_matches_the_expected_record(runner, letter_docx, letter):
    _, expected = letter
    result = run(runner, "--format", "json", "--today", "2025-07-06", letter_docx)
    assert result.return_value == 0, result.output
    s = json.loads(result.stdout)
    assert s["kind"] == "official_letter"
    assert s["title"] == expected.title
    assert (s["issuer"], s["sender"]) == (expected.issuer, expected.sender)
    assert (s["document_number"], s["enforcement_date"]) == (expected.document_number,
                                                            expected.enforcement_date)
    assert s["requests"] == expected.requested_actions
    assert s["deadline"] == expected.deadline
    assert s["d_day"] == {"deadline": "2025-07-11T18:00", "today": "2025-07-06",
                          "days_left": 5, "label": "D-5", "overdue": False}
    assert s["attachments"] == [a.to_dict() for a in expected.attachments]
    assert s["contacts"] == [c.to_dict() for c in expected.contacts]
    assert s["disclosure"] == expected.disclosure.to_dict()
    assert len(s["sentences"]) == 3


@pytest.mark.parametrize("today, shown", [
    ("2025-07-06", "2025-07-11 18:00 (D-5)"),
    ("2025-07-11", "2025-07-11 18:00 (D-day, 오늘 마감)"),
    ("2025-07-14", "2025-07-11 18:00 (D+3, 기한 지남)"),
])
def test_text_deadline_line_follows_today(runner, letter_docx, today, shown):
    result = run(runner, "--today", today, letter_docx)
    assert result.return_value == 0
    assert f"기한      {shown}" in result.stdout.splitlines()
    assert "\033[" not in result.stdout  # not a TTY: no colour


def test_text_lines(runner, letter_docx, letter):
    _, expected = letter
    lines = run(runner, "--today", "2025-07-06", letter_docx).stdout.splitlines()
    assert lines[0] == f"제목      {expected.title}"
    assert lines[1].startswith("발신      행정안전부 · 발신명의 행정안전부장관 · 문서번호 공공데이터정책과-2410")
    assert lines[2] == f"요청사항  • {expected.requested_actions[0]}"
    assert "붙임      1. 2025년 상반기 개방 실적 총괄표 서식 (1부)" in lines
    assert "담당자    공공데이터정책과 주무관 홍길동 · 044-205-2271 · gildong@korea.kr" in lines
    assert "공개구분  부분공개 (6)" in lines
    assert sum(1 for ln in lines if re.match(r"^(요약  |      )    [123]\) ", ln)) == 3


def test_sentences_option(runner, letter_docx):
    s = json.loads(run(runner, "-f", "json", "-n", "1", letter_docx).stdout)
    assert len(s["sentences"]) == 1 and "request" in s["sentences"][0]["cues"]


def test_markdown(runner, letter_docx, letter):
    _, expected = letter
    out = run(runner, "--format", "markdown", "--today", "2025-07-14", letter_docx).stdout
    assert out.startswith(f"## {expected.title}\n")
    assert "- **기한**: **2025-07-11 18:00 (D+3, 기한 지남)**" in out
    assert "### 요청사항" in out and "### 붙임" in out and "### 요약" in out


def test_html_to_a_file(runner, letter_docx, tmp_path):
    target = tmp_path / "out.html"
    result = run(runner, "--format", "html", "--output", target, letter_docx)
    assert result.return_value == 0
    page = target.read_text(encoding="utf-8")
    fields = set(re.findall(r'<mark data-field="([^"]+)"', page))
    assert {"title", "deadline", "requested_actions", "attachments", "document_number",
            "disclosure", "summary"} <= fields


def test_several_files_one_failure_does_not_stop_the_others(runner, letter_docx, tmp_path):
    garbage = tmp_path / "garbage.hwp"
    garbage.write_bytes(b"not a document at all" * 10)
    missing = tmp_path / "missing.hwp"
    result = run(runner, "--today", "2025-07-06", missing, letter_docx, garbage, letter_docx)
    assert result.return_value == 3  # the first failure's code (unreadable input)
    assert result.stdout.count("제목      2025년 상반기 공공데이터 개방 실적 제출 요청") == 2
    assert f"==> {letter_docx} <==" in result.stdout
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"docextract: {missing}:")
    assert errors[1].startswith(f"docextract: {garbage}:")


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_several_files_as_envelopes(runner, letter_docx, tmp_path, fmt):
    missing = tmp_path / "missing.docx"
    result = run(runner, "-f", fmt, letter_docx, missing)
    assert result.return_value == 3
    if fmt == "json":
        first, second = json.loads(result.stdout)  # one valid JSON document
    else:
        first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["summary"]["kind"] == "official_letter" and first["path"] == str(letter_docx)
    assert second["path"] == str(missing) and second["error"]["code"] == "unsupported"
    assert result.stderr.splitlines() == [f"docextract: {missing}: {second['error']['message']}"]


def test_several_html_pages_need_a_directory(runner, letter_docx, tmp_path):
    result = run(runner, "-f", "html", letter_docx, letter_docx)
    assert "needs --output DIRECTORY" in str(result.exception)
    out = tmp_path / "pages"
    result = run(runner, "-f", "html", "-o", out, letter_docx, letter_docx)
    assert result.return_value == 0
    assert "<mark" in (out / "composed-1.docx.summary.html").read_text(encoding="utf-8")
    assert "<mark" in (out / "composed-1.docx.2.summary.html").read_text(encoding="utf-8")
    a_file = tmp_path / "page.html"
    assert run(runner, "-f", "html", "-o", a_file, letter_docx).return_value == 0
    result = run(runner, "-f", "html", "-o", a_file, letter_docx, letter_docx)
    assert "is not a directory" in str(result.exception)


@pytest.mark.parametrize("today", ["7/11/2025", "2025-02-30", "2025-13-01", "２０２５-07-06",
                                   "2025-07-06T09:00", ""])
def test_bad_today_is_a_usage_error(runner, letter_docx, today):
    result = run(runner, "--today", today, letter_docx)
    assert f"{today!r} is not a date written YYYY-MM-DD" in str(result.exception)
    assert result.return_value is None


def test_today_may_leave_out_leading_zeros(runner, letter_docx):
    data = json.loads(run(runner, "-f", "json", "--today", "2025-7-6", letter_docx).stdout)
    assert data["today"] == "2025-07-06" and data["d_day"]["label"] == "D-5"


def test_an_unexpected_failure_on_one_file_is_reported_and_the_rest_print(runner, letter_docx,
                                                                          monkeypatch):
    import docextract.summaries.summary as summary_module

    real = summary_module.build_summary
    calls = []

    def flaky(record, document, **kw):
        calls.append(document.source.name)
        if len(calls) == 1:
            raise RuntimeError("boom")
        return real(record, document, **kw)

    monkeypatch.setattr(summary_module, "build_summary", flaky)
    result = run(runner, letter_docx, letter_docx)
    assert result.return_value == 1
    assert result.stderr.startswith(f"docextract: {letter_docx}: internal error: RuntimeError: boom")
    assert result.stdout.count("제목      ") == 1


def test_html_pages_never_overwrite(runner, letter_docx, tmp_path):
    import shutil

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copyfile(letter_docx, tmp_path / folder / "공문.docx")
    inputs = [tmp_path / "a" / "공문.docx", tmp_path / "b" / "공문.docx"]
    out = tmp_path / "pages"
    assert run(runner, "-f", "html", "-o", out, *inputs).return_value == 0
    assert sorted(p.name for p in out.iterdir()) == ["a__공문.docx.summary.html",
                                                     "b__공문.docx.summary.html"]
    before = {p: p.stat().st_mtime_ns for p in out.iterdir()}
    again = run(runner, "-f", "html", "-o", out, *inputs)
    assert isinstance(again.exception, click.UsageError) and "already exists" in str(again.exception)
    assert {p: p.stat().st_mtime_ns for p in out.iterdir()} == before
