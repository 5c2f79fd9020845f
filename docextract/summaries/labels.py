"""Labels and the lines of a summary without key lines, shared by the text, Markdown and
HTML renderers (the formats of key lines are in :mod:`.key_lines`)."""

from __future__ import annotations

from .summary import Summary

LABELS = {
    "title": "제목",
    "date": "날짜",
    "source": "출처",
    "sentences": "요약",
}
NONE = "없음"


def omitted_text(n: int) -> str:
    """The line that stands for values a key line leaves out (its spec's ``max``)."""
    return f"… 외 {n}건"


def source_line(s: Summary) -> str | None:
    """출처 of other documents: the issuer when known and the file name."""
    parts = [p for p in (s.issuer, s.source) if p]
    return " · ".join(parts) or None


def plain_lines(s: Summary) -> list[tuple[str, str, list[str]]]:
    """(label key, label, values) of a summary whose type has no key lines: title, date
    and source."""
    source = source_line(s)
    return [(key, LABELS[key], [value] if value else [])
            for key, value in (("title", s.title), ("date", s.date), ("source", source))]


__all__ = ["LABELS", "NONE", "omitted_text", "plain_lines", "source_line"]
