"""Headings (Paragraph.heading) in every format: the rules (docextract.parsers.headings) and
the generated samples, whose press release and minutes have a title and □ headlines."""

from __future__ import annotations

import pytest

import docextract
from docextract.model import Paragraph, Role
from docextract.parsers.headings import (Look, Looks, mark_headings, numbering_kind,
                                         reads_like_heading, style_level)

FORMATS = ("hwp", "hwpx", "docx", "pdf")


@pytest.mark.parametrize(("style", "level"), [
    ("Heading 1", 1), ("heading 3", 3), ("제목 2", 2), ("Title", 1), ("Subtitle", 2),
    ("제목", 1), ("큰제목", 1), ("본문 대제목", 1), ("본문 중제목", 2), ("본문 소제목", 3),
    ("1.1 제목", 0), ("바탕글", None), ("표 제목", None), ("도표안 제목", None),
    ("차례 제목", None), ("Normal", None), (None, None),
])
def test_style_levels(style, level):
    assert style_level(style) == level


@pytest.mark.parametrize(("text", "kind"), [
    ("제1장 총칙", "장"), ("제 3 절 보칙", "절"), ("제12조(목적)", "조"), ("Ⅱ. 추진 방향", "roman"),
    ("IV. Results", "roman"), ("□ 회의 개요", "box"), ("1. 개요", "1."), ("1.2 배경", "1.1"),
    ("가. 일정", "가."), ("○ 항목", "circle"), ("본문", None), ("2025. 3. 12.", None),
])
def test_numbering_kinds(text, kind):
    assert numbering_kind(text) == kind


@pytest.mark.parametrize(("text", "heading"), [
    ("□ 회의 개요", True), ("Introduction", True), ("제1장 총칙", True), ("점검 결과", True),
    ("The name of the organization is given.", False),  # a sentence
    ("자료를 제출하여 주시기 바랍니다", False), ("개선 계획을 제출함", False),  # sentence endings
    ("「법」 제76조제1항제18호에", False),  # a line cut from a sentence
    ("일시: 2025. 3. 12.", False), ("2023년  3월  24일", False), ("※ 참고", False),
    ("- 항목 내용", False), ("01 서론                 01", False), ("완", False),
])
def test_what_reads_like_a_heading(text, heading):
    assert reads_like_heading(text) is heading


def _doc(items: list[tuple[str, Look]]) -> list[Paragraph]:
    looks = Looks()
    paragraphs = []
    for text, look in items:
        p = Paragraph(text=text)
        looks.note(p, look)
        paragraphs.append(p)
    mark_headings(paragraphs, looks)
    return paragraphs


BODY = Look(size=10)


def test_levels_follow_size_then_weight_then_numbering():
    body = "각 기관은 관련 자료를 기한까지 제출하여야 한다. 담당 부서는 결과를 검토하여 보고한다."
    paragraphs = _doc([("2025년 업무 계획", Look(size=16, bold=True, centred=True)), (body, BODY),
                       ("Ⅰ. 추진 배경", Look(size=10, bold=True)), (body, BODY),
                       ("□ 현황", Look(size=10, bold=True)), (body, BODY), (body, BODY),
                       ("Ⅱ. 추진 방향", Look(size=10, bold=True)), (body, BODY)])
    assert [(p.heading, p.text) for p in paragraphs if p.heading] == [
        (1, "2025년 업무 계획"), (2, "Ⅰ. 추진 배경"), (3, "□ 현황"), (2, "Ⅱ. 추진 방향")]


def test_box_items_that_are_requests_are_not_headings():
    """A 공문 numbers its items with □: most are sentences, so □ is an item marker there."""
    paragraphs = _doc([("□ 관련", BODY), ("□ 위 호와 관련하여 자료를 제출하여 주시기 바랍니다.", BODY),
                       ("□ 점검 결과는 기한까지 조치하여 주시기 바랍니다.", BODY), ("끝.", BODY)])
    assert [p.heading for p in paragraphs] == [None] * 4


def test_bold_emphasis_in_long_paragraphs_is_no_heading():
    long = Look(size=10, bold=True)
    paragraphs = _doc([("이 문단은 굵게 강조되었지만 문장이므로 제목이 아니다.", long),
                       ("두 번째 문단도 굵게 강조된 긴 문장으로 끝난다.", long),
                       ("보통 문단은 이렇게 길게 이어지며 여러 내용을 담고 있어서 본문이 된다.", BODY),
                       ("보통 문단은 이렇게 길게 이어지며 여러 내용을 담고 있어서 본문이 된다.", BODY),
                       ("보통 문단은 이렇게 길게 이어지며 여러 내용을 담고 있어서 본문이 된다.", BODY)])
    assert [p.heading for p in paragraphs] == [None] * 5


def test_declared_outline_levels_win_and_hangul_lists_are_not_headings():
    heads = [Paragraph(text="1. 개요", outline_level=1), Paragraph(text="가. 배경", outline_level=2)]
    mark_headings(heads)
    assert [p.heading for p in heads] == [1, 2]
    items = [Paragraph(text=f"{n}. 위 호와 관련하여 자료를 제출하여 주시기 바랍니다.", outline_level=1)
             for n in range(1, 4)]
    mark_headings(items)
    assert [p.heading for p in items] == [None] * 3
    notes = [Paragraph(text="머리말", role=Role.HEADER, style="Heading 1")]
    mark_headings(notes)
    assert notes[0].heading is None  # only body paragraphs are headings


# the generated samples, in every format ----------------------------------------------------

MINUTES = [(1, "2025년 제3차 공공데이터 품질관리 실무협의회 회의록"), (2, "□ 회의 개요"),
           (2, "□ 주요 논의 내용"), (2, "□ 결정사항"), (2, "□ 향후 계획")]
PRESS = [(1, "보도자료"), (1, "공공기관 문서, 누구나 읽기 쉽게 바뀐다")]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("stem", "expected"), [("minutes-01", MINUTES), ("press-01", PRESS)])
def test_sample_headings_in_every_format(samples_dir, fmt, stem, expected):
    path = samples_dir / fmt / f"{stem}.{fmt}"
    if not path.is_file():
        pytest.skip(f"{path} not generated")
    doc = docextract.parse(path)
    assert [(p.heading, p.text) for p in doc.paragraphs() if p.heading] == expected
    markdown = doc.to_markdown()
    for level, text in expected:
        assert "#" * level + " " + text + "\n" in markdown


@pytest.mark.parametrize("fmt", FORMATS)
def test_letter_items_stay_body_text(samples_dir, fmt):
    """letter-04 numbers its items with □ and ○: they are not headings in any format."""
    doc = docextract.parse(samples_dir / fmt / f"letter-04.{fmt}")
    assert not [p.text for p in doc.paragraphs() if p.heading and p.text.startswith(("□", "○"))]


@pytest.mark.corpus
def test_corpus_outline_headings(corpus_dir):
    spec = corpus_dir / "hwp" / "hwprs_한글문서파일형식_5.0_revision1.3.hwp"
    hwpx = corpus_dir / "hwpx" / "hwpxlib_error_20240919_테스트문서.hwpx"
    if not (spec.is_file() and hwpx.is_file()):
        pytest.skip("corpus files not present")
    headings = [(p.heading, p.text.strip()) for p in docextract.parse(spec).paragraphs() if p.heading]
    assert (2, "1. 개요") in headings and (3, "3.1. \uf53a글 파일 구조 요약") in headings
    assert [(p.heading, p.text) for p in docextract.parse(hwpx).paragraphs() if p.heading] == [
        (1, "1. 개요"), (1, "2. 문서요약"), (2, "가. 문서 내용 확인 조거")]


@pytest.mark.corpus
def test_corpus_regulation_chapters_are_headings(corpus_dir):
    path = corpus_dir / "hwp" / "hwpparser_FR00801_회계규정_ori.hwp"
    if not path.is_file():
        pytest.skip("corpus file not present")
    headings = [(p.heading, " ".join(p.text.split())) for p in docextract.parse(path).paragraphs()
                if p.heading]
    assert headings[0] == (1, "회 계 규 정(FR-008-01)")
    assert (2, "제 1 장 총 칙") in headings and (2, "제 2 장 예 산") in headings
