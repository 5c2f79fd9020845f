"""The terminal layout: one labelled line per field, colour only on a TTY."""

from __future__ import annotations

import os
import unicodedata
from typing import IO

from .key_lines import SHAPES, KeyLine
from .labels import LABELS, NONE, omitted_text, plain_lines
from .summary import Summary

# Labels are padded to four Hangul syllables at least, so that summaries of different
# types line up in a terminal.
MIN_LABEL_WIDTH = 8
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
    def __init__(self, colour: bool, labels: list[str]) -> None:
        self.colour = colour
        self.out: list[str] = []
        self.pad = max([MIN_LABEL_WIDTH] + [_width(v) for v in labels]) + 2

    def style(self, text: str, name: str) -> str:
        return f"{_STYLES[name]}{text}{_RESET}" if self.colour else text

    def field(self, label: str, items: list[str], style: str | None = None, omitted: int = 0) -> None:
        head = self.style(label, "label") + " " * (self.pad - _width(label))
        if not items:
            self.out.append(head + self.style(NONE, "muted"))
            return
        for i, value in enumerate(items):
            shown = self.style(value, style) if style else value
            self.out.append((head if i == 0 else " " * self.pad) + shown)
        if omitted:
            self.out.append(" " * self.pad + self.style(omitted_text(omitted), "muted"))


def _items(line: KeyLine) -> list[str]:
    """A key line's values as the terminal shows them: bulleted or numbered, indented."""
    shape = SHAPES[line.format]
    depths = line.depths or [0] * len(line.values)
    if shape.numbered:
        return [f"{'  ' * d}{i}. {v}" for i, (v, d) in enumerate(zip(line.values, depths), 1)]
    return [f"{'  ' * d}{shape.text_bullet}{v}" for v, d in zip(line.values, depths)]


def _style(line: KeyLine) -> str | None:
    if line.emphasis is not None:
        return line.emphasis
    return "title" if line.fields[:1] == ["title"] else None


def render_text(summary: Summary, *, colour: bool = False) -> str:
    """The summary as aligned ``label  value`` lines (ANSI colour when ``colour``)."""
    s = summary
    plain = [] if s.lines else plain_lines(s)
    lines = _Lines(colour, [k.label for k in s.lines] + [label for _, label, _ in plain]
                   + [LABELS["sentences"]])
    for line in s.lines:
        lines.field(line.label, _items(line), _style(line), line.omitted)
    for key, label, values in plain:
        lines.field(label, values, "title" if key == "title" else None)
    lines.field(LABELS["sentences"], [f"{i}) {x.text}" for i, x in enumerate(s.sentences, 1)])
    for w in s.warnings:
        lines.out.append(lines.style(f"경고: {w}", "warn"))
    return "\n".join(lines.out) + "\n"


__all__ = ["render_text", "use_colour"]
