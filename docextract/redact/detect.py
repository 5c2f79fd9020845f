"""Personal data in one line of text: identifiers by pattern and check digit, values by label.

Three finders, all on text already passed through
:func:`~docextract.normalize.text.normalize_chars` (look-alike hyphens and spaces
mapped, same length):

* :func:`find_identifiers`: what the text alone proves: registration numbers with a valid
  birth date and check digit, business and corporation numbers with their check digits,
  card numbers passing Luhn, passport and driving licence numbers by their exact shapes,
  account numbers in their bank's format next to the bank's name, e-mail addresses and
  telephone numbers with an area code or mobile prefix;
* :func:`find_labelled`: a value right after its label on the same line (``주민등록번호:
  800101-1234567``), read with the looser shape of its kind: a registration number needs
  only a valid birth date there (numbers given since October 2020 have no check digit);
  names and addresses are found only this way or by :func:`find_in_value`;
* :func:`find_in_value`: text known from the document's structure to be a value of a
  kind (the cell beside or under a label cell).

:func:`resolve` keeps one hit where several overlap, the more specific kind first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..normalize.phones import find_phones
from ..normalize.text import spaced_label
from ..normalize.markers import item_marker
from . import checks
from .lexicon import BANK_FORMATS, BANK_NAME_REACH, FORM_LABELS, LABELS
from .mask import is_masked
from .values import address_span, name_spans

PRIORITY = ("rrn", "arn", "corporation_no", "card", "business_no", "driver_license", "passport",
            "account", "email", "phone", "address", "name", "property")
_FORM_LABELS = frozenset(FORM_LABELS)
LABEL_REACH = 24
"""Characters between a label and its value (``주민등록번호(외국인등록번호) : ``)."""


@dataclass(frozen=True)
class Hit:
    """A value found in a line: its kind, span and how it was recognised."""

    rule: str
    start: int
    end: int
    how: str = "pattern"
    """``pattern`` (shape and check digit), ``label`` (a label before it on the line),
    ``cell`` (the table structure), ``known`` (a value found elsewhere in the document)."""


_REGISTRATION = re.compile(r"(?<![\d-])(\d{6})(?: ?- ?| ?)(\d{7})(?![\d-])")
_BUSINESS = re.compile(r"(?<![\d-])(\d{3})-(\d{2})-(\d{5})(?![\d-])")
_CARD = re.compile(r"(?<![\d-])(?:\d{4}([ -])\d{4}\1\d{4}\1\d{2,4}|\d{4}([ -])\d{6}\2\d{4,5}"
                        r"|\d{15,16})(?![\d-])")
_PASSPORT = re.compile(r"(?<![A-Za-z0-9])[MSRGDT](?:\d{8}|\d{3}[A-Z]\d{4})(?![A-Za-z0-9])")
_REGIONS = "서울|부산|경기|강원|충북|충남|전북|전남|경북|경남|제주|대구|인천|광주|대전|울산|세종"
_LICENSE = re.compile(rf"(?<![\d-])(?:(?:{_REGIONS}) ?|(?:1[1-9]|2[0-8])-)\d{{2}}-\d{{6}}-\d{{2}}"
                           r"(?![\d-])")
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9]"
                         r"(?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                         r"\.[A-Za-z]{2,}(?![A-Za-z0-9-])")
_DIGIT_GROUPS = re.compile(r"(?<![\d-])\d{2,7}(?:-\d{1,7}){1,4}(?![\d-])|(?<![\d-])\d{10,16}(?![\d-])")

# Looser shapes, for a value its label or cell already names.
_LOOSE = {
    "rrn": _REGISTRATION, "arn": _REGISTRATION, "corporation_no": _REGISTRATION,
    "business_no": re.compile(r"(?<![\d-])\d{3}-?\d{2}-?\d{5}(?![\d-])"),
    "card": re.compile(r"(?<![\d-])\d{4}[ -]?\d{4,6}[ -]?\d{4,5}(?:[ -]?\d{1,4})?(?![\d-])"),
    "passport": re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,2}[0-9A-Z]{7,8}(?![A-Za-z0-9])"),
    "driver_license": re.compile(rf"(?<![\d-])(?:(?:{_REGIONS}) ?|\d{{2}}-?)\d{{2}}-?\d{{6}}-?\d{{2}}"
                                      r"(?![\d-])"),
    "account": _DIGIT_GROUPS,
    "email": _EMAIL,
}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _registration(text: str, m: re.Match[str], *, labelled: bool) -> str | None:
    number = m.group(1) + m.group(2)
    if checks.is_rrn(number):
        return "rrn"
    if checks.is_arn(number):
        return "arn"
    if checks.is_corporation_no(number):
        return "corporation_no"
    return checks.registration_shape(number) if labelled else None


@lru_cache(maxsize=1)
def _banks() -> tuple[re.Pattern[str], dict[str, tuple[tuple[int, ...], ...]]]:
    formats: dict[str, tuple[tuple[int, ...], ...]] = {}
    for names, shapes in BANK_FORMATS.items():
        for name in names:
            formats[name] = shapes
    longest_first = sorted(formats, key=len, reverse=True)
    pattern = re.compile(r"(?<![가-힣A-Za-z])(" + "|".join(re.escape(n) for n in longest_first)
                              + ")")
    return pattern, formats


def _bank_format(number: str, shapes: tuple[tuple[int, ...], ...]) -> bool:
    groups = tuple(len(g) for g in number.split("-"))
    if len(groups) == 1:
        return any(sum(shape) == groups[0] for shape in shapes)
    return groups in shapes


def _phones(text: str, start: int, end: int, *, labelled: bool) -> list[Hit]:
    out = []
    for p in find_phones(text[start:end]):
        if re.fullmatch(r"1[5-9]\d{2}-\d{4}", p.number):
            continue  # nationwide numbers (1588-…) belong to businesses, never to a person
        if not p.number.startswith("0") and not labelled:
            continue  # a local number without its area code: only beside a phone label
        out.append(Hit("phone", start + p.start, start + p.end, "label" if labelled else "pattern"))
    return out


def find_identifiers(text: str) -> list[Hit]:
    """Identifiers the text alone proves (shape and check digit), in any order."""
    hits: list[Hit] = []
    for m in _REGISTRATION.finditer(text):
        rule = _registration(text, m, labelled=False)
        if rule:
            hits.append(Hit(rule, m.start(), m.end()))
    hits += [Hit("business_no", m.start(), m.end()) for m in _BUSINESS.finditer(text)
             if checks.is_business_no(_digits(m.group(0)))]
    hits += [Hit("card", m.start(), m.end()) for m in _CARD.finditer(text)
             if checks.is_card(_digits(m.group(0)))]
    hits += [Hit("passport", m.start(), m.end()) for m in _PASSPORT.finditer(text)]
    hits += [Hit("driver_license", m.start(), m.end()) for m in _LICENSE.finditer(text)]
    hits += [Hit("email", m.start(), m.end()) for m in _EMAIL.finditer(text)]
    hits += _phones(text, 0, len(text), labelled=False)
    bank_names, formats = _banks()
    for bank in bank_names.finditer(text):
        window_end = min(len(text), bank.end() + BANK_NAME_REACH + 20)
        for m in _DIGIT_GROUPS.finditer(text, bank.end(), window_end):
            if m.start() - bank.end() > BANK_NAME_REACH:
                break
            if _bank_format(m.group(0), formats[bank.group(1)]):
                hits.append(Hit("account", m.start(), m.end()))
                break
    return [h for h in hits if not is_masked(text[h.start:h.end])]


@lru_cache(maxsize=1)
def label_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every label (longest first) and the rule of each label, by its
    letters without spaces."""
    rules: dict[str, str] = {}
    for rule, labels in LABELS.items():
        for label in labels:
            rules.setdefault(_squash(label), rule)
    alternatives = [spaced_label(label) for label in sorted(rules, key=len, reverse=True)]
    pattern = re.compile(r"(?<![가-힣A-Za-z])(" + "|".join(alternatives) +
                              r")(?:은|는|이|가|을|를)?(?![가-힣a-z])", re.IGNORECASE)
    return pattern, rules


def _squash(label: str) -> str:
    return re.sub(r"\s+", "", label).lower()


def _cell_core(text: str) -> str:
    return re.sub(r"\([^)]*\)|[\s:：*※□■○●·\-]", "", text).lower()


def label_cell(text: str) -> tuple[str, str] | None:
    """(label, rule) of a cell that holds only a label (``성 명``, ``주민등록번호(외국인)``,
    ``연락처:``), the label without spaces and lower-cased; None for any other text."""
    core = _cell_core(text)
    if not core or len(core) > 20:
        return None
    rule = label_pattern()[1].get(core)
    return (core, rule) if rule else None


def is_form_label(text: str) -> bool:
    """Whether a cell holds only a label, of personal data or of anything else on a form
    (``소속``, ``생년월일``, ``구분``)."""
    return label_cell(text) is not None or _cell_core(text) in _FORM_LABELS


def labels_in(text: str) -> list[tuple[str, str]]:
    """(label, rule) of every label in a line, labels without spaces and lower-cased."""
    pattern, rules = label_pattern()
    return [(key, rules[key]) for key in (_squash(m.group(1)) for m in pattern.finditer(text))]


_GAP = re.compile(r"[\s:：=]*(?:\([^)\n]{0,20}\))?[\s:：=]*")


def find_labelled(text: str) -> list[Hit]:
    """Values right after their label on the same line."""
    pattern, rules = label_pattern()
    labels = list(pattern.finditer(text))
    hits: list[Hit] = []
    for i, label in enumerate(labels):
        rule = rules[_squash(label.group(1))]
        gap = _GAP.match(text, label.end())
        start = gap.end() if gap else label.end()
        line_end = text.find("\n", start)
        end = len(text) if line_end < 0 else line_end
        if i + 1 < len(labels) and labels[i + 1].start() < end:
            end = labels[i + 1].start()  # the next label starts the next value
        if rule in ("name", "address") and not _heads_value(text, label):
            continue  # names and addresses only where the label clearly heads its value
        hits += find_in_value(text, rule, start, end, how="label", reach=LABEL_REACH)
    return hits


def _heads_value(text: str, label: re.Match[str]) -> bool:
    """Whether a label heads a value (``성명: …``, a line, a bracket or another label
    opening with it) rather than being a word of a sentence (``품질관리 담당자 교육``,
    ``프로그램 이름 : …``, ``그림의 이름``)."""
    line_start = max(text.rfind("\n", 0, label.start()), text.rfind("\r", 0, label.start())) + 1
    before = text[line_start:label.start()].rstrip()
    marker = item_marker(before + " ") if before else None
    if not before or before[-1] in "([/,·|:" or (marker is not None and marker.end == len(before) + 1):
        return True
    word = before.split()[-1].strip("([/,·|:")
    return _squash(word) in label_pattern()[1]


def find_in_value(text: str, rule: str, start: int = 0, end: int | None = None, *,
                  how: str = "cell", reach: int | None = None) -> list[Hit]:
    """Values of kind ``rule`` in ``text[start:end]``, a place that holds one."""
    end = len(text) if end is None else end
    if start >= end or is_masked(text[start:end]):
        return []
    if rule == "name":
        spans = name_spans(text, start, end, first=how == "label", surname=how != "header")
        return [Hit("name", s, e, how) for s, e in spans]
    if rule == "address":
        span = address_span(text, start, end)
        return [Hit("address", span[0], span[1], how)] if span else []
    if rule == "phone":
        found = _phones(text, start, end, labelled=True)
        return [Hit("phone", h.start, h.end, how) for h in found
                if reach is None or h.start - start <= reach]
    pattern = _LOOSE.get(rule)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text, start, end):
        if reach is not None and m.start() - start > reach:
            break
        kind = rule
        if pattern is _REGISTRATION:
            kind = _registration(text, m, labelled=True) or ""
            if rule == "corporation_no" and kind:
                kind = "corporation_no"
        if kind:
            out.append(Hit(kind, m.start(), m.end(), how))
        if reach is not None:
            break  # a label names one value
    return out


def resolve(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits in text order; where hits overlap, the more specific kind
    (then the longer) wins."""
    order = {rule: i for i, rule in enumerate(PRIORITY)}
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (order.get(h.rule, len(order)), h.start, h.start - h.end)):
        if hit.end > hit.start and all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


__all__ = ["Hit", "LABEL_REACH", "PRIORITY", "find_identifiers", "find_in_value",
           "find_labelled", "is_form_label", "label_cell", "label_pattern", "labels_in", "resolve"]
