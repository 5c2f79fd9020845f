"""Line labels and value formatting shared by the text, Markdown and HTML renderers."""

from __future__ import annotations

from ..records.parts import Attachment, Contact, Disclosure
from .summary import Summary

LABELS = {
    "title": "제목",
    "issuer": "발신",
    "requests": "요청사항",
    "deadline": "기한",
    "attachments": "붙임",
    "contacts": "담당자",
    "disclosure": "공개구분",
    "date": "날짜",
    "source": "출처",
    "sentences": "요약",
}
NONE = "없음"
OVERDUE = "기한 지남"


def issuer_line(s: Summary) -> str | None:
    """발신: issuer, then 발신명의, 문서번호 and 시행일 where known."""
    parts = []
    if s.issuer:
        parts.append(s.issuer)
    if s.sender and s.sender != s.issuer:
        parts.append(f"발신명의 {s.sender}")
    if s.document_number:
        parts.append(f"문서번호 {s.document_number}")
    if s.enforcement_date:
        parts.append(f"시행일 {s.enforcement_date}")
    return " · ".join(parts) or None


def deadline_text(s: Summary) -> str | None:
    """``2025-07-11T18:00 (D-5)``; overdue deadlines say so in words too."""
    if not s.deadline:
        return None
    if s.d_day is None:
        return s.deadline
    note = f"{s.d_day.label}, {OVERDUE}" if s.d_day.overdue else s.d_day.label
    if s.d_day.days_left == 0:
        note += ", 오늘 마감"
    return f"{s.deadline.replace('T', ' ')} ({note})"


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


def source_line(s: Summary) -> str | None:
    """출처 of other documents: the issuer when known and the file name."""
    parts = [p for p in (s.issuer, s.source) if p]
    return " · ".join(parts) or None


__all__ = ["LABELS", "NONE", "OVERDUE", "attachment_text", "contact_text", "deadline_text",
           "disclosure_text", "issuer_line", "source_line"]
