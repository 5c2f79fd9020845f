"""File names with spaces, Korean, newlines and a leading dash reach the parser intact."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pytest

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def minimal_docx(text: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml",
                    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats'
                    '-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                    'officedocument.wordprocessingml.document.main+xml"/></Types>')
        zf.writestr("_rels/.rels",
                    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
                    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                    '</Relationships>')
        zf.writestr("word/document.xml",
                    f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>{text}'
                    '</w:t></w:r></w:p></w:body></w:document>')
    return buf.getvalue()


@pytest.mark.parametrize("name", ["공문 사본 (최종).docx", "-rf.docx", "줄\n바꿈.docx", "  spaces  .docx"])
def test_awkward_names_work_on_the_cli(tmp_path, name):
    (tmp_path / name).write_bytes(minimal_docx("수신 내부결재"))
    out = subprocess.run([sys.executable, "-m", "docextract", "parse", "--format", "jsonl", "--", name],
                         cwd=tmp_path, capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr.decode()
    envelope = json.loads(out.stdout.decode().splitlines()[0])
    assert envelope["path"] == envelope["document"]["source"]["name"] == name
    assert "수신 내부결재" in envelope["document"]["text"]
