"""A format-neutral model of a 공문 (기안문/시행문), a seeded generator of varied letters, and the
ground-truth ``official_letter`` record of each letter.

A :class:`LetterSpec` holds what is printed (labels, numbering, phone forms, layout choices) and
the facts behind it (dates, signers, requests, amounts). :mod:`samples.layout` turns it into
blocks; :func:`expected_record` turns it into the record extraction is graded against, following
``schemas/official_letter.md`` field by field. Both read the same spec, so the printed text and
the expected values cannot drift apart.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from docextract.records.official_letter import (Approver, Attachment, Contact, Disclosure,
                                                OfficialLetter, Person, Related)

WEEKDAYS = "월화수목금토일"


# ---------------------------------------------------------------------------- printed forms

def fmt_date(d: date, *, weekday: bool = False, style: str = "std") -> str:
    """A date as 공문 print it: ``2025. 7. 11.`` (std), ``2025.7.11.`` (tight), ``'25.7.11.`` (short)."""
    if style == "tight":
        text = f"{d.year}.{d.month}.{d.day}."
    elif style == "short":
        text = f"'{d.year % 100:02d}.{d.month}.{d.day}."
    else:
        text = f"{d.year}. {d.month}. {d.day}."
    return text + (f"({WEEKDAYS[d.weekday()]})" if weekday else "")


def hangul_amount(won: int) -> str:
    """The Hangul reading of an amount in the 시행규칙 style: 1,500,000 → 일백오십만 (일 written out)."""
    digits = "영일이삼사오육칠팔구"
    units = ["", "만", "억", "조"]
    out = []
    group_index = 0
    while won:
        group = won % 10000
        won //= 10000
        if group:
            part = ""
            for value, name in ((1000, "천"), (100, "백"), (10, "십"), (1, "")):
                d = group // value % 10
                if d:
                    part += digits[d] + name
            out.append(part + units[group_index])
        group_index += 1
    return "".join(reversed(out)) or "영"


def group_thousands(n: int) -> str:
    return f"{n:,}"


def normalize_phone(printed: str) -> str:
    """National form of a printed number: ``(044)205-1234`` and ``0442051234`` → ``044-205-1234``."""
    digits = re.sub(r"\D", "", printed)
    if digits.startswith("02"):
        rest = digits[2:]
        return f"02-{rest[:-4]}-{rest[-4:]}"
    if len(digits) == 8:  # 1588-1234 style
        return f"{digits[:4]}-{digits[4:]}"
    return f"{digits[:3]}-{digits[3:-4]}-{digits[-4:]}"


def print_phone(national: str, form: str) -> str:
    """Print a national number in one of the forms seen in real 결문."""
    area, mid, last = national.split("-")
    if form == "paren":
        return f"({area}){mid}-{last}"
    if form == "digits":
        return f"{area}{mid}{last}"
    if form == "dots":
        return f"{area}.{mid}.{last}"
    return national


def spaced(text: str) -> str:
    """Glyph spacing as printed on 발신명의 and agency names: ``행 정 안 전 부``."""
    return " ".join(text)


# ---------------------------------------------------------------------------- the model

@dataclass
class Sentence:
    """One sentence of a body item; ``request`` when it asks the reader to act."""

    text: str
    request: bool = False


@dataclass
class BodyItem:
    """A body paragraph: nesting level (0 = top), its marker once numbered, its sentences."""

    level: int
    sentences: list[Sentence]
    marker: str = ""
    amounts: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def line(self) -> str:
        return f"{self.marker} {self.text}" if self.marker else self.text


@dataclass
class Signer:
    """A signer of the 결재 line; ``mark`` 전결/대결 and ``mmdd`` only on the final approver."""

    position: str
    name: str
    mark: str | None = None
    mmdd: str | None = None
    initiator: bool = False


@dataclass
class AttachmentSpec:
    title: str
    copies: int | None = 1
    unit: str = "부"
    separately: bool = False


@dataclass
class ContactSpec:
    """The 문의 item of the body (None on the letter means: ask the drafter, from the 결문)."""

    department: str
    position: str
    name: str
    phone: str            # national form
    phone_form: str       # how it is printed
    email: str | None
    label: str = "문의"


@dataclass
class Layout:
    """How the letter is printed; every option changes text or structure, never the facts."""

    spaced_labels: bool = False       # 수 신 / 제 목 / 붙 임
    label_colon: bool = False         # 수신: / 제목: / 붙임:
    head_table: bool = False          # 수신/경유/제목 in a borderless table
    approval_table: str = "lines"     # lines | grid (positions row, names row) | cells (position+name per cell)
    footer_table: bool = False        # 시행/접수, 우, 전화 lines inside a ruled table
    numbering: str = "num"            # num (1./가./1)/가)) | box (□/○/-)
    spaced_issuer: bool = False
    spaced_sender: bool = True
    phone_label: str = "전화"         # 전화 | 전화번호 | Tel | ☎
    fax_label: str = "전송"           # 전송 | 팩스 | 팩스번호 | FAX
    phone_form: str = "plain"         # plain | paren | digits
    dash: str = "-"                   # hyphen used in the printed 시행 number
    star_initiator: bool = False      # ★ before the drafter


@dataclass
class LetterSpec:
    """Ground truth and printed choices of one 공문."""

    issuer: str
    slogan: str | None
    recipient: str                        # 수신 value as printed ('수신자 참조', one name, '내부결재')
    recipient_list: list[str]             # 수신자 line after 발신명의 (수신자 참조 only)
    via: str | None
    title: str
    items: list[BodyItem]
    related: list[tuple[str, date | None]]
    deadline: str | None
    attachments: list[AttachmentSpec]
    contact: ContactSpec | None
    sender: str | None
    drafter: Signer
    reviewers: list[Signer]
    approver: Signer
    cooperators: list[Signer]
    department: str                       # 처리과
    serial: int
    enforcement: date
    receipt: tuple[str, int, date] | None
    postal_code: str
    address: str
    homepage: str | None
    phone: str                            # national form
    fax: str | None
    email: str
    email_printed: str
    disclosure: str                       # as printed: 공개, 대시민공개, 부분공개(5), 비공개(1,5)
    layout: Layout = field(default_factory=Layout)

    @property
    def document_number(self) -> str:
        return f"{self.department}-{self.serial}"

    @property
    def printed_document_number(self) -> str:
        return f"{self.department}{self.layout.dash}{self.serial}"

    @property
    def internal(self) -> bool:
        return self.recipient == "내부결재"


# ---------------------------------------------------------------------------- word banks

@dataclass(frozen=True)
class Agency:
    name: str
    head: str
    kind: str            # ministry | city | district | edu | school
    area: str            # phone area code
    postal: str
    address: str
    homepage: str | None
    domain: str
    departments: tuple[str, ...]


AGENCIES_A = (
    Agency("행정안전부", "행정안전부장관", "ministry", "044", "30112",
           "세종특별자치시 도움6로 42 정부세종청사 중앙동", "www.mois.go.kr", "korea.kr",
           ("공공데이터정책과", "정보공개정책과", "디지털안전정책과", "지역균형발전추진단")),
    Agency("국토교통부", "국토교통부장관", "ministry", "044", "30103",
           "세종특별자치시 도움6로 11 정부세종청사 6동", "www.molit.go.kr", "korea.kr",
           ("도시재생정책과", "주택정책과", "건설안전팀", "기획재정담당관")),
    Agency("통계청", "통계청장", "ministry", "042", "35208",
           "대전광역시 서구 청사로 189 정부대전청사 3동", "kostat.go.kr", "korea.kr",
           ("통계데이터기획과", "조사관리과", "행정통계팀")),
    Agency("서울특별시", "서울특별시장", "city", "02", "04524",
           "서울특별시 중구 세종대로 110 서울특별시청 10층", "https://www.seoul.go.kr", "seoul.go.kr",
           ("자원순환과", "데이터전략과", "민관협력담당관", "광화문광장추진단")),
    Agency("충청남도", "충청남도지사", "city", "041", "32255",
           "충청남도 홍성군 홍북읍 충남대로 21", "www.chungnam.go.kr", "korea.kr",
           ("자치행정과", "안전정책과", "정보화담당관")),
    Agency("마포구", "마포구청장", "district", "02", "03937",
           "서울특별시 마포구 월드컵로 212 마포구청 5층", "www.mapo.go.kr", "mapo.go.kr",
           ("스마트정보과", "자치행정과", "청소행정팀")),
    Agency("경기도교육청", "경기도교육감", "edu", "031", "16463",
           "경기도 수원시 팔달구 효원로 1", "www.goe.go.kr", "goe.go.kr",
           ("학교안전과", "교육정책과", "미래교육담당관")),
    Agency("한빛초등학교", "한빛초등학교장", "school", "041", "31116",
           "충청남도 천안시 서북구 한빛로 35", None, "cne.go.kr",
           ("한빛초등학교",)),
)

AGENCIES_B = (
    Agency("보건복지부", "보건복지부장관", "ministry", "044", "30113",
           "세종특별자치시 도움4로 13 정부세종청사 10동", "www.mohw.go.kr", "korea.kr",
           ("노인정책과", "지역복지과", "복지정보기획팀")),
    Agency("환경부", "환경부장관", "ministry", "044", "30103",
           "세종특별자치시 도움6로 11 정부세종청사 6동", "www.me.go.kr", "korea.kr",
           ("자원순환정책과", "대기환경정책과", "기후적응팀")),
    Agency("관세청", "관세청장", "ministry", "042", "35208",
           "대전광역시 서구 청사로 189 정부대전청사 1동", "www.customs.go.kr", "korea.kr",
           ("통관기획과", "정보데이터기획담당관")),
    Agency("부산광역시", "부산광역시장", "city", "051", "47545",
           "부산광역시 연제구 중앙대로 1001 부산광역시청 7층", "www.busan.go.kr", "korea.kr",
           ("디지털정책과", "시민안전과", "청년정책담당관")),
    Agency("전라남도", "전라남도지사", "city", "061", "58564",
           "전라남도 무안군 삼향읍 오룡길 1", "https://www.jeonnam.go.kr", "korea.kr",
           ("농업정책과", "인구청년정책과", "섬발전추진단")),
    Agency("수성구", "수성구청장", "district", "053", "42090",
           "대구광역시 수성구 달구벌대로 2423", "www.suseong.kr", "suseong.kr",
           ("기획예산과", "일자리경제과", "환경정책팀")),
    Agency("강원특별자치도교육청", "강원특별자치도교육감", "edu", "033", "24204",
           "강원특별자치도 춘천시 화천로 238", "www.gwe.go.kr", "gwe.go.kr",
           ("체육건강과", "교원인사과", "학생안전담당관")),
    Agency("새솔중학교", "새솔중학교장", "school", "044", "30150",
           "세종특별자치시 새롬중앙로 62", "sesol-m.sje.go.kr", "sje.go.kr",
           ("새솔중학교",)),
)

# Recipients an agency really writes to, where the kind's list would not fit.
AGENCY_RECIPIENTS = {
    "충청남도": ("천안시장(자치행정과장)", "공주시장(총무과장)", "보령시장(안전총괄과장)",
                 "아산시장(정보통신과장)"),
    "부산광역시": ("해운대구청장(자치행정과장)", "부산진구청장(총무과장)", "동래구청장(안전총괄과장)"),
    "전라남도": ("목포시장(기획예산과장)", "여수시장(총무과장)", "순천시장(자치행정과장)"),
    "수성구": ("범어1동장", "만촌2동장", "수성1가동장", "지산1동장"),
}

SLOGANS = {
    "ministry": ("함께 만드는 안전한 대한민국", "데이터로 여는 열린 정부", "청렴은 공직자의 기본입니다"),
    "city": ("시민이 행복한 도시, 함께 만드는 미래", "청렴은 공직자의 기본입니다"),
    "district": ("주민과 함께 여는 새로운 내일", "청렴은 공직자의 기본입니다"),
    "edu": ("배움이 즐거운 학교, 꿈을 키우는 교육", "교육혁신을 넘어 미래교육으로"),
    "school": ("배움이 즐거운 학교, 꿈을 키우는 교육",),
}

RECIPIENTS = {
    "ministry": ("서울특별시장(데이터전략과장)", "부산광역시장(정보화담당관)",
                 "세종특별자치시장(정보통계담당관)", "경기도지사(정보화정책과장)",
                 "충청남도지사(자치행정과장)", "제주특별자치도지사(디지털혁신과장)"),
    "city": ("종로구청장(자치행정과장)", "중구청장(총무과장)", "용산구청장(기획예산과장)",
             "성동구청장(스마트정보과장)", "광진구청장(청소행정과장)"),
    "district": ("서교동장", "합정동장", "망원제1동장", "연남동장", "성산제2동장"),
    "edu": ("수원교육지원청교육장", "용인교육지원청교육장", "가나초등학교장", "다라중학교장",
            "마바고등학교장"),
    "school": ("천안교육지원청교육장(교육지원과장)", "아산교육지원청교육장(교육지원과장)",
               "새빛초등학교장", "한울중학교장"),
}

VIA_ROUTES = (("서울특별시장(자치행정과장)", "행정안전부장관"),
              ("경기도지사(자치행정과장)", "행정안전부장관"),
              ("충청남도지사(기획조정담당관)", "기획재정부장관"))

FAMILY = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = ("민준", "서연", "지훈", "하늘", "수진", "영수", "민정", "태호", "서윤", "도현",
         "지민", "세훈", "예린", "동원", "채원", "해원", "명수", "주희", "승우", "다은")

# Topics that fit a particular agency; other agencies draw from their kind's list below.
AGENCY_TOPICS = {
    "행정안전부": ("공공데이터 개방", "정보공개 운영", "지역 안전문화 확산"),
    "국토교통부": ("도시재생 뉴딜 사업", "건설현장 안전관리"),
    "통계청": ("통계 품질 관리", "행정자료 활용 통계 작성"),
    "보건복지부": ("노인 일자리 지원", "지역사회 통합돌봄"),
    "환경부": ("생활폐기물 감량", "미세먼지 저감"),
    "관세청": ("수출입 통관 제도 개선", "원산지 표시 점검"),
}

TOPICS_A = {
    "ministry": ("공공데이터 개방", "정보공개 운영", "도시재생 뉴딜 사업", "통계 품질 관리"),
    "city": ("지역 안전문화 확산", "1회용품 사용 억제", "민원 서비스 개선"),
    "district": ("민원 서비스 개선", "구민 정보화 교육", "생활폐기물 감량"),
    "edu": ("학교 안전교육", "방과후학교 운영", "교원 역량 강화"),
    "school": ("학교 안전교육", "학부모 상담 주간 운영"),
}
TOPICS_B = {
    "ministry": ("노인 일자리 지원", "생활폐기물 감량", "수출입 통관 제도 개선"),
    "city": ("청년 창업 지원", "섬 지역 의료 지원", "재난 대응 훈련"),
    "district": ("디지털 배움터", "골목상권 활성화"),
    "edu": ("학생 체육 활동", "학교 급식 위생 관리"),
    "school": ("학생 체육 활동", "진로 체험 주간 운영"),
}


# ---------------------------------------------------------------------------- helpers

def _name(rng: random.Random) -> str:
    return rng.choice(FAMILY) + rng.choice(GIVEN)


def _head_of(department: str) -> str:
    """The head's position of a 처리과: 정책과 → 정책과장, 추진단 → 추진단장, 담당관 → 담당관."""
    if department.endswith("담당관"):
        return department
    if department.endswith("학교"):
        return "교장"
    return department + "장"


def _email_user(rng: random.Random) -> str:
    return rng.choice(("gildong", "sjkim", "mhpark", "yoonth", "hanjm", "dw.kang", "cw.lim",
                       "seo.y", "jung.h", "leesj"))


def _local_number(rng: random.Random, area: str) -> str:
    middle = rng.randint(2100, 3999) if area == "02" else rng.randint(200, 899)
    return f"{area}-{middle}-{rng.randint(1000, 9999)}"


def _deadline_phrase(d: date, time: str | None) -> str:
    return fmt_date(d, weekday=True) + (f" {time}" if time else "")


def _next_workday(d: date) -> date:
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


@dataclass
class _Ctx:
    """What a scenario needs to write its body."""

    rng: random.Random
    agency: Agency
    department: str
    topic: str
    enforcement: date
    email: str
    related: list[tuple[str, date | None]]
    related_style: str
    deadline_time: str | None
    internal: bool = False


# ---------------------------------------------------------------------------- scenarios
# A scenario returns (title, [(level, [Sentence], [amounts])], attachments, deadline_iso).

def _related_items(ctx: _Ctx) -> list[tuple[int, list[Sentence], list[int]]]:
    if not ctx.related:
        return []
    def ref(number: str, d: date | None) -> str:
        if ctx.related_style == "ho":
            return f"{number}호({fmt_date(d, style='tight')})" if d else f"{number}호"
        if ctx.related_style == "short":
            return f"{number}({fmt_date(d, style='short')})호" if d else f"{number}호"
        return f"{number}({fmt_date(d)})" if d else number
    if len(ctx.related) == 1:
        number, d = ctx.related[0]
        if ctx.related_style == "ho":
            return [(0, [Sentence(f"{ref(number, d)}와 관련입니다.")], [])]
        return [(0, [Sentence(f"관련: {ref(number, d)}")], [])]
    items = [(0, [Sentence("관련")], [])]
    items += [(1, [Sentence(ref(n, d))], []) for n, d in ctx.related]
    return items


def _scenario_report(ctx: _Ctx, wording: str):
    rng, year = ctx.rng, ctx.enforcement.year
    month = ctx.enforcement.month
    # Results are asked for a period that has ended: last year's 하반기 early in the year, etc.
    period = (f"{year}년 3분기" if month >= 10 else f"{year}년 상반기" if month >= 7
              else f"{year - 1}년 하반기")
    dl = _next_workday(ctx.enforcement + timedelta(days=rng.randint(7, 20)))
    when = _deadline_phrase(dl, ctx.deadline_time)
    if wording == "B":
        title = f"[제출] {year}년 {ctx.topic} 수요조사 회신 요청"
        main = [Sentence(f"{year}년 {ctx.topic} 사업의 수요를 파악하고자 하오니 붙임 조사표를 "
                         f"작성하여 {when}까지 회신하여 주시기 바랍니다.", True)]
        subs = [[Sentence(f"회신기한: {when}까지")],
                [Sentence(f"회신방법: 전자우편({ctx.email})")],
                [Sentence("조사대상: 소관 사업 담당 부서 및 소속 기관")]]
        atts = [AttachmentSpec("수요조사표", 1), AttachmentSpec("작성 예시", 1)]
    else:
        title = f"{period} {ctx.topic} 실적 제출 요청"
        lead = "위 호와 관련하여 " if ctx.related else ""
        main = [Sentence(f"{lead}{period} {ctx.topic} 실적을 붙임 서식에 따라 작성하여 "
                         f"{when}까지 제출하여 주시기 바랍니다.", True)]
        subs = [[Sentence(f"제출기한: {when}까지(기한 엄수)")],
                [Sentence("제출방법: 업무관리시스템(온-나라) 공문 회신")],
                [Sentence("제출내용: 실적 총괄표, 기관별 세부 실적")]]
        atts = [AttachmentSpec(f"{period} {ctx.topic} 실적 총괄표 서식", 1),
                AttachmentSpec("작성 요령", 1)]
    items = [(0, main, [])] + [(1, s, []) for s in subs]
    iso = dl.isoformat() + (f"T{ctx.deadline_time}" if ctx.deadline_time else "")
    return title, items, atts, iso


def _scenario_meeting(ctx: _Ctx, wording: str):
    rng, year = ctx.rng, ctx.enforcement.year
    dl = _next_workday(ctx.enforcement + timedelta(days=rng.randint(5, 9)))
    event = _next_workday(dl + timedelta(days=rng.randint(5, 10)))
    when = _deadline_phrase(dl, ctx.deadline_time)
    n = rng.randint(1, 4)
    if wording == "B":
        title = f"[연수] {ctx.topic} 담당자 직무연수 참가자 추천 요청"
        main = [Sentence(f"{ctx.topic} 담당자의 업무 역량을 높이기 위하여 직무연수를 다음과 같이 "
                         "운영하오니 소속 담당자가 참가할 수 있도록 조치하여 주시기 바랍니다.", True)]
        last = event + timedelta(days=2)
        subs = [[Sentence(f"연수기간: {fmt_date(event, weekday=True)} ~ "
                          f"{last.month}. {last.day}.({WEEKDAYS[last.weekday()]})")],
                [Sentence("연수장소: 지방행정연수원 본관 2층 강의실")],
                [Sentence("연수대상: 기관별 담당자 1명")]]
        second = [Sentence(f"참가자 명단은 {when}까지 붙임 서식으로 제출 바람.", True)]
        atts = [AttachmentSpec("연수 운영 계획", 1), AttachmentSpec("참가자 추천 서식", 1)]
    else:
        title = f"{year}년 제{n}차 {ctx.topic} 실무협의회 개최 알림"
        main = [Sentence(f"{ctx.topic} 업무의 원활한 추진을 위하여 실무협의회를 다음과 같이 "
                         "개최하오니 참석하여 주시기 바랍니다.", True)]
        subs = [[Sentence(f"일시: {fmt_date(event, weekday=True)} 14:00~16:00")],
                [Sentence("장소: 정부세종청사 6동 2층 대회의실")],
                [Sentence(f"참석대상: 시·도 {ctx.topic} 담당 과장(붙임 명단 참조)")],
                [Sentence(f"주요안건: {year}년 하반기 추진 계획, 사업 점검 결과")]]
        second = [Sentence(f"참석자 명단을 {when}까지 담당자 전자우편({ctx.email})으로 "
                           "회신하여 주시기 바랍니다.", True)]
        atts = [AttachmentSpec("회의 자료", 1, separately=True),
                AttachmentSpec("참석자 회신 서식", 1)]
    items = [(0, main, [])] + [(1, s, []) for s in subs] + [(0, second, [])]
    iso = dl.isoformat() + (f"T{ctx.deadline_time}" if ctx.deadline_time else "")
    return title, items, atts, iso


def _scenario_grant(ctx: _Ctx, wording: str):
    rng, year = ctx.rng, ctx.enforcement.year
    dl = _next_workday(ctx.enforcement + timedelta(days=rng.randint(10, 20)))
    when = _deadline_phrase(dl, ctx.deadline_time)
    per = rng.choice((1_500_000, 2_300_000, 3_450_000, 980_000))
    total = per * rng.choice((12, 25, 40))
    if wording == "B":
        title = f"{year}년 {ctx.topic} 보조금 정산 보고서 제출 안내"
        eok, man = divmod(total // 10_000, 10_000)
        if eok and man:
            mixed = f"{eok}억 {group_thousands(man)}만원"
        elif eok:
            mixed = f"{eok}억원"
        else:
            mixed = f"{group_thousands(man)}만원"
        main = [Sentence(f"{year}년 {ctx.topic} 사업의 보조금 집행이 끝남에 따라 정산 보고서를 "
                         f"{when}까지 제출 바람.", True)]
        subs = [([Sentence(f"총 교부액: {mixed}")], [total]),
                ([Sentence(f"기관별 교부액: 금 {group_thousands(per)}원")], [per]),
                ([Sentence("집행잔액과 발생이자는 정산 보고서 제출 전에 반납하시기 바랍니다.", True)], [])]
        tail = [Sentence("기한 내 정산 보고서를 제출하지 않은 기관은 다음 연도 교부 대상에서 "
                         "제외될 수 있음을 알려드립니다.")]
        atts = [AttachmentSpec("보조금 정산 보고서 서식", 1), AttachmentSpec("집행잔액 반납 안내", 2)]
    else:
        title = f"{year}년 {ctx.topic} 운영비 교부 및 집행계획 제출"
        main = [Sentence(f"{ctx.topic} 운영비를 다음과 같이 교부하오니 집행 계획을 수립하여 "
                         "제출하여 주시기 바랍니다.", True)]
        start = _next_workday(ctx.enforcement + timedelta(days=5))
        subs = [([Sentence(f"교부액: 기관당 금{group_thousands(per)}원(금{hangul_amount(per)}원)")], [per]),
                ([Sentence(f"총 교부액: 금{group_thousands(total)}원(금{hangul_amount(total)}원)")], [total]),
                ([Sentence(f"집행기간: {fmt_date(start, weekday=True)} ~ 12. 31."
                           f"({WEEKDAYS[date(start.year, 12, 31).weekday()]})")], []),
                ([Sentence(f"제출기한: {when}까지")], [])]
        tail = [Sentence("기한 내 미제출 기관은 교부 대상에서 제외될 수 있음을 알려드립니다.")]
        atts = [AttachmentSpec("집행 계획 서식", 1)]
    items = [(0, main, [])] + [(1, s, a) for s, a in subs] + [(0, tail, [])]
    iso = dl.isoformat() + (f"T{ctx.deadline_time}" if ctx.deadline_time else "")
    return title, items, atts, iso


def _scenario_inspection(ctx: _Ctx, wording: str):
    rng = ctx.rng
    start = _next_workday(ctx.enforcement + timedelta(days=rng.randint(7, 14)))
    end = start + timedelta(days=4)
    dl = _next_workday(end + timedelta(days=rng.randint(10, 20)))
    when = _deadline_phrase(dl, ctx.deadline_time)
    lead = "위 호와 관련하여 " if ctx.related else ""
    if wording == "B":
        title = f"{ctx.topic} 안전관리 실태 자료 요청"
        main = [Sentence(f"{lead}{ctx.topic} 시설의 안전관리 실태를 확인하고자 하오니 "
                         "붙임 점검표에 따라 자체 점검을 실시하여 주시기 바랍니다.", True)]
        subs = [[Sentence(f"점검기간: {fmt_date(start, weekday=True)} ~ {end.month}. {end.day}."
                          f"({WEEKDAYS[end.weekday()]})")],
                [Sentence(f"제출기한: {when}")],
                [Sentence("제출자료: 자체 점검표, 조치 계획서")]]
        tail = [Sentence("점검 결과 위험 요인이 발견된 시설은 즉시 사용을 중지하고 보수 조치 요망.", True)]
        atts = [AttachmentSpec("안전관리 자체 점검표", 1)]
    else:
        title = f"{ctx.topic} 현장 점검 실시에 따른 협조 요청"
        main = [Sentence(f"{lead}{ctx.topic} 추진 실태에 대한 현장 점검을 다음과 같이 실시하오니 "
                         "관련 자료를 사전에 준비하여 주시기 바랍니다.", True)]
        subs = [[Sentence(f"점검기간: {fmt_date(start, weekday=True)} ~ {end.month}. {end.day}."
                          f"({WEEKDAYS[end.weekday()]})")],
                [Sentence("점검반: 담당 사무관 등 3명")],
                [Sentence("점검내용: 사업 추진 현황, 예산 집행 및 정산의 적정성")]]
        tail = [Sentence(f"점검 결과 지적된 사항은 {when}까지 조치하여 주시기 바랍니다.", True),
                Sentence("점검에 적극 협조 바랍니다.", True)]
        atts = [AttachmentSpec("현장 점검표", 1)] if rng.random() < 0.5 else []
    items = [(0, main, [])] + [(1, s, []) for s in subs] + [(0, tail, [])]
    iso = dl.isoformat() + (f"T{ctx.deadline_time}" if ctx.deadline_time else "")
    return title, items, atts, iso


def _scenario_training(ctx: _Ctx, wording: str):
    """A notice whose only time limit is relative (접수 후 7일 이내): deadline is null."""
    rng, year = ctx.rng, ctx.enforcement.year
    start = _next_workday(ctx.enforcement + timedelta(days=rng.randint(14, 30)))
    if wording == "B":
        title = f"[공모] {year}년 {ctx.topic} 우수사례 공모 안내"
        main = [Sentence(f"{ctx.topic} 우수사례를 발굴하여 확산하고자 공모를 실시하오니 "
                         "소속 기관 누리집에 게시하여 주시기 바랍니다.", True)]
        subs = [[Sentence(f"공모기간: {fmt_date(start, weekday=True)}부터 30일간")],
                [Sentence("응모자격: 관내 기관 및 단체")],
                [Sentence("응모방법: 공문 접수 후 14일 이내에 전자우편으로 제출")]]
        tail = [Sentence("자세한 사항은 붙임 공모 계획을 참고하시기 바랍니다.")]
        atts = [AttachmentSpec("우수사례 공모 계획", 1), AttachmentSpec("응모 신청서", 1),
                AttachmentSpec("홍보 포스터", 2, "매")]
    else:
        title = f"{year}년 {ctx.topic} 직원 교육 운영 안내"
        main = [Sentence(f"{ctx.topic} 업무 담당자의 전문성을 높이기 위하여 교육을 다음과 같이 "
                         "운영하오니 소속 직원에게 안내하여 주시기 바랍니다.", True)]
        subs = [[Sentence(f"교육기간: {fmt_date(start, weekday=True)} 10:00~17:00")],
                [Sentence("교육장소: 공무원연수원 별관 3층 정보화교육장")],
                [Sentence("신청방법: 공문 접수 후 7일 이내에 교육 신청서 제출")]]
        tail = [Sentence("교육 신청서는 접수 후 7일 이내에 제출하여 주시기 바랍니다.", True)]
        atts = [AttachmentSpec("교육 운영 계획", 1), AttachmentSpec("교육 신청서", 1)]
    items = [(0, main, [])] + [(1, s, []) for s in subs] + [(0, tail, [])]
    return title, items, atts, None


def _scenario_notice(ctx: _Ctx, wording: str):
    """Information only: no request, no deadline."""
    rng, year = ctx.rng, ctx.enforcement.year
    if wording == "B":
        title = f"{ctx.topic} 현장 점검 일정 통보"
        d = _next_workday(ctx.enforcement + timedelta(days=rng.randint(7, 15)))
        main = [Sentence(f"{ctx.topic} 현장 점검 일정을 다음과 같이 통보합니다.")]
        subs = [[Sentence(f"점검일: {fmt_date(d, weekday=True)} 10:00")],
                [Sentence("점검장소: 각 기관 담당 부서")]]
        tail = [Sentence("점검 결과는 추후 별도로 안내할 예정임을 알려드립니다.")]
        atts: list[AttachmentSpec] = []
    else:
        title = f"{year}년 {ctx.topic} 추진 결과 " + ("보고" if ctx.internal else "통보")
        verb = "보고합니다" if ctx.internal else "알려드립니다"
        main = [Sentence(f"{year}년 {ctx.topic} 추진 결과를 붙임과 같이 {verb}.")]
        subs = [[Sentence("주요 성과: 참여 기관 확대 및 처리 기간 단축")],
                [Sentence("향후 계획: 우수 기관 사례 공유 및 제도 개선")]]
        tail = [Sentence("자세한 사항은 붙임 자료를 참고하시기 바랍니다.")]
        atts = [AttachmentSpec(f"{year}년 {ctx.topic} 추진 결과 보고서", 1)]
    items = [(0, main, [])] + [(1, s, []) for s in subs] + [(0, tail, [])]
    return title, items, atts, None


SCENARIOS = {
    "report": _scenario_report,
    "meeting": _scenario_meeting,
    "grant": _scenario_grant,
    "inspection": _scenario_inspection,
    "training": _scenario_training,
    "notice": _scenario_notice,
}


def _number_items(raw: list[tuple[int, list[Sentence], list[int]]], style: str) -> list[BodyItem]:
    """Give each item its marker: 1./가./1)/가) or □/○/-; a single top-level item gets none."""
    num_series = [lambda i: f"{i}.", lambda i: "가나다라마바사아자차카타파하"[i - 1] + ".",
                  lambda i: f"{i})", lambda i: "가나다라마바사아자차카타파하"[i - 1] + ")"]
    box_series = ["□", "○", "-", "·"]
    counters = [0, 0, 0, 0]
    top_count = sum(1 for level, _, _ in raw if level == 0)
    items = []
    for level, sentences, amounts in raw:
        counters[level] += 1
        for deeper in range(level + 1, 4):
            counters[deeper] = 0
        if level == 0 and top_count == 1 and style == "num":
            marker = ""
        elif style == "box":
            marker = box_series[level]
        else:
            marker = num_series[level](counters[level])
        items.append(BodyItem(level, sentences, marker, list(amounts)))
    return items


# ---------------------------------------------------------------------------- generator

def random_letter(rng: random.Random, wording: str = "A", *, scenario: str | None = None,
                  layout: Layout | None = None, overrides: dict | None = None) -> LetterSpec:
    """A varied, realistic letter drawn from ``rng``; ``wording`` "A" (tuning set) or "B" (held out).

    ``scenario`` and ``layout`` pin the body kind and print options; ``overrides`` pins facts
    (``recipient_mode`` one|refer|internal, ``attachments`` count, ``mark``, ``receipt``,
    ``related`` count, ``contact``, ``slogan``, ``deadline_time``, ``reviewers``, ``cooperators``,
    ``disclosure``, ``agency_kind``, ``via``, ``homepage``, ``email_upper``, ``no_copies``, ``fax``).
    """
    ov = dict(overrides or {})
    agencies = AGENCIES_B if wording == "B" else AGENCIES_A
    topics = TOPICS_B if wording == "B" else TOPICS_A
    if "agency_kind" in ov:
        agency = rng.choice([a for a in agencies if a.kind == ov["agency_kind"]])
    else:
        agency = rng.choice(agencies)
    department = rng.choice(agency.departments)
    lay = layout or Layout(
        spaced_labels=rng.random() < 0.4, label_colon=rng.random() < 0.3,
        head_table=rng.random() < 0.5, approval_table=rng.choice(("lines", "grid", "cells")),
        footer_table=rng.random() < 0.5, numbering=rng.choice(("num", "num", "box")),
        spaced_issuer=rng.random() < 0.25, spaced_sender=rng.random() < 0.7,
        phone_label=rng.choice(("전화", "전화번호", "Tel", "☎")),
        fax_label=rng.choice(("전송", "팩스", "팩스번호", "FAX")),
        phone_form=rng.choice(("plain", "plain", "paren", "digits")),
        dash=rng.choice(("-", "-", "-", "‐")) if wording == "B" else "-",
        star_initiator=rng.random() < 0.3)
    enforcement = date(rng.choice((2025, 2026)), rng.randint(1, 11), rng.randint(1, 28))
    enforcement = _next_workday(enforcement)
    school = agency.kind == "school"
    phone = _local_number(rng, agency.area)
    fax = _local_number(rng, agency.area)
    user = _email_user(rng)
    email = f"{user}@{agency.domain}"
    upper = ov.get("email_upper", rng.random() < 0.2)
    email_printed = user.capitalize() + "@" + agency.domain.upper() if upper else email

    n_related = ov.get("related", rng.choice((0, 1, 1, 2)))
    related = []
    for _ in range(n_related):
        rd = enforcement - timedelta(days=rng.randint(10, 120))
        rdept = rng.choice(agency.departments)
        related.append((f"{rdept}-{rng.randint(100, 9999)}", rd))
    related_style = rng.choice(("std", "std", "ho", "short")) if n_related == 1 else "std"
    if n_related == 2:
        related_style = rng.choice(("std", "short"))
    deadline_time = ov.get("deadline_time", rng.choice((None, None, "18:00", "17:00", "12:00")))
    topic = rng.choice(AGENCY_TOPICS.get(agency.name, topics[agency.kind]))
    mode = ov.get("recipient_mode", rng.choice(("refer", "refer", "one")))
    ctx = _Ctx(rng, agency, department, topic, enforcement, email, related, related_style,
               deadline_time, internal=mode == "internal")
    kind = scenario or rng.choice(tuple(SCENARIOS))
    title, raw_items, atts, deadline = SCENARIOS[kind](ctx, wording)
    raw_items = _related_items(ctx) + raw_items

    drafter_name = _name(rng)
    contact = None
    want_contact = ov.get("contact", rng.random() < 0.5)
    if want_contact:
        contact = ContactSpec(department, "주무관" if not school else "교사", drafter_name, phone,
                              rng.choice(("plain", "paren", "phone_sym")),
                              email if rng.random() < 0.8 else None,
                              rng.choice(("문의", "문의처", "담당")))
        raw_items.append((0, [Sentence(_contact_text(contact))], []))

    n_att = ov.get("attachments")
    if n_att is not None:
        atts = (atts + [AttachmentSpec("참고 자료", 1, "부"), AttachmentSpec("관련 법령 발췌", 1)])[:n_att]
    if atts and ov.get("no_copies", rng.random() < 0.25):
        atts[-1] = AttachmentSpec(atts[-1].title, None)

    if mode == "internal":
        recipient, recipient_list, sender = "내부결재", [], None
    elif mode == "refer":
        pool = AGENCY_RECIPIENTS.get(agency.name, RECIPIENTS[agency.kind])
        recipient_list = rng.sample(pool, k=min(len(pool), rng.randint(2, 4)))
        recipient = rng.choice(("수신자 참조", "수신자참조"))
        sender = agency.head
    else:
        recipient = rng.choice(AGENCY_RECIPIENTS.get(agency.name, RECIPIENTS[agency.kind]))
        recipient_list, sender = [], agency.head
    via = None
    if ov.get("via", rng.random() < 0.3) and mode == "one":
        # The 수신 line names the first 경유 agency; the 경유 line names it and the final recipient.
        nearby = [r for r in VIA_ROUTES if agency.address.startswith(r[0][:2])]
        first_stop, final = rng.choice(nearby or VIA_ROUTES)
        recipient = first_stop
        via = (f"이 문서의 경유기관의 장은 {first_stop.split('(')[0]}이고, "
               f"최종 수신기관의 장은 {final}입니다.")

    mark = ov.get("mark", rng.choice((None, "전결", "대결")))
    if school:
        drafter = Signer("교사", drafter_name)
        reviewers = [Signer("교감", _name(rng))] if ov.get("reviewers", 1) else []
        approver = Signer("교장", _name(rng))
        mark = None if mark == "전결" else mark
    else:
        drafter = Signer("주무관", drafter_name)
        n_rev = ov.get("reviewers", rng.randint(0, 2))
        reviewers = [Signer(p, _name(rng)) for p in ("사무관", "팀장")[:n_rev]]
        approver = Signer(_head_of(department), _name(rng))
    drafter.initiator = lay.star_initiator
    approver.mark = mark
    approver.mmdd = f"{enforcement.month:02d}/{enforcement.day:02d}"
    n_coop = ov.get("cooperators", rng.choice((0, 0, 1)))
    coop_positions = ("행정실장",) if school else ("예산팀장", "행정지원과장", "감사팀장")
    cooperators = [Signer(rng.choice(coop_positions), _name(rng)) for _ in range(n_coop)]

    receipt = None
    if ov.get("receipt", rng.random() < 0.3):
        receipt = (rng.choice(("총무과", "기획예산과", "행정지원과", "자치행정과")),
                   rng.randint(100, 9999), enforcement + timedelta(days=rng.randint(0, 2)))

    disclosure = ov.get("disclosure", rng.choice(("공개", "대시민공개", "대국민공개", "부분공개(5)",
                                                  "부분공개(6)", "비공개(1,5)")))
    slogan = rng.choice(SLOGANS[agency.kind]) if ov.get("slogan", rng.random() < 0.4) else None
    return LetterSpec(
        issuer=agency.name, slogan=slogan, recipient=recipient, recipient_list=recipient_list,
        via=via, title=title, items=_number_items(raw_items, lay.numbering), related=related,
        deadline=deadline, attachments=atts, contact=contact, sender=sender, drafter=drafter,
        reviewers=reviewers, approver=approver, cooperators=cooperators, department=department,
        serial=rng.randint(100, 12000), enforcement=enforcement, receipt=receipt,
        postal_code=agency.postal, address=agency.address,
        homepage=agency.homepage if ov.get("homepage", rng.random() < 0.85) else None, phone=phone,
        fax=fax if ov.get("fax", rng.random() < 0.9) else None, email=email, email_printed=email_printed,
        disclosure=disclosure, layout=lay)


def _contact_text(c: ContactSpec) -> str:
    if c.phone_form == "paren":
        phone = print_phone(c.phone, "paren")
    elif c.phone_form == "phone_sym":
        phone = "☎ " + c.phone
    else:
        phone = "전화 " + c.phone
    inner = phone + (f", {c.email}" if c.email else "")
    return f"{c.label}: {c.department} {c.position} {c.name}({inner})"


# ---------------------------------------------------------------------------- printed lines shared by layout

def attachment_line(a: AttachmentSpec) -> str:
    qty = f" {a.copies}{a.unit}" if a.copies is not None else ""
    return f"{a.title}{qty}." + ("(별도 송부)" if a.separately else "")


def signer_text(s: Signer, *, with_position: bool = True) -> str:
    """How one signer is printed on a line: ``★주무관 홍길동``, ``과장 07/01 전결 박민정``, ``代박민정``."""
    pos = ("★" if s.initiator else "") + s.position
    if s.mark == "대결":
        name = "代" + s.name
    else:
        name = s.name
    parts = [pos] if with_position else []
    if s.mmdd:
        parts.append(s.mmdd)
    if s.mark == "전결":
        parts.append("전결")
    parts.append(name)
    return " ".join(parts)


def disclosure_value(printed: str) -> Disclosure:
    m = re.match(r"(대국민공개|대시민공개|부분공개|비공개|공개)(?:\(([\d,\s]+)\))?", printed)
    level = m.group(1)
    level = "공개" if level in ("대국민공개", "대시민공개") else level
    grounds = [int(g) for g in re.split(r"[,\s]+", m.group(2)) if g] if m.group(2) else []
    return Disclosure(level=level, grounds=grounds)


# ---------------------------------------------------------------------------- ground truth

def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def body_lines(spec: LetterSpec) -> list[str]:
    """The body as the record holds it: one line per item, markers kept, no final 끝."""
    return [_collapse(item.line) for item in spec.items]


def expected_record(spec: LetterSpec) -> OfficialLetter:
    """The ``official_letter`` record extraction must produce for ``spec`` (schemas/official_letter.md)."""
    year = spec.enforcement.year
    approver_date = None
    if spec.approver.mmdd:
        mm, dd = spec.approver.mmdd.split("/")
        approver_date = date(year, int(mm), int(dd)).isoformat()
    if spec.contact is not None:
        contacts = [Contact(department=spec.contact.department, position=spec.contact.position,
                            name=spec.contact.name, phone=spec.contact.phone,
                            email=spec.contact.email)]
    else:
        contacts = [Contact(department=spec.department, position=spec.drafter.position,
                            name=spec.drafter.name, phone=spec.phone, email=spec.email)]
    requests = [_collapse(s.text) for item in spec.items for s in item.sentences if s.request]
    amounts = [a for item in spec.items for a in item.amounts]
    return OfficialLetter(
        issuer=spec.issuer,
        recipients=([] if spec.internal else
                    list(spec.recipient_list) if spec.recipient_list else [spec.recipient]),
        via=spec.via,
        title=spec.title,
        related=[Related(number=n, date=d.isoformat() if d else None) for n, d in spec.related],
        deadline=spec.deadline,
        requested_actions=requests,
        attachments=[Attachment(title=a.title, copies=a.copies) for a in spec.attachments],
        sender=spec.sender,
        drafter=Person(position=spec.drafter.position, name=spec.drafter.name),
        reviewers=[Person(position=r.position, name=r.name) for r in spec.reviewers],
        approver=Approver(position=spec.approver.position, name=spec.approver.name,
                          mark=spec.approver.mark, date=approver_date),
        cooperators=[Person(position=c.position, name=c.name) for c in spec.cooperators],
        document_number=spec.document_number,
        enforcement_date=spec.enforcement.isoformat(),
        receipt_number=f"{spec.receipt[0]}-{spec.receipt[1]}" if spec.receipt else None,
        receipt_date=spec.receipt[2].isoformat() if spec.receipt else None,
        postal_code=spec.postal_code,
        address=spec.address,
        homepage=spec.homepage,
        phone=spec.phone,
        fax=spec.fax,
        email=spec.email,
        disclosure=disclosure_value(spec.disclosure),
        amounts=amounts,
        contacts=contacts,
        body="\n".join(body_lines(spec)),
    )
