"""Run-on lines: text extraction sometimes puts a whole 두문 or 결문 on one line.

Real portal text reads ``서울특별시 수신 내부결재 (경유) 제목 민원 회신`` or ``… 감사합니다.
끝. 주무관 ○○○ 팀장 代○○○ 과장 11/17 ○○○ 협조자 시행 광화문광장추진단-3065 ( ) 접수 ( )
우 04524 서울특별시 … / 전화 02-2133-7741 …``. :func:`split_run_on` cuts such lines where a
printed line would have started, so the part finders see the usual layout. Lines inside
tables are left alone: their cells already separate the parts.
"""

from __future__ import annotations

import re

from .letter_labels import LetterSpec
from .letter_layout import item_marker
from .lines import Line

# a 두문 label inside a line that holds at least two of them
_HEAD = re.compile(r"\s(?=(?:수\s*신(?:\s*자)?|\(\s*경\s*유\s*\)|제\s*목)(?:\s|:))")
_HEAD_LABELS = re.compile(r"(?:^|\s)(?:수\s*신|\(\s*경\s*유\s*\)|제\s*목)(?=\s|:)")
# the end mark followed by more text
_END = re.compile(r"(?<=[\s.])끝\s*\.(?=\s+\S)")
# 결문 parts that start a printed line
_CLOSING = re.compile(
    r"\s(?=(?:수신자\s|협조자(?:\s|$)|시행\s|우\s*\d{5}(?!\d)|전화(?:번호)?\s|☎|Tel\s|TEL\s))")
_PRE_CLOSING = re.compile(r"(?:주무관|사무관|팀장|과장|담당관|국장|실장)\s")


_SIGNER_NEXT = re.compile(r"代?[가-힣]{2,4}|\d{1,2}/\d{1,2}")  # a name or a signing date


def _signers_start(text: str, spec: LetterSpec) -> int | None:
    """Where a 결재선 (position followed by a name) starts in a 수신자 line, outside parentheses."""
    depth = 0
    tokens = list(re.finditer(r"\S+", text))
    for k, m in enumerate(tokens[:-1]):
        depth += m.group(0).count("(") - m.group(0).count(")")
        if depth == 0 and k > 0 and spec.is_position(m.group(0)) and \
                _SIGNER_NEXT.fullmatch(tokens[k + 1].group(0)) and \
                not tokens[k - 1].group(0).endswith(","):
            return m.start()
    return None


def split_run_on(lines: list[Line], spec: LetterSpec) -> list[Line]:
    """The lines with run-on 두문/결문 lines cut at label positions."""
    out: list[Line] = []
    after_end = False
    in_head = True  # the 두문 is only at the top, before any numbered body item
    for n, line in enumerate(lines):
        if line.table is not None:
            out.append(line)
            continue
        text = line.text
        cuts: list[int] = []
        in_head = in_head and n < 15 and not item_marker(text)
        if in_head and len(_HEAD_LABELS.findall(text)) >= 2:
            cuts += [m.end() for m in _HEAD.finditer(text)]
        end = _END.search(text)
        if end:
            cuts.append(end.end())
        tail_from = end.end() if end else (0 if after_end else None)
        if tail_from is not None:
            tail = text[tail_from:]
            cuts += [tail_from + m.end() for m in _CLOSING.finditer(tail)]
            if end:
                # the 결재선 after 끝. on the same line starts a printed line of its own
                sig = _PRE_CLOSING.search(tail)
                if sig:
                    cuts.append(tail_from + sig.start())
        if after_end and spec.label("recipient_list", text):
            # 수신자 list and the 결재선 printed on one line
            sig_at = _signers_start(text, spec)
            if sig_at is not None:
                cuts.append(sig_at)
        if end or re.search(r"(?:^|[\s.])끝\s*\.?\s*$", text):
            after_end = True
        out.extend(line.split(cuts) if cuts else [line])
    return out


_BARE_FIELDS = ("postal_code", "phone", "fax", "document_number", "receipt_number", "attachments",
                "email", "disclosure")
_ANY_LABEL = ("recipients", "via", "title", "attachments", "recipient_list", "cooperators",
              "document_number", "receipt_number", "postal_code", "phone", "fax", "email")


def join_bare_labels(lines: list[Line], spec: LetterSpec) -> list[Line]:
    """A 결문 label printed alone (a borderless table cell read as its own line: ``우``,
    ``전화``) is joined with the value line after it, as if both were cells of one row."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and line.table is None and nxt.table is None:
            bare = next((f for f in _BARE_FIELDS
                         if (m := spec.label(f, line.text)) and not line.text[m.end():].strip()), None)
            if bare and nxt.text.strip() and not any(spec.label(f, nxt.text) for f in _ANY_LABEL):
                out.append(Line(line.segments + nxt.segments, None, None, line.role))
                i += 2
                continue
        out.append(line)
        i += 1
    return out


__all__ = ["join_bare_labels", "split_run_on"]
