"""The official letter extractor on Documents built with the model: layout variants."""

from __future__ import annotations

import pytest

from docextract.extraction import extract
from docextract.registry import extractors
from docextract.model import Cell, Document, Paragraph, Table

HEAD = ["행정안전부", "수신  수신자 참조", "(경유)",
        "제목  2025년 상반기 공공데이터 개방 실적 제출 요청"]
BODY = [
    "1. 관련: 공공데이터정책과-1187(2025. 2. 14.)",
    "2. 위 호와 관련하여 개방 실적을 붙임 서식에 따라 작성하여 2025. 7. 11.(금) 18:00까지 제출하여 주시기 바랍니다.",
    "  가. 제출기한: 2025. 7. 11.(금) 18:00까지(기한 엄수)",
    "  나. 교부액: 학교당 금1,500,000원(금일백오십만원)",
    "3. 문의: 공공데이터정책과 주무관 홍길동(☎ 044-205-2271, gildong@korea.kr)",
    "붙임  1. 2025년 상반기 개방 실적 총괄표 서식 1부.",
    "      2. 작성 요령 1부.  끝.",
]
SENDER = ["행 정 안 전 부 장 관",
          "수신자  서울특별시장(데이터전략과장), 부산광역시장(정보화담당관)"]
SIGNERS = ["주무관 홍길동   사무관 김영수   공공데이터정책과장 07/01 전결 박민정", "협조자"]
FOOTER = ["시행  공공데이터정책과-2410 (2025. 7. 1.)   접수",
          "우 30112  세종특별자치시 도움6로 42 정부세종청사 중앙동  / www.mois.go.kr",
          "전화번호 044-205-2271  팩스번호 044-205-8899 / Gildong@korea.kr / 부분공개(6)"]

EXPECTED = {
    "type": "official_letter",
    "issuer": "행정안전부",
    "recipients": ["서울특별시장(데이터전략과장)", "부산광역시장(정보화담당관)"],
    "via": None,
    "title": "2025년 상반기 공공데이터 개방 실적 제출 요청",
    "related": [{"organization": None, "number": "공공데이터정책과-1187", "date": "2025-02-14"}],
    "deadline": "2025-07-11T18:00",
    "requested_actions": ["위 호와 관련하여 개방 실적을 붙임 서식에 따라 작성하여 2025. 7. 11.(금) "
                          "18:00까지 제출하여 주시기 바랍니다."],
    "attachments": [{"title": "2025년 상반기 개방 실적 총괄표 서식", "copies": 1, "sent_separately": False},
                    {"title": "작성 요령", "copies": 1, "sent_separately": False}],
    "sender": "행정안전부장관",
    "drafter": {"position": "주무관", "name": "홍길동", "mark": None},
    "reviewers": [{"position": "사무관", "name": "김영수", "mark": None}],
    "approver": {"position": "공공데이터정책과장", "name": "박민정", "mark": "전결",
                 "date": "2025-07-01"},
    "cooperators": [],
    "document_number": "공공데이터정책과-2410",
    "enforcement_date": "2025-07-01",
    "receipt_number": None,
    "receipt_date": None,
    "postal_code": "30112",
    "address": "세종특별자치시 도움6로 42 정부세종청사 중앙동",
    "homepage": "www.mois.go.kr",
    "phone": "044-205-2271",
    "fax": "044-205-8899",
    "email": "gildong@korea.kr",
    "disclosure": {"level": "부분공개", "grounds": [6]},
    "amounts": [1500000],
    "contacts": [{"department": "공공데이터정책과", "position": "주무관", "name": "홍길동",
                  "phone": "044-205-2271", "email": "gildong@korea.kr"}],
    "body": "\n".join(line.strip() for line in BODY[:5]),
}


def paras(lines: list[str]) -> list[Paragraph]:
    return [Paragraph(text=t) for t in lines]


def table(rows: list[list[tuple[int, int, int, list[str]]]], n_rows: int, n_cols: int) -> Table:
    """rows[i] = [(col, row_span, col_span, paragraphs), ...] anchored in grid row i."""
    return Table(n_rows=n_rows, n_cols=n_cols, rows=[
        [Cell(row=i, col=c, row_span=rs, col_span=cs, blocks=paras(texts)) for c, rs, cs, texts in row]
        for i, row in enumerate(rows)])


def letter(blocks: list[Paragraph | Table], fmt: str = "docx") -> Document:
    return Document.assemble(blocks, format=fmt)


def plain_letter() -> Document:
    return letter(paras(HEAD + BODY + SENDER + SIGNERS + FOOTER))


def record(doc: Document) -> dict:
    return extract(doc, "official_letter").to_dict()


def test_plain_lines_give_the_full_record() -> None:
    assert record(plain_letter()) == EXPECTED


def test_spaced_labels_and_colons() -> None:
    head = ["행정안전부", "수 신 : 수신자 참조", "( 경 유 )",
            "제 목 : 2025년 상반기 공공데이터 개방 실적 제출 요청"]
    body = BODY[:5] + ["붙 임  1. 2025년 상반기 개방 실적 총괄표 서식 1부.", "2. 작성 요령 1부.  끝."]
    assert record(letter(paras(head + body + SENDER + SIGNERS + FOOTER))) == EXPECTED


def test_head_and_footer_in_merged_cell_tables_match_plain_lines() -> None:
    head = table([
        [(0, 1, 4, [])],
        [(0, 1, 2, []), (2, 1, 1, ["행정안전부"]), (3, 1, 1, [])],
        [(0, 1, 1, ["수 신 "]), (1, 1, 3, ["수신자 참조"])],
        [(0, 1, 1, ["(경유)"]), (1, 1, 3, [])],
        [(0, 1, 1, ["제 목 "]), (1, 1, 3, ["2025년 상반기 공공데이터 개방 실적 제출 요청"])],
    ], 5, 4)
    closing = table([
        [(0, 1, 8, []), (8, 1, 26, ["행 정 안 전 부 장 관"]), (34, 1, 8, [])],
        [(0, 1, 5, ["수신자"]), (5, 1, 37, ["서울특별시장(데이터전략과장), 부산광역시장(정보화담당관)"])],
        # 결재란: a row of positions above a row of names, with merged spacer cells
        [(0, 1, 7, ["주무관"]), (7, 2, 3, []), (10, 1, 12, ["사무관"]), (22, 1, 20, ["공공데이터정책과장"])],
        [(0, 1, 7, ["홍길동"]), (10, 1, 12, ["김영수"]), (22, 1, 20, ["07/01 전결 박민정"])],
        [(0, 1, 4, ["협조자"]), (4, 1, 38, [])],
        [(0, 1, 3, ["시행"]), (3, 1, 10, ["공공데이터정책과-2410"]), (13, 1, 1, ["("]),
         (14, 1, 6, ["2025. 7. 1."]), (20, 1, 2, [")"]), (22, 1, 3, ["접수"]), (25, 1, 17, [])],
        [(0, 1, 1, ["우"]), (1, 1, 5, ["30112"]), (6, 1, 17, ["세종특별자치시 도움6로 42 정부세종청사 중앙동"]),
         (23, 1, 3, ["/"]), (26, 1, 16, ["www.mois.go.kr"])],
        [(0, 1, 2, ["전화번호"]), (2, 1, 7, ["0442052271"]), (9, 1, 3, ["/팩스번호"]),
         (12, 1, 6, ["(044)205-8899"]), (18, 1, 1, ["/"]), (19, 1, 13, ["Gildong@korea.kr"]),
         (32, 1, 1, ["/"]), (33, 1, 9, ["부분공개(6)"])],
    ], 8, 42)
    doc = letter([head, *paras(BODY), closing], fmt="hwp")
    assert record(doc) == EXPECTED
    rec = extract(doc, "official_letter")
    for field, items in rec.evidence.items():
        for ev in items:
            assert doc.text[ev.span[0]:ev.span[1]] == ev.text, field
    assert rec.evidence["document_number"][0].path == "s0/b8/r5c3/b0"
    assert rec.evidence["issuer"][0].path == "s0/b0/r1c2/b0"


def test_signers_in_one_cell_each_and_column_pairing() -> None:
    signers = table([[(0, 1, 1, ["★주무관", "홍길동"]), (1, 1, 1, ["사무관", "김영수"]),
                      (2, 1, 1, ["공공데이터정책과장", "07/01 전결 박민정"])],
                     [(0, 1, 1, ["협조자"]), (1, 1, 2, ["감사팀장 임채원"])]], 2, 3)
    doc = letter([*paras(HEAD + BODY + SENDER), signers, *paras(FOOTER)])
    got = record(doc)
    assert got["drafter"] == EXPECTED["drafter"]
    assert got["approver"] == EXPECTED["approver"]
    assert got["cooperators"] == [{"position": "감사팀장", "name": "임채원", "mark": None}]
    assert got["sender"] == "행정안전부장관"


def test_positions_and_names_on_alternating_lines() -> None:
    signers = ["★주무관", "홍길동", "사무관", "김영수", "공공데이터정책과장", "07/01 전결 박민정", "협조자"]
    got = record(letter(paras(HEAD + BODY + SENDER + signers + FOOTER), fmt="pdf"))
    assert (got["drafter"], got["reviewers"], got["approver"]) == (
        EXPECTED["drafter"], EXPECTED["reviewers"], EXPECTED["approver"])


def test_acting_approval_and_internal_letter_without_sender() -> None:
    head = ["슬기로운 마포구 생활, 함께 만들어요!", "마포구", "수신  내부결재", "(경유)",
            "제목  2025년 구민 정보화 교육 운영 계획(안)"]
    body = ["구민의 디지털 역량 강화를 위하여 정보화 교육을 다음과 같이 운영하고자 합니다.",
            "1. 소요예산: 1억 2,000만원", "붙임  교육 세부 일정 1부.  끝."]
    signers = ["★주무관 한지민   정보화팀장 代 오세훈   스마트정보과장 03/14 代서윤아",
               "협조자  예산팀장 문종원"]
    footer = ["시행  스마트정보과-877 (2025. 3. 14.)   접수  총무과-567 (2025. 3. 15.)",
              "우 04000  서울특별시 ○○구 ○○로 1",
              "전화 2000-1234  전송 02-2000-1299 / jimin@seoul.go.kr / 대시민공개"]
    got = record(letter(paras(head + body + signers + footer)))
    assert got["issuer"] == "마포구"  # the slogan above it is not the issuer
    assert got["recipients"] == [] and got["sender"] is None
    assert got["drafter"] == {"position": "주무관", "name": "한지민", "mark": None}
    assert got["reviewers"] == [{"position": "정보화팀장", "name": "오세훈", "mark": "대결"}]
    assert got["approver"] == {"position": "스마트정보과장", "name": "서윤아", "mark": "대결",
                               "date": "2025-03-14"}
    assert got["cooperators"] == [{"position": "예산팀장", "name": "문종원", "mark": None}]
    assert (got["receipt_number"], got["receipt_date"]) == ("총무과-567", "2025-03-15")
    assert got["phone"] == "02-2000-1234"  # area code taken from the fax
    assert got["homepage"] is None and got["address"] == "서울특별시 ○○구 ○○로 1"
    assert got["disclosure"] == {"level": "공개", "grounds": []}
    assert got["amounts"] == [120000000]
    assert got["attachments"] == [{"title": "교육 세부 일정", "copies": 1, "sent_separately": False}]
    assert got["requested_actions"] == []


def test_direct_recipient_via_and_glued_label() -> None:
    head = ["○○시 ○○구", "수신○○시장(기획예산과장)", "(경유) 이 문서의 경유기관의 장은 ○○시장이고,",
            "최종 수신기관의 장은 행정안전부장관입니다.", "제목  지방보조금 운영 실태 점검 결과 보고"]
    body = ["1. 점검 결과를 2025. 9. 30.(화)까지 완료할 예정임을 보고합니다.  끝."]
    got = record(letter(paras(head + body + SIGNERS + FOOTER)))
    assert got["recipients"] == []  # "수신○○시장" is not a label followed by a value
    head[1] = "수신  ○○시장(기획예산과장)"
    got = record(letter(paras(head + body + SIGNERS + FOOTER)))
    assert got["recipients"] == ["○○시장(기획예산과장)"]
    assert got["via"] == "이 문서의 경유기관의 장은 ○○시장이고, 최종 수신기관의 장은 행정안전부장관입니다."
    assert got["deadline"] is None  # an information-only sentence is not a request
    assert got["body"] == "1. 점검 결과를 2025. 9. 30.(화)까지 완료할 예정임을 보고합니다."
    assert got["attachments"] == []


def test_glued_refer_list_label() -> None:
    head = ["행정안전부", "수신수신자 참조", "(경유)", HEAD[3]]
    got = record(letter(paras(head + BODY + SENDER + SIGNERS + FOOTER)))
    assert got["recipients"] == EXPECTED["recipients"]


def test_pdf_wrapped_lines_are_joined() -> None:
    body = ["1. 관련: 공공데이터정책과-1187(2025. 2. 14.)",
            "2. 위 호와 관련하여 개방 실적을 붙임 서식에 따라 작성하여 2025. 7.",
            "11.(금) 18:00까지 제출하여 주시기 바랍니다.",
            "  가. 제출기한: 2025. 7. 11.(금) 18:00까지(기한",
            "엄수)",
            "  나. 교부액: 학교당 금1,500,000원(금일백오십만원)",
            "3. 문의: 공공데이터정책과 주무관 홍길동(☎ 044-205-2271,",
            "gildong@korea.kr)"] + BODY[5:]
    got = record(letter(paras(HEAD + body + SENDER + SIGNERS + FOOTER), fmt="pdf"))
    assert got == EXPECTED


def test_attachments_on_one_line_and_without_quantity() -> None:
    body = BODY[:5] + ["붙임 1. 재무과 시행 공문 1부. 2. 2025. 3. 12. 회의 결과 2부. 3. 세입세출외현금 수입일계. 끝."]
    got = record(letter(paras(HEAD + body + SENDER + SIGNERS + FOOTER)))
    assert got["attachments"] == [{"title": "재무과 시행 공문", "copies": 1, "sent_separately": False},
                                  {"title": "2025. 3. 12. 회의 결과", "copies": 2, "sent_separately": False},
                                  {"title": "세입세출외현금 수입일계", "copies": None, "sent_separately": False}]


def test_evidence_points_at_the_printed_text() -> None:
    doc = plain_letter()
    rec = extract(doc, "official_letter")
    for field in ("issuer", "title", "document_number", "enforcement_date", "phone", "deadline",
                  "approver.name", "drafter.position", "postal_code", "email", "sender"):
        assert rec.evidence.get(field), field
        for ev in rec.evidence[field]:
            assert doc.text[ev.span[0]:ev.span[1]] == ev.text
            block = doc.find(ev.path)
            assert block is not None and ev.text in block.text
    assert rec.evidence["title"][0].text == EXPECTED["title"]
    assert rec.evidence["sender"][0].text == "행 정 안 전 부 장 관"
    assert rec.evidence["enforcement_date"][0].text == "2025. 7. 1."
    assert "_evidence" not in rec.to_dict() and "_evidence" in rec.to_dict(evidence=True)


def test_score_and_auto_fallback() -> None:
    ex = extractors().get("official_letter")()
    assert ex.score(plain_letter()) >= 0.9
    report = letter(paras(["2025년 업무 보고", "Ⅰ. 추진배경", "□ 현황", "○ 2025. 3. 12. 회의 개최"]))
    assert ex.score(report) < 0.5
    rec = extract(report)
    assert rec.record_type == "generic" and rec.warnings
    # the date of a meeting inside the body is not the document's date (never the first date)
    assert rec.to_dict() == {"type": "generic", "title": "2025년 업무 보고", "date": None,
                             "issuer": None}
    assert extract(plain_letter()).record_type == "official_letter"


@pytest.mark.parametrize("mark_line, mark", [
    ("과장 07/01 전결 박민정", "전결"), ("과장 07/01 代박민정", "대결"), ("과장 대결 박민정 07/01", "대결"),
])
def test_approver_marks(mark_line: str, mark: str) -> None:
    signers = [f"주무관 홍길동 {mark_line}", "협조자"]
    got = record(letter(paras(HEAD + BODY + SENDER + signers + FOOTER)))
    assert got["approver"] == {"position": "과장", "name": "박민정", "mark": mark, "date": "2025-07-01"}
    assert got["reviewers"] == []


def test_run_on_head_and_closing_as_in_portal_text() -> None:
    text = ["함께해요! 2019 을지태극연습!",
            "서울특별시 수신 내부결재 (경유) 제목 민원 회신",
            "1. 귀하께서 제출하신 민원에 대한 회신입니다.",
            "2. 자세한 사항은 붙임을 참고하시기 바랍니다. 감사합니다. 끝. 주무관 강주령 광장관리팀장 "
            "代방기환 광화문광장기획반장 11/17 사창훈 협조자 시행 광화문광장추진단-3065 ( ) 접수 ( ) "
            "우 04524 서울특별시 중구 세종대로 110 서울특별시청 10층 / 전화 2133-7741 /전송 2133-0894 "
            "/ kanghan311@seoul.go.kr / 부분공개(6)"]
    got = record(letter(paras(text), fmt="pdf"))
    assert (got["issuer"], got["recipients"], got["via"], got["title"]) == (
        "서울특별시", [], None, "민원 회신")
    assert got["body"] == ("1. 귀하께서 제출하신 민원에 대한 회신입니다.\n"
                           "2. 자세한 사항은 붙임을 참고하시기 바랍니다. 감사합니다.")
    assert got["requested_actions"] == []
    assert got["drafter"] == {"position": "주무관", "name": "강주령", "mark": None}
    assert got["reviewers"] == [{"position": "광장관리팀장", "name": "방기환", "mark": "대결"}]
    assert got["approver"] == {"position": "광화문광장기획반장", "name": "사창훈", "mark": None,
                               "date": None}  # MM/DD with an empty 시행일: no year to combine
    assert (got["document_number"], got["enforcement_date"]) == ("광화문광장추진단-3065", None)
    assert (got["postal_code"], got["address"]) == ("04524", "서울특별시 중구 세종대로 110 서울특별시청 10층")
    assert (got["phone"], got["fax"]) == ("02-2133-7741", "02-2133-7741".replace("7741", "0894"))
    assert got["disclosure"] == {"level": "부분공개", "grounds": [6]}


def test_pdf_label_between_the_lines_of_a_wrapped_via() -> None:
    head = ["행정안전부", "수신  경기도지사(자치행정과장)",
            "이 문서의 경유기관의 장은 경기도지사이고, 최종 수신기관의 장은", "(경유)",
            "행정안전부장관입니다.", "제목  결과 보고"]
    got = record(letter(paras(head + BODY + SENDER + SIGNERS + FOOTER), fmt="pdf"))
    assert got["via"] == "이 문서의 경유기관의 장은 경기도지사이고, 최종 수신기관의 장은 행정안전부장관입니다."
    assert got["recipients"] == ["경기도지사(자치행정과장)"]


def test_recipient_list_and_signers_on_one_line() -> None:
    closing = ["행 정 안 전 부 장 관",
               "수신자  공주시장(총무과장), 천안시장(자치행정과장) 주무관 홍길동 사무관 김영수 "
               "공공데이터정책과장 07/01 전결 박민정", "협조자"]
    got = record(letter(paras(HEAD + BODY + closing + FOOTER), fmt="pdf"))
    assert got["recipients"] == ["공주시장(총무과장)", "천안시장(자치행정과장)"]
    assert (got["drafter"], got["reviewers"], got["approver"]) == (
        EXPECTED["drafter"], EXPECTED["reviewers"], EXPECTED["approver"])


@pytest.mark.parametrize("sentence, is_request", [
    ("기한 내 제출하여 주시기 바랍니다.", True), ("적극 협조 바랍니다.", True),
    ("각 기관은 기한 내 회신 바람.", True), ("기한 엄수 요망.", True),
    ("업무에 참고하시기 바랍니다.", False), ("결과를 알려드립니다.", False),
    ("붙임과 같이 송부합니다.", False), ("적극 참여를 부탁드립니다.", True),
])
def test_request_and_information_endings(sentence: str, is_request: bool) -> None:
    body = ["1. 관련: 공공데이터정책과-1187(2025. 2. 14.)", f"2. {sentence}  끝."]
    got = record(letter(paras(HEAD + body + SENDER + SIGNERS + FOOTER)))
    assert got["requested_actions"] == ([sentence] if is_request else [])


def test_pdf_title_wrapped_to_a_second_line() -> None:
    from docextract.model import BBox, Provenance

    def at(text: str, x0: float) -> Paragraph:
        return Paragraph(text=text, prov=Provenance(bbox=BBox(x0=x0, top=0, x1=500, bottom=10)))

    head = [at("행정안전부", 260), at("수신  수신자 참조", 61), at("(경유)", 61),
            at("제목  2025년 상반기 공공데이터 개방 실적 제출", 61), at("요청", 100)]
    body = [at(t, 57) for t in ["개방 실적을 다음과 같이 제출하여 주시기 바랍니다.  끝."]]
    got = record(letter(head + body + paras(SENDER + SIGNERS + FOOTER), fmt="pdf"))
    assert got["title"] == EXPECTED["title"]
    assert got["body"] == "개방 실적을 다음과 같이 제출하여 주시기 바랍니다."


@pytest.mark.parametrize("sender", ["국가정보원장", "소방재난본부장", "국립중앙박물관장", "국무총리"])
def test_agency_heads_that_look_like_positions_are_senders(sender: str) -> None:
    closing = [sender, "수신자  서울특별시장(데이터전략과장), 부산광역시장(정보화담당관)"]
    got = record(letter(paras(HEAD + BODY + closing + SIGNERS + FOOTER)))
    assert got["sender"] == sender
    assert got["drafter"] == EXPECTED["drafter"] and got["approver"] == EXPECTED["approver"]


def test_position_rows_after_the_end_mark_are_not_the_sender() -> None:
    internal = ["행정안전부", "수신  내부결재", "(경유)", HEAD[3]]
    for signers in (["★주무관 사무관 공공데이터정책과장", "홍길동 김영수 07/01 전결 박민정"],
                    ["주무관", "홍길동", "사무관", "김영수", "공공데이터정책과장", "07/01 전결 박민정"]):
        got = record(letter(paras(internal + BODY + signers + ["협조자"] + FOOTER), fmt="pdf"))
        assert got["sender"] is None
        assert (got["drafter"], got["reviewers"], got["approver"]) == (
            EXPECTED["drafter"], EXPECTED["reviewers"], EXPECTED["approver"])


def test_wrapped_recipient_list() -> None:
    from docextract.model import BBox, Provenance

    def at(text: str, x0: float) -> Paragraph:
        return Paragraph(text=text, prov=Provenance(bbox=BBox(x0=x0, top=0, x1=500, bottom=10)))

    closing = [at("행 정 안 전 부 장 관", 200), at("수신자  서울특별시장(데이터전략과장), 부산광역시장(정보", 57),
               at("화담당관), 세종특별자치시장(정보통계담당관), 제주특별자치도지사(디지털혁신", 57),
               at("과장),", 57), at("강원특별자치도지사(정보화정책과장)", 100)]
    got = record(letter(paras(HEAD + BODY) + closing + paras(SIGNERS + FOOTER), fmt="pdf"))
    assert got["recipients"] == ["서울특별시장(데이터전략과장)", "부산광역시장(정보화담당관)",
                                 "세종특별자치시장(정보통계담당관)", "제주특별자치도지사(디지털혁신과장)",
                                 "강원특별자치도지사(정보화정책과장)"]
    assert got["drafter"] == EXPECTED["drafter"]


def test_printed_values_keep_their_characters_and_numbers_are_normalized() -> None:
    body = ["1. 관련: 공공데이터정책과\u20101187(2025. 2. 14.)",
            "\uf06e 기간: 2025. 3. 17.(월) \u223c 12. 31.(수)",
            "2. 결과를 \u2018붙임\u2019과 같이 알려드립니다.  끝."]
    footer = ["시행  공공데이터정책과\u20132410 (2025. 7. 1.)   접수"] + FOOTER[1:]
    got = record(letter(paras(HEAD + body + SENDER + SIGNERS + footer)))
    assert got["related"] == [{"organization": None, "number": "공공데이터정책과-1187", "date": "2025-02-14"}]
    assert got["document_number"] == "공공데이터정책과-2410"
    assert got["body"] == ("1. 관련: 공공데이터정책과\u20101187(2025. 2. 14.)\n"
                           "■ 기간: 2025. 3. 17.(월) \u223c 12. 31.(수)\n"
                           "2. 결과를 \u2018붙임\u2019과 같이 알려드립니다.")


def test_label_cells_read_as_their_own_lines() -> None:
    head = ["행정안전부", "수신", "수신자 참조", "(경유)", "제목", EXPECTED["title"]]
    closing = ["행 정 안 전 부 장 관", "수신자",
               "서울특별시장(데이터전략과장), 부산광역시장(정보화담당관)"]
    footer = ["시행", "공공데이터정책과-2410 (2025. 7. 1.)", "접수", "우",
              FOOTER[1].removeprefix("우 "), "전화번호", FOOTER[2].removeprefix("전화번호 ")]
    got = record(letter(paras(head + BODY + closing + SIGNERS + footer), fmt="pdf"))
    assert got == EXPECTED


def test_evidence_of_a_wrapped_request_covers_both_lines() -> None:
    body = ["1. 위 호와 관련하여 개방 실적을 작성하여 2025. 7.",
            "11.(금)까지 제출하여 주시기 바랍니다.  끝."]
    doc = letter(paras(HEAD + body + SENDER + SIGNERS + FOOTER), fmt="pdf")
    rec = extract(doc, "official_letter")
    evs = rec.evidence["requested_actions"]
    assert [e.text for e in evs] == ["위 호와 관련하여 개방 실적을 작성하여 2025. 7.",
                                     "11.(금)까지 제출하여 주시기 바랍니다."]
    assert [e.path for e in evs] == ["s0/b4", "s0/b5"]
    assert [e.text for e in rec.evidence["deadline"]] == ["2025. 7.", "11.(금)"]
    assert rec.deadline == "2025-07-11"


def test_evidence_text_is_the_document_text_even_with_pua_bullets() -> None:
    body = ["\uf06e 기간: 2025. 3. 17.(월)부터 운영하오니 참석하여 주시기 바랍니다.  끝."]
    doc = letter(paras(HEAD + body + SENDER + SIGNERS + FOOTER))
    rec = extract(doc, "official_letter")
    assert rec.body == "■ 기간: 2025. 3. 17.(월)부터 운영하오니 참석하여 주시기 바랍니다."
    for items in rec.evidence.values():
        for ev in items:
            assert doc.text[ev.span[0]:ev.span[1]] == ev.text
    assert rec.evidence["body"][0].text.startswith("\uf06e")


@pytest.mark.parametrize("line, phone, fax", [
    ("전화 02-2133-1234 02-2133-5678 / a@seoul.go.kr / 공개", "02-2133-1234", None),
    ("02-2133-1234 / 02-2133-5678 / a@seoul.go.kr / 공개", "02-2133-1234", "02-2133-5678"),
    ("Tel (02)2133-1234 FAX 0221335678 / a@seoul.go.kr / 공개", "02-2133-1234", "02-2133-5678"),
    ("전화 2133-1234 / a@seoul.go.kr / 공개", "02-2133-1234", None),  # area code from the address
])
def test_contact_line_forms(line: str, phone: str, fax: str | None) -> None:
    footer = [FOOTER[0], "우 04524  서울특별시 중구 세종대로 110", line]
    got = record(letter(paras(HEAD + BODY + SENDER + SIGNERS + footer)))
    assert (got["phone"], got["fax"], got["email"]) == (phone, fax, "a@seoul.go.kr")


def test_head_words_inside_body_sentences_do_not_split_lines() -> None:
    body = ["1. 문서의 제목 및 수신 기관을 확인하여 주시기 바랍니다.", "2. 기한 내 회신 바랍니다.  끝."]
    got = record(letter(paras(HEAD + body + SENDER + SIGNERS + FOOTER)))
    assert got["body"] == "\n".join(body).replace("  끝.", "")
    assert got["requested_actions"] == ["문서의 제목 및 수신 기관을 확인하여 주시기 바랍니다.",
                                        "기한 내 회신 바랍니다."]
