"""Lines in reading order into paragraphs: join each wrapped line to the one before.

Whether line B continues line A is :func:`.lines.continues`; the separator between them
(a space or none) is the document's :class:`.wrap.WrapPolicy`. This module sits above
both, so :mod:`.lines` does not depend on :mod:`.wrap`, which reads lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from .lines import Line, continues
from .wrap import WrapPolicy


@dataclass
class ParagraphDraft:
    """Lines that form one paragraph, and their joined text."""

    text: str
    lines: list[Line]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (min(x.x0 for x in self.lines), min(x.top for x in self.lines),
                max(x.x1 for x in self.lines), max(x.bottom for x in self.lines))


def build_paragraphs(lines: list[Line], policy: WrapPolicy) -> list[ParagraphDraft]:
    """Group lines in reading order into paragraphs, repairing wrapped lines."""
    out: list[ParagraphDraft] = []
    typical_gap = _typical_gap(lines)
    current: list[Line] = []
    text = ""
    for line in lines:
        if not line.text:
            continue
        if current and continues(current[-1], line, typical_gap):
            text += policy.separator(current[-1], line) + line.text
            current.append(line)
            continue
        if current:
            out.append(ParagraphDraft(_tidy(text, current), current))
        current, text = [line], line.text
    if current:
        out.append(ParagraphDraft(_tidy(text, current), current))
    return out


def _tidy(text: str, lines: list[Line]) -> str:
    """Blank runs made one space, except the two spaces of a letter-spaced line's word
    gaps (``2 0 2 5 년  청 사``), which tell its words apart once the letters are closed
    up, as in the HWP or DOCX original."""
    if any(line.doubled for line in lines):
        return re.sub(r"\t+|[ \t]{3,}", " ", text).strip()
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _typical_gap(lines: list[Line]) -> float | None:
    gaps = []
    for a, b in zip(lines, lines[1:]):
        if a.column != b.column:
            continue
        gap = b.top - a.bottom
        if 0 <= gap <= 2 * a.height:
            gaps.append(gap)
    return median(gaps) if len(gaps) >= 3 else None


__all__ = ["ParagraphDraft", "build_paragraphs"]
