"""A document type's key lines: the ``summary:`` section of its spec, filled from its findings.

Each line of the section names a label, the field(s) it shows and a format (the grammar is
in :mod:`docextract.engine.spec`; the format names in
:data:`~docextract.engine.spec_types.SUMMARY_FORMATS`). Here every format turns the found
values into display texts, the same for the text, Markdown, HTML and JSON views; how a
view lays a line out (one line, bullets, numbers) is the format's :class:`Shape`.

Only found values are shown: a line whose fields were not found is left out, unless the
spec says ``absent: show`` (the 공문 does: its clerk wants to see that there is no 기한),
and then the views print 없음 (nothing found) rather than a value.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Callable, Literal, TypeVar

from ..normalize.markers import item_marker
from ..plain import PlainData, plain_dataclass
from ..records.parts import Attachment, Contact, Disclosure
from .dday import DDay, d_day

if TYPE_CHECKING:
    from ..engine.spec_types import SummaryLine

P = TypeVar("P", Attachment, Contact, Disclosure)
OVERDUE = "기한 지남"
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)$")


@plain_dataclass
class KeyLine(PlainData):
    """One key line of a summary: its label, the fields it shows, their display texts
    (``depths`` gives each text's nesting level: 0, or 1 for the items under a headline),
    ``emphasis`` (``due`` or ``overdue``) for a deadline and how many values were
    ``omitted`` beyond the spec's ``max`` for the line."""

    label: str
    fields: list[str] = field(default_factory=list)
    format: str = "value"
    values: list[str] = field(default_factory=list)
    depths: list[int] = field(default_factory=list)
    emphasis: Literal["due", "overdue"] | None = None
    omitted: int = 0


@dataclass(frozen=True)
class Shape:
    """How the views lay out a format's values: ``single`` formats are one labelled line
    (Markdown puts them first, as ``- **label**: value``); the others are lists, ``numbered``
    or bulleted (``text_bullet`` is the terminal's bullet, empty for none). ``evidence`` names
    further fields whose evidence the HTML row may point to."""

    single: bool
    numbered: bool = False
    text_bullet: str = ""
    evidence: tuple[str, ...] = ()


SHAPES: dict[str, Shape] = {
    "value": Shape(single=True),
    "sender": Shape(single=True),
    "deadline": Shape(single=True),
    "disclosure": Shape(single=True),
    "list": Shape(single=False, text_bullet="• "),
    "outline": Shape(single=False),
    "agenda": Shape(single=False, numbered=True),
    "attachments": Shape(single=False, numbered=True),
    "contacts": Shape(single=False, evidence=("phone", "email")),
}
"""Every format of :data:`~docextract.engine.spec_types.SUMMARY_FORMATS` (a test holds the
two equal)."""


def part(cls: type[P], value: Any) -> P:
    """A found attachment, contact or disclosure as the summary's own value: a copy of the
    plain part, or one built from a mapping (an extractor's findings) or from a Pydantic
    model of another record type. Like every plain dataclass, the part is built without
    validation: the values come from an extractor or from a validated record."""
    if type(value) is cls:
        return copy.copy(value)
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    return cls(**value)


def deadline_text(deadline: str | None, dday: DDay | None) -> str | None:
    """``2025-07-11 18:00 (D-5)``; overdue deadlines say so in words too."""
    if not deadline:
        return None
    if dday is None:
        return deadline
    note = f"{dday.label}, {OVERDUE}" if dday.overdue else dday.label
    if dday.days_left == 0:
        note += ", 오늘 마감"
    return f"{deadline.replace('T', ' ')} ({note})"


def attachment_text(a: Attachment) -> str:
    return f"{a.title} ({a.copies}부)" if a.copies is not None else a.title


def contact_text(c: Contact) -> str:
    who = " ".join(p for p in (c.department, c.position, c.name) if p)
    return " · ".join(p for p in (who, c.phone, c.email) if p)


def disclosure_text(d: Disclosure | None) -> str | None:
    if d is None:
        return None
    if d.grounds:
        return f"{d.level} ({', '.join(str(g) for g in d.grounds)})"
    return d.level


def issuer_text(issuer: str | None) -> str | None:
    """The issuer, unless it is plainly a body line (an item or bullet)."""
    return None if issuer and item_marker(issuer) else issuer


def sender_text(issuer: str | None, sender: str | None, number: str | None,
                enforced: str | None) -> str | None:
    """발신: issuer, then 발신명의, 문서번호 and 시행일 where known."""
    parts = []
    if issuer:
        parts.append(issuer)
    if sender and sender != issuer:
        parts.append(f"발신명의 {sender}")
    if number:
        parts.append(f"문서번호 {number}")
    if enforced:
        parts.append(f"시행일 {enforced}")
    return " · ".join(parts) or None


def plain_value(value: Any) -> Any:
    """A record's part (a Pydantic model) as a dict; anything else as it is."""
    return value.model_dump() if hasattr(value, "model_dump") else value


def _scalar_text(value: Any) -> str | None:
    """A found scalar as text: numbers with thousands separators, ISO date-times with a
    space (``2026-03-05 14:00``)."""
    if value is None or value == "" or isinstance(value, bool) and not value:
        return None
    if isinstance(value, bool):
        return "예"
    if isinstance(value, int):  # amounts (원) and counts
        return f"{value:,}"
    text = " ".join(str(value).split())
    m = _ISO_DATETIME.match(text)
    return f"{m.group(1)} {m.group(2)}" if m else (text or None)


def _item_texts(value: Any, depth: int, out: list[tuple[str, int]]) -> None:
    """Texts of a found value: a list item each; a mapping (a part) as its scalar values
    joined with `` · ``, the lists it holds one level deeper."""
    value = plain_value(value)
    if isinstance(value, (list, tuple)):
        for item in value:
            _item_texts(item, depth, out)
        return
    if isinstance(value, dict):  # flags (sent_separately) say nothing beside the values
        scalars = [t for v in value.values() if not isinstance(v, (list, tuple, dict, bool))
                   for t in [_scalar_text(v)] if t]
        if scalars:
            out.append((" · ".join(scalars), depth))
        for v in value.values():
            if isinstance(v, (list, tuple)):
                _item_texts(v, depth + 1, out)
        return
    text = _scalar_text(value)
    if text:
        out.append((text, depth))


def _outline_texts(value: Any, depth: int, out: list[tuple[str, int]]) -> None:
    """□ headlines (``OutlineItem``: marker and text) with their items one level deeper."""
    for item in value or []:
        item = plain_value(item)
        if not isinstance(item, dict):
            _item_texts(item, depth, out)
            continue
        text = " ".join(str(p) for p in (item.get("marker"), item.get("text")) if p)
        if text:
            out.append((" ".join(text.split()), depth))
        _outline_texts(item.get("children"), depth + 1, out)


def agenda_text(item: Any) -> str | None:
    """An agenda item (``AgendaItem``: title, decision) as ``예산안 심의 → 원안 가결``."""
    item = plain_value(item)
    if not isinstance(item, dict):
        return _scalar_text(item)
    title, decision = _scalar_text(item.get("title")), _scalar_text(item.get("decision"))
    if title and decision:
        return f"{title} → {decision}"
    return title or decision


Values = Callable[[str], Any]


def _texts(fmt: str, names: tuple[str, ...], value: Values,
           today: date) -> tuple[list[tuple[str, int]], DDay | None]:
    """The display texts of one line (with depths) and, for a deadline, its D-day."""
    out: list[tuple[str, int]] = []
    first = value(names[0]) if names else None
    if fmt == "sender":
        got = [value(n) for n in names[1:4]]
        text = sender_text(issuer_text(first), *(got + [None] * (3 - len(got))))
        return ([(text, 0)] if text else []), None
    if fmt == "deadline":
        dday = None
        if isinstance(first, str) and first:
            try:
                dday = d_day(first, today)
            except ValueError:
                pass
        text = deadline_text(first, dday)
        return ([(text, 0)] if text else []), dday
    if fmt == "disclosure":
        text = disclosure_text(None if first is None else part(Disclosure, first))
        return ([(text, 0)] if text else []), None
    for name in names:
        found = value(name)
        if fmt == "attachments":
            out += [(attachment_text(part(Attachment, a)), 0) for a in found or []]
        elif fmt == "contacts":
            out += [(t, 0) for c in found or [] for t in [contact_text(part(Contact, c))] if t]
        elif fmt == "outline":
            _outline_texts(found, 0, out)
        elif fmt == "agenda":
            out += [(t, 0) for a in found or [] for t in [agenda_text(a)] if t]
        else:
            _item_texts(found, 0, out)
    if fmt == "value" and len(out) > 1:  # one line: the values side by side
        out = [(", ".join(t for t, _ in out), 0)]
    return out, None


def _at_most(texts: list[tuple[str, int]], limit: int | None) -> tuple[list[tuple[str, int]], int]:
    """At most ``limit`` of ``texts`` and how many were left out: the deepest go first, the
    last of them first, so a long outline keeps its headlines and a flat list its head."""
    if limit is None or len(texts) <= limit:
        return texts, 0
    order = sorted(range(len(texts)), key=lambda i: (-texts[i][1], -i))
    dropped = set(order[:len(texts) - limit])
    return [t for i, t in enumerate(texts) if i not in dropped], len(dropped)


def key_lines(lines: list[SummaryLine], value: Values, *, absent: str, today: date
              ) -> list[KeyLine]:
    """The spec's summary ``lines`` filled through ``value`` (field name → found value)."""
    out = []
    for line in lines:
        texts, dday = _texts(line.format, line.fields, value, today)
        if not texts and absent != "show":
            continue  # never a line for a value the document does not have
        emphasis: Literal["due", "overdue"] | None = None
        if dday is not None:
            emphasis = "overdue" if dday.overdue else "due"
        texts, omitted = _at_most(texts, line.max)
        out.append(KeyLine(label=line.label, fields=list(line.fields), format=line.format,
                           values=[t for t, _ in texts], depths=[d for _, d in texts],
                           emphasis=emphasis, omitted=omitted))
    return out


__all__ = ["KeyLine", "OVERDUE", "SHAPES", "Shape", "agenda_text", "attachment_text",
           "contact_text", "deadline_text", "disclosure_text", "issuer_text", "key_lines", "part",
           "plain_value", "sender_text"]
