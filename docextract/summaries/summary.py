"""The :class:`Summary` of one document, built from its extracted record and its text.

Every type shows its own key lines, from the ``summary:`` section of its spec
(:mod:`.key_lines`): for a 공문, what a receiving clerk acts on (gongmun-spec §4): the
requests, the deadline with its D-day, the attachments and whom to ask, then the issuer's
identifiers and the 공개구분. A type without such a section (the generic record) gives
title, date and source. Then comes an extractive summary of the body.
"""

from __future__ import annotations

import re
from dataclasses import field
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from ..engine.base import Extraction
from ..model import Document, Paragraph, Role
from ..normalize.text import is_contents_entry
from ..plain import Described, PlainData, plain_dataclass
from ..records.parts import Attachment, Contact, Disclosure
from .dday import DDay, d_day
from .key_lines import KeyLine, issuer_text, key_lines, part, plain_value
from .sentences import Sentence, split_sentences
from .textrank import DOCUMENT_WEIGHTS, LETTER_WEIGHTS, rank_sentences, select
from .tokenize import choose_term_extractor

if TYPE_CHECKING:
    from ..engine.spec_types import Spec
    from ..records.base import Record

Findings = Union[Extraction, "Record"]
"""What a summary is built from: an extractor's findings or a built record."""

DEFAULT_SENTENCES = 3
"""Length of the extractive summary of a type whose spec does not set ``summary.sentences``."""

MAX_CANDIDATES = 500
"""Sentences ranked per document. The lead of a long document (purpose, 제1조) carries
its gist, and similarity pairs grow quadratically, so later sentences are not ranked."""

_NON_BODY_ROLES = {Role.HEADER, Role.FOOTER, Role.FOOTNOTE, Role.ENDNOTE, Role.COMMENT}
# Lines that name the kind of document or label its head rather than title it.
_NOT_A_TITLE = re.compile(r"^(?:보도\s*자료|보도\s*참고\s*자료|설명\s*자료|공\s*고|회의록|붙\s*임\d*|별\s*첨|"
                          r"보도\s*(?:시점|일시)|배포\s*(?:일시)?|담당\s*부서|\[?별지|\d+$|[-–—]\s*\d+\s*[-–—]$)")
# a word of two letters or more: a gist sentence has at least two (a lone label such as
# 문서번호, a value such as 현장대응단-5186 or a letter-spaced 협  조 is a table cell)
_WORD = re.compile(r"[^\W\d_]{2}")
# a checklist question (…하였습니까?, …사업인가?) asks the reader; it does not tell the gist
_QUESTION = re.compile(r"(?:까|는가|인가)\s*[?？]")
_LEADING_DATE = re.compile(r"^\s*(?:19|20)?\d{2}\s*[.년/-]\s*\d{1,2}\s*[.월/-]")
_DATE = re.compile(r"((?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(\d{1,2})\s*(?:[.\-/]|월)\s*(\d{1,2})\s*(?:\.|일)?")


@plain_dataclass
class SummarySentence(PlainData):
    """One sentence of the extractive summary and where it is in ``Document.text``."""

    text: str
    span: tuple[int, int] | None = None
    score: float
    cues: list[str] = field(default_factory=list)


@plain_dataclass
class Summary(PlainData):
    """What a document wants from the reader, by when, whom to ask, and its gist."""

    kind: Literal["official_letter", "document"]
    record_type: str
    source: str | None = None
    title: str | None = None
    date: Annotated[str | None, Described("document date (other documents), ISO")] = None
    issuer: str | None = None
    sender: str | None = None
    document_number: str | None = None
    enforcement_date: str | None = None
    requests: list[str] = field(default_factory=list)
    deadline: str | None = None
    d_day: DDay | None = None
    today: str
    attachments: list[Attachment] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    disclosure: Disclosure | None = None
    lines: Annotated[list[KeyLine], Described(
        "the type's key lines (its spec's summary section), only for values found")] = field(
        default_factory=list)
    sentences: list[SummarySentence] = field(default_factory=list)
    tokenizer: Annotated[str, Described("the tokenizer that ranked the sentences")]
    warnings: list[str] = field(default_factory=list)


def _value(found: Findings, name: str) -> Any:
    """A field of an :class:`Extraction` or of a record object; ``None`` when it has none."""
    return found.value(name) if isinstance(found, Extraction) else getattr(found, name, None)


def _evidence_range(record: Findings, name: str) -> tuple[int, int] | None:
    items = record.evidence.get(name) or []
    if not items:
        return None
    return min(e.span[0] for e in items), max(e.span[1] for e in items)


def _letter_window(record: Findings, document: Document) -> tuple[int, int] | None:
    """The body's range in Document.text: its evidence, else 제목 … 붙임."""
    body = _evidence_range(record, "body")
    if body:
        return body
    title = _evidence_range(record, "title")
    if title is None:
        return None
    attachments = _evidence_range(record, "attachments")
    end = attachments[0] if attachments and attachments[0] > title[1] else len(document.text)
    return title[1], end


def _not_sentences(document: Document) -> list[tuple[int, int]]:
    """Spans of paragraphs whose text is no sentence of the gist: headers, footers and
    notes, and headings (``□ 회의 개요`` names a part; what the part says is the gist)."""
    return [p.prov.span for p in document.paragraphs() if p.prov.span
            and (p.role in _NON_BODY_ROLES or p.heading is not None)]


def _candidates(record: Findings, document: Document, is_letter: bool) -> tuple[list[Sentence], bool]:
    """Sentences to rank and whether their spans point into Document.text."""
    if is_letter:
        window = _letter_window(record, document)
        if window is not None:
            found = split_sentences(document.text, *window)
            return [s for s in found if s.part == "body"], True
        body = _value(record, "body")
        if body:
            return [s for s in split_sentences(body) if s.part == "body"], False
        return [], False
    # the text between those paragraphs, each stretch split on its own: a heading also
    # ends the sentence before it (``… 개최 결과`` ends like a case particle, 과, and would
    # otherwise run on into the next line)
    found = []
    pos = 0
    for a, b in sorted(_not_sentences(document)) + [(len(document.text), len(document.text))]:
        if a > pos:
            found += [s for s in split_sentences(document.text, pos, a) if s.part == "body"]
        pos = max(pos, b)
    return found, True


def _tells_gist(text: str, printed: str) -> bool:
    """Whether a sentence can be part of the gist: not numbers and punctuation alone (table
    cells such as "1", "0,0"), not a lone label or value, not a contents entry (judged on
    the ``printed`` text, whose tab leaders the sentence's blanks no longer show), not a
    checklist question."""
    words = 0
    for word in text.split():
        if _WORD.search(word):
            words += 1
            if words == 2:
                break
    return words == 2 and not is_contents_entry(printed) and not _QUESTION.search(text)


def _document_date(record: Findings, document: Document) -> str | None:
    for name in ("date", "enforcement_date", "release_date"):
        value = _value(record, name)
        if isinstance(value, str) and value:
            return value
    match = _DATE.search(document.text[:3000])
    if match:
        y, m, d = (int(g) for g in match.groups())
        try:
            return date(y, m, d).isoformat()
        except ValueError:
            pass
    created = document.metadata.created or document.metadata.modified
    return created.date().isoformat() if created else None


def _usable_title(text: str | None) -> bool:
    return text is not None and 4 <= len(text) <= 120 and not _NOT_A_TITLE.match(text) \
        and not _LEADING_DATE.match(text)


def _document_title(record: Findings, document: Document) -> str | None:
    """The record's title when it reads like one, else the first title-like line.

    Lines outside tables and in one-cell tables (title boxes) are tried first:
    보도자료 and reports put labels and values (보도일시, 담당부서, …) in a head table
    and the title in a box or paragraph below it. A title line ending with a comma
    continues on the next line.
    """
    for title in (_value(record, "title"), document.metadata.title):
        if title and _usable_title(" ".join(str(title).split())):
            return " ".join(str(title).split())
    boxed: list[Paragraph] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            boxed.append(block)
        elif block.n_rows * block.n_cols == 1:
            boxed.extend(p for c in block.cells() for p in c.blocks if isinstance(p, Paragraph))
    for paragraphs in (boxed, list(document.paragraphs())):
        lines = [" ".join(p.text.split()) for p in paragraphs if p.role == Role.BODY]
        for i, text in enumerate(lines):
            if _usable_title(text) and len(text) <= 80:
                if text.endswith(",") and i + 1 < len(lines) and lines[i + 1]:
                    return f"{text} {lines[i + 1]}"
                return text
    return None


def _shown_spans(record: Findings, lines: list[KeyLine]) -> list[tuple[int, int]]:
    """Where the values of the key lines were found (their fields' evidence)."""
    names = {f for line in lines if line.values for f in line.fields}
    return [e.span for key, items in record.evidence.items()
            if key.split(".")[0] in names for e in items]


def _shown_texts(record: Findings, lines: list[KeyLine]) -> set[str]:
    """The texts of the values the key lines show (also those past a line's ``max``), blanks
    collapsed: an agenda item printed again in the body is no sentence of the gist. An
    outline is left out: it is a report's body, and the gist ranks its sentences."""
    out: set[str] = set()

    def collect(value: Any, depth: int) -> None:
        value = plain_value(value)
        if isinstance(value, str):
            out.add(" ".join(value.split()))
        elif depth < 4 and isinstance(value, (list, tuple, dict)):
            for v in value.values() if isinstance(value, dict) else value:
                collect(v, depth + 1)

    for name in {f for line in lines if line.values and line.format != "outline" for f in line.fields}:
        collect(_value(record, name), 0)
    return out


def _mostly_within(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether at least half of ``[start, end)`` lies inside ``spans``."""
    covered = [False] * max(0, end - start)
    for a, b in spans:
        for i in range(max(a, start), min(b, end)):
            covered[i - start] = True
    return bool(covered) and 2 * sum(covered) >= len(covered)


def _spec(record_type: str) -> Spec | None:
    """The spec of a registered type (``None`` for an extractor written in Python)."""
    from ..errors import DocextractError
    from ..registry import extractors

    try:
        spec: Spec | None = getattr(extractors().get(record_type), "spec", None)
    except DocextractError:
        return None
    return spec


def _is_generic_notice(warning: str) -> bool:
    """The generic extractor's "no specific type matched": the summary's kind already says so."""
    from ..extraction import GENERIC_WARNING

    return warning == GENERIC_WARNING


def build_summary(record: Findings, document: Document, *, today: date | None = None,
                  sentences: int | None = None, nlp: str | None = None) -> Summary:
    """Summarize ``document`` using the fields of its extracted ``record``: an
    :class:`~docextract.extractors.base.Extraction` (:func:`docextract.extraction.find_fields`)
    or a record object such as :class:`~docextract.records.official_letter.OfficialLetter`.

    ``today`` fixes the date the D-day counts from; ``sentences`` is the length of the
    extractive summary (by default the type's own: its spec's ``summary.sentences``); ``nlp`` picks the tokenizer (``auto``, ``kiwi``, ``spacy``, ``light``).
    """
    today = today or date.today()
    is_letter = record.record_type == "official_letter"
    spec = _spec(record.record_type)
    if sentences is None:
        sentences = spec.summary_sentences if spec is not None else DEFAULT_SENTENCES
    lines = [] if spec is None else key_lines(
        spec.summary, lambda name: _value(record, name), absent=spec.summary_absent, today=today)
    candidates, spans_valid = _candidates(record, document, is_letter)
    shown = _shown_spans(record, lines) if spans_valid and not is_letter else []
    if shown:  # a line the key lines already show (공고번호, 문의) is no sentence of the gist
        candidates = [c for c in candidates if not _mostly_within(c.start, c.end, shown)]
    if lines and not is_letter:
        texts = _shown_texts(record, lines)
        candidates = [c for c in candidates if c.text not in texts]
    candidates = [c for c in candidates if _tells_gist(
        c.text, document.text[c.start:c.end] if spans_valid else c.text)][:MAX_CANDIDATES]
    extractor, warnings = choose_term_extractor(nlp, len(candidates),
                                                sum(len(c.text) for c in candidates))
    title = _value(record, "title") if is_letter else _document_title(record, document)
    bags = extractor.terms([s.text for s in candidates] + [title or ""])
    title_terms = bags.pop()
    ranked = rank_sentences([s.text for s in candidates], bags, title_terms=title_terms,
                            weights=LETTER_WEIGHTS if is_letter else DOCUMENT_WEIGHTS)
    chosen = [SummarySentence(
        text=candidates[r.index].text,
        span=(candidates[r.index].start, candidates[r.index].end) if spans_valid else None,
        score=round(r.score, 4), cues=r.cues)
        for r in select(ranked, sentences, bags)]

    deadline = _value(record, "deadline")
    dday = None
    if deadline:
        try:
            dday = d_day(deadline, today)
        except ValueError:
            warnings.append(f"deadline {deadline!r} is not an ISO date; no D-day")
    warnings = [w for w in record.warnings if not _is_generic_notice(w)] + warnings
    disclosure = _value(record, "disclosure")
    return Summary(
        kind="official_letter" if is_letter else "document",
        record_type=record.record_type,
        source=document.source.name,
        title=title,
        date=None if is_letter else _document_date(record, document),
        issuer=issuer_text(_value(record, "issuer")),
        sender=_value(record, "sender"),
        document_number=_value(record, "document_number"),
        enforcement_date=_value(record, "enforcement_date"),
        requests=list(_value(record, "requested_actions") or []),
        deadline=deadline,
        d_day=dday,
        today=today.isoformat(),
        attachments=[part(Attachment, a) for a in _value(record, "attachments") or []],
        contacts=[part(Contact, c) for c in _value(record, "contacts") or []],
        disclosure=None if disclosure is None else part(Disclosure, disclosure),
        lines=lines,
        sentences=chosen,
        tokenizer=extractor.name,
        warnings=warnings,
    )


__all__ = ["KeyLine", "MAX_CANDIDATES", "Summary", "SummarySentence", "build_summary"]
