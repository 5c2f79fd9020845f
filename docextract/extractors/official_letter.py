"""The official letter (공문) extractor: any parsed 공문 Document → :class:`OfficialLetter`.

The work is split by part of the letter: :mod:`.letter_layout` finds the parts,
:mod:`.letter_head` reads the 두문 and 제목, :mod:`.letter_body` the 본문,
:mod:`.letter_attachments` the 붙임, :mod:`.letter_approvals` the 결재선 and
:mod:`.letter_footer` the rest of the 결문. Label variants and lexicons come from
``schemas/official_letter.fields.yaml``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from ..model import Document
from ..normalize.amounts import find_amounts
from ..normalize.dates import find_dates
from . import letter_body as body
from .base import Extraction, Extractor, Found
from .letter_approvals import approvals
from .letter_attachments import attachments
from .letter_footer import address, contact_line, find_recipient_list, find_sender, numbers
from .letter_head import find_issuer, find_recipients, find_title, find_via
from .letter_labels import LetterSpec, letter_spec
from .letter_layout import END_MARK, body_lines, locate, recipient_label
from .letter_runs import join_bare_labels, split_run_on
from .lines import Line, document_lines

if TYPE_CHECKING:
    from ..records.official_letter import OfficialLetter

FOOTER_FIELDS = ("document_number", "receipt_number", "postal_code", "phone", "fax")
_ENFORCEMENT = re.compile(r"(?:^|\s)시\s*행\s*[:：]?\s*[가-힣○][^\s()]*\s*-\s*\d")
_CLOSING_SPAN = 40


class OfficialLetterExtractor(Extractor):
    """Extracts 행정기관 공문 (기안문/시행문) into :class:`OfficialLetter` records."""

    record_type: ClassVar[str] = "official_letter"
    description: ClassVar[str] = "행정기관 공문 (기안문·시행문): 수신, 제목, 붙임, 결재, 시행, 연락처"

    def __init__(self, spec: LetterSpec | None = None) -> None:
        self.spec = spec or letter_spec()

    # detection ----------------------------------------------------------------------

    def score(self, doc: Document) -> float:
        """0..1 from the 공문 signals: 수신 and 제목 labels, a 시행 number, 끝., 우/공개."""
        return self.score_lines(split_run_on(document_lines(doc), self.spec))

    def score_lines(self, lines: list[Line]) -> float:
        spec = self.spec
        head = lines[:60]
        recv = any(recipient_label(spec, ln.text) for ln in head)
        title = any(spec.label("title", ln.text) for ln in head)
        enforce = any(_ENFORCEMENT.search(ln.text) for ln in lines)
        end = any(END_MARK.search(ln.text.strip()) for ln in lines)
        foot = any(spec.label("postal_code", ln.text) or spec.label("phone", ln.text)
                   for ln in lines)
        return round(0.3 * recv + 0.25 * title + 0.25 * enforce + 0.1 * end + 0.1 * foot, 3)

    # extraction ---------------------------------------------------------------------

    def extract(self, doc: Document) -> "OfficialLetter":
        """The letter's record with evidence; fields not found are null or empty."""
        from ..records.official_letter import OfficialLetter

        record: OfficialLetter = self.find(doc).to_record(OfficialLetter)
        return record

    def find(self, doc: Document) -> Extraction:
        """The letter's fields as plain values with their evidence (no Pydantic involved)."""
        lines = join_bare_labels(split_run_on(document_lines(doc), self.spec), self.spec)
        found, warnings = self.find_fields(lines)
        return Extraction.from_found(self.record_type, found, warnings)

    def find_fields(self, lines: list[Line]) -> tuple[dict[str, Found], list[str]]:
        """Every field of the record as :class:`Found` values, plus warnings."""
        spec = self.spec
        lay = locate(lines, spec)
        found: dict[str, Found] = {}
        warnings: list[str] = []
        issuer = find_issuer(lines, lay, spec)
        if issuer:
            found["issuer"] = issuer
        mode, direct = find_recipients(lines, lay, spec)
        found["via"] = find_via(lines, lay, spec)
        found["title"] = find_title(lines, lay, spec)
        items = body.body_items(lines, body_lines(lines, lay), lay.end_mark)
        found["body"] = body.body_text(items)
        found["attachments"] = attachments(lines, lay, spec)

        start = lay.closing if lay.closing is not None else len(lines)
        stop = min(len(lines), start + _CLOSING_SPAN)
        sender_at, found["sender"] = find_sender(lines, start, stop, spec)
        list_at, listed = find_recipient_list(lines, start, stop, spec)
        found["recipients"] = listed if mode == "refer_list" else (
            direct if mode == "direct" else Found([], direct.evidence))
        skip = set(list_at) | ({sender_at} if sender_at is not None else set())
        region = [i for i in range(start, stop) if i not in skip]
        footer_at = next((i for i in region
                          if any(spec.label(f, lines[i].text) for f in FOOTER_FIELDS)), stop)
        found.update(numbers(lines, start, stop, spec))
        place = address(lines, footer_at, stop, spec)
        found.update(place)
        addr = place["address"].value if "address" in place else None
        found.update(contact_line(lines, footer_at, stop, spec, addr))

        enforcement = found.get("enforcement_date", Found(None)).value
        year = int(enforcement[:4]) if enforcement else None
        signer_lines = [lines[i] for i in region if i <= footer_at and i < stop]
        found.update(approvals(signer_lines, spec, year))

        context_year = year or _year_of(found.get("receipt_date")) or _first_year(items)
        found["related"] = body.related(items, spec)
        found["deadline"] = body.deadline(items, spec, context_year)
        found["requested_actions"] = body.requested_actions(items, spec)
        found["amounts"] = body.amounts(items)
        contacts = body.body_contacts(items, spec)
        if not contacts.value:
            contacts = _closing_contact(found)
        found["contacts"] = contacts
        warnings.extend(_checks(items, context_year))
        return found, warnings


def _year_of(f: Found | None) -> int | None:
    return int(f.value[:4]) if f is not None and f.value else None


def _first_year(items: list[body.Item]) -> int | None:
    for it in items:
        dates = find_dates(it.text)
        if dates:
            return int(dates[0].iso[:4])
    return None


def _closing_contact(found: dict[str, Found]) -> Found:
    """One contact from the 결문: 처리과 of the document number, the drafter, the footer's phone/email."""
    number = found.get("document_number", Found(None)).value
    drafter = found.get("drafter", Found(None)).value or {}
    phone = found.get("phone", Found(None)).value
    email = found.get("email", Found(None)).value
    contact = {"department": number.rsplit("-", 1)[0] if number else None,
               "position": drafter.get("position"), "name": drafter.get("name"),
               "phone": phone, "email": email}
    if not any(contact.values()):
        return Found([])
    evs = [e for k in ("document_number", "drafter", "phone", "email")
           for e in found.get(k, Found(None)).evidence]
    return Found([contact], evs)


def _checks(items: list[body.Item], year: int | None) -> list[str]:
    out = []
    for it in items:
        for a in find_amounts(it.text):
            if a.hangul_matches is False:
                out.append(f"amount {a.raw!r}: digits give {a.won:,} won but the Hangul reading "
                           f"gives {a.hangul_won:,}")
        for d in find_dates(it.text, default_year=year):
            if d.weekday_ok is False:
                out.append(f"date {d.raw!r}: the printed weekday does not match {d.iso}")
    return out


__all__ = ["OfficialLetterExtractor"]
