"""The layout rules of a 공문: where the 두문, 본문, 붙임 and 결문 are.

This is the only letter-specific Python; every field is filled by a shared finder named in
``schemas/official_letter.yaml``, and every label comes from that file. The layout:

1. cuts run-on lines where a printed line would have started: text extraction sometimes puts
   a whole 두문 or 결문 on one line (``서울특별시 수신 내부결재 (경유) 제목 민원 회신``,
   ``… 끝. 주무관 ○○○ 팀장 代○○○ … 시행 광화문광장추진단-3065 ( ) 우 04524 …``);
2. joins a 결문 label printed alone (a borderless table cell read as its own line: ``우``,
   ``전화``) with the value line after it, as if both were cells of one row;
3. finds the parts and names them as regions for the finders:

   ``head_top``   lines above 수신 (행정기관명, a slogan above it, a document code line)
   ``head``       the 두문 up to the end of the 제목
   ``body``       after the 제목 up to 붙임 (or the ``끝.``)
   ``attachments`` from the 붙임 label to the ``끝.``
   ``end_mark``   the line holding the ``끝.`` (so that it is not read as text)
   ``closing``    the 결문: 발신명의, 수신자 list, 결재란 and foot
   ``signers``    the 결문 without the 발신명의 and the 수신자 list, up to the foot
   ``footer``     from the first 시행/접수/우/전화 line
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...engine.context import FindContext
from ...engine.finders.head import is_sender_text
from ...engine.finders.labelled import wrapped_lines
from ...engine.lines import Line
from ...engine.spec_types import Spec
from ...normalize.markers import item_marker

# 결문 labels that may stand alone on a line, their value on the next line.
BARE_FIELDS = ("postal_code", "phone", "fax", "document_number", "receipt_number", "attachments",
               "email", "disclosure")
_ANY_LABEL = ("recipients", "via", "title", "attachments", "recipient_list", "cooperators",
              "document_number", "receipt_number", "postal_code", "phone", "fax", "email")
CLOSING_SPAN = 40


@dataclass
class LetterParts:
    """Line indices of the parts of a letter (``None`` when a part is absent)."""

    recipients: int | None = None
    recipients_value: int | None = None  # the value's line when the label stands alone
    via: int | None = None
    title: int | None = None
    title_end: int | None = None         # last line of the 제목 (label cell, wrapped title)
    attachments: int | None = None
    end_mark: int | None = None
    closing: int | None = None           # first line after the body (and 붙임)
    n_lines: int = 0


class _Patterns:
    """The run-on cut points of one spec, built from its labels."""

    def __init__(self, spec: Spec) -> None:
        labels = spec.labels
        head = "|".join(labels.regex(k) for k in ("recipients", "via", "title"))
        self.head_cut = re.compile(rf"\s(?=(?:{head})(?:\s|:))")
        self.head_labels = re.compile(rf"(?:^|\s)(?:{head})(?=\s|:)")
        self.end = spec.patterns["end_mark_inline"]
        self.end_mark = spec.patterns["end_mark"]
        closing = "|".join([
            labels.regex("recipient_list") + r"\s", labels.regex("cooperators") + r"(?:\s|$)",
            labels.regex("document_number") + r"\s",
            labels.regex("postal_code") + r"\s*\d{5}(?!\d)",
            labels.regex("phone") + r"(?:\s|\d)"])
        self.closing_cut = re.compile(rf"\s(?=(?:{closing}))")
        self.refer_list = spec.patterns["refer_list"]  # a letter spec declares it


_COMPILED: dict[int, tuple[Spec, _Patterns]] = {}


def _patterns(spec: Spec) -> _Patterns:
    found = _COMPILED.get(id(spec))
    if found is None or found[0] is not spec:
        found = _COMPILED[id(spec)] = (spec, _Patterns(spec))
    return found[1]


def _is_position(ctx: FindContext, token: str) -> bool:
    t = token.lstrip("★◎☆●")
    return t in ctx.lexicon("positions") or (
        len(t) > 2 and t.endswith(tuple(ctx.spec.lexicons.get("position_suffixes", ()))))


def _signers_start(ctx: FindContext, text: str) -> int | None:
    """Where a 결재선 (position followed by a name or date) starts in a 수신자 line, outside
    parentheses."""
    depth = 0
    tokens = list(re.finditer(r"\S+", text))
    for k, m in enumerate(tokens[:-1]):
        depth += m.group(0).count("(") - m.group(0).count(")")
        if depth == 0 and k > 0 and _is_position(ctx, m.group(0)) and \
                re.fullmatch(r"代?[가-힣]{2,4}|\d{1,2}/\d{1,2}", tokens[k + 1].group(0)) and \
                not tokens[k - 1].group(0).endswith(","):
            return m.start()
    return None


def _pre_closing_signer(ctx: FindContext, tail: str) -> int | None:
    """The start of a 결재선 printed on the same line after ``끝.``: a position word
    followed by a name."""
    for m in re.finditer(r"\S+", tail):
        if _is_position(ctx, m.group(0)):
            return m.start()
    return None


def split_run_on(ctx: FindContext, lines: list[Line]) -> list[Line]:
    """The lines with run-on 두문/결문 lines cut at label positions (table lines are left
    alone: their cells already separate the parts)."""
    pat = _patterns(ctx.spec)
    out: list[Line] = []
    after_end = False
    in_attachments = False
    in_head = True  # the 두문 is only at the top, before any numbered body item
    for n, line in enumerate(lines):
        if line.table is not None:
            out.append(line)
            continue
        text = line.text
        cuts: list[int] = []
        in_head = in_head and n < 15 and not item_marker(text)
        if in_head and len(pat.head_labels.findall(text)) >= 2:
            cuts += [m.end() for m in pat.head_cut.finditer(text)]
        end = pat.end.search(text)
        if end:
            cuts.append(end.end())
        tail_from = end.end() if end else (0 if after_end else None)
        if tail_from is not None:
            tail = text[tail_from:]
            cuts += [tail_from + m.end() for m in pat.closing_cut.finditer(tail)]
            if end:
                sig = _pre_closing_signer(ctx, tail)
                if sig is not None:
                    cuts.append(tail_from + sig)
        if after_end and ctx.label("recipient_list", text):
            sig_at = _signers_start(ctx, text)
            if sig_at is not None:
                cuts.append(sig_at)
        if in_attachments or ctx.label("attachments", text) or ctx.label("separate_attachments", text):
            in_attachments = True
            # a 결재선 printed straight after the last item, with no 끝. between them
            for m in _AFTER_QUANTITY.finditer(text):
                if is_signer_row(ctx, text[m.end():]):
                    cuts.append(m.end())
                    break
        if end or pat.end_mark.search(text):
            after_end = True
            in_attachments = False
        out.extend(line.split(cuts) if cuts else [line])
    return out


# the end of an attachment's quantity (``1부.``), where a run-on 결재선 may begin
_AFTER_QUANTITY = re.compile(r"(?<=\d[부매권건개장식]\.)\s+|(?<=\d\s[부매권건개장식]\.)\s+")


def is_signer_row(ctx: FindContext, text: str) -> bool:
    """Whether ``text`` starts a 결재선: a position word followed by a name, a 결재일 or a mark
    (``주무관 한지훈``, ``★주무관 홍길동``, ``과장 07/01 전결 박민정``)."""
    tokens = text.split(None, 2)
    return len(tokens) >= 2 and _is_position(ctx, tokens[0]) and \
        re.fullmatch(r"代?[가-힣]{2,4}|\d{1,2}/\d{1,2}|전결|대결", tokens[1]) is not None


def join_bare_labels(ctx: FindContext, lines: list[Line]) -> list[Line]:
    """A 결문 label printed alone is joined with the value line after it."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and line.table is None and nxt.table is None:
            bare = next((f for f in BARE_FIELDS
                         if (m := ctx.label(f, line.text)) and not line.text[m.end():].strip()), None)
            if bare and nxt.text.strip() and not any(ctx.label(f, nxt.text) for f in _ANY_LABEL):
                out.append(Line(line.segments + nxt.segments, None, None, line.role))
                i += 2
                continue
        out.append(line)
        i += 1
    return out


def recipient_label(ctx: FindContext, text: str) -> re.Match[str] | None:
    """The 수신 label at the start of ``text``, or glued to its value by text extraction
    (``수신수신자 참조``, ``수신내부결재``)."""
    m = ctx.label("recipients", text)
    if m:
        return m
    glued = re.match(r"^\s*" + ctx.spec.labels.regex("recipients"), text)
    if glued and (ctx.pattern("refer_list").match(text, glued.end()) or
                  ctx.pattern("internal").match(text, glued.end())):
        return glued
    return None


def is_closing_line(ctx: FindContext, line: Line) -> bool:
    """Whether ``line`` starts a 결문 part (label keys of lexicon ``closing_labels``)."""
    return any(ctx.label(f, line.text) for f in ctx.lexicon("closing_labels"))


def locate(ctx: FindContext, lines: list[Line]) -> LetterParts:
    """Find the parts of a letter in ``lines``."""
    lay = LetterParts(n_lines=len(lines))
    for i, line in enumerate(lines):
        if ctx.label("title", line.text):
            lay.title = i
            break
    head_end = lay.title if lay.title is not None else len(lines)
    if lay.title is not None:
        lay.title_end = lay.title + wrapped_lines(lines, lay.title, len(lines))
        m = ctx.label("title", lines[lay.title].text)
        # a label cell read as its own line: the title is the next line
        if m and not lines[lay.title].text[m.end():].strip() and lay.title + 1 < len(lines) \
                and not item_marker(lines[lay.title + 1].text):
            lay.title_end = max(lay.title_end, lay.title + 1)
    value_lines: set[int] = set()
    for i in range(head_end):
        m = recipient_label(ctx, lines[i].text)
        if m and i not in value_lines:
            lay.recipients = i
            lay.recipients_value = None
            nxt = lines[i + 1].text if i + 1 < head_end else ""
            if not lines[i].text[m.end():].strip() and nxt.strip() and not (
                    ctx.label("via", nxt) or ctx.label("title", nxt)):
                lay.recipients_value = i + 1
                value_lines.add(i + 1)
            if lay.title is None:
                break
    start = lay.title if lay.title is not None else lay.recipients
    if start is None:
        return lay
    for i in range(lay.recipients if lay.recipients is not None else 0, head_end):
        if ctx.label("via", lines[i].text):
            lay.via = i
            break
    for i in range(start + 1, len(lines)):
        if ctx.pattern("end_mark").search(lines[i].text.strip()) and not ctx.label("title", lines[i].text):
            lay.end_mark = i
            break
    if lay.end_mark is None:
        for i in range(start + 1, len(lines)):
            text = lines[i].text
            if is_closing_line(ctx, lines[i]) or (i > start + 1 and (
                    is_sender_text(ctx, text) or is_signer_row(ctx, text))):
                lay.closing = i
                break
        body_end = lay.closing if lay.closing is not None else len(lines)
    else:
        lay.closing = lay.end_mark + 1
        body_end = lay.end_mark + 1
    for i in range(body_end - 1, start, -1):
        if ctx.label("attachments", lines[i].text) or ctx.label("separate_attachments", lines[i].text):
            lay.attachments = i
            break
    return lay


def _move_via_value(ctx: FindContext, lines: list[Line], lay: LetterParts) -> None:
    """PDF: a (경유) label centred beside a two-line value sits between the value's lines;
    move the line above the label below it, so the value reads in order."""
    if lay.via is None or lay.title is None:
        return
    m = ctx.label("via", lines[lay.via].text)
    above = lay.recipients_value if lay.recipients_value is not None else lay.recipients
    if m is None or lines[lay.via].text[m.end():].strip() or above is None or above >= lay.via - 1 \
            or lay.title <= lay.via + 1:
        return
    moved = lines[above + 1:lay.via]
    lines[above + 1:lay.via + 1] = [lines[lay.via]]
    lines[lay.via - len(moved) + 1:lay.via - len(moved) + 1] = moved
    lay.via = above + 1


def letter_layout(ctx: FindContext) -> None:
    """The spec's ``layout`` hook: fix the lines, then name the regions."""
    lines = join_bare_labels(ctx, split_run_on(ctx, ctx.lines))
    lay = locate(ctx, lines)
    _move_via_value(ctx, lines, lay)
    ctx.lines = lines
    ctx.layout = lay
    n = len(lines)
    top = lay.recipients if lay.recipients is not None else (lay.title if lay.title is not None else 0)
    head_end = (lay.title_end if lay.title_end is not None else lay.title if lay.title is not None
                else top) + 1
    ctx.regions["head_top"] = range(0, top)
    ctx.regions["head"] = range(0, min(n, head_end))
    if lay.title is None:
        body = range(0)
    else:
        body_stop = lay.attachments if lay.attachments is not None else (
            lay.end_mark + 1 if lay.end_mark is not None else (lay.closing or n))
        body = range(min(n, head_end), body_stop)
    ctx.regions["body"] = body
    if lay.attachments is not None:
        last = lay.end_mark if lay.end_mark is not None else (
            lay.closing - 1 if lay.closing is not None else lay.attachments)
        ctx.regions["attachments"] = range(lay.attachments, max(lay.attachments, last) + 1)
    else:
        ctx.regions["attachments"] = range(0)
    ctx.regions["end_mark"] = range(lay.end_mark, lay.end_mark + 1) if lay.end_mark is not None else range(0)
    start = lay.closing if lay.closing is not None else n
    stop = min(n, start + CLOSING_SPAN)
    ctx.regions["closing"] = range(start, stop)
    footer = ctx.lexicon("footer_labels")
    footer_at = next((i for i in range(start, stop)
                      if any(ctx.label(f, lines[i].text) for f in footer)), stop)
    ctx.regions["footer"] = range(footer_at, stop)
    ctx.regions["signers"] = range(start, min(stop, footer_at + 1))


__all__ = ["LetterParts", "join_bare_labels", "letter_layout", "locate", "split_run_on"]
