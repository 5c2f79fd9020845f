"""Generated 공문 and their ground truth: ``random_letter(rng, wording=...)`` draws a varied,
realistic letter, and ``expected_record(spec)`` is the ``official_letter`` record extraction is
graded against, following ``schemas/official_letter.md`` field by field.

The model itself lives in :mod:`samples.spec` (re-exported here), the word banks in
:mod:`samples.wordbank` and the body kinds in :mod:`samples.scenarios`.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

from docextract.records.official_letter import (Approver, Attachment, Contact, Disclosure,
                                                OfficialLetter, Person, Related)

from .scenarios import SCENARIOS, Ctx, next_workday, number_items, related_items
from .spec import (AttachmentSpec, BodyItem, ContactSpec, Layout, LetterSpec, Reference, Sentence,
                   Signer, attachment_line, contact_text, fmt_date, hangul_amount, normalize_phone,
                   print_phone, signer_text, spaced)
from .wordbank import (AGENCIES_A, AGENCIES_B, AGENCY_RECIPIENTS, AGENCY_TOPICS, FAMILY, GIVEN,
                       RECIPIENTS, SLOGANS, TOPICS_A, TOPICS_B, VIA_ROUTES)

__all__ = ["AttachmentSpec", "BodyItem", "ContactSpec", "Layout", "LetterSpec", "Reference",
           "SCENARIOS", "Sentence", "Signer", "attachment_line", "body_lines", "disclosure_value",
           "expected_record", "fmt_date", "hangul_amount", "masked_fields", "normalize_phone",
           "print_phone", "random_letter", "signer_text", "spaced"]


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


# ---------------------------------------------------------------------------- generator

def random_letter(rng: random.Random, wording: str = "A", *, scenario: str | None = None,
                  layout: Layout | None = None, overrides: dict | None = None) -> LetterSpec:
    """A varied, realistic letter drawn from ``rng``; ``wording`` "A" (tuning set) or "B" (held out).

    ``scenario`` and ``layout`` pin the body kind and print options; ``overrides`` pins facts
    (``recipient_mode`` one|refer|internal, ``attachments`` count, ``mark``, ``receipt``,
    ``related`` count, ``contact``, ``slogan``, ``deadline_time``, ``reviewers``, ``cooperators``,
    ``disclosure``, ``agency_kind``, ``via``, ``homepage``, ``email_upper``, ``no_copies``, ``fax``).

    Facts of the Seoul layouts (letters 09-13; absent from the other letters, whose draws they
    leave untouched): ``agency`` (pinned by name), ``department``, ``related_from`` ([(organisation, 처리과,
    dated)], references printed with the organisation before the number), ``related_style``,
    ``positions`` ({drafter, reviewers, approver} pinned), ``proxy_reviewer`` (index of the
    reviewer whose box someone signed for, ``代``), ``masked_reviewer`` (index of the reviewer
    whose name is withheld), ``masked_attachment`` (index of the item whose title is withheld),
    ``attachment_titles`` (titles pinned in order), ``masked`` (footer values withheld:
    phone, fax), ``separate_list`` (``따로붙임``), ``doc_code`` (``plain`` | ``masked`` code line),
    ``slogan`` given as its text.
    """
    ov = dict(overrides or {})
    agencies = AGENCIES_B if wording == "B" else AGENCIES_A
    topics = TOPICS_B if wording == "B" else TOPICS_A
    if "agency" in ov:
        agency = next(a for a in agencies if a.name == ov["agency"])
    elif "agency_kind" in ov:
        agency = rng.choice([a for a in agencies if a.kind == ov["agency_kind"]])
    else:
        agency = rng.choice(agencies)
    department = rng.choice(agency.departments)
    department = ov.get("department", department)
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
    enforcement = next_workday(enforcement)
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
        related.append(Reference(f"{rdept}-{rng.randint(100, 9999)}", rd))
    related_style = rng.choice(("std", "std", "ho", "short")) if n_related == 1 else "std"
    if n_related == 2:
        related_style = rng.choice(("std", "short"))
    if "related_from" in ov:   # documents of other organisations, printed before the number
        related = [Reference(f"{dept}-{rng.randint(100, 9999)}",
                             enforcement - timedelta(days=rng.randint(10, 120)) if dated else None, org)
                   for org, dept, dated in ov["related_from"]]
        related_style = ov.get("related_style", related_style)
    deadline_time = ov.get("deadline_time", rng.choice((None, None, "18:00", "17:00", "12:00")))
    topic = rng.choice(AGENCY_TOPICS.get(agency.name, topics[agency.kind]))
    mode = ov.get("recipient_mode", rng.choice(("refer", "refer", "one")))
    ctx = Ctx(rng, agency, department, topic, enforcement, email, related, related_style,
               deadline_time, internal=mode == "internal")
    kind = scenario or rng.choice(tuple(SCENARIOS))
    title, raw_items, atts, deadline = SCENARIOS[kind](ctx, wording)
    raw_items = related_items(ctx) + raw_items

    drafter_name = _name(rng)
    contact = None
    want_contact = ov.get("contact", rng.random() < 0.5)
    if want_contact:
        contact = ContactSpec(department, "주무관" if not school else "교사", drafter_name, phone,
                              rng.choice(("plain", "paren", "phone_sym")),
                              email if rng.random() < 0.8 else None,
                              rng.choice(("문의", "문의처", "담당")))
        raw_items.append((0, [Sentence(contact_text(contact))], []))

    n_att = ov.get("attachments")
    if n_att is not None:
        atts = (atts + [AttachmentSpec("참고 자료", 1, "부"), AttachmentSpec("관련 법령 발췌", 1)])[:n_att]
    if atts and ov.get("no_copies", rng.random() < 0.25):
        atts[-1] = AttachmentSpec(atts[-1].title, None)
    for a, pinned in zip(atts, ov.get("attachment_titles", ())):
        a.title = pinned
    if "masked_attachment" in ov:
        atts[ov["masked_attachment"]].masked = True

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
    positions = ov.get("positions", {})
    drafter.position = positions.get("drafter", drafter.position)
    for r, position in zip(reviewers, positions.get("reviewers", ())):
        r.position = position
    approver.position = positions.get("approver", approver.position)
    if "proxy_reviewer" in ov:
        reviewers[ov["proxy_reviewer"]].mark = "대결"
    if "masked_reviewer" in ov:
        reviewers[ov["masked_reviewer"]].masked = True
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
    want_slogan = ov.get("slogan", rng.random() < 0.4)
    if isinstance(want_slogan, str):
        slogan: str | None = want_slogan
    else:
        slogan = rng.choice(SLOGANS[agency.kind]) if want_slogan else None
    doc_code = None
    if "doc_code" in ov:   # the 전자문서 code line the Seoul template prints under the office name
        doc_code = f"CU{enforcement:%Y%m%d}0A07E0500-1"
        if ov["doc_code"] == "masked":
            doc_code = "CU********5*******A07***************E0500-1"
    return LetterSpec(
        issuer=agency.name, slogan=slogan, recipient=recipient, recipient_list=recipient_list,
        via=via, title=title, items=number_items(raw_items, lay.numbering), related=related,
        deadline=deadline, attachments=atts, contact=contact, sender=sender, drafter=drafter,
        reviewers=reviewers, approver=approver, cooperators=cooperators, department=department,
        serial=rng.randint(100, 12000), enforcement=enforcement, receipt=receipt,
        postal_code=agency.postal, address=agency.address,
        homepage=agency.homepage if ov.get("homepage", rng.random() < 0.85) else None, phone=phone,
        fax=fax if ov.get("fax", rng.random() < 0.9) else None, email=email, email_printed=email_printed,
        disclosure=disclosure, layout=lay, doc_code=doc_code, masked=tuple(ov.get("masked", ())),
        separate_list=ov.get("separate_list", False))


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


def masked_fields(spec: LetterSpec) -> list[str]:
    """The record fields whose printed value the publisher withheld: the record leaves them
    empty and its warnings must name them."""
    out = []
    if any(a.masked for a in spec.attachments):
        out.append("attachments")
    if any(r.masked for r in spec.reviewers):
        out.append("reviewers")
    out += [f for f in ("phone", "fax") if f in spec.masked]
    return out


def _person(s: Signer) -> Person:
    return Person(position=s.position, name=None if s.masked else s.name, mark=s.mark)


def expected_record(spec: LetterSpec) -> OfficialLetter:
    """The ``official_letter`` record extraction must produce for ``spec`` (schemas/official_letter.md)."""
    year = spec.enforcement.year
    approver_date = None
    if spec.approver.mmdd:
        mm, dd = spec.approver.mmdd.split("/")
        approver_date = date(year, int(mm), int(dd)).isoformat()
    phone = None if "phone" in spec.masked else spec.phone
    fax = None if "fax" in spec.masked or spec.fax is None else spec.fax
    if spec.contact is not None:
        contacts = [Contact(department=spec.contact.department, position=spec.contact.position,
                            name=spec.contact.name, phone=spec.contact.phone,
                            email=spec.contact.email)]
    else:
        contacts = [Contact(department=spec.department, position=spec.drafter.position,
                            name=spec.drafter.name, phone=phone, email=spec.email)]
    requests = [_collapse(s.text) for item in spec.items for s in item.sentences if s.request]
    amounts = [a for item in spec.items for a in item.amounts]
    return OfficialLetter(
        issuer=spec.issuer,
        recipients=([] if spec.internal else
                    list(spec.recipient_list) if spec.recipient_list else [spec.recipient]),
        via=spec.via,
        title=spec.title,
        related=[Related(organization=r.organization, number=r.number,
                         date=r.date.isoformat() if r.date else None) for r in spec.related],
        deadline=spec.deadline,
        requested_actions=requests,
        attachments=[Attachment(title=a.title, copies=a.copies,
                                sent_separately=a.separately or spec.separate_list)
                     for a in spec.attachments if not a.masked],
        sender=spec.sender,
        drafter=_person(spec.drafter),
        reviewers=[_person(r) for r in spec.reviewers],
        approver=Approver(position=spec.approver.position, name=spec.approver.name,
                          mark=spec.approver.mark, date=approver_date),
        cooperators=[_person(c) for c in spec.cooperators],
        document_number=spec.document_number,
        enforcement_date=spec.enforcement.isoformat(),
        receipt_number=f"{spec.receipt[0]}-{spec.receipt[1]}" if spec.receipt else None,
        receipt_date=spec.receipt[2].isoformat() if spec.receipt else None,
        postal_code=spec.postal_code,
        address=spec.address,
        homepage=spec.homepage,
        phone=phone,
        fax=fax,
        email=spec.email,
        disclosure=disclosure_value(spec.disclosure),
        amounts=amounts,
        contacts=contacts,
        body="\n".join(body_lines(spec)),
    )
