"""Document numbers (생산/접수 등록번호) → ``{department, serial}``.

``디지털정책과-1234``, ``장애인복지정책과 - 10229``, references with ``호`` and a date
(``재무과-40807('18.8.31.)호``, ``자원순환과-8328호(2019.5.15.)``) and an agency before the
department (``서울특별시 자원순환과-8328``). The department must contain Hangul, so that
phone numbers (``2133-7741``) are never taken for document numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import parse_date
from .text import normalize_chars

# Linear on long lines: what precedes a blank or ``-`` is a whole run of its characters,
# so the agency, its blanks and the department are taken whole (possessive, atomic) instead
# of being given back one character at a time, and the date in brackets is taken up to the
# bracket (``\s*[^()]*\s*`` split a run of blanks every possible way: cubic). The department
# is the whole run before ``-``; the atomic group finds its last Hangul letter from the end,
# the one split that can succeed.
_DEPT = r"(?>[가-힣○A-Za-z0-9·()]*[가-힣][가-힣○A-Za-z0-9·]*)"
_NUMBER = re.compile(
    rf"(?<![\w-])(?:(?P<org>[가-힣○\u4e00-\u9fff][가-힣○0-9\u4e00-\u9fff]*+)\s++)?(?P<dept>{_DEPT})\s*-\s*(?P<serial>\d{{1,7}})(?![\d-])"
    r"\s*(?P<ho1>호)?\s*(?:\(\s*+(?P<date>[^()]*+)\))?\s*(?P<ho2>호)?")


@dataclass(frozen=True)
class DocNumber:
    """A parsed document number: department, serial, optional agency and date.

    ``start``/``end`` cover the whole match (with ``호`` and the date); ``number_start``/
    ``number_end`` only ``<department>-<serial>``.
    """

    department: str
    serial: int
    org: str | None = None
    date: str | None = None
    start: int = 0
    end: int = 0
    number_start: int = 0
    number_end: int = 0
    serial_text: str = ""  # the serial as printed (keeps leading zeros)

    @property
    def number(self) -> str:
        """``<department>-<serial>`` with no spaces (the 시행 number as printed)."""
        return f"{self.department}-{self.serial_text or self.serial}"


def find_document_numbers(text: str, *, with_org: bool = False) -> list[DocNumber]:
    """Every ``<부서>-<번호>`` in ``text``; ``with_org`` lets an agency word precede the dept."""
    text = normalize_chars(text)
    out: list[DocNumber] = []
    for m in _NUMBER.finditer(text):
        org = m["org"] if with_org else None
        dept = m["dept"]
        date_text = m["date"]
        date = parse_date(date_text) if date_text and date_text.strip() else None
        num_start = m.start("org") if (with_org and m["org"]) else m.start("dept")
        out.append(DocNumber(department=dept, serial=int(m["serial"]), org=org, date=date,
                             start=num_start, end=m.end(), number_start=num_start,
                             number_end=m.end("serial"), serial_text=m["serial"]))
    return out


def parse_document_number(text: str) -> DocNumber | None:
    """The first document number in ``text`` (``정책기획과-1234 (2025. 3. 25.)``), or ``None``."""
    found = find_document_numbers(text)
    return found[0] if found else None


__all__ = ["DocNumber", "find_document_numbers", "parse_document_number"]
