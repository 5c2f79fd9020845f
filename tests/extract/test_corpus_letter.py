"""The real 공문 in the public corpus: header and footer in merged-cell HWP tables."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import docextract

pytestmark = pytest.mark.corpus

NAME = "hwp2hwpx_JHOMS242540000308001.hwp"


@pytest.fixture
def letter_path(corpus_dir: Path) -> Path:
    path = corpus_dir / "hwp" / NAME
    if not path.is_file():
        pytest.skip(f"{NAME} not in the corpus")
    if importlib.util.find_spec("docextract.parsers.hwp5") is None:
        pytest.skip("HWP parser not available")
    return path


def test_real_letter_key_fields(letter_path: Path) -> None:
    rec = docextract.extract(letter_path, type="official_letter")
    got = rec.to_dict()
    assert got["issuer"] == "(재)논산문화관광재단"
    assert got["title"] == ("「논산 문화가 있는 피크닉 데이 041 무대설치 및 행사운영 용역」"
                            "제안서 평가위원(후보자) 추천 협조 요청")
    assert got["deadline"] == "2024-08-02"
    assert got["attachments"] == [
        {"title": "제안서 평가위원 모집 공고문", "copies": None, "sent_separately": False},
        {"title": "평가위원 등록 신청서 등", "copies": None, "sent_separately": False}]
    assert got["sender"] == "(재)논산문화관광재단 대표이사"
    assert got["document_number"] == "문화기획팀-2181"
    assert got["enforcement_date"] == "2024-07-24"
    assert got["postal_code"] == "32983"
    assert got["address"] == "충남 논산시 시민로 270"
    assert got["phone"] == "041-730-2925"
    assert got["email"] == "ondeul@nonsancntf.or.kr"
    assert got["disclosure"] == {"level": "공개", "grounds": []}
    assert got["via"] is None and got["fax"] is None
    assert (got["receipt_number"], got["receipt_date"]) == ("NIA기관-64", "2024-09-10")


def test_real_letter_is_auto_detected_with_cell_evidence(letter_path: Path) -> None:
    doc = docextract.parse(letter_path)
    rec = docextract.extract(doc)
    assert rec.record_type == "official_letter"
    for field in ("issuer", "document_number", "postal_code", "phone"):
        ev = rec.evidence[field][0]
        assert "/r" in ev.path  # found inside a table cell
        assert doc.text[ev.span[0]:ev.span[1]] == ev.text
