"""Summaries of real public documents: a 공문, a 보도자료, an RFP and a regulation.

Skipped when the shared corpus is absent. The checks are what a reader would call
sensible: the letter's request, deadline and D-day; the press release's lead instead
of its embargo note; the regulation's purpose article; no fragments.
"""

import re
from datetime import date

import pytest

import docextract
from docextract.summaries import extract_record
from docextract.summaries.render_text import render_text
from docextract.summaries.summary import build_summary

pytestmark = pytest.mark.corpus

LETTER = "hwp/hwp2hwpx_JHOMS242540000308001.hwp"
PRESS = "hwp/hwpjs_noori.hwp"
RFP = "hwp/hwp2hwpx_R25BD00004367-000_제안요청서.hwp"
REGULATION = "hwp/hwpparser_FR00801_회계규정_ori.hwp"


def summarize(corpus_dir, name, **kw):
    path = corpus_dir / name
    if not path.is_file():
        pytest.skip(f"{name} is not in the corpus")
    doc = docextract.parse(path)
    return build_summary(extract_record(doc), doc, **kw)


def test_official_letter(corpus_dir):
    s = summarize(corpus_dir, LETTER, today=date(2024, 7, 28))
    assert s.kind == "official_letter"
    assert "평가위원(후보자) 추천 협조 요청" in s.title
    assert s.deadline == "2024-08-02" and s.d_day.label == "D-5"
    assert any("추천하여 주시기 바랍니다" in r for r in s.requests)
    assert [a.title for a in s.attachments][:1] == ["제안서 평가위원 모집 공고문"]
    texts = [x.text for x in s.sentences]
    assert len(texts) == 3
    assert any(t.endswith("추천하여 주시기 바랍니다.") for t in texts)
    assert not any("무궁한 발전" in t for t in texts)
    out = render_text(s)
    assert "기한      2024-08-02 (D-5)" in out
    late = summarize(corpus_dir, LETTER, today=date(2024, 8, 5))
    assert "2024-08-02 (D+3, 기한 지남)" in render_text(late)


def test_press_release(corpus_dir):
    s = summarize(corpus_dir, PRESS, today=date(2018, 9, 3))
    assert s.kind == "document"
    assert "누리" in s.title
    assert s.date == "2018-09-04"
    texts = [x.text for x in s.sentences]
    assert texts[0].startswith("과학기술정보통신부(장관 유영민")
    assert not any("보도해 주시기" in t or "연락주시기" in t for t in texts)
    assert not any(t == s.title for t in texts)


@pytest.mark.slow
def test_rfp_and_regulation(corpus_dir):
    rfp = summarize(corpus_dir, RFP)
    assert rfp.kind == "document" and len(rfp.sentences) == 3
    assert all(len(x.text) >= 20 for x in rfp.sentences)
    assert any("유지관리" in x.text or "요구사항" in x.text for x in rfp.sentences)
    regulation = summarize(corpus_dir, REGULATION)
    # the body's largest title line, letter spacing collapsed (the metadata says 회계규정)
    assert regulation.title == "회계규정(FR-008-01)"
    assert regulation.sentences[0].text.startswith("제1조(목적)")
    assert all(len(x.text) >= 20 for x in regulation.sentences)
    if "kiwipiepy" in regulation.tokenizer:
        assert regulation.warnings == []


@pytest.mark.parametrize("name", [
    "pdf/odl_국회회의록_21대_414회_1차_환경노동위원회_hwp.pdf",  # a contents page of agenda items
    "hwpx/rhwp_seoul_36384689_fire_report.hwpx",  # a head table of labels and values
    "hwpx/rhwp_seoul_36382669_committee_result.hwpx",  # a checklist of questions
    "hwp/hwprs_한글문서파일형식_5.0_revision1.3.hwp",  # contents entries with tab leaders
])
def test_no_contents_entry_label_or_question_in_the_gist(corpus_dir, name):
    s = summarize(corpus_dir, name)
    for sentence in s.sentences:
        words = [w for w in sentence.text.split() if sum(c.isalpha() for c in w) >= 2]
        assert len(words) >= 2, sentence.text
        assert "···" not in sentence.text and not sentence.text.rstrip(")").endswith("?")
        assert "까?" not in sentence.text
        assert not re.match(r"^\d+(?:\.\d+)*\.\s.*\s\d{1,3}$", sentence.text), sentence.text
    if "committee_result" in name:
        assert any("강사선정 심의회" in x.text for x in s.sentences)
    if "국회회의록" in name:  # its 94 agenda items: 10 on the 안건 line, none again as the gist
        agenda = next(k for k in s.lines if k.label == "안건")
        assert len(agenda.values) == 10 and agenda.omitted == 84
        assert s.sentences and not any("일부개정법률안(" in x.text[:40] for x in s.sentences)
