"""What batch inputs mean: files, folders (recursive, by extension or all), globs, stdin."""

from __future__ import annotations

import io
import os

from docextract.batch.inputs import DOCUMENT_EXTENSIONS, expand, fingerprint


def _tree(root):
    for rel in ("a/letter.HWP", "a/b/memo.hwpx", "a/b/c/report.Pdf", "a/notes.txt",
                "a/old.hml", "a/b/scan.docx", "top.pdf"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rel.encode())
    return root


def test_folders_are_walked_for_document_extensions_in_any_case(tmp_path):
    root = _tree(tmp_path)
    found = expand([str(root / "a")])
    names = [os.path.relpath(p, root) for p in found]
    assert names == ["a/letter.HWP", "a/old.hml", "a/b/memo.hwpx", "a/b/scan.docx",
                     "a/b/c/report.Pdf"]
    assert {".hwp", ".hwpx", ".hml", ".docx", ".pdf"} <= DOCUMENT_EXTENSIONS


def test_all_files_takes_every_file(tmp_path):
    root = _tree(tmp_path)
    assert str(root / "a" / "notes.txt") in expand([str(root / "a")], all_files=True)


def test_a_named_file_is_taken_whatever_its_extension(tmp_path):
    root = _tree(tmp_path)
    assert expand([str(root / "a" / "notes.txt")]) == [str(root / "a" / "notes.txt")]


def test_globs_and_duplicates(tmp_path):
    root = _tree(tmp_path)
    found = expand([str(root / "**" / "*.docx"), str(root / "a" / "b" / "scan.docx"),
                    str(root / "top.pdf"), str(root / "." / "top.pdf")])
    assert found == [str(root / "a" / "b" / "scan.docx"), str(root / "top.pdf")]


def test_missing_paths_and_empty_globs_stay_inputs(tmp_path):
    found = expand([str(tmp_path / "gone.hwp"), str(tmp_path / "*.nothing")])
    assert found == [str(tmp_path / "gone.hwp"), str(tmp_path / "*.nothing")]


def test_dash_reads_paths_from_stdin(tmp_path):
    root = _tree(tmp_path)
    stdin = io.StringIO(f"{root / 'top.pdf'}\n\n{root / 'a' / 'b'}\n")
    found = expand(["-"], stdin=stdin)
    assert found == [str(root / "top.pdf"), str(root / "a/b/memo.hwpx"),
                     str(root / "a/b/scan.docx"), str(root / "a/b/c/report.Pdf")]


def test_fingerprint(tmp_path):
    path = tmp_path / "x.hwp"
    path.write_bytes(b"abc")
    assert fingerprint(str(path)) == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 3)
    assert fingerprint(str(tmp_path / "nope")) == (None, None)
