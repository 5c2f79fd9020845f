"""Extracted text covers the words of Hancom's own preview (PrvText) of each corpus HWP.

PrvText is Hancom's UTF-16LE preview of the first ~1,000 characters, table cells
marked ``<...>``. A word is a whitespace-separated token after replacing ``<`` and ``>``
with spaces. Comparison is a multiset: a word that occurs three times in the preview
must occur at least three times in the extracted text. Two properties of the preview
itself are mirrored, not relaxed away:

* the preview is cut at a fixed length, so its last word may be a prefix of a real
  word; that one word counts as found when some extracted word starts with it;
* the preview draws a line break inside a paragraph (control 10) as nothing, so words
  on either side run together; the extracted paragraphs are compared with their line
  breaks removed the same way.

Each file must reach 99.5 %.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

import docextract

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("DOCEXTRACT_CORPUS", ROOT.parent / "shared" / "corpus"))
THRESHOLD = 0.995
_MARKERS = re.compile(r"[<>]")


def preview_words(path: Path) -> list[str]:
    import olefile

    with olefile.OleFileIO(str(path)) as ole:
        if not ole.exists("PrvText"):
            return []
        raw = ole.openstream("PrvText").read()
    text = raw.decode("utf-16-le", "replace").split("\x00", 1)[0]
    return _MARKERS.sub(" ", text).split()


def extracted_words(doc: docextract.Document) -> Counter[str]:
    words: Counter[str] = Counter()
    for paragraph in doc.paragraphs():
        words.update(_MARKERS.sub(" ", paragraph.text.replace("\n", "")).split())
    return words


def coverage(path: Path) -> tuple[float, list[str]]:
    """Share of preview words found, and the words that were not."""
    need = preview_words(path)
    have = extracted_words(docextract.parse(path))
    missing = Counter(need) - have
    last = need[-1]
    if missing.get(last) and any(w.startswith(last) for w in have):
        missing[last] -= 1
    lost = list((+missing).elements())
    return (len(need) - len(lost)) / len(need), lost


def _with_preview() -> list[Path]:
    folder = CORPUS / "hwp"
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.glob("*.hwp")):
        if "password" in path.name:
            continue
        if preview_words(path):
            out.append(path)
    return out


FILES = _with_preview()


@pytest.mark.corpus
@pytest.mark.skipif(not FILES, reason=f"public corpus not present at {CORPUS}")
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_preview_words_are_extracted(path: Path) -> None:
    share, lost = coverage(path)
    assert share >= THRESHOLD, f"{share:.2%} of preview words found; missing {lost[:20]}"


def test_coverage_counts_repeated_words_and_the_cut_last_word(tmp_path, monkeypatch):
    """The measure itself: multiset counting and the prefix rule for the final word only."""
    monkeypatch.setattr(__name__ + ".preview_words", lambda p: ["가", "가", "표", "끝부"])

    class Fake:
        def paragraphs(self):
            return [docextract.Paragraph(text="가 표"), docextract.Paragraph(text="끝부분")]

    monkeypatch.setattr(docextract, "parse", lambda p: Fake())
    share, lost = coverage(tmp_path / "x.hwp")
    assert lost == ["가"]
    assert share == 0.75
