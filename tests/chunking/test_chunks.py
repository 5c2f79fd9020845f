"""Retrieval chunks: structure, limits, spans that tile the text, provenance, the CLI."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import docextract
from docextract.chunking import chunks
from docextract.cli import cli
from docextract.model import Cell, Document, Paragraph, Provenance, Source, Table

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_FILES = sorted(p for p in (ROOT / "samples").rglob("*")
                      if p.suffix in (".hwp", ".hwpx", ".docx", ".pdf"))


def assert_tiles(doc: Document, found: list, max_chars: int, overlap: int) -> None:
    """The coverage contract: spans cover the text with no gap, overlap at most ``overlap``."""
    end = 0
    for chunk in found:
        start, stop = chunk.span
        assert start <= end, f"gap before chunk {chunk.index}: {end}..{start}"
        assert end - start <= overlap and end - start == chunk.overlap
        assert start < stop or not chunk.text
        assert len(chunk.text) <= max_chars
        assert chunk.paths and all(doc.find(p.split("@")[0]) is not None for p in chunk.paths)
        end = stop
    assert end == len(doc.text)


def para(text: str, **kw) -> Paragraph:
    return Paragraph(text=text, prov=Provenance(page=kw.pop("page", 1)), **kw)


def document(blocks, sha: str = "ab" * 32) -> Document:
    return Document.assemble(blocks, format="docx", source=Source(name="t.docx", sha256=sha))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: str(p.relative_to(ROOT / "samples")))
def test_sample_chunks_tile_the_text(path):
    doc = docextract.parse(path)
    for max_chars, overlap in [(1000, 0), (120, 0), (200, 60)]:
        found = chunks(doc, max_chars=max_chars, overlap=overlap)
        assert found
        assert_tiles(doc, found, max_chars, overlap)


def test_corpus_chunks_stay_in_the_limit_with_provenance(corpus_dir):
    from docextract.errors import DocextractError

    count = 0
    for path in sorted(p for p in corpus_dir.glob("*/*") if p.is_file()):
        try:
            doc = docextract.parse(path)
        except DocextractError:
            continue  # encrypted, broken or not a document: the corpus has some on purpose
        found = chunks(doc, max_chars=800, overlap=80)
        assert_tiles(doc, found, 800, 80)
        count += len(found)
    assert count > 100


def test_breadcrumb_follows_the_gongmun_item_order():
    body = "현황 설명 문장입니다. " * 20
    doc = document([para("1. 추진배경"), para("가. 현황"), para(body), para("나. 문제점"),
                    para(body), para("2. 추진계획"), para("가. 세부 과제: 설명이 이어집니다"),
                    para("1) 첫째 과제"), para(body)])
    found = chunks(doc, max_chars=200)
    crumbs = [c.breadcrumb for c in found]
    assert ["1. 추진배경", "가. 현황"] in crumbs and ["1. 추진배경", "나. 문제점"] in crumbs
    assert ["2. 추진계획", "가. 세부 과제", "1) 첫째 과제"] in crumbs  # label cut at its colon
    assert all(c[:1] in ([], ["1. 추진배경"], ["2. 추진계획"]) for c in crumbs)


def test_a_subtree_that_fits_is_one_chunk_with_its_children():
    doc = document([para("□ 개요"), para("○ 목적: 안전 강화"), para("- 세부 내용"),
                    para("□ 추진계획"), para("○ 일정: 3월"), para("- 세부 일정 " * 20)])
    found = chunks(doc, max_chars=120)
    assert found[0].text == "□ 개요\n○ 목적: 안전 강화\n- 세부 내용"
    assert found[0].breadcrumb == []
    assert found[1].text.startswith("□ 추진계획")


def test_report_order_and_closing_mark():
    doc = document([para("Ⅰ. 추진 배경"), para("□ 현황"), para("ㅇ 세부 " * 30),
                    para("붙임  1. 서식 1부.  끝."), para("행정안전부장관"), para("결문 " * 30)])
    found = chunks(doc, max_chars=150)
    assert found[1].breadcrumb == ["Ⅰ. 추진 배경", "□ 현황"]
    assert found[-1].breadcrumb == []  # the 결문 after 끝. is in no item


def test_law_order_puts_items_under_articles():
    doc = document([para("제1장 총칙"), para("제1조(목적) 이 규정은 목적을 정한다."),
                    para("제2조(정의) 이 규정에서 쓰는 말의 뜻은 다음과 같다."),
                    para("① 첫째 항 " * 12), para("1. 첫째 호 " * 12), para("② 둘째 항 " * 12)])
    found = chunks(doc, max_chars=150)
    last = found[-1]
    assert last.text.startswith("② 둘째 항")
    assert last.breadcrumb == ["제1장 총칙", "제2조(정의)"]


def _table(n_rows: int, cell_text=lambda r, c: f"행{r} 값{c}") -> Table:
    rows = [[Cell(row=r, col=c, blocks=[para(("이름" if c == 0 else "내용") if r == 0
                                              else cell_text(r, c))]) for c in range(2)]
            for r in range(n_rows)]
    return Table(n_rows=n_rows, n_cols=2, rows=rows)


def test_long_table_splits_by_rows_with_the_header_repeated():
    doc = document([para("표 앞 문단"), _table(40), para("표 뒤 문단")])
    found = chunks(doc, max_chars=200)
    tables = [c for c in found if "| 행" in c.text]
    assert len(tables) > 2 and all(c.kind == "table" for c in tables[1:-1])
    for chunk in tables:  # every part of the table starts with its header row
        lines = chunk.text.split("\n")
        head = lines.index("| 이름 | 내용 |")
        assert lines[head + 1] == "|---|---|" and lines[head + 2].startswith("| 행")
    rows = [line for c in tables for line in c.text.split("\n") if line.startswith("| 행")]
    assert rows == [f"| 행{r} 값0 | 행{r} 값1 |" for r in range(1, 40)]
    assert_tiles(doc, found, 200, 0)


def test_a_row_too_long_alone_becomes_text_pieces():
    long = "가나다라마바사 아자차카타파하. " * 20
    doc = document([_table(3, lambda r, c: long if (r, c) == (1, 1) else "짧음")])
    found = chunks(doc, max_chars=100)
    assert_tiles(doc, found, 100, 0)
    assert any(c.kind == "text" and "아자차카타파하." in c.text for c in found)


def test_sentences_are_not_cut_unless_one_is_over_the_limit():
    sentences = [f"이것은 {i}번째 문장으로 적당히 깁니다." for i in range(30)]
    over = "끊어야만 하는 " * 40 + "문장."
    doc = document([para(" ".join(sentences)), para(over)])
    found = chunks(doc, max_chars=100)
    assert_tiles(doc, found, 100, 0)
    pieces = [c.text for c in found if "번째" in c.text]
    assert " ".join(pieces).split(" 이것은") and all(p.endswith("깁니다.") for p in pieces)
    cut = [c.text for c in found if "끊어야만" in c.text]
    assert len(cut) > 1  # cut at spaces, never inside a word
    assert all(w in ("끊어야만", "하는", "문장.") for t in cut for w in t.split())


def test_overlap_repeats_the_end_of_the_previous_chunk():
    sentences = " ".join(f"문장 {i}번이 여기에 있습니다." for i in range(40))
    doc = document([para(sentences)])
    found = chunks(doc, max_chars=120, overlap=30)
    assert_tiles(doc, found, 120, 30)
    for before, after in zip(found, found[1:]):
        assert 0 < after.overlap < 30
        shared = doc.text[after.span[0]:after.span[0] + after.overlap].strip()
        assert after.text.startswith(shared) and shared in before.text


def test_ids_are_stable_and_depend_on_the_source():
    blocks = lambda: [para("1. 첫째"), para("내용 " * 100), para("2. 둘째")]  # noqa: E731
    a = chunks(document(blocks()), max_chars=100)
    b = chunks(document(blocks()), max_chars=100)
    c = chunks(document(blocks(), sha="cd" * 32), max_chars=100)
    assert [x.id for x in a] == [x.id for x in b]
    assert len({x.id for x in a}) == len(a)
    assert not {x.id for x in a} & {x.id for x in c}


def test_pages_and_document_fields(samples_dir):
    doc = docextract.parse(samples_dir / "hwpx" / "letter-01.hwpx")
    found = chunks(doc, max_chars=300)
    fields = found[0].document
    assert fields.type == "official_letter" and fields.title and fields.issuer
    assert fields.document_number and fields.date and fields.sha256 == doc.source.sha256
    assert all(c.pages == [1] for c in found)


def test_limits_are_checked():
    doc = document([para("짧다")])
    with pytest.raises(ValueError):
        chunks(doc, max_chars=10)
    with pytest.raises(ValueError):
        chunks(doc, max_chars=100, overlap=60)


def test_lazy_export():
    assert docextract.chunks is chunks
    assert "chunks" in docextract.__all__


def test_cli_jsonl(runner, samples_dir):
    path = samples_dir / "docx" / "letter-01.docx"
    result = runner.invoke(cli, ["chunks", "--max-chars", "300", "--overlap", "40", str(path)],
                           standalone_mode=False)
    assert result.return_value == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) > 1 and all(len(x["text"]) <= 300 for x in lines)
    assert {"id", "breadcrumb", "pages", "paths", "span", "document"} <= set(lines[0])
    assert lines[0]["document"]["type"] == "official_letter"


def test_cli_refuses_an_overlap_over_half_the_limit(samples_dir):
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "docextract", "chunks", "--max-chars", "100",
                           "--overlap", "80", str(samples_dir / "docx" / "letter-01.docx")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "--overlap" in proc.stderr
