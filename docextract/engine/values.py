"""Value types of spec fields: how a printed text becomes a value, and its type in a record.

A field's ``type`` names one of :data:`TYPES`. Scalar types convert the text a finder read
(``date``: ``2025. 7. 11.(금)`` → ``2025-07-11``); structured types (``contact``,
``attachment``, ``person``...) are produced by the finders that understand them and are
only checked here. ``list[T]`` is a list of ``T``; a ``list`` of text splits on commas
outside parentheses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..normalize.amounts import parse_amount
from ..normalize.dates import find_dates, parse_date
from ..normalize.disclosure import parse_disclosure
from ..normalize.phones import find_phones
from ..normalize.text import collapse_glyph_spacing, collapse_ws
from ..normalize.times import find_times

# The local part starts where its run of characters starts and is taken whole (possessive):
# a search that tried every position of a long run, backtracking each time, was quadratic.
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9○-]+(?:\.[A-Za-z0-9○-]+)+")
# A bare domain starts where its run of labels starts (not after a label character, nor
# after one and a dot): tried from every label of a long run, each try rescanning the rest
# of the run, the search was quadratic. A match from inside a run is also one from its start.
URL = re.compile(r"(?:https?:/{1,2}|www\.)[^\s/]*[^\s]*"
                 r"|(?<![A-Za-z0-9-])(?<![A-Za-z0-9-]\.)"
                 r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:go|or|ac|re|ne|co)\.kr\S*")


def split_outside_parens(text: str) -> list[str]:
    """Split on commas that are not inside parentheses; items stripped, empties dropped."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch in ",，" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return [collapse_ws(x) for x in out if x.strip()]


def to_datetime(text: str, *, default_year: int | None = None) -> str | None:
    """``2025. 7. 11.(금) 18:00`` → ``2025-07-11T18:00``; a date alone stays a date."""
    dates = find_dates(text, default_year=default_year)
    if not dates:
        return None
    d = dates[0]
    after = text[d.end:d.end + 16]
    t = next((x for x in find_times(after) if x.start <= 3), None)
    return d.iso + (f"T{t.hhmm}" if t else "")


def _phone(text: str) -> str | None:
    phones = find_phones(text)
    return phones[0].number if phones else None


def _email(text: str) -> str | None:
    m = EMAIL.search(text)
    return m.group(0).lower() if m else None


def _url(text: str) -> str | None:
    m = URL.search(text)
    return m.group(0).rstrip(" ,;") if m else None


def _int(text: str) -> int | None:
    m = re.search(r"\d[\d,]*", text)
    return int(m.group(0).replace(",", "")) if m else None


def _str(text: str) -> str | None:
    return collapse_ws(text) or None


_WORD_GAP = re.compile(r"[ \t\u3000]{2,}")


def collapse_letter_spacing(text: str) -> str:
    """A title printed with its letters spaced out, written normally: ``제 안 요 청 서`` →
    ``제안요청서``; where wider gaps separate the words, they stay words (``2 0 2 5 년  청 사
    시 설 관 리`` → ``2025년 청사 시설관리``). Text that is not letter-spaced (most of its
    words longer than one letter) only has runs of single Hangul glyphs joined."""
    tokens = text.split()
    singles = sum(1 for t in tokens if len(t) == 1)
    if len(tokens) >= 3 and singles * 5 >= len(tokens) * 3:
        words = [w.replace(" ", "").replace("\t", "") for w in _WORD_GAP.split(text.strip())]
        return " ".join(w for w in words if w)
    return collapse_glyph_spacing(text)


def _spaced_str(text: str) -> str | None:
    return collapse_letter_spacing(text) or None


# Every gap starts where a blank run starts: ``(?<!\s)`` keeps the hyphen's leading blanks
# from being tried again at each blank of a run (quadratic on a long run of blanks).
_CODE_GAPS = re.compile(r"(?<=제)\s+(?=\d)|(?<!\s)\s*([-–])\s*(?=\d)|(?<=\d)\s+(?=호)")


def _code(text: str) -> str | None:
    """A number as printed, without the blanks typed inside it: ``공고 제 2024 - 08 호`` →
    ``공고 제2024-08호`` (blanks between words stay)."""
    return _CODE_GAPS.sub(lambda m: m.group(1) or "", collapse_ws(text)) or None


@dataclass(frozen=True)
class ValueType:
    """One value type: converter from printed text (``None``: produced by finders only),
    whether values are lists, and the name of the record part class for structured ones."""

    name: str
    convert: Callable[[str], Any] | None
    python: str          # the annotation used in generated records
    is_list: bool = False
    part: str | None = None


TYPES: dict[str, ValueType] = {t.name: t for t in (
    ValueType("str", _str, "str"),
    ValueType("title", _spaced_str, "str"),
    ValueType("code", _code, "str"),
    ValueType("text", lambda s: s.strip() or None, "str"),
    ValueType("date", parse_date, "str"),
    ValueType("datetime", to_datetime, "str"),
    ValueType("phone", _phone, "str"),
    ValueType("email", _email, "str"),
    ValueType("url", _url, "str"),
    ValueType("amount", parse_amount, "int"),
    ValueType("int", _int, "int"),
    ValueType("disclosure", parse_disclosure, "Disclosure", part="Disclosure"),
    ValueType("person", None, "Person", part="Person"),
    ValueType("approver", None, "Approver", part="Approver"),
    ValueType("contact", None, "Contact", part="Contact"),
    ValueType("attachment", None, "Attachment", part="Attachment"),
    ValueType("reference", None, "Related", part="Related"),
    ValueType("outline", None, "OutlineItem", part="OutlineItem"),
    ValueType("agenda", None, "AgendaItem", part="AgendaItem"),
)}


def value_type(name: str) -> tuple[ValueType, bool]:
    """``(type, is_list)`` for a type name such as ``date``, ``list``, ``list[contact]``."""
    name = name.strip()
    if name == "list":
        return TYPES["str"], True
    m = re.fullmatch(r"list\[\s*(\w+)\s*\]", name)
    if m:
        inner = TYPES.get(m.group(1))
        if inner is None:
            raise KeyError(m.group(1))
        return inner, True
    found = TYPES.get(name)
    if found is None:
        raise KeyError(name)
    return found, False


def convert(type_name: str, text: str) -> Any:
    """The value of ``text`` as ``type_name`` (a list type splits on commas), or ``None``."""
    kind, is_list = value_type(type_name)
    if kind.convert is None:
        return None
    if is_list:
        items = [kind.convert(item) for item in split_outside_parens(text)]
        return [i for i in items if i is not None]
    return kind.convert(text)


__all__ = ["EMAIL", "TYPES", "URL", "ValueType", "collapse_letter_spacing", "convert", "split_outside_parens",
           "to_datetime", "value_type"]
