"""A served folder built from the project's samples, and a client that talks to the server
in memory through the SDK (skipped, with the reason, when the mcp extra is absent)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"
SERVED = {
    "letters/letter-01.hwp": "hwp/letter-01.hwp",
    "letters/letter-02.pdf": "pdf/letter-02.pdf",
    "letters/letter-03.hwpx": "hwpx/letter-03.hwpx",
    "letter-01.docx": "docx/letter-01.docx",
    "press-01.hwp": "hwp/press-01.hwp",
    "minutes-01.docx": "docx/minutes-01.docx",
}


@pytest.fixture
def served(tmp_path: Path) -> Path:
    """``tmp_path/root`` holding sample documents, a three-page PDF, a truncated DOCX and a
    note that is no document; beside it (outside the root) a secret document."""
    root = tmp_path / "root"
    for name, sample in SERVED.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLES / sample, root / name)
    _three_pages(root / "three-pages.pdf")
    whole = (SAMPLES / "docx/letter-02.docx").read_bytes()
    (root / "broken.docx").write_bytes(whole[: len(whole) // 2])  # a zip cut in the middle
    (root / "notes.txt").write_text("not a document", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copyfile(SAMPLES / "hwp/letter-04.hwp", outside / "secret.hwp")
    return root


PAGES = {1: "Budget review for the spring term", 2: "Safety training schedule and venues",
         3: "Contacts and attachments for replies"}


def _three_pages(path: Path) -> None:
    """A PDF whose pages say different things (alike lines would be read as running heads)."""
    from fpdf import FPDF

    pdf = FPDF()
    for page, first in PAGES.items():
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.set_y(60)
        pdf.multi_cell(0, 8, f"{first}.\nThis paragraph belongs to page {page} and says "
                             f"something different each time, {page * 7} items.")
    pdf.output(str(path))


@pytest.fixture
def sdk() -> Any:
    return pytest.importorskip("mcp", reason='the mcp extra is not installed '
                                             '(pip install "docextract[mcp]")')


@pytest.fixture
def server(sdk: Any, served: Path) -> Any:
    from docextract.mcp import build_server, config

    return build_server(config(served))
