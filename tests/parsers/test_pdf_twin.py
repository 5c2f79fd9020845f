"""A 공문 as PDF and as DOCX gives the same paragraphs.

Two kinds of pairs: the project's generated samples (samples/pdf/letter-NN.pdf with
samples/docx/letter-NN.docx, and the other sample documents that have both renderings)
and a pair made here with python-docx and fpdf2, where the
PDF wraps long paragraphs word by word the way HWP does and the DOCX does not wrap at all.
Paragraph texts are compared after whitespace normalisation; running headers and footers
are left out (a PDF has page furniture the DOCX body does not).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

import docextract
from docextract.errors import DocextractError
from docextract.model import Document, Role


ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf",
]
KOREAN_FONT = next((p for p in FONT_CANDIDATES if Path(p).is_file()), None)


def paragraphs(doc: Document) -> list[str]:
    out = []
    for p in doc.paragraphs():
        text = re.sub(r"\s+", " ", p.text).strip()
        if text and p.role not in (Role.HEADER, Role.FOOTER):
            out.append(text)
    return out


def parse_docx(data_or_path) -> Document:
    try:
        return docextract.parse(data_or_path, format="docx")
    except DocextractError as exc:
        if exc.code in ("missing-dependency", "plugin", "unsupported"):
            pytest.skip(f"the DOCX parser is not available: {exc}")
        raise


def sample_pairs() -> list[str]:
    """Every generated sample with both a PDF and a DOCX rendering (letters, minutes, ...)."""
    return sorted(p.stem for p in (SAMPLES / "pdf").glob("*.pdf")
                  if (SAMPLES / "docx" / f"{p.stem}.docx").is_file())


@pytest.mark.parametrize("stem", sample_pairs() or ["letter-01"])
def test_sample_pdf_matches_its_docx_twin(stem):
    pdf_path = SAMPLES / "pdf" / f"{stem}.pdf"
    docx_path = SAMPLES / "docx" / f"{stem}.docx"
    if not (pdf_path.is_file() and docx_path.is_file()):
        pytest.skip(f"samples {stem}.pdf/.docx not generated yet (python -m samples.generate)")
    expected = paragraphs(parse_docx(docx_path))
    assert paragraphs(docextract.parse(pdf_path)) == expected
    assert len(expected) >= 10


LETTER = [
    "국토교통부",
    "수신 수신자 참조",
    "제목 2026년 도시재생 사업 추진 실적 제출 요청",
    "1. 관련: 도시재생정책과-1024(2026. 2. 3.)",
    "2. 위 호와 관련하여 각 지방자치단체에서 추진 중인 도시재생 사업의 2025년 추진 실적과 "
    "2026년 추진 계획을 붙임 서식에 따라 작성하여 2026. 3. 13.(금)까지 전자우편으로 제출하여 "
    "주시기 바랍니다.",
    "가. 제출 대상: 도시재생 사업을 추진 중인 모든 지방자치단체",
    "나. 제출 방법: 전자우편(urban@korea.kr) 및 업무관리시스템 공람",
    "3. 제출된 자료는 도시재생 사업 평가와 차년도 국고보조금 배분의 기초 자료로 활용될 예정이오니 "
    "기한 내에 빠짐없이 제출하여 주시기 바랍니다.",
    "붙임 추진 실적 서식 1부. 끝.",
]


def _wrap(pdf, text: str, width: float) -> list[str]:
    """Greedy word wrap (HWP's default 어절 단위) at ``width`` points."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        trial = f"{current} {word}" if current else word
        if current and pdf.get_string_width(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    lines.append(current)
    return lines


def _pdf_twin() -> bytes:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("Nanum", fname=KOREAN_FONT)
    pdf.set_font("Nanum", size=11)
    pdf.add_page()
    left, width, y = 60.0, 470.0, 90.0
    for text in LETTER:
        lines = _wrap(pdf, text, width)
        for i, line in enumerate(lines):
            words = line.split(" ")
            widths = [pdf.get_string_width(w) for w in words]
            gap = pdf.get_string_width(" ")
            if i < len(lines) - 1 and len(words) > 1:  # justified like HWP's default 양쪽 정렬
                gap = (width - sum(widths)) / (len(words) - 1)
            x = left + (width - pdf.get_string_width(line)) / 2 if text == "국토교통부" else left
            for word, w in zip(words, widths):
                pdf.text(x, y, word)
                x += w + gap
            y += 18
        y += 6
    return bytes(pdf.output())


def _docx_twin() -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text in LETTER:
        document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@pytest.mark.skipif(KOREAN_FONT is None, reason="no Korean TrueType font (apt-get install -y fonts-nanum)")
def test_generated_pdf_matches_docx_twin():
    pdf_doc = docextract.parse(_pdf_twin(), format="pdf")
    docx_doc = parse_docx(_docx_twin())
    assert paragraphs(docx_doc) == LETTER
    assert paragraphs(pdf_doc) == LETTER
    # the long paragraphs really were wrapped in the PDF
    item = next(p for p in pdf_doc.paragraphs() if p.text.startswith("2. 위 호와"))
    assert item.prov.bbox.bottom - item.prov.bbox.top > 40
