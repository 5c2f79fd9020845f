"""`docextract redact`: outputs by suffix, the report, --dry-run and the documented exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from samples.personal import seeded_doc  # noqa: E402
from samples.writers import render  # noqa: E402

import docextract  # noqa: E402
from docextract.redact import EXIT_UNMASKED, redact  # noqa: E402


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docextract", "redact", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def seeded_files(tmp_path_factory):
    doc, seeds = seeded_doc()
    folder = tmp_path_factory.mktemp("seeded")
    paths = {}
    for fmt in ("docx", "hwpx", "hwp"):
        paths[fmt] = folder / f"form.{fmt}"
        paths[fmt].write_bytes(render(doc, fmt))
    return paths, seeds


def test_docx_in_place_with_report(seeded_files, tmp_path):
    paths, seeds = seeded_files
    out, report = tmp_path / "masked.docx", tmp_path / "report.json"
    proc = run(str(paths["docx"]), "-o", str(out), "--report", str(report))
    assert proc.returncode == 0, proc.stderr
    assert "masked (" in proc.stderr and str(out) in proc.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["complete"] and data["rewritten_in_place"] and data["counts"]["rrn"] == 3
    masked = docextract.parse(out)
    assert all(s.value not in masked.text for s in seeds if s.mask and not s.agency)
    assert all(s.value not in report.read_text(encoding="utf-8") for s in seeds if s.mask)


def test_hwp_gives_markdown_and_refuses_in_place(seeded_files, tmp_path):
    paths, seeds = seeded_files
    proc = run(str(paths["hwp"]))
    assert proc.returncode == 0 and "주민등록번호" in proc.stdout and "●" in proc.stdout
    assert all(s.value not in proc.stdout for s in seeds if s.mask and s.where != "company")
    refused = run(str(paths["hwp"]), "-o", str(tmp_path / "masked.hwp"))
    assert refused.returncode == 2 and "not rewritten in place" in refused.stderr
    assert not (tmp_path / "masked.hwp").exists()
    as_json = run(str(paths["hwp"]), "-o", str(tmp_path / "masked.json"), "--keep-agency-contacts")
    assert as_json.returncode == 0
    model = json.loads((tmp_path / "masked.json").read_text(encoding="utf-8"))
    assert model["format"] == "hwp" and "044-205-1234" in model["text"]


def test_dry_run_writes_nothing(seeded_files, tmp_path):
    paths, _ = seeded_files
    out = tmp_path / "never.hwpx"
    proc = run(str(paths["hwpx"]), "-o", str(out), "--dry-run", "--report", "-")
    assert proc.returncode == 0 and not out.exists()
    assert json.loads(proc.stdout)["counts"]["name"] >= 5


def test_usage_errors(seeded_files, tmp_path):
    paths, _ = seeded_files
    assert run(str(paths["docx"]), "--rules", "rrn,nope").returncode == 2
    assert run(str(paths["docx"]), "-o", str(tmp_path / "x.hwpx")).returncode == 2
    assert run(str(paths["docx"]), "-o", str(tmp_path / "x.odt")).returncode == 2


def test_something_that_cannot_be_masked_exits_10(seeded_files, tmp_path):
    paths, _ = seeded_files
    source = zipfile.ZipFile(paths["docx"])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in source.infolist():
            if not info.filename.startswith("docProps/thumbnail"):
                zf.writestr(info, source.read(info))
        zf.writestr("docProps/thumbnail.emf", b"\x01\x00\x00\x00 an EMF preview of page one")
    bad = tmp_path / "emf.docx"
    bad.write_bytes(buf.getvalue())
    out = tmp_path / "masked.docx"
    proc = run(str(bad), "-o", str(out), "--report", str(tmp_path / "r.json"))
    assert proc.returncode == EXIT_UNMASKED == 10
    assert "could not be masked" in proc.stderr and out.exists()
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert not report["complete"] and report["unmasked"][0]["part"] == "docProps/thumbnail.emf"


def test_entity_declarations_are_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.'
                    'openxmlformats.org/package/2006/content-types"><Override PartName="/word/document'
                    '.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml'
                    '.document.main+xml"/></Types>')
        zf.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                    'openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://'
                    'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                    'Target="word/document.xml"/></Relationships>')
        zf.writestr("word/document.xml", '<!DOCTYPE x [<!ENTITY a "b">]><w:document xmlns:w="http://'
                    'schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    path = tmp_path / "entities.docx"
    path.write_bytes(buf.getvalue())
    proc = run(str(path), "-o", str(tmp_path / "out.docx"))
    assert proc.returncode == 3 and proc.stderr.count("\n") == 1


def test_help_documents_the_exit_status():
    proc = run("--help")
    assert proc.returncode == 0
    assert "10 something could not be masked" in proc.stdout
    assert "not rewritten in place" in proc.stdout


def test_corpus_packages_redact_cleanly(corpus_dir):
    """Every readable corpus DOCX and HWPX gives a valid masked copy whose untouched
    members are byte-identical."""
    from docextract.errors import DocextractError

    done = 0
    for path in sorted([*corpus_dir.glob("docx/*.docx"), *corpus_dir.glob("hwpx/*.hwpx")]):
        try:
            result = redact(path)
        except DocextractError:
            continue  # encrypted or broken on purpose
        before = zipfile.ZipFile(path)
        after = zipfile.ZipFile(io.BytesIO(result.output))
        assert after.testzip() is None
        touched = {part for f in result.report()["findings"] for part in f["parts"]}
        for info in before.infolist():
            if before.read(info) != after.read(info.filename):
                assert info.filename in touched | set(result.replaced), (path, info.filename)
        docextract.parse(result.output)
        done += 1
    assert done >= 20
