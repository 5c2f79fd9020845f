"""The summary as Markdown: a heading, labelled fields and numbered lists."""

from __future__ import annotations

import re

from .labels import (LABELS, NONE, attachment_text, contact_text, deadline_text,
                     disclosure_text, issuer_line, source_line)
from .summary import Summary

# Values never start a line (they follow "- **label**: " or "1. "), so only inline syntax
# needs escaping; with [ and ] escaped, parentheses cannot form a link and stay readable.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")


def md_escape(text: str) -> str:
    """Backslash-escape Markdown syntax characters so values print literally."""
    return _SPECIAL.sub(r"\\\1", text)


def _field(label_key: str, value: str | None) -> str:
    return f"- **{LABELS[label_key]}**: {md_escape(value) if value else NONE}"


def _section(label_key: str, items: list[str], numbered: bool = True) -> list[str]:
    out = ["", f"### {LABELS[label_key]}", ""]
    if not items:
        return out + [NONE]
    return out + [f"{i}. {md_escape(v)}" if numbered else f"- {md_escape(v)}"
                  for i, v in enumerate(items, 1)]


def render_markdown(summary: Summary) -> str:
    """Markdown for one summary; an overdue deadline is shown in bold."""
    s = summary
    out = [f"## {md_escape(s.title) if s.title else md_escape(s.source or NONE)}", ""]
    if s.kind == "official_letter":
        out.append(_field("title", s.title))
        out.append(_field("issuer", issuer_line(s)))
        deadline = deadline_text(s)
        line = _field("deadline", deadline)
        if s.d_day is not None and s.d_day.overdue:
            line = f"- **{LABELS['deadline']}**: **{md_escape(deadline or '')}**"
        out.append(line)
        out.append(_field("disclosure", disclosure_text(s.disclosure)))
        out += _section("requests", s.requests, numbered=False)
        out += _section("attachments", [attachment_text(a) for a in s.attachments])
        out += _section("contacts", [contact_text(c) for c in s.contacts], numbered=False)
    else:
        out.append(_field("title", s.title))
        out.append(_field("date", s.date))
        out.append(_field("source", source_line(s)))
    out += _section("sentences", [x.text for x in s.sentences])
    if s.warnings:
        out += ["", *(f"> 경고: {md_escape(w)}" for w in s.warnings)]
    return "\n".join(out) + "\n"


__all__ = ["md_escape", "render_markdown"]
