"""The terminal layout: one labelled line per field, colour only on a TTY."""

from __future__ import annotations

import os
import unicodedata
from typing import IO

from .labels import (LABELS, NONE, attachment_text, contact_text, deadline_text,
                     disclosure_text, issuer_line, source_line)
from .summary import Summary

_RESET = "\033[0m"
_STYLES = {"label": "\033[1;36m", "title": "\033[1m", "overdue": "\033[1;31m",
           "due": "\033[1;33m", "muted": "\033[2m", "warn": "\033[33m"}


def use_colour(stream: IO[str]) -> bool:
    """Colour only when writing to a terminal and ``NO_COLOR`` is not set."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class _Lines:
    def __init__(self, colour: bool) -> None:
        self.colour = colour
        self.out: list[str] = []
        self.pad = max(_width(v) for v in LABELS.values()) + 2

    def style(self, text: str, name: str) -> str:
        return f"{_STYLES[name]}{text}{_RESET}" if self.colour else text

    def field(self, key: str, values: list[str] | str | None, style: str | None = None) -> None:
        items = [values] if isinstance(values, str) else list(values or [])
        label = LABELS[key]
        head = self.style(label, "label") + " " * (self.pad - _width(label))
        if not items:
            self.out.append(head + self.style(NONE, "muted"))
            return
        for i, value in enumerate(items):
            shown = self.style(value, style) if style else value
            self.out.append((head if i == 0 else " " * self.pad) + shown)


def render_text(summary: Summary, *, colour: bool = False) -> str:
    """The summary as aligned ``label  value`` lines (ANSI colour when ``colour``)."""
    s = summary
    lines = _Lines(colour)
    if s.kind == "official_letter":
        lines.field("title", s.title, "title")
        lines.field("issuer", issuer_line(s))
        lines.field("requests", [f"• {r}" for r in s.requests])
        style = None
        if s.d_day is not None:
            style = "overdue" if s.d_day.overdue else "due"
        lines.field("deadline", deadline_text(s), style)
        lines.field("attachments", [f"{i}. {attachment_text(a)}"
                                    for i, a in enumerate(s.attachments, 1)])
        lines.field("contacts", [contact_text(c) for c in s.contacts])
        lines.field("disclosure", disclosure_text(s.disclosure))
    else:
        lines.field("title", s.title, "title")
        lines.field("date", s.date)
        lines.field("source", source_line(s))
    lines.field("sentences", [f"{i}) {x.text}" for i, x in enumerate(s.sentences, 1)])
    for w in s.warnings:
        lines.out.append(lines.style(f"경고: {w}", "warn"))
    return "\n".join(lines.out) + "\n"


__all__ = ["render_text", "use_colour"]
