"""A form seeded with personal data, for the redaction tests (not a committed sample).

:func:`seeded_doc` lays out a 민원 신청서 with every kind of personal data the redaction
rules cover, in running text, label/value table cells, a table with a header row, the
page header and footer, a footnote, a reviewer's comment and the document properties,
together with look-alikes that must stay: numbers with a wrong check digit, a document
number, dates, amounts, a nationwide service number and the issuing agency's own
contact line. Every :class:`Seed` says what it is and whether it must be masked.

Check digits are computed here from the published rules, independently of
``docextract.redact``, so the tests check the library against its own arithmetic.
"""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta

from .layout import Cell, Doc, Para, Table

RRN_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


@dataclass(frozen=True)
class Seed:
    """A value placed in the seeded document."""

    value: str
    rule: str
    mask: bool
    """True: personal data that must be masked; False: a look-alike that must stay."""
    where: str
    """body, table, header, footer, footnote, property, or comment and company (DOCX only)."""
    agency: bool = False
    """An agency contact: masked by default, kept with --keep-agency-contacts."""


# ------------------------------------------------------------------------- check digits


def registration_check(first12: str) -> int:
    return (11 - sum(w * int(d) for w, d in zip(RRN_WEIGHTS, first12)) % 11) % 10


def business_check(first9: str) -> int:
    weights = (1, 3, 7, 1, 3, 7, 1, 3, 5)
    total = sum(w * int(d) for w, d in zip(weights, first9)) + int(first9[8]) * 5 // 10
    return (10 - total % 10) % 10


def corporation_check(first12: str) -> int:
    return (10 - sum((1 if i % 2 == 0 else 2) * int(d) for i, d in enumerate(first12)) % 10) % 10


def luhn_check(first: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(first)):
        d = int(ch)
        if i % 2 == 0:  # doubled: these digits sit at odd positions once the check is appended
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return (10 - total % 10) % 10


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def registration_number(rng: random.Random, *, foreign: bool = False, born_after: date | None = None,
                        valid: bool = True) -> str:
    """YYMMDD-SNNNNNC; ``valid=False`` gives a wrong check digit (as numbers given since
    October 2020 have)."""
    start = born_after or date(1950, 1, 1)
    born = start + timedelta(days=rng.randrange(0, 3000 if born_after else 25000))
    sex = rng.randrange(2)
    digit = (5 if foreign else 1) + sex + (2 if born.year >= 2000 else 0)
    first12 = born.strftime("%y%m%d") + str(digit) + _digits(rng, 5)
    check = registration_check(first12)
    if not valid:
        check = next(c for c in range(10) if c != check and c != corporation_check(first12))
    return f"{first12[:6]}-{first12[6:]}{check}"


def business_number(rng: random.Random, *, valid: bool = True) -> str:
    first9 = str(rng.randrange(101, 999)) + f"{rng.randrange(1, 99):02d}" + _digits(rng, 4)
    check = business_check(first9)
    check = check if valid else (check + 3) % 10
    return f"{first9[:3]}-{first9[3:5]}-{first9[5:]}{check}"


def corporation_number(rng: random.Random, *, valid: bool = True) -> str:
    # registry office 1101..1358, kind 11 (주식회사), serial; such a number starts like a
    # valid birth date, so a wrong check digit must fail the registration rule too
    first12 = f"{rng.randrange(1101, 1358)}11" + _digits(rng, 6)
    check = corporation_check(first12)
    if not valid:
        check = next(c for c in range(10) if c != check and c != registration_check(first12))
    elif registration_check(first12) == check:
        return corporation_number(rng, valid=valid)  # keep the kinds apart in the counts
    return f"{first12[:6]}-{first12[6:]}{check}"


def card_number(rng: random.Random, *, valid: bool = True, sep: str = "-") -> str:
    first = rng.choice("45") + _digits(rng, 14)
    check = luhn_check(first)
    check = check if valid else (check + 5) % 10
    number = first + str(check)
    return sep.join(number[i:i + 4] for i in range(0, 16, 4))


# ------------------------------------------------------------------------- the document


def seeded_doc(seed: int = 7) -> tuple[Doc, list[Seed]]:
    """The seeded 민원 신청서 and what it holds."""
    rng = random.Random(seed)
    seeds: list[Seed] = []

    def put(value: str, rule: str, where: str, *, mask: bool = True, agency: bool = False) -> str:
        seeds.append(Seed(value, rule, mask, where, agency))
        return value

    rrn = put(registration_number(rng), "rrn", "body")
    arn = put(registration_number(rng, foreign=True), "arn", "body")
    passport_old = put(f"M{_digits(rng, 8)}", "passport", "body")
    passport_new = put(f"M{_digits(rng, 3)}{rng.choice('ABCDEFGHJK')}{_digits(rng, 4)}", "passport", "body")
    license_a = put(f"11-{_digits(rng, 2)}-{_digits(rng, 6)}-{_digits(rng, 2)}", "driver_license", "body")
    license_b = put(f"서울 {_digits(rng, 2)}-{_digits(rng, 6)}-{_digits(rng, 2)}", "driver_license", "body")
    business = put(business_number(rng), "business_no", "body")
    corporation = put(corporation_number(rng), "corporation_no", "body")
    card = put(card_number(rng), "card", "body")
    card_plain = put(card_number(rng, sep=""), "card", "body")
    account_bank = put(f"{_digits(rng, 6)}-{_digits(rng, 2)}-{_digits(rng, 6)}", "account", "body")
    mobile = put(f"010-{_digits(rng, 4)}-{_digits(rng, 4)}", "phone", "body")
    email = put(f"minsu.park{rng.randrange(10, 99)}@gmail.com", "email", "body")
    name_text = put("김철수", "name", "body")
    address_text = put("부산광역시 해운대구 센텀중앙로 79", "address", "body")
    home_phone = put(f"02-{rng.randrange(300, 999)}-{_digits(rng, 4)}", "phone", "body")

    bad_rrn = put(registration_number(rng, valid=False), "rrn", "body", mask=False)
    bad_business = put(business_number(rng, valid=False), "business_no", "body", mask=False)
    bad_corporation = put(corporation_number(rng, valid=False), "corporation_no", "body", mask=False)
    bad_card = put(card_number(rng, valid=False), "card", "body", mask=False)
    document_number = put("민원봉사과-2417", "document_number", "body", mask=False)
    day = put("2025. 3. 25.", "date", "body", mask=False)
    amount = put("1,234,000원", "amount", "body", mask=False)
    service = put("1588-2100", "phone", "body", mask=False)
    free_name = put("윤서진", "name", "body", mask=False)  # no label says it is a name
    free_address = put("세종특별자치시 도움6로 42", "address", "body", mask=False)

    table_name = put("이영희", "name", "table")
    table_rrn = put(registration_number(rng, born_after=date(2020, 10, 1), valid=False), "rrn", "table")
    table_address = put("서울특별시 종로구 세종대로 209", "address", "table")
    table_mobile = put(f"010-{_digits(rng, 4)}-{_digits(rng, 4)}", "phone", "table")
    table_account = put(f"{_digits(rng, 3)}-{_digits(rng, 3)}-{_digits(rng, 6)}", "account", "table")
    table_email = put(f"yh.lee{rng.randrange(10, 99)}@naver.com", "email", "table")
    table_passport = put(f"S{_digits(rng, 8)}", "passport", "table")
    column_names = [put(n, "name", "table") for n in ("정민호", "최수아")]
    column_mobiles = [put(f"010-{_digits(rng, 4)}-{_digits(rng, 4)}", "phone", "table") for _ in range(2)]

    header_mobile = put(f"010-{_digits(rng, 4)}-{_digits(rng, 4)}", "phone", "header")
    header_email = put(f"applicant{rng.randrange(10, 99)}@daum.net", "email", "header")
    note_rrn = put(registration_number(rng), "rrn", "footnote")
    note_name = put("한지민", "name", "footnote")
    comment_card = put(card_number(rng), "card", "comment")
    agency_phone = put("044-205-1234", "phone", "footer", agency=True)
    agency_fax = put("044-205-1299", "phone", "footer", agency=True)
    agency_email = put("civil.desk@korea.kr", "email", "footer", agency=True)
    agency_body = put("044-205-1235", "phone", "body", agency=True)
    author = put("박민수", "property", "property")
    company = put("세종상사", "property", "company")

    form = Table(7, 2, [
        Cell(0, 0, [Para("성 명")]), Cell(0, 1, [Para(table_name)]),
        Cell(1, 0, [Para("주민등록번호")]), Cell(1, 1, [Para(table_rrn)]),
        Cell(2, 0, [Para("주소")]), Cell(2, 1, [Para(table_address)]),
        Cell(3, 0, [Para("휴대전화")]), Cell(3, 1, [Para(table_mobile)]),
        Cell(4, 0, [Para("계좌번호")]), Cell(4, 1, [Para(table_account)]),
        Cell(5, 0, [Para("이메일")]), Cell(5, 1, [Para(table_email)]),
        Cell(6, 0, [Para("여권번호")]), Cell(6, 1, [Para(table_passport)]),
    ], [0.3, 0.7])
    family = Table(3, 2, [
        Cell(0, 0, [Para("이름")]), Cell(0, 1, [Para("연락처")]),
        Cell(1, 0, [Para(column_names[0])]), Cell(1, 1, [Para(column_mobiles[0])]),
        Cell(2, 0, [Para(column_names[1])]), Cell(2, 1, [Para(column_mobiles[1])]),
    ], [0.4, 0.6])
    blocks = [
        Para("민원 신청서", align="center", size="large", bold=True),
        Para(f"1. 신청인 주민등록번호 {rrn}", footnote=f"성명: {note_name}, 주민등록번호 {note_rrn}"),
        Para(f"2. 배우자 외국인등록번호 {arn}"),
        Para(f"3. 여권 {passport_old} (구), {passport_new} (신)"),
        Para(f"4. 운전면허 {license_a}"),
        Para(f"5. 면허증 표기 {license_b}"),
        Para(f"6. 사업자 {business}, 법인 {corporation}"),
        Para(f"7. 결제 카드 {card}", comment=f"카드 확인 {comment_card}"),
        Para(f"8. 예비 카드 {card_plain}"),
        Para(f"9. 환급: 국민은행 {account_bank}"),
        Para(f"10. 휴대전화 {mobile}, 전자우편 {email}"),
        Para(f"신청인: {name_text}"),
        Para(f"주소: {address_text}"),
        Para(f"자택전화: {home_phone}"),
        form,
        Para("가족 연락처"),
        family,
        Para(f"관리번호 {bad_rrn}"),
        Para(f"참고번호 {bad_business} / {bad_corporation}"),
        Para(f"시험 카드 {bad_card}"),
        Para(f"문서번호 {document_number} ({day}), 수수료 {amount}"),
        Para(f"민원 상담 {service}"),
        Para(f"{free_name} 주무관이 상담하였다."),
        Para(f"상담 장소: {free_address}"),
        Para(f"문의: 민원봉사과 ({agency_body})"),
    ]
    doc = Doc(title="민원 신청서", blocks=blocks, author=author, company=company,
              header=f"신청인 연락처 {header_mobile} {header_email}",
              footer=f"전화 {agency_phone} 전송 {agency_fax} / {agency_email}")
    return doc, seeds


# ------------------------------------------------------------------------- scoring


DOCX_ONLY = ("comment", "company")


def applies(seed: Seed, fmt: str) -> bool:
    """Whether ``seed`` is in the document as written in ``fmt`` (comments and the Company
    property exist only in DOCX)."""
    return fmt == "docx" or seed.where not in DOCX_ONLY


def everything_in(output: bytes | str) -> str:
    """All the text an output holds: a text output as it is; a package's every member
    decoded as UTF-8 and as UTF-16."""
    if isinstance(output, str):
        return output
    with zipfile.ZipFile(io.BytesIO(output)) as zf:
        parts = [zf.read(info) for info in zf.infolist()]
    return "\n".join(p.decode("utf-8", "ignore") + "\n" + p.decode("utf-16-le", "ignore") for p in parts)


def should_remain(seed: Seed, keep_agency_contacts: bool) -> bool:
    return not seed.mask or (keep_agency_contacts and seed.agency)


def score(seeds: list[Seed], fmt: str, text: str, keep_agency_contacts: bool
          ) -> dict[str, dict[str, int]]:
    """Per rule: ``found``/``total`` of the values that had to go (absent from ``text``) and
    ``false``/``kept`` of the look-alikes and kept contacts that had to stay."""
    out: dict[str, dict[str, int]] = {}
    for seed in seeds:
        if not applies(seed, fmt):
            continue
        row = out.setdefault(seed.rule, {"found": 0, "total": 0, "false": 0, "kept": 0})
        present = seed.value in text
        if should_remain(seed, keep_agency_contacts):
            row["kept"] += 1
            row["false"] += not present
        else:
            row["total"] += 1
            row["found"] += not present
    return out


__all__ = ["DOCX_ONLY", "Seed", "applies", "business_check", "card_number", "corporation_check",
           "corporation_number", "everything_in", "luhn_check", "registration_check",
           "registration_number", "score", "seeded_doc", "should_remain"]
