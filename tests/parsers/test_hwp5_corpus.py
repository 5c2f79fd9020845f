"""Every corpus file under hwp/ and other/ parses, or fails with its expected typed error.

``docextract.parse(path)`` is used so format detection is exercised too. The test is
skipped when ../shared/corpus is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import docextract
from docextract.errors import CorruptDocument, EncryptedDocument, UnsupportedFormat

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("DOCEXTRACT_CORPUS", ROOT.parent / "shared" / "corpus"))

# outcome per file name: "hwp"/"hwpx" = parses as that format; otherwise the error class
EXPECTED_ERRORS: dict[str, type[Exception]] = {
    "pyhwp_password-12345.hwp": EncryptedDocument,
    "bidmate_public_hwp_fixture_text-as-hwp.hwp": UnsupportedFormat,
    "hwplib_bad-source_corrupted.hwp": CorruptDocument,
    "hwplib_nts02_010000000000147207_markany-drm.hwp": EncryptedDocument,
    "hwplib_nts06_000000000000634833_html-not-hwp.hwp": UnsupportedFormat,
    "ohah_aligns.hml": UnsupportedFormat,
}
ROUTED_ELSEWHERE = {
    "hwplib_야생동물 종합관리 시스템 고도화(2023년)_제안요청서_hwpx-as-hwp.hwp": "hwpx",
}


def _files() -> list[Path]:
    out: list[Path] = []
    for kind in ("hwp", "other"):
        folder = CORPUS / kind
        if folder.is_dir():
            out.extend(sorted(p for p in folder.iterdir() if p.is_file()))
    return out


FILES = _files()


@pytest.mark.corpus
@pytest.mark.skipif(not FILES, reason=f"public corpus not present at {CORPUS}")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_file_outcome(path: Path) -> None:
    expected_error = EXPECTED_ERRORS.get(path.name)
    if expected_error is not None:
        with pytest.raises(expected_error) as info:
            docextract.parse(path)
        message = str(info.value)
        assert message and "\n" not in message
        return
    doc = docextract.parse(path)
    assert doc.format == ROUTED_ELSEWHERE.get(path.name, "hwp")
    assert doc.text.strip(), "a readable document yields text"
    if doc.format == "hwp":
        assert "상위 버전의 배포용 문서" not in doc.text
        assert doc.metadata.extra.get("hwp_version", "").startswith("5.")


@pytest.mark.corpus
@pytest.mark.skipif(not FILES, reason=f"public corpus not present at {CORPUS}")
def test_every_expected_name_exists() -> None:
    names = {p.name for p in FILES}
    missing = (set(EXPECTED_ERRORS) | set(ROUTED_ELSEWHERE)) - names
    assert not missing
