"""Redaction end to end on a form seeded with every kind of personal data, in all four formats.

Done means: every value that must go is gone from the whole output (every member and
stream of a masked DOCX/HWPX, and the document re-parsed from it; the masked text, Markdown
or JSON of HWP and PDF), every look-alike stays, and agency contacts stay exactly when
--keep-agency-contacts is given.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from samples.personal import applies, everything_in, seeded_doc, should_remain  # noqa: E402
from samples.writers import render  # noqa: E402

import docextract  # noqa: E402
from docextract.redact import redact  # noqa: E402

FORMATS = ("docx", "hwpx", "hwp", "pdf")


@pytest.fixture(scope="module")
def seeded():
    return seeded_doc()


@pytest.fixture(scope="module")
def files(seeded):
    doc, _ = seeded
    out = {}
    for fmt in FORMATS:
        if fmt == "pdf":
            from samples.writers.pdf import FontMissing
            try:
                out[fmt] = render(doc, fmt)
            except FontMissing as exc:
                pytest.skip(str(exc))
        else:
            out[fmt] = render(doc, fmt)
    return out


def _whole_output(fmt: str, output) -> str:
    text = everything_in(output)
    if isinstance(output, bytes):  # and what a reader of the masked copy sees
        again = docextract.parse(output, name=f"masked.{fmt}")
        text += "\n" + again.text + "\n" + json.dumps(
            [again.metadata.author, again.metadata.title, again.metadata.extra], ensure_ascii=False)
    return text


@pytest.mark.parametrize("keep", [False, True], ids=["default", "keep-agency"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_seeded_values_masked_and_look_alikes_kept(files, seeded, fmt, keep):
    _, seeds = seeded
    source = everything_in(files[fmt]) if fmt in ("docx", "hwpx") else docextract.parse(files[fmt]).text
    output_format = "same" if fmt in ("docx", "hwpx") else "json"
    result = redact(files[fmt], output_format=output_format, keep_agency_contacts=keep,
                    name=f"seeded.{fmt}")
    assert result.complete, result.unmasked
    text = _whole_output(fmt, result.output)
    for seed in seeds:
        if not applies(seed, fmt):
            continue
        if seed.where not in ("property", "company"):
            assert seed.value in source, f"the writer lost {seed}"
        if should_remain(seed, keep):
            assert seed.value in text, f"{fmt}: look-alike or kept contact masked: {seed}"
        else:
            assert seed.value not in text, f"{fmt}: not masked: {seed}"


@pytest.mark.parametrize("fmt", ["hwp", "pdf"])
def test_hwp_and_pdf_give_masked_markdown_and_refuse_in_place(files, seeded, fmt):
    _, seeds = seeded
    result = redact(files[fmt], output_format="markdown", name=f"seeded.{fmt}")
    assert result.complete and not result.in_place
    assert "not rewritten in place" in result.report()["note"]
    for seed in seeds:
        if applies(seed, fmt) and seed.mask and seed.where != "property":
            assert seed.value not in result.output
    with pytest.raises(docextract.UnsupportedFormat, match="in place"):
        redact(files[fmt], output_format="same")


@pytest.mark.parametrize("fmt", ["docx", "hwpx"])
def test_untouched_members_are_byte_identical(files, fmt):
    result = redact(files[fmt], name=f"seeded.{fmt}")
    before = zipfile.ZipFile(io.BytesIO(files[fmt]))
    after = zipfile.ZipFile(io.BytesIO(result.output))
    assert after.testzip() is None
    assert [i.filename for i in after.infolist()] == [i.filename for i in before.infolist()]
    changed = {i.filename for i in before.infolist() if before.read(i) != after.read(i.filename)}
    text_parts = {"docx": {"word/document.xml", "word/header1.xml", "word/footer1.xml",
                           "word/footnotes.xml", "word/comments.xml", "docProps/core.xml",
                           "docProps/app.xml", "docProps/thumbnail.jpeg"},
                  "hwpx": {"Contents/section0.xml", "Preview/PrvText.txt", "Contents/content.hpf"}}
    assert changed == text_parts[fmt]
    for info in before.infolist():
        a = after.getinfo(info.filename)
        if info.filename not in changed:  # the stored (compressed) bytes are the same
            assert (a.compress_type, a.compress_size, a.CRC, a.date_time) == \
                   (info.compress_type, info.compress_size, info.CRC, info.date_time)
    for name in changed - {"docProps/thumbnail.jpeg"}:
        old, new = before.read(name).decode("utf-8"), after.read(name).decode("utf-8")
        assert len(old) == len(new)  # masks replace characters one for one
        differing = [(a, b) for a, b in zip(old, new) if a != b]
        assert differing and all(b == "●" for _, b in differing)
        if old.startswith("<?xml"):
            assert new[:new.index("?>")] == old[:old.index("?>")]  # declaration kept


def test_report_never_holds_an_original_value(files, seeded):
    _, seeds = seeded
    result = redact(files["docx"], name="seeded.docx")
    report = json.dumps(result.report(), ensure_ascii=False)
    for seed in seeds:
        if seed.mask:
            assert seed.value not in report
    findings = result.report()["findings"]
    assert all(f["masked"] and "●" in f["masked"] for f in findings)
    assert any(f["role"] == "footnote" for f in findings) and any(f["role"] == "header" for f in findings)
    assert any(f["path"] and "/r1c1/" in f["path"] and f["how"] == "cell" for f in findings)
    assert all(f["page"] == 1 for f in findings if f["role"] == "body")


def test_a_value_split_across_runs_is_masked_in_every_run():
    from docx import Document

    document = Document()
    paragraph = document.add_paragraph("주민등록번호 ")
    for piece in ("800101-", "12", "34568"):  # 2020-10 style: no check digit, label beside it
        paragraph.add_run(piece).bold = True
    buf = io.BytesIO()
    document.save(buf)
    result = redact(buf.getvalue(), name="split.docx")
    xml = zipfile.ZipFile(io.BytesIO(result.output)).read("word/document.xml").decode("utf-8")
    assert ">800101-<" in xml and ">1●<" in xml and ">●●●●●<" in xml
    assert docextract.parse(result.output).text.startswith("주민등록번호 800101-1●●●●●●")


def test_rules_can_be_chosen(files):
    result = redact(files["hwpx"], rules="rrn,arn", name="seeded.hwpx")
    assert set(result.counts()) == {"rrn", "arn"}
    with pytest.raises(ValueError, match="unknown redaction rule"):
        redact(files["hwpx"], rules="rrn,social")
