"""The non-letter samples: a 보도자료 (press release), two 회의록 (minutes), a 공고 (an
입찰공고) and a 보고서 (a 개조식 report).

Their content is fixed text (fictitious people and numbers), laid out as real ones are: the
press release with its 보도시점 head table, title, subtitle, □/ㅇ/- body and contact table; the
minutes with a header table (일시/장소/참석자) and □/○ sections ending in decisions and actions;
the notice with its number, a letter-spaced title, numbered sections, a bid period and a 문의
line, dated and signed at the end, and a stale metadata title (Hancom keeps the title of the
file a notice was copied from); the report with a cover (title, date, department) and a □/○/-
outline.
"""

from __future__ import annotations

from .layout import Cell, Doc, Para, Table

PRESS_TITLE = "공공기관 문서, 누구나 읽기 쉽게 바뀐다"
MINUTES_TITLE = "2025년 제3차 공공데이터 품질관리 실무협의회 회의록"
RESULTS_TITLE = "2025년 제2차 지역안전관리위원회 개최 결과"
NOTICE_TITLE = "2025년 청사 시설관리 용역 입찰공고"
NOTICE_STALE_TITLE = "2023년 청소용역 입찰공고문 서식"
REPORT_TITLE = "공공데이터 개방 확대 추진계획(안)"


def press_doc() -> Doc:
    """보도자료: embargoed until 2025. 6. 10.(화) 12:00, two contacts."""
    head = Table(2, 4, [
        Cell(0, 0, [Para("보도시점", bold=True)]),
        Cell(0, 1, [Para("2025. 6. 10.(화) 12:00 이후 (6. 11.(수) 조간)")], col_span=3),
        Cell(1, 0, [Para("배포", bold=True)]),
        Cell(1, 1, [Para("2025. 6. 10.(화)")], col_span=3),
    ], [0.15, 0.35, 0.15, 0.35])
    contacts = Table(2, 4, [
        Cell(0, 0, [Para("담당 부서")], row_span=2),
        Cell(0, 1, [Para("정보공개정책과")], row_span=2),
        Cell(0, 2, [Para("책임자")]),
        Cell(0, 3, [Para("과장 김하늘 (044-205-2260)")]),
        Cell(1, 2, [Para("담당자")]),
        Cell(1, 3, [Para("사무관 이도현 (044-205-2263)")]),
    ], [0.18, 0.27, 0.15, 0.40])
    blocks = [
        Para("보도자료", align="center", size="large", bold=True),
        Para("데이터로 여는 열린 정부", align="center", size="small"),
        head,
        Para(PRESS_TITLE, align="center", size="large", bold=True, space_before=True),
        Para("- 공문서 작성 기준 개정안 발표, 7월부터 지방자치단체 교육 -", align="center"),
        Para("□ 행정안전부는 공문서를 쉽게 읽을 수 있도록 작성 기준을 정비한 개정안을 10일 발표했다.",
             space_before=True, hanging=1),
        Para("ㅇ 개정안은 날짜·시간 표기와 항목 기호 사용 기준을 통일하고, 붙임 표시 방법을 "
             "간소화한다.", indent=1, hanging=1),
        Para("ㅇ 특히 금액은 아라비아 숫자와 한글을 함께 적도록 하고, 예산 1억 2,000만원을 들여 "
             "작성 지원 도구를 보급한다.", indent=1, hanging=1),
        Para("- 교육은 7월부터 지방자치단체와 교육청을 대상으로 실시한다.", indent=2, hanging=1),
        Para("* 세부 일정은 추후 안내", indent=3, hanging=1, size="small"),
        Para("□ 이도현 정보공개정책과장은 \"국민 누구나 공문서를 쉽게 이해할 수 있도록 현장의 "
             "의견을 계속 반영하겠다\"고 말했다.", hanging=1),
        contacts,
        Para("붙임  공문서 작성 기준 개정안 주요 내용 1부.", space_before=True),
    ]
    return Doc(title=PRESS_TITLE, blocks=blocks)


def minutes_doc() -> Doc:
    """회의록: meeting facts in a header table, discussion, decisions and action items."""
    header = Table(4, 2, [
        Cell(0, 0, [Para("회의명", bold=True)]), Cell(0, 1, [Para(MINUTES_TITLE)]),
        Cell(1, 0, [Para("일시", bold=True)]), Cell(1, 1, [Para("2025. 3. 12.(수) 14:00~16:00")]),
        Cell(2, 0, [Para("장소", bold=True)]), Cell(2, 1, [Para("정부세종청사 중앙동 3층 회의실")]),
        Cell(3, 0, [Para("참석자", bold=True)]),
        Cell(3, 1, [Para("공공데이터정책과장(주재), 서울특별시 데이터전략과장, 부산광역시 정보화담당관 등 12명")]),
    ], [0.2, 0.8])
    blocks = [
        Para(MINUTES_TITLE, align="center", size="large", bold=True),
        header,
        Para("□ 회의 개요", bold=True, space_before=True, hanging=1),
        Para("○ 상반기 공공데이터 품질진단 결과를 공유하고 하반기 개선 과제를 논의함", indent=1, hanging=1),
        Para("□ 주요 논의 내용", bold=True, space_before=True, hanging=1),
        Para("○ (품질진단) 오류율 상위 30개 데이터셋의 원인은 표준 미준수와 갱신 지연으로 확인",
             indent=1, hanging=1),
        Para("- 서울특별시: 갱신 주기를 분기에서 월 단위로 단축 추진", indent=2, hanging=1),
        Para("- 부산광역시: 품질관리 담당자 교육 확대 필요", indent=2, hanging=1),
        Para("○ (예산) 품질개선 지원 예산 금 350,000,000원을 하반기에 집행", indent=1, hanging=1),
        Para("□ 결정사항", bold=True, space_before=True, hanging=1),
        Para("○ 오류율 상위 데이터셋은 2025. 4. 30.(수)까지 개선 계획을 제출", indent=1, hanging=1),
        Para("○ 공공데이터 표준 준수 점검을 분기별로 실시", indent=1, hanging=1),
        Para("□ 향후 계획", bold=True, space_before=True, hanging=1),
        Para("○ 개선 계획 취합 및 검토: 공공데이터정책과, 2025. 5. 16.(금)까지", indent=1, hanging=1),
        Para("○ 차기 회의: 2025. 6. 11.(수) 14:00, 정부세종청사 중앙동 3층 회의실", indent=1, hanging=1),
    ]
    return Doc(title=MINUTES_TITLE, blocks=blocks)


def results_doc() -> Doc:
    """개최 결과: the meeting's facts as marked items (no header table), agenda, rulings."""
    blocks = [
        Para(RESULTS_TITLE, align="center", size="large", bold=True),
        Para("「재난 및 안전관리 기본법」 제11조에 따른 지역안전관리위원회를 열어 하반기 재난안전 "
             "점검 계획과 폭염 대비 대책을 심의한 결과를 보고드립니다.", space_before=True),
        Para("□ 회의 개요", bold=True, space_before=True, hanging=1),
        Para("○ 일시: 2025. 9. 4.(목) 10:00~12:00", indent=1, hanging=1),
        Para("○ 장소: 세종특별자치시청 4층 중회의실", indent=1, hanging=1),
        Para("○ 참석: 김하늘 위원장, 이도현 부위원장, 박서준 위원, 최지우 위원", indent=1, hanging=1),
        Para("□ 안건", bold=True, space_before=True, hanging=1),
        Para("① 2025년 하반기 재난안전 점검 계획(안)", indent=1, hanging=1),
        Para("② 폭염 대비 취약계층 보호 대책", indent=1, hanging=1),
        Para("□ 주요 논의", bold=True, space_before=True, hanging=1),
        Para("○ 위원들은 올여름 무더위쉼터 이용자가 지난해보다 30% 늘어 운영 시간을 늘려야 한다는 "
             "의견을 모음", indent=1, hanging=1),
        Para("□ 심의결과", bold=True, space_before=True, hanging=1),
        Para("○ 제1호 안건은 원안 가결", indent=1, hanging=1),
        Para("○ 제2호 안건은 무더위쉼터 운영 시간을 21시까지 연장하는 것으로 수정 가결", indent=1,
             hanging=1),
        Para("□ 향후 계획", bold=True, space_before=True, hanging=1),
        Para("○ 점검 결과 보고: 안전정책과, 2025. 11. 28.(금)까지", indent=1, hanging=1),
    ]
    return Doc(title=RESULTS_TITLE, blocks=blocks)


def notice_doc() -> Doc:
    """입찰공고: number, letter-spaced title, bid period with a closing time, 문의 line."""
    blocks = [
        Para("한국데이터진흥원 공고 제2025-17호"),
        Para("2 0 2 5 년  청 사  시 설 관 리  용 역  입 찰 공 고", align="center", size="large",
             bold=True, space_before=True),
        Para("한국데이터진흥원 청사의 시설관리 용역업체를 선정하기 위하여 다음과 같이 제한경쟁입찰에 "
             "부칩니다.", space_before=True),
        Para("1. 입찰에 부치는 사항", bold=True, space_before=True),
        Para("① 계약명칭 : 2025년 청사 시설관리 용역", indent=1),
        Para("② 계약기간 : 2025년 7월 1일 ~ 2026년 6월 30일", indent=1),
        Para("③ 입찰서 제출 기간 : 2025. 6. 9.(월) 10:00 ~ 2025. 6. 16.(월) 17:00", indent=1),
        Para("2. 입찰참가자격 : 시설관리업 등록 업체", bold=True),
        Para("3. 기타사항", bold=True),
        Para("① 낙찰자는 낙찰 통보를 받은 날부터 10일 이내에 계약을 체결하여야 합니다.", indent=1),
        Para("② 입찰 서류 열람 등 문의 : 경영지원팀 (박서준 ☎ 02-3410-5521)", indent=1),
        Para("위와 같이 공고합니다.", space_before=True),
        Para("2025. 6. 2.", align="center", space_before=True),
        Para("한국데이터진흥원장", align="center", bold=True),
    ]
    return Doc(title=NOTICE_STALE_TITLE, blocks=blocks, printed_title=NOTICE_TITLE)


def report_doc() -> Doc:
    """개조식 보고서: a cover (title, date, department), then □ headlines with ○ and - items."""
    blocks = [
        Para(REPORT_TITLE, align="center", size="large", bold=True),
        Para("2025. 4. 14.", align="center", space_before=True),
        Para("행정안전부", align="center"),
        Para("[공공데이터정책과]", align="center"),
        Para("□ 추진 배경", bold=True, space_before=True, hanging=1),
        Para("○ 민간 수요가 높은 데이터의 개방이 늦어 활용이 저조", indent=1, hanging=1),
        Para("- 개방 요청 데이터 중 40%가 1년 넘게 미개방", indent=2, hanging=1),
        Para("□ 추진 과제", bold=True, space_before=True, hanging=1),
        Para("○ 고수요 데이터 100종 우선 개방", indent=1, hanging=1),
        Para("○ 개방 데이터 품질 진단 정례화", indent=1, hanging=1),
        Para("□ 향후 일정", bold=True, space_before=True, hanging=1),
        Para("○ 기관별 개방 계획 제출 : 2025. 5. 30.까지", indent=1, hanging=1),
    ]
    return Doc(title=REPORT_TITLE, blocks=blocks)
