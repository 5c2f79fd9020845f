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
    """A referenced earlier document (관련): its number and date."""

    number: str | None = None
    date: Annotated[str | None, Described("ISO date")] = None


@plain_dataclass
class Attachment(PlainData):
    """An attachment (붙임) and its number of copies (부)."""

    title: str
    copies: int | None = None


@plain_dataclass
class Person(PlainData):
    """A signer in the 결재 block: position (직위/직급) and name."""

    position: str | None = None
    name: str | None = None


@plain_dataclass
class Approver(Person):
    """The final approver; ``mark`` is 전결 or 대결 when delegated, ``date`` the signing date."""

    mark: Literal["전결", "대결"] | None = None
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


__all__ = ["Approver", "Attachment", "Contact", "Disclosure", "Person", "Related"]
