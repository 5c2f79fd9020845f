"""Summaries of the project's sample letters in every format, line by line against the
expected records (samples/expected/letter-NN.official_letter.json), plus the other
sample documents. Skipped until `make samples` has produced them."""

import json
import re
from datetime import date
from pathlib import Path

import pytest

import docextract
from docextract.serialize import dump_json, load_json
from docextract.summaries import extract_record
from docextract.summaries.render_html import render_html
from docextract.summaries.render_json import render_json
from docextract.summaries.render_markdown import render_markdown
from docextract.summaries.render_text import render_text
from docextract.summaries.summary import Summary, build_summary

from ..extract.sample_failures import xfail_marks

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FORMATS = ("hwp", "hwpx", "docx", "pdf")
TODAY = date(2025, 9, 24)
LETTERS = sorted((fmt, p) for fmt in FORMATS for p in (SAMPLES / fmt).glob(f"letter-*.{fmt}")
                 if (SAMPLES / "expected" / f"{p.name.split('.')[0]}.official_letter.json").is_file())
OTHERS = sorted(p for fmt in FORMATS for p in (SAMPLES / fmt).glob(f"[!l]*.{fmt}"))


def _expected(path):
    name = path.name.split(".")[0]
    return json.loads((SAMPLES / "expected" / f"{name}.official_letter.json").read_text("utf-8"))


def _label(deadline):
    days = (date.fromisoformat(deadline[:10]) - TODAY).days
    return "D-day" if days == 0 else f"D-{days}" if days > 0 else f"D+{-days}"


def _summarize(path):
    doc = docextract.parse(path)
    record = extract_record(doc)
    return build_summary(record, doc, today=TODAY), doc, record


@pytest.mark.skipif(not LETTERS, reason="no sample letters with expected records (make samples)")
@pytest.mark.parametrize("fmt, path", [pytest.param(f, p, id=p.name, marks=xfail_marks(p.name.split(".")[0], f))
                                       for f, p in LETTERS])
def test_letter_summary_lines_match_the_expected_record(fmt, path):
    exp = _expected(path)
    s, doc, record = _summarize(path)
    assert s.kind == "official_letter"
    assert s.title == exp["title"]
    assert (s.issuer, s.sender) == (exp["issuer"], exp["sender"])
    assert (s.document_number, s.enforcement_date) == (exp["document_number"],
                                                      exp["enforcement_date"])
    assert s.requests == exp["requested_actions"]
    assert s.deadline == exp["deadline"]
    assert [a.to_dict() for a in s.attachments] == exp["attachments"]
    assert [c.to_dict() for c in s.contacts] == exp["contacts"]
    assert (s.disclosure.to_dict() if s.disclosure else None) == exp["disclosure"]
    if exp["deadline"]:
        assert s.d_day.label == _label(exp["deadline"])
        assert s.d_day.overdue == s.d_day.label.startswith("D+")
    else:
        assert s.d_day is None
    # the extractive summary quotes the body, in order, from within its evidence
    body = " ".join((exp["body"] or "").split())
    assert 1 <= len(s.sentences) <= 3
    positions = [body.find(x.text) for x in s.sentences]
    assert -1 not in positions and positions == sorted(positions)
    for x in s.sentences:
        assert " ".join(doc.text[x.span[0]:x.span[1]].split()) == x.text


@pytest.mark.skipif(not LETTERS, reason="no sample letters with expected records (make samples)")
@pytest.mark.parametrize("fmt, path", LETTERS[:: max(1, len(LETTERS) // 8)],
                         ids=[p.name for _, p in LETTERS[:: max(1, len(LETTERS) // 8)]])
def test_letter_renderings_carry_every_line(fmt, path):
    exp = _expected(path)
    s, doc, record = _summarize(path)
    text = render_text(s).splitlines()
    assert text[0] == f"제목      {exp['title']}"
    assert text[1].startswith(f"발신      {exp['issuer']}")
    assert exp["document_number"] in text[1]
    if exp["deadline"]:
        shown = exp["deadline"].replace("T", " ")
        assert any(ln.startswith(f"기한      {shown} ({_label(exp['deadline'])}") for ln in text)
    for i, a in enumerate(exp["attachments"], 1):
        copies = f" ({a['copies']}부)" if a["copies"] is not None else ""
        assert any(ln.endswith(f"{i}. {a['title']}{copies}") for ln in text)
    for r in exp["requested_actions"]:
        assert any(ln.endswith(f"• {r}") for ln in text)
    md = render_markdown(s)
    assert md.startswith("## ")
    assert md.count("\n1. ") >= 1 and "### 요약" in md
    page = render_html(s, doc, record)
    marked = set(re.findall(r'<mark data-field="([^"]+)"', page))
    assert set(record.evidence) <= marked
    assert json.loads(s.to_json())["title"] == exp["title"]


@pytest.mark.parametrize("path", [p for _, p in LETTERS] + OTHERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_json_without_pydantic_is_pydantics_json(path):
    s, _, _ = _summarize(path)
    assert s.sentences  # spans (tuples) and scores (floats) are in the comparison
    assert render_json(s, indent=2) == dump_json(s, indent=2)
    assert render_json(s) == dump_json(s) == s.to_json()
    assert load_json(Summary, render_json(s)) == s
    assert s.to_dict() == json.loads(render_json(s))


@pytest.mark.skipif(not OTHERS, reason="no other sample documents (make samples)")
@pytest.mark.parametrize("path", [
    pytest.param(p, marks=xfail_marks(p.stem, p.suffix[1:]))
    for p in OTHERS], ids=[p.name for p in OTHERS])
def test_other_samples_have_title_date_and_a_real_summary(path):
    s, doc, record = _summarize(path)
    assert s.title and len(s.title) >= 4
    assert s.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", s.date)
    assert s.source == path.name or s.source.endswith(path.name)
    assert len(s.sentences) == 2  # the length these types' specs set (summary.sentences)
    for x in s.sentences:
        assert "fragment" not in x.cues and len(x.text) >= 12
        assert not x.text.startswith(s.title)  # a title line ends before the lead sentence
    out = render_text(s)
    assert "요약" in out and "요청사항" not in out


@pytest.mark.parametrize("name, own", [("letter-01", 3), ("notice-01", 2), ("minutes-01", 2)])
def test_the_summary_length_is_the_types_own_unless_asked(name, own):
    path = SAMPLES / "docx" / f"{name}.docx"
    assert len(docextract.summarize(path, today=TODAY).sentences) == own
    assert len(docextract.summarize(path, today=TODAY, sentences=1).sentences) == 1
