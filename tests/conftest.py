"""Shared fixtures: the project's samples, the public corpus (skipped when absent), a CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["DOCEXTRACT_PLUGINS"] = "none"  # tests never see third-party plugins

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = Path(os.environ.get("DOCEXTRACT_CORPUS", ROOT.parent / "shared" / "corpus"))


def corpus_files(kind: str) -> list[Path]:
    """Files of one corpus folder (hwp, hwpx, docx, pdf, other); empty when the corpus is absent."""
    folder = CORPUS / kind
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


@pytest.fixture(scope="session", autouse=True)
def _spec_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Parsed field specs are cached in a folder of the test run, not the user's cache."""
    os.environ["DOCEXTRACT_CACHE"] = str(tmp_path_factory.mktemp("docextract-cache"))


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"public corpus not present at {CORPUS}")
    return CORPUS


@pytest.fixture
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture
def runner():
    from click.testing import CliRunner

    return CliRunner()
