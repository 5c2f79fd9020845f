"""The official letter (공문: 기안문/시행문) record. Field names are a public contract.

Value conventions (normalizers in :mod:`docextract.normalize` produce them):

* dates are ISO ``YYYY-MM-DD``; ``deadline`` is ``YYYY-MM-DDTHH:MM`` when a time is given;
* phone and fax numbers are digits in their standard hyphenated grouping
  (``02-2133-1234``, ``044-205-1234``, ``010-1234-5678``, ``1588-1234``);
* ``document_number`` is the number as printed (``디지털정책과-1234``);
* ``postal_code`` is five digits; ``email`` is lower-case;
* people are ``{position, name}``; amounts are integers in won;
* missing values are ``null`` or empty lists, never invented.
"""

# Annotations stay objects (no "from __future__ import annotations"): Pydantic would
# otherwise evaluate every field annotation string again when it creates the class.

from typing import ClassVar, Literal

from pydantic import Field

from .base import Record
from .parts import Approver, Attachment, Contact, Disclosure, Person, Related


class OfficialLetter(Record):
    """행정기관 공문 (기안문·시행문): the key facts a receiving clerk needs."""

    record_type: ClassVar[str] = "official_letter"
    type: Literal["official_letter"] = "official_letter"

    issuer: str | None = Field(default=None, description="행정기관명 (두문)")
    recipients: list[str] = Field(default_factory=list, description="수신 (수신자 참조 → 수신자 line)")
    via: str | None = Field(default=None, description="경유")
    title: str | None = Field(default=None, description="제목")
    related: list[Related] = Field(default_factory=list, description="관련 문서")
    deadline: str | None = Field(default=None, description="ISO date, or YYYY-MM-DDTHH:MM")
    requested_actions: list[str] = Field(default_factory=list)
    attachments: list[Attachment] = Field(default_factory=list)
    sender: str | None = Field(default=None, description="발신명의")
    drafter: Person | None = None
    reviewers: list[Person] = Field(default_factory=list)
    approver: Approver | None = None
    cooperators: list[Person] = Field(default_factory=list)
    document_number: str | None = Field(default=None, description="시행 번호 as printed")
    enforcement_date: str | None = Field(default=None, description="시행일, ISO date")
    receipt_number: str | None = Field(default=None, description="접수 번호 as printed")
    receipt_date: str | None = Field(default=None, description="접수일, ISO date")
    postal_code: str | None = None
    address: str | None = None
    homepage: str | None = None
    phone: str | None = None
    fax: str | None = None
    email: str | None = None
    disclosure: Disclosure | None = None
    amounts: list[int] = Field(default_factory=list, description="amounts in won, body order")
    contacts: list[Contact] = Field(default_factory=list)
    body: str | None = Field(default=None, description="text between 제목 and 붙임/끝")


__all__ = ["Approver", "Attachment", "Contact", "Disclosure", "OfficialLetter", "Person",
           "Related"]
