"""Personal data in a parsed :class:`~docextract.model.Document`, using its structure.

Every paragraph (body, tables, headers, footers, notes, comments, text boxes) is read
with the line finders of :mod:`.detect`; a paragraph in a table cell is also read as a
value of the kind its label cell names: the cell to its left or above it, or the header
of its column, when that cell holds only a label (``주민등록번호 | 800101-1234567``).
Values found once are then masked wherever else they occur (a name from a 성명 cell in
the approval line too). Document properties that name people come last.

With ``keep_agency_contacts`` the issuing agency's own landlines and official e-mail
addresses stay: the numbers the letter extractor reads from the 결문 (전화, 전송, 담당자),
landlines on a line or in a cell labelled 전화, 전송, FAX, 담당자, 책임자 or 문의 that says
nothing about a private person (outside forms with 성명, 신청인, 주민등록번호 …), and other
numbers of the same exchange; addresses at ``go.kr``, ``korea.kr`` and the agency's own
domains. Mobile numbers are always masked.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..model import Cell, Document, Paragraph, Table
from ..normalize.phones import normalize_phone
from ..normalize.text import normalize_chars
from .detect import Hit, find_identifiers, find_in_value, find_labelled, is_form_label, label_cell, \
    labels_in, resolve
from .lexicon import AGENCY_LABELS, ALL_RULES, OFFICIAL_DOMAINS
from .mask import is_masked, mask
from .values import is_person_name

_PRIVATE_RULES = {"rrn", "arn", "address", "passport", "driver_license", "account", "card"}
_PARTICLES = "은는이가을를의에와과도만께로으"
METADATA_PERSON_KEYS = ("last_modified_by", "lastsaveby", "last_saved_by", "company", "manager",
                        "creator")
MAX_KNOWN_VALUES = 2000
"""Distinct values searched for everywhere in the document (one pattern)."""


@dataclass
class Finding:
    """One masked value: kind, where (block path, page, role, span in the text), how it was
    recognised and its masked form. ``value`` is the original and never leaves the process
    (reports carry ``masked`` only)."""

    rule: str
    value: str
    masked: str
    how: str
    path: str
    page: int | None = None
    role: str = "body"
    span: tuple[int, int] | None = None

    def location(self) -> dict[str, object]:
        return {"path": self.path, "page": self.page, "role": self.role,
                "span": list(self.span) if self.span else None}


# ------------------------------------------------------------------------- structure


@dataclass(frozen=True)
class CellContext:
    """What a table cell's label cell says about it, and whether its table is a form about
    a private person (it has a label such as 성명, 신청인 or 주민등록번호)."""

    rule: str | None
    label: str | None
    private_table: bool
    header: bool = False
    """The label heads the cell's column (rather than standing beside the cell)."""


def is_private_label(label: str, rule: str) -> bool:
    """A label that introduces a private person's data (not the agency's staff or lines)."""
    agency = {_squash(a) for a in AGENCY_LABELS}
    return rule in _PRIVATE_RULES or (rule == "name" and label not in agency)


def _squash(label: str) -> str:
    return re.sub(r"\s+", "", label).lower()


def _header_row(grid: list[list[Cell | None]], label: Cell) -> bool:
    """Whether ``label`` sits in a header row: the row's other cells are short headings
    (no digits) and the row below carries values under them, under the label too."""
    row = [c for c in grid[label.row] if c is not None and c.row == label.row]
    row = [c for i, c in enumerate(row) if all(c is not d for d in row[:i])]  # merged: once
    below = label.row + label.row_span
    if below >= len(grid) or len(row) < 2:
        return False
    under = [grid[below][c.col] for c in row]
    values = [u for i, u in enumerate(under) if u is not None and u.text.strip()
              and not is_form_label(u.text) and all(u is not v for v in under[:i])]
    return all(0 < len(c.text.strip()) <= 12 and not any(ch.isdigit() for ch in c.text) for c in row) \
        and len(values) >= 2 and any(u is grid[below][label.col] for u in values)


def cell_contexts(table: Table) -> dict[tuple[int, int], CellContext]:
    """For each value cell, the label cell that names it.

    A label names the cell to its right (``성명 | 홍길동``) unless that cell is a label too or
    the label sits in a header row (``이름 | 국어 | 영어`` over rows of values): then it
    heads its column, down to the next label. A label spanning more rows than the cell
    beside it is a group label (``신청인`` over 성명, 주소 …) and names no cell itself.
    """
    grid = table.grid()
    label_of = {id(c): label_cell(c.text) if c.text.strip() else None for c in table.cells()}
    form_label = {id(c) for c in table.cells() if c.text.strip() and is_form_label(c.text)}
    private = any(found is not None and is_private_label(*found) for found in label_of.values())
    out: dict[tuple[int, int], CellContext] = {}
    for label in table.cells():
        found = label_of[id(label)]
        if found is None:
            continue
        col = label.col + label.col_span
        right = grid[label.row][col] if col < table.n_cols else None
        if right is not None and right.row == label.row and id(right) not in form_label \
                and label.row_span <= right.row_span and not _header_row(grid, label):
            out[(right.row, right.col)] = CellContext(found[1], found[0], private)
            continue
        if label.row_span != 1:
            continue
        for r in range(label.row + 1, table.n_rows):
            below = grid[r][label.col]
            if below is None or below.row != r or below.col != label.col:
                continue
            if id(below) in form_label:
                break
            out.setdefault((below.row, below.col), CellContext(found[1], found[0], private, True))
    for cell in table.cells():
        out.setdefault((cell.row, cell.col), CellContext(None, None, private))
    return out


def paragraphs_in_context(blocks: list[Paragraph | Table]
                          ) -> Iterator[tuple[Paragraph, CellContext | None]]:
    """Every paragraph with the context of its table cell (None outside tables)."""
    stack: list[tuple[Iterator[Paragraph | Table], CellContext | None]] = [(iter(blocks), None)]
    while stack:
        it, context = stack[-1]
        block = next(it, None)
        if block is None:
            stack.pop()
            continue
        if isinstance(block, Paragraph):
            yield block, context
            continue
        contexts = cell_contexts(block)
        for cell in reversed(list(block.cells())):
            inner = contexts[(cell.row, cell.col)]
            if context is not None and context.private_table:
                inner = CellContext(inner.rule, inner.label, True, inner.header)
            stack.append((iter(cell.blocks), inner))


# ------------------------------------------------------------------------- agency contacts


@dataclass
class AgencyContacts:
    """What --keep-agency-contacts keeps: landline numbers, exchanges and domains."""

    numbers: set[str]
    exchanges: set[tuple[str, str]]
    domains: set[str]

    def keeps(self, rule: str, value: str) -> bool:
        if rule == "email":
            domain = value.rpartition("@")[2].lower()
            return any(domain == d or domain.endswith("." + d) for d in self.domains)
        if rule != "phone":
            return False
        number = normalize_phone(value)
        if number is None or number.startswith("01"):
            return False  # mobiles are personal, always masked
        parts = number.split("-")
        return number in self.numbers or (len(parts) == 3 and (parts[0], parts[1]) in self.exchanges)


def _domain(text: str | None) -> str | None:
    if not text:
        return None
    host = text.rpartition("@")[2] if "@" in text else re.sub(r"^\w+://", "", text).split("/")[0]
    host = host.lower().strip()
    return host[4:] if host.startswith("www.") else host or None


def _agency_line(text: str, context: CellContext | None) -> bool:
    """A contact line of the agency: an agency label (전화, 전송, 담당자 …) on the line or on
    its label cell, and nothing about a private person."""
    if context is not None and context.private_table:
        return False
    agency = {_squash(a) for a in AGENCY_LABELS}
    labels = labels_in(text)
    if any(is_private_label(label, rule) for label, rule in labels):
        return False
    return any(label in agency for label, _ in labels) or \
        (context is not None and context.label in agency)


def agency_contacts(doc: Document) -> AgencyContacts:
    """The issuing agency's numbers and domains (see the module docstring)."""
    from ..errors import DocextractError
    from ..extraction import find_fields

    numbers: set[str] = set()
    domains = set(OFFICIAL_DOMAINS)
    try:
        found = find_fields(doc)
    except DocextractError:
        found = None
    if found is not None:
        contacts = found.value("contacts") or []
        for value in [found.value("phone"), found.value("fax"),
                      *[c.get("phone") for c in contacts if isinstance(c, dict)]]:
            number = normalize_phone(value) if isinstance(value, str) else None
            if number:
                numbers.add(number)
        for value in (found.value("email"), found.value("homepage")):
            domain = _domain(value if isinstance(value, str) else None)
            if domain and "." in domain:
                domains.add(domain)
    for paragraph, context in paragraphs_in_context(doc.blocks):
        text = normalize_chars(paragraph.text)
        if not _agency_line(text, context):
            continue
        for hit in find_in_value(text, "phone", how="label"):
            number = normalize_phone(text[hit.start:hit.end])
            if number and number.startswith("0") and not number.startswith("01"):
                numbers.add(number)
    exchanges = {(n.split("-")[0], n.split("-")[1]) for n in numbers if n.count("-") == 2}
    return AgencyContacts(numbers, exchanges, domains)


# ------------------------------------------------------------------------- scanning


def line_hits(text: str, context: CellContext | None, rules: frozenset[str]) -> list[Hit]:
    """Hits in one paragraph's text (normalized), read as a value of its cell's label too."""
    hits = find_identifiers(text) + find_labelled(text)
    if context is not None and context.rule is not None:
        hits += find_in_value(text, context.rule, how="header" if context.header else "cell")
    return [h for h in resolve(hits) if h.rule in rules]


def known_values(found: Iterable[tuple[str, str]]) -> dict[str, str]:
    """value → rule of found values, to mask wherever else they occur and to check the
    output for. A property value (author, company) counts only when it is a person's name:
    an organisation or a word such as ``user`` may rightly appear in the text."""
    out: dict[str, str] = {}
    for value, rule in found:
        if len(value) >= 2 and (rule != "property" or is_person_name(value.strip())):
            out.setdefault(value, rule)
    return out


def known_pattern(values: dict[str, str]) -> re.Pattern[str] | None:
    """One pattern for the values found so far (value → rule), longest first."""
    names = sorted((v for v in values if len(v) >= 2), key=len, reverse=True)[:MAX_KNOWN_VALUES]
    if not names:
        return None
    alternation = "|".join(re.escape(v) for v in names)
    # a name is a whole word (a particle may follow), other values are not inside longer numbers
    return re.compile(rf"(?<![가-힣A-Za-z0-9])(?:{alternation})(?![A-Za-z0-9]|[가-힣](?<![{_PARTICLES}]))")


def known_hits(text: str, values: dict[str, str], pattern: re.Pattern[str] | None) -> list[Hit]:
    """Occurrences in ``text`` of values found elsewhere (``values``: value → rule)."""
    if pattern is None:
        return []
    return [Hit(values[m.group(0)], m.start(), m.end(), "known") for m in pattern.finditer(text)
            if m.group(0) in values]


def scan(doc: Document, rules: frozenset[str] = frozenset(ALL_RULES), *,
         keep_agency_contacts: bool = False) -> list[Finding]:
    """Every value to mask in ``doc``'s paragraphs and properties, in text order."""
    agency = agency_contacts(doc) if keep_agency_contacts else None
    per_paragraph: list[tuple[Paragraph, str, list[Hit]]] = []
    values: dict[str, str] = {}
    for paragraph, context in paragraphs_in_context(doc.blocks):
        text = normalize_chars(paragraph.text)
        hits = [h for h in line_hits(text, context, rules)
                if agency is None or not agency.keeps(h.rule, text[h.start:h.end])]
        per_paragraph.append((paragraph, text, hits))
        for h in hits:
            values.setdefault(paragraph.text[h.start:h.end], h.rule)
    pattern = known_pattern(values)
    findings: list[Finding] = []
    for paragraph, text, hits in per_paragraph:
        more = known_hits(paragraph.text, values, pattern)
        for h in resolve(hits + more):
            value = paragraph.text[h.start:h.end]
            base = paragraph.prov.span[0] if paragraph.prov.span else None
            findings.append(Finding(
                h.rule, value, mask(value, h.rule), h.how, paragraph.prov.path, paragraph.prov.page,
                paragraph.role.value, (base + h.start, base + h.end) if base is not None else None))
    if "property" in rules:
        findings += property_findings(doc, rules)
    return findings


def property_findings(doc: Document, rules: frozenset[str]) -> list[Finding]:
    """Document properties that name people or organisations, and values in the others."""
    meta = doc.metadata
    out: list[Finding] = []
    people = [("metadata.author", meta.author)] + [
        (f"metadata.extra.{k}", v) for k, v in meta.extra.items() if k.lower() in METADATA_PERSON_KEYS]
    for path, value in people:
        if value and value.strip() and not is_masked(value):
            out.append(Finding("property", value, mask(value, "property"), "property", path,
                               role="properties"))
    for path, value in [("metadata.title", meta.title), ("metadata.subject", meta.subject),
                        ("metadata.keywords", meta.keywords)]:
        if not value:
            continue
        text = normalize_chars(value)
        for h in line_hits(text, None, rules):
            original = value[h.start:h.end]
            out.append(Finding(h.rule, original, mask(original, h.rule), h.how, path,
                               role="properties"))
    return out


# ------------------------------------------------------------------------- masking


def masked_document(doc: Document, findings: list[Finding]) -> Document:
    """A copy of ``doc`` with every finding masked in its paragraphs, text and properties.
    Masks keep lengths, so paths and spans stay valid."""
    out = copy.deepcopy(doc)
    by_path: dict[str, Paragraph] = {p.prov.path: p for p in out.paragraphs()}
    text = list(out.text)
    for f in findings:
        paragraph = by_path.get(f.path)
        if paragraph is not None and f.span is not None and paragraph.prov.span is not None:
            start = f.span[0] - paragraph.prov.span[0]
            paragraph.text = paragraph.text[:start] + f.masked + paragraph.text[start + len(f.masked):]
            text[f.span[0]:f.span[1]] = list(f.masked)
    out.text = "".join(text)
    meta = out.metadata
    replace = [(f.value, f.masked) for f in findings if f.path.startswith("metadata.")]
    for name in ("title", "author", "subject", "keywords"):
        value = getattr(meta, name)
        if value:
            setattr(meta, name, _replace_all(value, replace))
    meta.extra = {k: _replace_all(v, replace) for k, v in meta.extra.items()}
    return out


def _replace_all(text: str, pairs: list[tuple[str, str]]) -> str:
    """A property value with every masked value masked in it too (the author's name is
    the PDF's creator as well)."""
    for value, masked in pairs:
        text = text.replace(value, masked)
    return text


__all__ = ["AgencyContacts", "CellContext", "Finding", "agency_contacts", "cell_contexts",
           "is_private_label", "known_hits",
           "known_pattern", "known_values", "line_hits",
           "masked_document", "paragraphs_in_context", "property_findings", "scan"]
