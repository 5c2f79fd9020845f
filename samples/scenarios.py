"""Body kinds of generated letters: each builds the title, the numbered items (with which
sentences are requests and which amounts they print), the attachments and the deadline."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from .spec import (WEEKDAYS, AttachmentSpec, BodyItem, Reference, Sentence, fmt_date,
                   group_thousands, hangul_amount, reference_text)
from .wordbank import Agency


def _deadline_phrase(d: date, time: str | None) -> str:
    return fmt_date(d, weekday=True) + (f" {time}" if time else "")


def next_workday(d: date) -> date:
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


@dataclass
class Ctx:
    """What a scenario needs to write its body."""

    rng: random.Random
    agency: Agency
    department: str
    topic: str
    enforcement: date
    email: str
    related: list[Reference]
    related_style: str
    deadline_time: str | None
    internal: bool = False


# ---------------------------------------------------------------------------- scenarios
# A scenario returns (title, [(level, [Sentence], [amounts])], attachments, deadline_iso).

def related_items(ctx: Ctx) -> list[tuple[int, list[Sentence], list[int]]]:
    if not ctx.related:
        return []
    if len(ctx.related) == 1:
        text = reference_text(ctx.related[0], ctx.related_style)
        if ctx.related_style == "ho":
            return [(0, [Sentence(f"{text}와 관련입니다.")], [])]
        return [(0, [Sentence(f"관련: {text}")], [])]
    items = [(0, [Sentence("관련")], [])]
    items += [(1, [Sentence(reference_text(r, ctx.related_style))], []) for r in ctx.related]
    return items


def _scenario_report(ctx: Ctx, wording: str):
    rng, year = ctx.rng, ctx.enforcement.year
    month = ctx.enforcement.month
    # Results are asked for a period that has ended: last year's 하반기 early in the year, etc.
    period = (f"{year}년 3분기" if month >= 10 else f"{year}년 상반기" if month >= 7
              else f"{year - 1}년 하반기")
    dl = next_workday(ctx.enforcement + timedelta(days=rng.randint(7, 20)))
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


def _scenario_meeting(ctx: Ctx, wording: str):
    rng, year = ctx.rng, ctx.enforcement.year
    dl = next_workday(ctx.enforcement + timedelta(days=rng.randint(5, 9)))
    event = next_workday(dl + timedelta(days=rng.randint(5, 10)))
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


def _scenario_grant(ctx: Ctx, wording: str):
    rng, year = ctx.rng, ctx.enforcement.year
    dl = next_workday(ctx.enforcement + timedelta(days=rng.randint(10, 20)))
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
        start = next_workday(ctx.enforcement + timedelta(days=5))
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


def _scenario_inspection(ctx: Ctx, wording: str):
    rng = ctx.rng
    start = next_workday(ctx.enforcement + timedelta(days=rng.randint(7, 14)))
    end = start + timedelta(days=4)
    dl = next_workday(end + timedelta(days=rng.randint(10, 20)))
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


def _scenario_training(ctx: Ctx, wording: str):
    """A notice whose only time limit is relative (접수 후 7일 이내): deadline is null."""
    rng, year = ctx.rng, ctx.enforcement.year
    start = next_workday(ctx.enforcement + timedelta(days=rng.randint(14, 30)))
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


def _scenario_notice(ctx: Ctx, wording: str):
    """Information only: no request, no deadline."""
    rng, year = ctx.rng, ctx.enforcement.year
    if wording == "B":
        title = f"{ctx.topic} 현장 점검 일정 통보"
        d = next_workday(ctx.enforcement + timedelta(days=rng.randint(7, 15)))
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


def number_items(raw: list[tuple[int, list[Sentence], list[int]]], style: str) -> list[BodyItem]:
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
