"""Contact forms: a table that prints one person as label cells with their values beside or
below them, as the 작성자 block of a 규제영향분석서 does::

    | 담당부서(과) | 생활교통복지과 | 작 | 이름   | 노운용 |
    |              |                | 성 | 직급   | 시설주사 |
    |              |                | 자 | 연락처 | 041-201-3805 |

``contact_form``  every person of such tables in the region, ``{department, position, name,
                  phone, email}``. Each part is the value of a cell that is a whole label of
                  the part's label key: option ``parts`` maps the parts to keys (default
                  ``department: department``, ``position: grade``, ``name: person_name``,
                  ``phone: phone``, ``email: email``; a key the spec lacks is never found).
                  The value is the next filled cell to the right, else the cell below
                  (:func:`~docextract.engine.finders.tables.neighbours`), unless that cell is
                  itself a label. A person needs a name that looks like one (2-4 Hangul
                  letters) and a phone or an e-mail; a part met again starts the next person.
"""

from __future__ import annotations

import re
from itertools import islice

from ...evidence import Evidence
from ...model import Table
from ...normalize.phones import find_phones
from ...normalize.text import normalize_chars
from ..base import Found
from ..context import FindContext
from ..spec_types import FieldSpec
from ..values import EMAIL
from . import finder
from .tables import cell_evidence, cell_text, is_whole_label, neighbours, region_tables

_PARTS = {"department": "department", "position": "grade", "name": "person_name",
          "phone": "phone", "email": "email"}
_NAME = re.compile(r"[가-힣]{2,4}")
_MAX_CELLS = 400  # cells of one table read as a form; a longer table is data, not a form


def _value(part: str, text: str) -> str | None:
    """The value of ``part`` in a value cell's text, normalized; ``None`` if it is not one."""
    if part == "phone":
        phones = find_phones(text)
        return phones[0].number if phones else None
    if part == "email":
        m = EMAIL.search(text)
        return m.group(0).lower() if m else None
    compact = re.sub(r"\s+", "", text) if part == "name" else text
    if part == "name" and not _NAME.fullmatch(compact):
        return None
    return compact or None


def _people(ctx: FindContext, table: Table, parts: dict[str, str], rule: str,
            ) -> list[tuple[dict[str, str | None], list[Evidence]]]:
    keys = tuple(parts.values())
    people: list[tuple[dict[str, str | None], list[Evidence]]] = []
    person: dict[str, str | None] = {}
    evidence: list[Evidence] = []
    for cell in islice(table.cells(), _MAX_CELLS):
        text = normalize_chars(cell_text(cell))
        part = next((p for p, key in parts.items() if is_whole_label(ctx, (key,), text)), None)
        if part is None:
            continue
        value_cell = next(iter(neighbours(table, cell, "auto")), None)
        if value_cell is None:
            continue
        value_text = normalize_chars(cell_text(value_cell))
        if is_whole_label(ctx, keys, value_text):
            continue
        value = _value(part, value_text)
        if value is None:
            continue
        if part in person:
            people.append((person, evidence))
            person, evidence = {}, []
        person[part] = value
        evidence.extend(cell_evidence(ctx, value_cell, rule))
    people.append((person, evidence))
    return [({p: person.get(p) for p in _PARTS}, evs) for person, evs in people
            if person.get("name") and (person.get("phone") or person.get("email"))]


@finder("contact_form")
def contact_form(ctx: FindContext, field: FieldSpec) -> Found | None:
    parts = {**_PARTS, **dict(field.option("parts") or {})}
    rule = f"{field.name}:form"
    contacts: list[dict[str, str | None]] = []
    evidence: list[Evidence] = []
    for table in region_tables(ctx, field.region):
        for person, evs in _people(ctx, table, parts, rule):
            contacts.append(person)
            evidence.extend(evs)
    return Found(contacts, evidence) if contacts else None


__all__ = ["contact_form"]
