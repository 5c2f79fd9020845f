"""The 공문 model: what one letter prints and the facts behind it, and how each part is printed.

A :class:`LetterSpec` holds what is printed (labels, numbering, phone forms, layout choices) and
the facts behind it (dates, signers, requests, amounts). The helpers here print its parts the way
real 공문 do (``2025. 7. 11.(금)``, ``금1,500,000원(금일백오십만원)``, ``(044)205-1234``); both the
layout and the expected record use them, so the printed text and the expected values agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

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


def spaced(text: str, gap: int = 1) -> str:
    """Glyph spacing as printed on 발신명의 and agency names: ``행 정 안 전 부``, or with a wider
    ``gap`` as the Seoul template prints them (``강  남  소  방  서``, ``기    전    과    장``)."""
    return (" " * gap).join(text)


def mask(printed: str, keep_head: int = 0, keep_tail: int = 0, stars: int | None = None) -> str:
    """A value as the publisher overprints it before publishing: ``02********9``, ``***``."""
    n = stars if stars is not None else len(printed) - keep_head - keep_tail
    return printed[:keep_head] + "*" * n + (printed[-keep_tail:] if keep_tail else "")


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
    """A signer of the 결재 line; ``mark`` 전결 only on the final approver, 대결 (``代`` before the
    name: someone signed for the position holder) on any signer; ``mmdd`` only on the final
    approver; ``masked`` when the publisher overprinted the name (``***``)."""

    position: str
    name: str
    mark: str | None = None
    mmdd: str | None = None
    initiator: bool = False
    masked: bool = False

    @property
    def printed_name(self) -> str:
        return "***" if self.masked else self.name


@dataclass
class AttachmentSpec:
    """One 붙임 item; ``masked`` when the publisher overprinted its title (``**************``)."""

    title: str
    copies: int | None = 1
    unit: str = "부"
    separately: bool = False
    masked: bool = False


@dataclass
class Reference:
    """A 관련 document: its number (처리과-번호), date (None when not printed) and the
    organisation printed before the number (``은평구 공간계획과-8926``, ``市 현장대응단-9913``)."""

    number: str
    date: date | None
    organization: str | None = None


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
    # The options below came with the Seoul 결재문서 layouts; their defaults print letters 01-08
    # and the held-out set exactly as before.
    closing: str = "blocks"           # blocks | seoul (the whole 결문 one ruled table, every value its own cell)
    approver_date: str = "inline"     # grid only: inline (``07/01 박민정``) | name_row (MM/DD its own cell
                                      # in the names row) | own_cell (a row of its own between position and name)
    issuer_gap: int = 1               # spaces between the glyphs of a spaced 행정기관명
    sender_gap: int = 1               # … and of a spaced 발신명의
    recipient_label: str = "수신"     # 수신 | 수신자
    head_table_top: bool = False      # head_table only: slogan, 행정기관명 and code line as rows of it
    signers_after_attachments: bool = False  # the 결재 line run on after the last 붙임 item, no 끝.
    narrow_footer: bool = False       # seoul closing: the postcode, address, homepage and e-mail cells
                                      # are narrower than their text (the PDF wraps inside the cell)


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
    related: list[Reference]
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
    doc_code: str | None = None           # electronic-document code line under the 행정기관명, as printed
    masked: tuple[str, ...] = ()          # footer values the publisher overprinted: "phone", "fax"
    separate_list: bool = False           # the list is headed 따로붙임: every item is sent separately

    @property
    def document_number(self) -> str:
        return f"{self.department}-{self.serial}"

    @property
    def printed_document_number(self) -> str:
        return f"{self.department}{self.layout.dash}{self.serial}"

    @property
    def internal(self) -> bool:
        return self.recipient == "내부결재"


# ---------------------------------------------------------------------------- printed lines

def attachment_line(a: AttachmentSpec) -> str:
    """One 붙임 item as printed: ``작성 요령 1부.``, ``회의 자료 1부.(별도 송부)``, ``결과 보고서.``,
    ``************** 1부.`` (title withheld by the publisher)."""
    qty = f" {a.copies}{a.unit}" if a.copies is not None else ""
    title = mask(a.title, stars=14) if a.masked else a.title
    return f"{title}{qty}." + ("(별도 송부)" if a.separately else "")


def reference_text(ref: Reference, style: str) -> str:
    """A 관련 document as printed: ``정책과-123(2025. 3. 2.)`` (std), ``정책과-123호(2025.3.2.)``
    (ho), ``정책과-123('25.3.2.)호`` (short), ``정책과-123('25.3.2.)`` (short_paren); the
    organisation, when there is one, before it (``은평구 공간계획과-8926('26.6.26.)``)."""
    number, d = ref.number, ref.date
    if style == "ho":
        text = f"{number}호({fmt_date(d, style='tight')})" if d else f"{number}호"
    elif style == "short":
        text = f"{number}({fmt_date(d, style='short')})호" if d else f"{number}호"
    elif style == "short_paren":
        text = f"{number}({fmt_date(d, style='short')})" if d else number
    else:
        text = f"{number}({fmt_date(d)})" if d else number
    return f"{ref.organization} {text}" if ref.organization else text


def printed_footer_value(spec: LetterSpec, name: str, printed: str) -> str:
    """A footer value as printed: overprinted when the publisher masked it (``02********9``)."""
    return mask(printed, keep_head=2, keep_tail=1, stars=8) if name in spec.masked else printed


def signed_name(s: Signer) -> str:
    """The name as printed in the 결재란: ``박민정``, ``代박민정`` (대결), ``***`` (masked)."""
    return ("代" if s.mark == "대결" else "") + s.printed_name


def signer_text(s: Signer, *, with_position: bool = True, with_date: bool = True) -> str:
    """How one signer is printed on a line: ``★주무관 홍길동``, ``과장 07/01 전결 박민정``, ``代박민정``."""
    pos = ("★" if s.initiator else "") + s.position
    name = signed_name(s)
    parts = [pos] if with_position else []
    if s.mmdd and with_date:
        parts.append(s.mmdd)
    if s.mark == "전결":
        parts.append("전결")
    parts.append(name)
    return " ".join(parts)


def contact_text(c: ContactSpec) -> str:
    """The 문의 item: ``문의: 정책과 주무관 홍길동(☎ 044-205-1234, hong@korea.kr)``."""
    if c.phone_form == "paren":
        phone = print_phone(c.phone, "paren")
    elif c.phone_form == "phone_sym":
        phone = "☎ " + c.phone
    else:
        phone = "전화 " + c.phone
    inner = phone + (f", {c.email}" if c.email else "")
    return f"{c.label}: {c.department} {c.position} {c.name}({inner})"
