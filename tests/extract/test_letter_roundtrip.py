"""Property test: random letters, printed in random layouts, extract back to their facts."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings, strategies as st

from docextract.extraction import extract
from docextract.model import Cell, Document, Paragraph, Table
from docextract.normalize.dates import WEEKDAYS

FAMILY = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = ["민준", "서연", "지훈", "하늘", "수진", "영수", "민정", "동원", "채원", "태호"]
AGENCIES = [("행정안전부", "행정안전부장관"), ("서울특별시", "서울특별시장"),
            ("국가정보원", "국가정보원장"), ("○○교육지원청", "○○교육지원청교육장"),
            ("충청남도", "충청남도지사")]
DEPTS = ["디지털정책과", "공공데이터정책과", "자치행정과", "교육지원과", "정보화담당관"]
PHONE_FORMS = [lambda a, m, n: f"{a}-{m}-{n}", lambda a, m, n: f"({a}){m}-{n}",
               lambda a, m, n: f"{a}{m}{n}", lambda a, m, n: f"{a}.{m}.{n}"]

names = st.builds(lambda f, g: f + g, st.sampled_from(FAMILY), st.sampled_from(GIVEN))
dates = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 20))


def fmt(d: dt.date, style: int) -> str:
    return [f"{d.year}. {d.month}. {d.day}.", f"{d.year}.{d.month}.{d.day}.",
            f"{d.year}.{d.month:02d}.{d.day:02d}."][style]


@st.composite
def letters(draw: st.DrawFn) -> tuple[list[Paragraph | Table], dict]:
    issuer, sender = draw(st.sampled_from(AGENCIES))
    dept = draw(st.sampled_from(DEPTS))
    serial = draw(st.integers(1, 99999))
    enforced = draw(dates)
    deadline = enforced + dt.timedelta(days=draw(st.integers(3, 30)))
    style = draw(st.integers(0, 2))
    signers = [(p, draw(names)) for p in ["주무관", *(["사무관"] * draw(st.integers(0, 2))),
                                          f"{dept}장" if not dept.endswith("관") else "과장"]]
    mark = draw(st.sampled_from([None, "전결", "대결"]))
    area, mid, last = draw(st.sampled_from(["02", "044", "031"])), str(draw(st.integers(200, 999))), \
        f"{draw(st.integers(0, 9999)):04d}"
    phone_form = draw(st.sampled_from(PHONE_FORMS))
    copies = draw(st.lists(st.integers(1, 3), min_size=0, max_size=3))
    spaced = draw(st.booleans())
    tables = draw(st.booleans())
    title = f"{enforced.year}년 {draw(st.sampled_from(['개방 실적', '교육 운영', '점검 결과']))} 제출 요청"
    request = (f"관련 자료를 {fmt(deadline, style)}({WEEKDAYS[deadline.weekday()]})까지 "
               "제출하여 주시기 바랍니다.")
    body = [f"1. 관련: {dept}-{serial - 1 or 1}({fmt(enforced - dt.timedelta(days=5), style)})",
            f"2. {request}"]
    atts = [f"첨부 서식 {k} {n}부." for k, n in enumerate(copies, 1)]
    approver_pos, approver_name = signers[-1]
    mmdd = f"{enforced.month:02d}/{enforced.day:02d}"
    shown = {"전결": f"{mmdd} 전결 {approver_name}", "대결": f"{mmdd} 代{approver_name}",
             None: f"{mmdd} {approver_name}"}[mark]
    label = (lambda s: " ".join(s)) if spaced else (lambda s: s)

    blocks: list[Paragraph | Table] = [Paragraph(text=" ".join(issuer) if spaced and len(issuer) < 6 else issuer)]
    head = [(label("수신"), "수신자 참조"), ("(경유)", ""), (label("제목"), title)]
    if tables:
        blocks.append(Table(n_rows=3, n_cols=2, rows=[
            [Cell(row=r, col=0, blocks=[Paragraph(text=k)]), Cell(row=r, col=1, blocks=[Paragraph(text=v)])]
            for r, (k, v) in enumerate(head)]))
    else:
        blocks += [Paragraph(text=f"{k}  {v}".rstrip()) for k, v in head]
    blocks += [Paragraph(text=t) for t in body]
    if atts:
        lines = [f"{label('붙임')}  1. {atts[0]}"] + [f"      {k}. {a}" for k, a in enumerate(atts[1:], 2)]
        lines[-1] += "  끝."
        blocks += [Paragraph(text=t) for t in lines]
    else:
        blocks[-1] = Paragraph(text=blocks[-1].text + "  끝.")
    blocks.append(Paragraph(text=" ".join(sender)))
    blocks.append(Paragraph(text="수신자  서울특별시장(자치행정과장), 부산광역시장(정보화담당관)"))
    texts = [f"{p} {n}" for p, n in signers[:-1]] + [f"{approver_pos} {shown}"]
    if tables:
        blocks.append(Table(n_rows=2, n_cols=len(signers), rows=[
            [Cell(row=0, col=c, blocks=[Paragraph(text=p)]) for c, (p, _) in enumerate(signers)],
            [Cell(row=1, col=c, blocks=[Paragraph(text=t.split(" ", 1)[1])]) for c, t in enumerate(texts)]]))
    else:
        blocks.append(Paragraph(text="   ".join(texts)))
    blocks.append(Paragraph(text="협조자"))
    blocks.append(Paragraph(text=f"시행  {dept}-{serial} ({fmt(enforced, style)})   접수"))
    blocks.append(Paragraph(text="우 30112  세종특별자치시 도움6로 42 / www.example.go.kr"))
    blocks.append(Paragraph(text=f"전화 {phone_form(area, mid, last)} / Hong@Korea.kr / 부분공개(5)"))
    facts = {
        "issuer": issuer, "sender": sender, "title": title,
        "recipients": ["서울특별시장(자치행정과장)", "부산광역시장(정보화담당관)"],
        "related": [{"organization": None, "number": f"{dept}-{serial - 1 or 1}",
                     "date": (enforced - dt.timedelta(days=5)).isoformat()}],
        "deadline": deadline.isoformat(), "requested_actions": [request],
        "attachments": [{"title": f"첨부 서식 {k}", "copies": n, "sent_separately": False}
                        for k, n in enumerate(copies, 1)],
        "drafter": {"position": signers[0][0], "name": signers[0][1], "mark": None},
        "reviewers": [{"position": p, "name": n, "mark": None} for p, n in signers[1:-1]],
        "approver": {"position": approver_pos, "name": approver_name, "mark": mark,
                     "date": enforced.isoformat()},
        "document_number": f"{dept}-{serial}", "enforcement_date": enforced.isoformat(),
        "phone": f"{area}-{mid}-{last}", "email": "hong@korea.kr",
        "disclosure": {"level": "부분공개", "grounds": [5]}, "postal_code": "30112",
    }
    return blocks, facts


@settings(max_examples=60, deadline=None)
@given(letters())
def test_random_letters_extract_to_their_facts(case: tuple[list[Paragraph | Table], dict]) -> None:
    blocks, facts = case
    doc = Document.assemble(blocks, format="hwp")
    got = extract(doc, "official_letter").to_dict()
    assert {k: got[k] for k in facts} == facts
