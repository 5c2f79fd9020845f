"""Contact tables: the 담당 block of a 보도자료 (and any table that lists whom to ask).

``contact_table``  (outputs ``contacts``, ``department``, ``agency``) every person of the
                   tables of the region that have a cell starting with one of the field's
                   labels (``담당 부서``, ``책임자``, ``담당자``, ``전화``), in table order,
                   each ``{department, position, name, phone, email}``. The layouts read:

                   * role columns: ``담당 부서 | 금융위원회 금융정책과 | 책임자 | 과  장 | 권유이 |
                     (02-2100-2830)`` with more ``담당자`` rows below (merged department and
                     role cells); each 책임자 row (lexicon ``lead_roles``) after a complete
                     group, or a row with the department label, starts a new group;
                   * label cells: ``담당과장 | 장인숙(02-2110-2430) | 담 당 자 | 용찬재
                     사무관(02-2110-2428)`` (a role named after a position, ``담당과장``, gives
                     the position);
                   * people in one cell (``김두환 과  장`` / ``김지영 사무관``) with the phone and
                     e-mail in another cell of the row (they go to the row's last person).

                   A group's department is the text of its department cells (after the
                   department label, or left of the first person of a row), notes in
                   parentheses (``(총괄)``) left out; ``department`` is the first group's,
                   ``agency`` the first department part ending in a suffix of lexicon
                   ``issuer_suffixes`` (``금융위원회``, ``국립통일교육원``). Roles are lexicon
                   ``contact_roles`` (``lead_roles`` head a group); a word ending in one of
                   lexicon ``unit_suffixes`` is a unit, not a name, unless it follows a
                   position; the department label is label key ``department``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field as dc_field

from ...evidence import Evidence
from ...model import Paragraph, Table
from ...normalize.phones import find_phones
from ...normalize.text import collapse_ws, normalize_chars, printed_chars
from ..base import Found
from ..context import FindContext
from ..spec_types import FieldSpec
from ..values import EMAIL
from . import finder
from .approvals import Lexicon
from .contacts import person_parts
from .tables import region_tables

_NAME = re.compile(r"^[가-힣]{2,4}$")
_NOTE = re.compile(r"^\(.*\)$")
_MAX_ROWS = 200


@dataclass
class _Person:
    role: str | None = None
    department: str | None = None
    position: str | None = None
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    evidence: list[Evidence] = dc_field(default_factory=list)

    def usable(self) -> bool:
        return bool(self.name or self.phone or self.email)

    def as_dict(self) -> dict[str, str | None]:
        return {"department": self.department, "position": self.position, "name": self.name,
                "phone": self.phone, "email": self.email}


@dataclass
class _Group:
    parts: list[str] = dc_field(default_factory=list)
    persons: list[_Person] = dc_field(default_factory=list)
    evidence: list[Evidence] = dc_field(default_factory=list)

    def has_lead(self, leads: tuple[str, ...]) -> bool:
        return any(p.role in leads for p in self.persons)


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _paragraph_evidence(ctx: FindContext, p: Paragraph, rule: str) -> Evidence | None:
    span = p.prov.span
    if span is None or span[1] <= span[0]:
        return None
    return Evidence(text=ctx.doc.text[span[0]:span[1]], path=p.prov.path, span=span,
                    page=p.prov.page, rule=rule)


class _Reader:
    """Reads one contact table row by row into groups of people."""

    def __init__(self, ctx: FindContext, field: FieldSpec) -> None:
        self.ctx = ctx
        self.rule = f"{field.name}:table"
        self.lex = Lexicon(ctx, field)
        self.roles = {_compact(r) for r in ctx.lexicon("contact_roles")}
        self.leads = tuple(_compact(r) for r in ctx.lexicon("lead_roles"))
        self.units = ctx.lexicon("unit_suffixes")
        self.keys = field.label_keys
        self.groups: list[_Group] = []

    def _position(self, text: str) -> str | None:
        compact = _compact(text)
        return compact if compact and self.lex.is_position(compact) else None

    def _role_position(self, role: str) -> str | None:
        """``담당과장`` → ``과장``: a role that ends in a position word of the lexicon."""
        words = self.lex.positions.words
        for cut in range(1, len(role) - 1):
            if role[cut:] in words:
                return role[cut:]
        return None

    def _foreign_label(self, text: str) -> bool:
        """A cell that is a whole label of the spec other than the field's own and the
        contact labels (``보도일시``, ``배포일시``): it and its value cells are not people."""
        own = set(self.keys) | {"department", "phone", "fax", "email", "contact"}
        return any(self._is_label(k, text) for k in self.ctx.spec.labels.table if k not in own)

    def _is_label(self, key: str, text: str) -> bool:
        m = self.ctx.spec.labels.at_start(key, text)
        return m is not None and (not text[m.end():].strip() or _NOTE.match(text[m.end():].strip()) is not None)

    def _contact_label(self, text: str) -> bool:
        return any(self._is_label(k, text) for k in ("phone", "fax", "email"))

    def row(self, paragraphs: list[tuple[Paragraph, str]]) -> None:
        texts = [t for _, t in paragraphs]
        labelled = any(self.ctx.spec.labels.at_start("department", t) for t in texts)
        lead = any(_compact(t) in self.leads for t in texts)
        last = self.groups[-1] if self.groups else None
        if last is None or (labelled and last.persons) or (lead and last.has_lead(self.leads)):
            self.groups.append(_Group())
        group = self.groups[-1]
        row_start = len(group.persons)
        current: _Person | None = None
        after_label = False
        pending_parts: list[tuple[str, Evidence | None]] = []
        foreign = False
        for k, (p, text) in enumerate(paragraphs):
            ev = _paragraph_evidence(self.ctx, p, self.rule)
            compact = _compact(text)
            m = self.ctx.spec.labels.at_start("department", text)
            if m is None and compact not in self.roles and self._foreign_label(text):
                foreign = True
                continue
            if foreign and m is None and compact not in self.roles and not any(
                    self._is_label(k, text) for k in self.keys):
                continue  # the value of a label that is not about people
            foreign = False
            if m is not None:
                after_label = True
                rest = text[m.end():].strip()
                if rest and not _NOTE.match(rest):
                    group.parts.append(collapse_ws(rest))
                    group.evidence.extend([ev] if ev else [])
                continue
            if compact in self.roles:
                current = _Person(role=compact, position=self._role_position(compact))
                group.persons.append(current)
                continue
            if self._contact_label(text):
                continue
            phones = find_phones(text)
            email = EMAIL.search(text)
            if _NOTE.match(text) and not phones and not email:
                continue
            if not phones and not email and self._person_text(text):
                current = self._person_from(text, ev)
                group.persons.append(current)
                continue
            position = self._position(text)
            if position is not None:
                if current is None or current.position is not None and (
                        current.name or current.role is None):
                    current = _Person()
                    group.persons.append(current)
                current.position = position
                current.evidence.extend([ev] if ev else [])
                continue
            if (current is None and not phones and not email
                    and any(_compact(t) in self.roles for t in texts[k + 1:])):
                pending_parts.append((collapse_ws(text), ev))  # a unit left of the role cell
                continue
            after_position = current is not None and current.position is not None and not current.name
            if _NAME.match(compact) and not phones and (
                    after_position or not compact.endswith(self.units)):
                if current is None or current.name is not None:
                    current = _Person()
                    group.persons.append(current)
                current.name = compact
                current.evidence.extend([ev] if ev else [])
                continue
            if phones or email:
                rest = text
                for ph in phones:
                    rest = rest.replace(ph.raw, " ")
                if email:
                    rest = rest.replace(email.group(0), " ")
                bare = re.sub(r"[\s()\[\],/:☎]", "", rest)
                if bare and (self._person_text(rest) or (
                        _NAME.match(bare) and not bare.endswith(self.units))):
                    parts = self._parts(rest)
                    if current is None or current.name is not None:
                        current = _Person()
                        group.persons.append(current)
                    for key in ("department", "position", "name"):
                        if parts[key] and not getattr(current, key):
                            setattr(current, key, parts[key])
                if current is None:
                    continue
                current.phone = current.phone or (phones[0].number if phones else None)
                current.email = current.email or (email.group(0).lower() if email else None)
                current.evidence.extend([ev] if ev else [])
                continue
            if self._person_text(text):
                current = self._person_from(text, ev)
                group.persons.append(current)
                continue
            if after_label or current is None:
                pending_parts.append((collapse_ws(text), ev))
        if after_label or any(p.usable() or p.role for p in group.persons[row_start:]):
            for text, ev in pending_parts:
                if text not in group.parts:
                    group.parts.append(text)
                    group.evidence.extend([ev] if ev else [])

    def _person_from(self, text: str, ev: Evidence | None) -> _Person:
        """A person from a cell that names one (:meth:`_parts`), with its evidence."""
        parts = self._parts(text)
        person = _Person(department=parts["department"], position=parts["position"],
                         name=parts["name"])
        person.evidence.extend([ev] if ev else [])
        return person

    def _parts(self, text: str) -> dict[str, str | None]:
        """department, position and name of a person's text: ``김두환 과  장`` (name first,
        a letter-spaced position), ``용찬재 사무관``, ``장인숙``, else ``사무관 홍길동`` with a
        department before it (:func:`person_parts`)."""
        tokens = re.sub(r"[()\[\],/:☎]", " ", text).split()
        for k, token in enumerate(tokens):
            if not _NAME.match(token) or self.lex.is_position(token) or token.endswith(self.units):
                continue
            after = "".join(tokens[k + 1:])
            if not after and k == 0:
                return {"department": None, "position": None, "name": token}
            if after and self.lex.is_position(after):
                return {"department": " ".join(tokens[:k]) or None, "position": after, "name": token}
        return person_parts(text, self.lex)

    def _person_text(self, text: str) -> bool:
        """``김두환 과  장``, ``용찬재 사무관``: a name and a position in one text."""
        text = re.sub(r"[()\[\],/:☎]", " ", text)
        tokens = text.split()
        has_name = any(_NAME.match(t) and not self.lex.is_position(t) for t in tokens)
        spaced = collapse_ws(text)
        has_position = any(self.lex.is_position(t) for t in tokens) or any(
            self.lex.is_position(w) for w in re.findall(r"(?:[가-힣] )+[가-힣]", spaced)
            for w in [w.replace(" ", "")])
        return has_name and has_position


def _paragraph_rows(table: Table) -> list[list[tuple[Paragraph, str]]]:
    """Each row's cell paragraphs (nested tables skipped) left to right, as printed."""
    rows = []
    for row in table.rows[:_MAX_ROWS]:
        out = []
        for cell in sorted(row, key=lambda c: c.col):
            for block in cell.blocks:
                if isinstance(block, Paragraph):
                    text = collapse_ws(printed_chars(normalize_chars(block.text)))
                    if text:
                        out.append((block, text))
        rows.append(out)
    return rows


def _holds_label(ctx: FindContext, field: FieldSpec, table: Table) -> bool:
    for cell in table.cells():
        for block in cell.blocks:
            if isinstance(block, Paragraph) and any(
                    ctx.spec.labels.at_start(k, normalize_chars(block.text)) for k in field.label_keys):
                return True
    return False


@finder("contact_table", multi=True, needs=("label",))
def contact_table(ctx: FindContext, field: FieldSpec) -> dict[str, Found]:
    contacts: list[dict[str, str | None]] = []
    evidence: list[Evidence] = []
    first: _Group | None = None
    suffixes = tuple(ctx.spec.lexicons.get("issuer_suffixes", ()))
    agency: tuple[str, list[Evidence]] | None = None
    for table in region_tables(ctx, field.region):
        if not _holds_label(ctx, field, table):
            continue
        reader = _Reader(ctx, field)
        for row in _paragraph_rows(table):
            reader.row(row)
        for group in reader.groups:
            people = [p for p in group.persons if p.usable()]
            if not people:
                continue
            department = " ".join(group.parts) or None
            if first is None:
                first = group
            if agency is None and suffixes:
                hit = next((part for part in group.parts if part.endswith(suffixes)), None)
                if hit:
                    agency = (hit, group.evidence)
            for person in people:
                person.department = person.department or department
                contacts.append(person.as_dict())
                evidence.extend(person.evidence)
    out = {"contacts": Found(contacts, evidence)}
    if first is not None and first.parts:
        out["department"] = Found(" ".join(first.parts), list(first.evidence))
    if agency is not None:
        out["agency"] = Found(agency[0], [e for e in agency[1] if agency[0] in e.text][:1])
    return out


__all__ = ["contact_table"]
