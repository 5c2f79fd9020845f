"""``docextract classify``, ``types`` and ``schema``: scores per type, where each type comes
from, the JSON Schema of a record; one-line errors with the documented exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docextract
from docextract.extraction import record_schema

ROOT = Path(__file__).resolve().parent.parent
LETTER = ROOT / "samples" / "hwp" / "letter-01.hwp"
PRESS = ROOT / "samples" / "docx" / "press-01.docx"
MEMO_SPEC = """
type: toy_memo
title: 업무 메모
labels:
  memo: [메모번호]
classify:
  threshold: 0.4
  signals:
    - {label: memo, weight: 0.8}
fields:
  memo_number: {label: memo, type: str}
"""


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docextract", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def _spec_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "specs"
    folder.mkdir()
    (folder / "toy_memo.yaml").write_text(MEMO_SPEC, encoding="utf-8")
    return folder


def test_classify_json_is_the_api_and_agrees_with_extract_auto() -> None:
    done = run("classify", "--format", "json", str(LETTER), str(PRESS))
    assert done.returncode == 0, done.stderr
    envelopes = json.loads(done.stdout)
    assert [e["path"] for e in envelopes] == [str(LETTER), str(PRESS)]
    for envelope, path in zip(envelopes, (LETTER, PRESS)):
        data = envelope["classification"]
        assert data == docextract.classify(path).to_dict()
        assert envelope["type"] == data["chosen"] == docextract.extract(path).record_type
        scores = data["scores"]
        assert [s["score"] for s in scores] == sorted((s["score"] for s in scores), reverse=True)
        assert [s["type"] for s in scores if s["chosen"]] == (
            [] if data["chosen"] == "generic" else [data["chosen"]])
    letter = envelopes[0]["classification"]["scores"][0]
    assert letter == {"type": "official_letter", "score": 1.0, "threshold": 0.5, "chosen": True}

    single = run("classify", "-f", "json", str(LETTER))
    assert json.loads(single.stdout) == envelopes[0]["classification"]


def test_classify_text_marks_the_chosen_type() -> None:
    done = run("classify", str(LETTER))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["type", "score", "threshold"]
    assert lines[1].split() == ["official_letter", "1.00", "0.50", "*"]
    assert lines[-1] == "chosen: official_letter"


def test_classify_errors_are_one_line_with_the_exit_code(tmp_path: Path) -> None:
    text = tmp_path / "memo.hwp"
    text.write_bytes(b"just some text\n")
    done = run("classify", str(text), str(LETTER))
    assert done.returncode == 3
    assert done.stderr.count("\n") == 1 and done.stderr.startswith(f"docextract: {text}: ")
    assert "chosen: official_letter" in done.stdout   # the other input still printed
    several = run("classify", "-f", "json", str(LETTER), str(tmp_path / "missing.hwp"))
    assert several.returncode == 3 and several.stderr.count("\n") == 1
    failed = json.loads(several.stdout)[1]
    assert failed["status"] == "error" and failed["classification"] is None


def test_a_yaml_type_is_scored_and_listed(tmp_path: Path) -> None:
    folder = _spec_folder(tmp_path)
    done = run("classify", "--schema-dir", str(folder), "-f", "json", str(LETTER))
    assert done.returncode == 0, done.stderr
    assert {s["type"] for s in json.loads(done.stdout)["scores"]} >= {"official_letter", "toy_memo"}

    env = {**os.environ, "DOCEXTRACT_SCHEMA_PATH": str(folder)}
    rows = {r["type"]: r for r in json.loads(run("types", "-f", "json", env=env).stdout)}
    assert rows["official_letter"]["source"] == "built-in"
    assert rows["official_letter"]["where"].endswith("official_letter.yaml")
    assert rows["toy_memo"] == {"type": "toy_memo", "title": "업무 메모",
                                "source": "yaml (DOCEXTRACT_SCHEMA_PATH)",
                                "where": str(folder / "toy_memo.yaml"), "status": "ok", "detail": ""}
    by_option = json.loads(run("types", "--schema-dir", str(folder), "-f", "json").stdout)
    assert [r["source"] for r in by_option if r["type"] == "toy_memo"] == ["yaml (--schema-dir)"]
    text = run("types", env=env).stdout
    assert any(line.split()[:2] == ["toy_memo", "yaml"] for line in text.splitlines())

    schema = json.loads(run("schema", "toy_memo", env=env).stdout)
    assert schema["title"] == "ToyMemoRecord"
    assert set(schema["properties"]) == {"type", "memo_number"}


def test_an_entry_point_type_is_listed_with_its_distribution(tmp_path: Path) -> None:
    (tmp_path / "toy_memo.yaml").write_text(MEMO_SPEC, encoding="utf-8")
    (tmp_path / "memoplug.py").write_text(
        "import os\nSPEC = os.path.join(os.path.dirname(__file__), 'toy_memo.yaml')\n",
        encoding="utf-8")
    meta = tmp_path / "memoplug-1.0.dist-info"
    meta.mkdir()
    (meta / "METADATA").write_text("Metadata-Version: 2.1\nName: memoplug\nVersion: 1.0\n\n",
                                   encoding="utf-8")
    (meta / "entry_points.txt").write_text("[docextract.extractors]\ntoy_memo = memoplug:SPEC\n",
                                           encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "DOCEXTRACT_PLUGINS"}
    env["PYTHONPATH"] = str(tmp_path)
    rows = {r["type"]: r for r in json.loads(run("types", "-f", "json", env=env).stdout)}
    assert rows["toy_memo"]["source"] == "entry-point (memoplug)"
    assert rows["toy_memo"]["where"] == "memoplug:SPEC" and rows["toy_memo"]["status"] == "ok"


def test_schema_prints_the_records_json_schema() -> None:
    done = run("schema", "official_letter")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == record_schema("official_letter")
    assert done.stdout == (ROOT / "schemas" / "official_letter.schema.json").read_text(encoding="utf-8")
    unknown = run("schema", "no_such_type")
    assert unknown.returncode == 2 and "unknown type 'no_such_type'" in unknown.stderr
    assert run("schema").returncode == 2


def test_batch_classifies_with_the_same_envelope(tmp_path: Path) -> None:
    from docextract.batch import make_job

    result = make_job("classify").run(str(LETTER))
    assert result.ok
    envelope = result.envelope
    assert envelope["type"] == "official_letter" and envelope["classification"] == (
        docextract.classify(LETTER).to_dict())
    out = tmp_path / "out.jsonl"
    done = run("batch", str(LETTER), "-o", str(out), "--do", "classify", "--workers", "1")
    assert done.returncode == 0, done.stderr
    line = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert line["classification"]["chosen"] == "official_letter"
