"""Finders for any document: its own title and the subtitles under it.

``document_title``  the document's own title, in this order:

                    1. the value of the field's label (``제목``, ``[ 제    목 ]``, ``회의명``),
                       searched in option ``label_region`` (default: the field's region);
                    2. the title-like paragraph of the region: among the paragraphs that can
                       be a title, the one the parser marked as the highest heading
                       (``Paragraph.heading``), else the first. A paragraph cannot be a title
                       when it is a table row of several cells, a header or footer, masked,
                       a label line (any label of the spec starts it), an item (□, 1., -),
                       a sentence (``…합니다.``), a date, a page number or running head
                       (``… 1``), a 제정/개정 history line (pattern ``revision``), a notice
                       number (pattern ``notice_number``), an agency head signing
                       (``고 용 노 동 부 장 관``), a line of a 결재란 table, or a word that
                       names the kind of document rather than titling it (lexicon
                       ``not_titles``: ``보도자료``, ``환경부 보도자료``, ``입 법 예 고``,
                       ``<목 차>``). A title ending with a comma continues on the next line;
                       consecutive headings of the same level are one title printed on two
                       lines; a short heading (``검 토 보 고``) right under headings joins them
                       (the cover names the subject above the kind); once a title is found,
                       the first sentence or long paragraph ends the search (the body's
                       headings are not the document's title);
                    3. the file's metadata title, only when the body has none; its evidence
                       has the path ``metadata/title`` and the rule ``<field>:metadata``.

                    The value is printed text; the field type ``title`` collapses letter
                    spacing (``제 안 요 청 서`` → ``제안요청서``).
``subtitles``       the lines printed right under the title (field named by option ``after``,
                    default ``title``) that start with a subtitle mark (lexicon
                    ``subtitle_marks``: ``-``, ``▴``, ``◇``), the marks (and a closing dash)
                    removed; they end at the first other line.
"""

from __future__ import annotations

import re

from ...evidence import Evidence
from ...model import Paragraph, Role
from ...normalize.dates import find_dates
from ...normalize.markers import item_marker
from ...normalize.phones import find_phones
from ...normalize.text import collapse_ws
from ..base import Found
from ..context import FindContext
from ..lines import Line
from ..masks import is_masked
from ..spec_types import FieldSpec
from ..values import EMAIL, collapse_letter_spacing
from . import finder
from .approvals import Lexicon, tokenize
from .head import is_sender_text
from .labelled import label_value, starts_with_any_label

_LETTER = re.compile(r"[^\W\d_]")
_LEADING_DATE = re.compile(r"^\s*['‘’]?(?:19|20)?\d{2}\s*[.년/-]\s*\d{1,2}\s*[.월/-]")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$|^\d{1,3}\s+\S|\S\s+\d{1,3}\s*$")
_SENTENCE = re.compile(r"(?:다|함|음|임)\s*[.。]\s*$|(?:니다|습니까)\s*[.。?]?\s*$")
_BRACKETS = re.compile(r"[<>〈〉《》\[\]【】()「」『』｢｣\"'“”‘’:：·•.\s]")
_MAX_TITLE = 100
_MAX_JOINED = 3
_SHORT_TITLE = 8   # letters: a title this short may be the kind word under its subject


def metadata_evidence(text: str, rule: str) -> Evidence:
    """Evidence for a value read from the file's metadata, not from Document.text."""
    return Evidence(text=text, path="metadata/title", span=(0, 0), page=None, rule=rule)


def _headings(ctx: FindContext) -> dict[str, int]:
    """Block path → heading level of the document's paragraphs (computed once)."""
    def compute() -> dict[str, int]:
        return {p.prov.path: p.heading for p in ctx.doc.paragraphs()
                if isinstance(p, Paragraph) and p.heading}
    return ctx.cached("headings", compute)  # type: ignore[no-any-return]


def _signer_table(ctx: FindContext, field: FieldSpec, table: str) -> bool:
    """Whether ``table`` holds a 결재란 row (two positions side by side): none of its lines
    is a title. Decided per table when a title candidate lies in it."""
    known: dict[str, bool] = ctx.cached("signer-tables", dict)
    if table not in known:
        lex = Lexicon(ctx, field)
        known[table] = any(sum(1 for t in tokenize(line, lex) if t.kind == "position") >= 2
                           for line in ctx.lines if line.table == table)
    return known[table]


def kind_words(ctx: FindContext) -> tuple[str, ...]:
    """The ``not_titles`` words, blanks removed, longest first."""
    def compute() -> tuple[str, ...]:
        words = {w.replace(" ", "") for w in ctx.spec.lexicons.get("not_titles", ())}
        return tuple(sorted(words, key=len, reverse=True))
    return ctx.cached("kind-words", compute)  # type: ignore[no-any-return]


def names_a_kind(ctx: FindContext, text: str) -> bool:
    """``보도자료``, ``보도 참고자료 2``, ``환경부 보도자료``, ``입 법 예 고``, ``<목 차>``: the
    line names what kind of document this is (an agency before it, a number after it)."""
    compact = re.sub(r"\d+$", "", _BRACKETS.sub("", text))
    if not compact:
        return False
    suffixes = ctx.spec.lexicons.get("agency_suffixes", ())
    for word in kind_words(ctx):
        if compact == word:
            return True
        if compact.endswith(word):
            head = compact[:-len(word)]
            if len(head) <= 15 and head.endswith(suffixes):
                return True
    return False


def _title_text(ctx: FindContext, line: Line, field: FieldSpec) -> str | None:
    """The line's text when it can be a title (see the module notes), else ``None``."""
    if len(line.segments) != 1 or line.role != Role.BODY:
        return None
    printed = line.printed.strip()
    spaced = collapse_letter_spacing(printed)
    text = collapse_ws(printed)
    compact = spaced.replace(" ", "")
    if len(compact) < 4 or len(text) > _MAX_TITLE or not _LETTER.search(text):
        return None
    if is_masked(text) or item_marker(line.text) or starts_with_any_label(ctx, line):
        return None
    if _SENTENCE.search(text) or _LEADING_DATE.match(spaced) or _PAGE_NUMBER.search(spaced):
        return None
    dates = find_dates(text)
    if dates and len(compact) - len(dates[0].raw.replace(" ", "")) < 4:
        return None  # a date line (``2024. 12. 13.``, ``2024. 10. 25. 작성``)
    if find_phones(text) or EMAIL.search(text) or names_a_kind(ctx, text):
        return None
    for name in ("revision", "notice_number"):
        pattern = ctx.spec.patterns.get(name)
        if pattern is not None and pattern.search(line.text):
            return None
    if is_sender_text(ctx, line.text):
        return None
    if line.table is not None and _signer_table(ctx, field, line.table):
        return None
    return printed  # blanks as printed: the ``title`` type reads letter spacing from them


def _opens_body(line: Line) -> bool:
    """A sentence or a long paragraph outside tables: the body, which follows the title."""
    text = collapse_ws(line.printed)
    return bool(_SENTENCE.search(text)) or len(text) > _MAX_TITLE


def _body_title(ctx: FindContext, field: FieldSpec) -> Found | None:
    headings = _headings(ctx)
    region = ctx.region(field.region)
    candidates: list[tuple[int, str, int | None]] = []
    for i in region:
        line = ctx.lines[i]
        text = _title_text(ctx, line, field)
        if text is not None:
            candidates.append((i, text, headings.get(line.segments[0].path)))
        elif candidates and line.table is None and _opens_body(line):
            break  # the body has begun: its headings are not the document's title
    if not candidates:
        return None
    levels = [h for _, _, h in candidates if h is not None]
    pick = 0
    if levels:
        best = min(levels)
        pick = next(k for k, (_, _, h) in enumerate(candidates) if h == best)
    parts = [candidates[pick]]
    k = pick
    while len(parts) < _MAX_JOINED and k + 1 < len(candidates):
        (i, text, level), (j, _, nxt_level) = candidates[k], candidates[k + 1]
        if j != i + 1:
            break
        if not (text.endswith(",") or (level is not None and level == nxt_level)):
            break
        parts.append(candidates[k + 1])
        k += 1
    # a short kind word printed largest (``검 토 보 고``) under the headings that name its
    # subject (``기후위기 대응을 위한`` / ``…기본법 일부개정법률안``): they are one title
    k = pick
    while (len(parts) < _MAX_JOINED and k > 0 and len(parts[-1][1].replace(" ", "")) <= _SHORT_TITLE
           and candidates[k - 1][0] == candidates[k][0] - 1 and candidates[k - 1][2] is not None):
        parts.insert(0, candidates[k - 1])
        k -= 1
    value = " ".join(text for _, text, _ in parts)
    evs = [ctx.lines[i].evidence(0, len(ctx.lines[i].text), f"{field.name}:body")
           for i, _, _ in parts]
    return Found(value, evs)


@finder("document_title", printed=True)
def document_title(ctx: FindContext, field: FieldSpec) -> Found | None:
    if field.label_keys:
        label_region = str(field.option("label_region", field.region))
        labelled = label_value(ctx, FieldSpec(name=field.name, finder="label_value",
                                              type=field.type, label_keys=field.label_keys,
                                              region=label_region))
        if labelled is not None and labelled.value and not is_masked(labelled.value):
            return labelled
    found = _body_title(ctx, field)
    if found is not None:
        return found
    title = ctx.doc.metadata.title
    if title and title.strip() and _LETTER.search(title):
        text = collapse_ws(title)
        return Found(text, [metadata_evidence(text, f"{field.name}:metadata")])
    return None


@finder("subtitles")
def subtitles(ctx: FindContext, field: FieldSpec) -> Found | None:
    title = ctx.found(str(field.option("after", "title")))
    paths = {ev.path for ev in title.evidence}
    last = max((i for i, line in enumerate(ctx.lines)
                if any(seg.path in paths for seg in line.segments)), default=None)
    if last is None:
        return None
    marks = ctx.lexicon("subtitle_marks")
    out: list[str] = []
    evs: list[Evidence] = []
    for line in ctx.lines[last + 1:last + 1 + int(field.option("max_lines", 6))]:
        text = line.printed.strip()
        if starts_with_any_label(ctx, line) and not out:
            continue  # the 보도시점 row printed between the title and its subtitles
        mark = next((m for m in marks if text.startswith(m)), None)
        if mark is None or len(line.segments) != 1:
            break
        inner = text[len(mark):].strip()
        if inner.endswith(mark):
            inner = inner[:-len(mark)].strip()
        if not _LETTER.search(inner):
            break
        out.append(collapse_ws(inner))
        evs.append(line.evidence(0, len(line.text), f"{field.name}:mark"))
    return Found(out, evs)


__all__ = ["document_title", "kind_words", "metadata_evidence", "names_a_kind", "subtitles"]
