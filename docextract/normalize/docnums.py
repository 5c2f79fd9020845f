"""Document numbers (생산/접수 등록번호) → ``{department, serial}``.

``디지털정책과-1234``, ``장애인복지정책과 - 10229``, references with ``호`` and a date
(``재무과-40807('18.8.31.)호``, ``자원순환과-8328호(2019.5.15.)``) and an agency before the
department (``서울특별시 자원순환과-8328``). The department must contain Hangul, so that
phone numbers (``2133-7741``) are never taken for document numbers.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass

from .dates import parse_date
from .text import normalize_chars

# What precedes a blank or ``-`` is a whole run of its characters, so the agency, its blanks
# and the department are taken whole (possessive, atomic) instead of being given back one
# character at a time, and the date in brackets is taken up to the bracket (``\s*[^()]*\s*``
# split a run of blanks every possible way: cubic). The department is the whole run before
# ``-``; the atomic group finds its last Hangul letter from the end, the one split that can
# succeed.
_DEPT_CHARS = "가-힣○A-Za-z0-9·()"
_ORG_FIRST = "가-힣○\u4e00-\u9fff"
_DEPT = rf"(?>[{_DEPT_CHARS}]*[가-힣][가-힣○A-Za-z0-9·]*)"
_SERIAL = r"-\s*(?P<serial>\d{1,7})(?![\d-])"
_NUMBER = re.compile(
    rf"(?<![\w-])(?:(?P<org>[{_ORG_FIRST}][{_ORG_FIRST}0-9]*+)\s++)?(?P<dept>{_DEPT})\s*{_SERIAL}"
    r"\s*(?P<ho1>호)?\s*(?:\(\s*+(?P<date>[^()]*+)\))?\s*(?P<ho2>호)?")

# Even so, ``_NUMBER`` tried from every position is quadratic where a start is allowed at
# every character: in a run of ``(``, ``)``, ``·`` or ``○`` each try reads to the end of the
# run in search of a Hangul letter. So the pattern is tried only where it matches: every
# match holds ``-<serial>``, and what can precede that hyphen is fixed (blanks, the
# department's run, then blanks and the agency's run), so each hyphen is read backwards
# once to find the first start ``_NUMBER`` accepts, and the pattern is run there alone.
_HYPHENS = re.compile(_SERIAL)
_START = re.compile(rf"(?<![\w-])[{_DEPT_CHARS}]")       # a department may start here
_ORG_START = re.compile(rf"(?<![\w-])[{_ORG_FIRST}]")     # an agency may start here
_DEPT_SET = frozenset("○·()" + string.ascii_letters + string.digits)  # and Hangul
_TAIL_SET = _DEPT_SET - {"(", ")"}                      # may follow the department's last Hangul


def _hangul(c: str) -> bool:
    return "가" <= c <= "힣"


def _in_org(c: str) -> bool:
    return _hangul(c) or c == "○" or "\u4e00" <= c <= "\u9fff" or "0" <= c <= "9"


def _start_before(text: str, hyphen: int, pos: int) -> int | None:
    """Where ``_NUMBER`` matches with its ``-`` at ``hyphen``, trying only starts from ``pos``
    on; ``None`` if it matches from none of them. Reads back over the blanks, the department's
    run, blanks and the agency's run (none holds a ``-``, so each hyphen reads its own)."""
    end = hyphen
    while end > pos and text[end - 1].isspace():
        end -= 1
    last = end       # the department's run ends at ``end``: find its last Hangul letter
    while last > pos and text[last - 1] in _TAIL_SET:
        last -= 1
    if last == pos or not _hangul(text[last - 1]):
        return None  # no Hangul after pos, or a bracket after the last one
    first = last - 1
    while first > pos and (_hangul(text[first - 1]) or text[first - 1] in _DEPT_SET):
        first -= 1
    # an agency word and blanks before the department's run: its starts come first
    if first > pos and text[first - 1].isspace():
        blank = first - 1
        while blank > pos and text[blank - 1].isspace():
            blank -= 1
        org = blank
        while org > pos and _in_org(text[org - 1]):
            org -= 1
        if org < blank and (m := _ORG_START.search(text, org, blank)):
            return m.start()
    m = _START.search(text, first, last)
    return m.start() if m else None


def _matches(text: str) -> Iterator[re.Match[str]]:
    """``_NUMBER.finditer(text)``, in time linear in ``text``."""
    pos = 0
    for hyphen in _HYPHENS.finditer(text):
        if hyphen.start() < pos:
            continue
        start = _start_before(text, hyphen.start(), pos)
        if start is not None and (m := _NUMBER.match(text, start)):
            yield m
            pos = m.end()


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
    for m in _matches(text):
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
