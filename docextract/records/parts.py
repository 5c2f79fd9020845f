"""The parts of an official letter record that summaries share: attachments, people,
contacts, disclosure and related documents.

Plain dataclasses (see :mod:`docextract.plain`): the summary of a letter carries them
without loading Pydantic, and :class:`~.official_letter.OfficialLetter` declares its
fields with them, so Pydantic validates and describes them as parts of the record.
"""

from __future__ import annotations

from dataclasses import field
from typing import Annotated, Literal

from ..plain import Described, PlainData, plain_dataclass


@plain_dataclass
class Related(PlainData):
    """A referenced earlier document (관련): the organisation printed before its number,
    the number (처리과-번호) and its date."""

    organization: Annotated[str | None, Described("agency printed before the number")] = None
    number: str | None = None
    date: Annotated[str | None, Described("ISO date")] = None


@plain_dataclass
class Attachment(PlainData):
    """An attachment (붙임), its number of copies (부) and whether it is sent separately
    (``따로붙임``, ``(별도 송부)``)."""

    title: str
    copies: int | None = None
    sent_separately: bool = False


@plain_dataclass
class Person(PlainData):
    """A signer in the 결재 block: position (직위/직급), name, and ``대결`` when someone
    signed for the position holder (``代``) or ``전결`` for delegated final approval."""

    position: str | None = None
    name: str | None = None
    mark: Literal["전결", "대결"] | None = None


@plain_dataclass
class Approver(Person):
    """The final approver; ``date`` is the signing date (결재일)."""

    date: Annotated[str | None, Described("ISO date")] = None


@plain_dataclass
class Disclosure(PlainData):
    """공개구분: level and the non-disclosure grounds (정보공개법 제9조 제1항 각 호)."""

    level: Literal["공개", "부분공개", "비공개"]
    grounds: list[int] = field(default_factory=list)


@plain_dataclass
class Contact(PlainData):
    """Whom to ask: department, position, name, phone, email."""

    department: str | None = None
    position: str | None = None
    name: str | None = None
    phone: str | None = None
    email: str | None = None


@plain_dataclass
class OutlineItem(PlainData):
    """A headline of a 개조식 report (□, Ⅰ.) with the items under it (○, -, ·)."""

    text: str
    marker: str | None = None
    children: list["OutlineItem"] = field(default_factory=list)


@plain_dataclass
class AgendaItem(PlainData):
    """One agenda item of a meeting (안건) and what was decided on it."""

    title: str
    decision: str | None = None


__all__ = ["AgendaItem", "Approver", "Attachment", "Contact", "Disclosure", "OutlineItem",
           "Person", "Related"]
