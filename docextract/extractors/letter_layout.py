"""Where the parts of a 공문 are: 두문 lines, 제목, body, 붙임, the end mark 끝. and the 결문.

:func:`locate` returns line indices only; the field modules read values from those lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize.text import collapse_glyph_spacing
from .letter_labels import LetterSpec
from .lines import Line

END_MARK = re.compile(r"(?:^|(?<=[\s.)]))끝\s*\.?\s*$")
# A recipient label glued to its value by text extraction: 수신수신자 참조, 수신내부결재.
GLUED_RECIPIENT = re.compile(r"^\s*수\s*신(?=\s*(?:수신자\s*참조|내부\s*결재))")
# Labels that start a 결문 line.
CLOSING_FIELDS = ("recipient_list", "cooperators", "document_number", "receipt_number",
                  "postal_code", "phone", "fax")


@dataclass
class LetterLayout:
    """Line indices of the parts of a letter (``None`` when a part is absent)."""

    recipients: int | None = None
    recipients_value: int | None = None  # the value's line when the label stands alone
    via: int | None = None
    title: int | None = None
    title_end: int | None = None  # last line of a title wrapped over several lines (PDF)
    attachments: int | None = None
    end_mark: int | None = None
    closing: int | None = None  # first line after the body (and 붙임)
    n_lines: int = 0


def recipient_label(spec: LetterSpec, text: str) -> re.Match[str] | None:
    """The head 수신 label (``수신``, ``수 신``, ``수신자``, or glued ``수신수신자 참조``)."""
    return spec.label("recipients", text) or GLUED_RECIPIENT.match(text)


def is_sender_text(spec: LetterSpec, text: str) -> bool:
    """A short line naming an agency head (``행정안전부장관``, ``서 울 특 별 시 장``)."""
    t = collapse_glyph_spacing(text)
    if not t or len(t) > 40 or re.search(r"\d|[.:/@~]", t):
        return False
    marker = item_marker(t)
    if marker and marker not in ("○", "◯"):
        return False
    return t.replace(" ", "").endswith(spec.sender_suffixes)


def is_closing_line(spec: LetterSpec, line: Line) -> bool:
    """True when ``line`` starts a 결문 part (수신자, 협조자, 시행, 접수, 우, 전화, 전송)."""
    return any(spec.label(f, line.text) for f in CLOSING_FIELDS)


_MARKER = re.compile(
    r"^\s*(?:\d{1,2}\.(?=\s|[가-힣])|[가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허]\.(?=\s)"
    r"|\d{1,2}\)|[가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허]\)"
    r"|\(\d{1,2}\)|\([가나다라마바사아자차카타파하]\)|[①-⑳㉑-㉟㉮-㉻]"
    r"|[□■○●◦❍◎▪•※*·ㅇ-](?=\s)|[□■○●◦❍◎▪•※])")


def item_marker(text: str) -> str | None:
    """The item marker a body line starts with (``1.``, ``가.``, ``1)``, ``□``, ``-``…), or None."""
    m = _MARKER.match(text)
    if m is None:
        return None
    marker = m.group(0).strip()
    # "2025. 7. 11." at the start of a wrapped line is a date, not item 2025 (the regex
    # already stops at two digits); "7. 11.(금)" is a year-less date, not item 7.
    if re.match(r"^\s*\d{1,2}\.\s*\d{1,2}\s*\.\s*\(", text):
        return None
    return marker


def locate(lines: list[Line], spec: LetterSpec) -> LetterLayout:
    """Find the parts of a letter in ``lines``."""
    lay = LetterLayout(n_lines=len(lines))
    for i, line in enumerate(lines):
        if spec.label("title", line.text):
            lay.title = i
            break
    head_end = lay.title if lay.title is not None else len(lines)
    if lay.title is not None:
        lay.title_end = lay.title + title_wraps(lines, lay.title)
        m = spec.label("title", lines[lay.title].text)
        # a label cell read as its own line: the title is the next line
        if m and not lines[lay.title].text[m.end():].strip() and lay.title + 1 < len(lines) \
                and not item_marker(lines[lay.title + 1].text):
            lay.title_end = max(lay.title_end, lay.title + 1)
    value_lines: set[int] = set()
    for i in range(head_end):
        m = recipient_label(spec, lines[i].text)
        if m and i not in value_lines:
            lay.recipients = i
            lay.recipients_value = None
            nxt = lines[i + 1].text if i + 1 < head_end else ""
            if not lines[i].text[m.end():].strip() and nxt.strip() and not (
                    spec.label("via", nxt) or spec.label("title", nxt)):
                lay.recipients_value = i + 1
                value_lines.add(i + 1)
            if lay.title is None:
                break
    start = lay.title if lay.title is not None else lay.recipients
    if start is None:
        return lay
    for i in range(lay.recipients if lay.recipients is not None else 0, head_end):
        if spec.label("via", lines[i].text):
            lay.via = i
            break
    for i in range(start + 1, len(lines)):
        if END_MARK.search(lines[i].text.strip()) and not spec.label("title", lines[i].text):
            lay.end_mark = i
            break
    if lay.end_mark is None:
        for i in range(start + 1, len(lines)):
            text = lines[i].text
            if is_closing_line(spec, lines[i]) or (is_sender_text(spec, text) and i > start + 1):
                lay.closing = i
                break
        body_end = lay.closing if lay.closing is not None else len(lines)
    else:
        lay.closing = lay.end_mark + 1
        body_end = lay.end_mark + 1
    for i in range(body_end - 1, start, -1):
        if spec.label("attachments", lines[i].text):
            lay.attachments = i
            break
    return lay


def title_wraps(lines: list[Line], title: int) -> int:
    """How many lines after the 제목 line continue the title: lines printed further right
    than the label (aligned with the title text), without an item marker. Needs the page
    position, so only formats that record it (PDF) ever have wrapped titles."""
    x = lines[title].x0
    n = 0
    for line in lines[title + 1:title + 4]:
        if x is None or line.x0 is None or line.table is not None or line.x0 < x + 15:
            break
        if item_marker(line.text) or not line.text.strip():
            break
        n += 1
    return n


def body_lines(lines: list[Line], lay: LetterLayout) -> range:
    """Indices of the body lines (after 제목, before 붙임 or up to the end mark)."""
    if lay.title is None:
        return range(0)
    end = lay.attachments if lay.attachments is not None else (
        lay.end_mark + 1 if lay.end_mark is not None else (lay.closing or lay.n_lines))
    return range((lay.title_end if lay.title_end is not None else lay.title) + 1, end)


__all__ = ["END_MARK", "LetterLayout", "body_lines", "is_closing_line", "is_sender_text",
           "item_marker", "locate", "recipient_label", "title_wraps"]
