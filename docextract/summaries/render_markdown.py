"""The summary as Markdown: a heading, labelled fields and numbered lists."""

from __future__ import annotations

import re

from .key_lines import SHAPES, KeyLine
from .labels import LABELS, NONE, omitted_text, plain_lines
from .summary import Summary

# Values never start a line (they follow "- **label**: " or "1. "), so only inline syntax
# needs escaping; with [ and ] escaped, parentheses cannot form a link and stay readable.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")


def md_escape(text: str) -> str:
    """Backslash-escape Markdown syntax characters so values print literally."""
    return _SPECIAL.sub(r"\\\1", text)


def _field(label: str, value: str | None, bold: bool = False) -> str:
    shown = md_escape(value) if value else NONE
    return f"- **{label}**: **{shown}**" if bold and value else f"- **{label}**: {shown}"


_LIST_START = re.compile(r"^(?:[-+]|\d+[.)])(?=\s)")


def _item(text: str) -> str:
    """A list item's text; a printed marker that Markdown would read as a nested list
    (``- 개방 요청 …`` under a ○ item) is escaped."""
    escaped = md_escape(text)
    m = _LIST_START.match(escaped)
    if m is None:
        return escaped
    cut = m.end() - 1   # before the marker's punctuation: ``\-``, ``1\.``
    return f"{escaped[:cut]}\\{escaped[cut:]}"


def _section(label: str, items: list[str], depths: list[int] | None = None,
             numbered: bool = True, omitted: int = 0) -> list[str]:
    out = ["", f"### {label}", ""]
    if not items:
        return out + [NONE]
    depths = depths or [0] * len(items)
    out += [f"{'  ' * d}{i}. {_item(v)}" if numbered else f"{'  ' * d}- {_item(v)}"
            for i, (v, d) in enumerate(zip(items, depths), 1)]
    return out + (["", f"_{md_escape(omitted_text(omitted))}_"] if omitted else [])


def _key_lines(lines: list[KeyLine]) -> list[str]:
    """One-value lines first as ``- **label**: value``, then a section per list."""
    out = [_field(k.label, ", ".join(k.values) or None, bold=k.emphasis == "overdue")
           for k in lines if SHAPES[k.format].single]
    for k in lines:
        shape = SHAPES[k.format]
        if not shape.single:
            out += _section(k.label, k.values, k.depths, numbered=shape.numbered, omitted=k.omitted)
    return out


def render_markdown(summary: Summary) -> str:
    """Markdown for one summary; an overdue deadline is shown in bold."""
    s = summary
    out = [f"## {md_escape(s.title) if s.title else md_escape(s.source or NONE)}", ""]
    if s.lines:
        out += _key_lines(s.lines)
    else:
        out += [_field(label, values[0] if values else None) for _, label, values in plain_lines(s)]
    out += _section(LABELS["sentences"], [x.text for x in s.sentences])
    if s.warnings:
        out += ["", *(f"> 경고: {md_escape(w)}" for w in s.warnings)]
    return "\n".join(out) + "\n"


__all__ = ["md_escape", "render_markdown"]
