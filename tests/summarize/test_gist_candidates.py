"""What may stand in the extractive summary of a report: sentences, never the head table's
lone labels and values, a contents entry or a checklist question. The report is written
by the samples' writers in two formats, with all three kinds of non-sentence in it."""

from __future__ import annotations

import sys

import pytest

import docextract
from docextract.normalize.text import is_contents_entry

from ..conftest import ROOT

if str(ROOT) not in sys.path:  # importlib mode does not put the project root on sys.path
    sys.path.insert(0, str(ROOT))

from samples.layout import Cell, Doc, Para, Table  # noqa: E402
from samples.writers import render  # noqa: E402

GIST = [
    "도로보수과는 상봉동 도시가스배관 이설공사 구간의 굴착복구 공정을 점검하였다.",
    "우천으로 순연된 면목로 구간은 다음 주까지 포장 복구를 마칠 계획이다.",
    "복구가 늦어지는 구간은 매일 현장 사진과 함께 공정표를 보고하도록 하였다.",
]
NOT_GIST = ["문서번호", "도로보수과-5186", "협  조", "굴착복구 현황 ·········· 3",
            "정책(사업) 집행의 영향 및 효과성을 분석하였습니까?(갈등, 약자, 안전 등)"]


def _report() -> Doc:
    head = Table(2, 2, [
        Cell(0, 0, [Para("문서번호")]), Cell(0, 1, [Para("도로보수과-5186")]),
        Cell(1, 0, [Para("협  조")]), Cell(1, 1, [Para("재난조사")]),
    ], [0.3, 0.7])
    checklist = Table(1, 2, [
        Cell(0, 0, [Para(NOT_GIST[4])]), Cell(0, 1, [Para("■")]),
    ], [0.8, 0.2])
    return Doc(title="굴착복구공사 현황보고", blocks=[
        head,
        Para("굴착복구공사 현황보고", align="center", size="large", bold=True),
        Para("목차"),
        Para(NOT_GIST[3]),
        checklist,
        *(Para(s) for s in GIST),
    ])


@pytest.mark.parametrize("fmt", ["docx", "hwpx"])
def test_only_sentences_stand_in_the_gist(tmp_path, fmt):
    path = tmp_path / f"report.{fmt}"
    path.write_bytes(render(_report(), fmt))
    # five asked for, three sentences in the document: the rest is no gist
    summary = docextract.summarize(path, sentences=5)
    assert sorted(s.text for s in summary.sentences) == sorted(GIST)


def test_contents_entries():
    assert is_contents_entry("굴착복구 현황 ·········· 3")
    assert is_contents_entry("4.2. 문서 정보의 데이터 레코드\t17")  # Hancom's tab leader
    assert is_contents_entry("제2장 추진 계획      12 ")
    assert is_contents_entry("Ⅱ. 추진 과제 ········ - 3 -")
    assert not is_contents_entry("제3조 제1항 3")
    assert not is_contents_entry("총 12")
    assert not is_contents_entry("3")
    # a long leader without a page number is read once (the pattern is linear)
    assert not is_contents_entry("·" * 200_000 + "끝")
    assert not is_contents_entry("\t" * 200_000 + "끝")


def test_a_long_leader_in_a_report_outline(tmp_path):
    """The outline drops contents entries with the same linear pattern: a □ item of 200,000
    leader dots without a page number once took the outline finder minutes (quadratic)."""
    doc = Doc(title="추진계획", blocks=[
        Para("데이터 개방 추진계획(안)", align="center", size="large", bold=True),
        Para("□ 추진 배경 ········ 3"),
        Para("□ " + "·" * 200_000 + "끝"),
        Para("□ 추진 과제"),
        Para("○ 고수요 데이터 우선 개방", indent=2),
    ])
    path = tmp_path / "plan.docx"
    path.write_bytes(render(doc, "docx"))
    record = docextract.extract(path, type="report", limits={"timeout_seconds": 60})
    heads = [node["text"] for node in record.to_dict()["outline"]]
    assert "추진 배경" not in " ".join(heads) and "추진 과제" in heads
