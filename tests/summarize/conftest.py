"""Fixtures for summarize tests: a composed 공문 built by hand as a Document + record.

The letter is gongmun-spec §9.2 "Composed 1" (fictitious names and numbers). Its record
is written by hand with evidence spans found in Document.text, the way the extractor
reports them, so the summarizer can be tested before and independently of extract().
"""

from __future__ import annotations

import pytest

from docextract.model import Document, Paragraph, Role
from docextract.records import Evidence
from docextract.records.official_letter import (Approver, Attachment, Contact, Disclosure,
                                                OfficialLetter, Person, Related)

LETTER_LINES = [
    "행정안전부",
    "수신  수신자 참조",
    "(경유)",
    "제목  2025년 상반기 공공데이터 개방 실적 제출 요청",
    "1. 관련: 공공데이터정책과-1187(2025. 2. 14.)",
    "2. 위 호와 관련하여 2025년 상반기 공공데이터 개방 실적을 붙임 서식에 따라 작성하여",
    "   2025. 7. 11.(금) 18:00까지 제출하여 주시기 바랍니다.",
    "  가. 제출기한: 2025. 7. 11.(금) 18:00까지(기한 엄수)",
    "  나. 제출방법: 업무관리시스템(온-나라) 공문 회신",
    "  다. 제출내용: 개방 실적 총괄표, 기관별 세부 실적",
    "3. 문의: 공공데이터정책과 주무관 홍길동(☎ 044-205-2271, gildong@korea.kr)",
    "붙임  1. 2025년 상반기 개방 실적 총괄표 서식 1부.",
    "      2. 작성 요령 1부.  끝.",
    "행 정 안 전 부 장 관",
    "수신자  서울특별시장(데이터전략과장), 부산광역시장(정보화담당관)",
    "주무관 홍길동   사무관 김영수   공공데이터정책과장 07/01 전결 박민정",
    "시행  공공데이터정책과-2410 (2025. 7. 1.)   접수",
    "우 30112  세종특별자치시 도움6로 42 / www.mois.go.kr",
    "전화번호 044-205-2271  팩스번호 044-205-8899 / gildong@korea.kr / 부분공개(6)",
]
REQUEST = ("위 호와 관련하여 2025년 상반기 공공데이터 개방 실적을 붙임 서식에 따라 작성하여 "
           "2025. 7. 11.(금) 18:00까지 제출하여 주시기 바랍니다.")


def build_letter(lines: list[str] = LETTER_LINES) -> tuple[Document, OfficialLetter]:
    """A Document with one paragraph per line and its hand-written OfficialLetter."""
    doc = Document.assemble([Paragraph(text=t) for t in lines], format="hwp")
    doc.source.name = "composed-1.hwp"
    text = doc.text
    record = OfficialLetter(
        issuer="행정안전부",
        recipients=["서울특별시장(데이터전략과장)", "부산광역시장(정보화담당관)"],
        title="2025년 상반기 공공데이터 개방 실적 제출 요청",
        related=[Related(number="공공데이터정책과-1187", date="2025-02-14")],
        deadline="2025-07-11T18:00",
        requested_actions=[REQUEST],
        attachments=[Attachment(title="2025년 상반기 개방 실적 총괄표 서식", copies=1),
                     Attachment(title="작성 요령", copies=1)],
        sender="행정안전부장관",
        drafter=Person(position="주무관", name="홍길동"),
        reviewers=[Person(position="사무관", name="김영수")],
        approver=Approver(position="공공데이터정책과장", name="박민정", mark="전결",
                          date="2025-07-01"),
        document_number="공공데이터정책과-2410",
        enforcement_date="2025-07-01",
        postal_code="30112",
        homepage="www.mois.go.kr",
        phone="044-205-2271",
        fax="044-205-8899",
        email="gildong@korea.kr",
        disclosure=Disclosure(level="부분공개", grounds=[6]),
        contacts=[Contact(department="공공데이터정책과", position="주무관", name="홍길동",
                          phone="044-205-2271", email="gildong@korea.kr")],
    )

    def add(field: str, printed: str, after: int = 0) -> None:
        start = text.index(printed, after)
        para = doc.paragraph_at(start)
        record.add_evidence(field, Evidence(text=printed, path=para.prov.path if para else "",
                                            span=(start, start + len(printed)), rule="test"))

    add("issuer", "행정안전부")
    add("title", "2025년 상반기 공공데이터 개방 실적 제출 요청")
    add("deadline", "2025. 7. 11.(금) 18:00까지")
    first = text.index("위 호와")
    end = text.index("제출하여 주시기 바랍니다.") + len("제출하여 주시기 바랍니다.")
    record.add_evidence("requested_actions", Evidence(text=text[first:end], path="s0/b5",
                                                      span=(first, end), rule="test"))
    add("attachments", "2025년 상반기 개방 실적 총괄표 서식 1부")
    add("attachments", "작성 요령 1부")
    add("sender", "행 정 안 전 부 장 관")
    add("document_number", "공공데이터정책과-2410")
    add("enforcement_date", "2025. 7. 1.", text.index("시행"))
    add("contacts", "공공데이터정책과 주무관 홍길동(☎ 044-205-2271, gildong@korea.kr)")
    add("disclosure", "부분공개(6)")
    body_start = text.index("1. 관련")
    body_end = text.index("\n붙임  1.") + 1
    record.add_evidence("body", Evidence(text=text[body_start:body_end], path="s0/b4",
                                         span=(body_start, body_end), rule="test"))
    return doc, record


@pytest.fixture
def letter() -> tuple[Document, OfficialLetter]:
    return build_letter()


@pytest.fixture
def letter_with_lines():
    """build_letter itself, for tests that add lines to the letter."""
    return build_letter


@pytest.fixture
def press_release() -> Document:
    """A short 보도자료 as a Document (composed, gongmun-spec §9.2 Composed 6 style)."""
    lines = [
        "보도자료",
        "보도시점  2025. 6. 10.(화) 12:00 이후 (6. 11.(수) 조간)",
        "공공기관 문서, 누구나 읽기 쉽게 바뀐다",
        "□ 행정안전부는 공문서를 쉽게 읽을 수 있도록 작성 기준을 정비한 개정안을 10일 발표했다.",
        " ㅇ 개정안은 날짜·시간 표기와 항목 기호 사용 기준을 통일하고, 붙임 표시 방법을 간소화한다.",
        "   - 교육은 7월부터 지방자치단체와 교육청을 대상으로 실시한다.",
        "    * 세부 일정은 추후 안내",
        "□ 행정안전부는 개정된 작성 기준을 공문서 작성 시스템에 반영할 계획이다.",
        "담당 부서 정보공개정책과 과장 김철수 (044-205-2260)",
    ]
    blocks = [Paragraph(text=t) for t in lines]
    blocks.insert(0, Paragraph(text="행정안전부 보도자료 머리글", role=Role.HEADER))
    doc = Document.assemble(blocks, format="hwp")
    doc.source.name = "press.hwp"
    return doc


@pytest.fixture
def letter_docx(tmp_path):
    """The composed letter written as a real DOCX file (one paragraph per line)."""
    import docx

    document = docx.Document()
    for line in LETTER_LINES:
        document.add_paragraph(line)
    path = tmp_path / "composed-1.docx"
    document.save(path)
    return path
