"""Spacing-tolerant label matching: ``수신`` also matches ``수 신``, ``수신:`` and ``수신 :``.

A spec lists label variants per key (``recipients: [수신자, 수신]``). A label matches at the
start of a line (or cell) and must be followed by a blank, a colon, a digit, an opening
bracket or the end of the text, so that ``우리`` is not the postal label ``우``. Variants
in parentheses (``(경유)``) or square brackets (``[제목]``, printed ``[ 제    목 ]``) match
with or without the brackets' inner blanks. Longer
variants are tried first (``수신자`` before ``수신``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..normalize.text import spaced_label

# What may follow a label: a blank, a colon, an opening bracket or quote, a digit, the end.
AFTER = r"(?=[\s:(\[\d☎<「『\"'.-]|$)"
_VALUE_GAP = r"\s*[:：]?\s*"


def alternation(variants: Iterable[str]) -> str:
    """A regex (non-capturing group) matching any of ``variants`` with optional inner blanks."""
    alts = []
    for label in sorted({v.strip() for v in variants if v.strip()}, key=len, reverse=True):
        if label.startswith("(") and label.endswith(")") and len(label) > 2:
            alts.append(r"\(\s*" + spaced_label(label[1:-1]) + r"\s*\)")
        elif label.startswith("[") and label.endswith("]") and len(label) > 2:
            alts.append(r"\[\s*" + spaced_label(label[1:-1]) + r"\s*\]")
        else:
            alts.append(spaced_label(label))
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"


class Labels:
    """The label table of a spec: key → variants, compiled once.

    :meth:`at_start` finds a label at the start of a text (the value begins at ``m.end()``,
    after an optional colon); :meth:`anywhere` finds labels inside a line (after a blank or
    a slash, as in ``전화 02-… /전송 02-…``).
    """

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = {key: list(variants) for key, variants in table.items()}
        self._start: dict[str, re.Pattern[str]] = {}
        self._anywhere: dict[str, re.Pattern[str]] = {}
        # finders compose larger patterns from these many times per document
        self._alternations: dict[str, str] = {}

    def __contains__(self, key: object) -> bool:
        return key in self.table

    def add(self, key: str, variants: list[str]) -> None:
        """Add (or replace) ``key``'s variants; the patterns built for it are dropped."""
        self.table[key] = list(variants)
        self._start.pop(key, None)
        self._anywhere.pop(key, None)
        self._alternations.pop(key, None)

    def variants(self, key: str) -> list[str]:
        return self.table.get(key, [])

    def regex(self, key: str) -> str:
        """The alternation of ``key``'s variants, for composing larger patterns."""
        text = self._alternations.get(key)
        if text is None:
            text = self._alternations[key] = alternation(self.table.get(key, []))
        return text

    def _compiled_start(self, key: str) -> re.Pattern[str]:
        pattern = self._start.get(key)
        if pattern is None:
            # no ``^``: ``match`` anchors at ``pos`` already, and ``^`` would fail past 0
            pattern = self._start[key] = re.compile(r"\s*" + self.regex(key) + AFTER + _VALUE_GAP)
        return pattern

    def at_start(self, key: str, text: str, pos: int = 0) -> re.Match[str] | None:
        """The label of ``key`` at the start of ``text`` (from ``pos``), or ``None``."""
        if key not in self.table:
            return None
        return self._compiled_start(key).match(text, pos)

    def anywhere(self, key: str, text: str) -> Iterator[re.Match[str]]:
        """Every label of ``key`` in ``text`` that starts the text or follows a blank, ``/``
        or an opening parenthesis (``구청장(참조: 총무과장)``)."""
        if key not in self.table:
            return iter(())
        pattern = self._anywhere.get(key)
        if pattern is None:
            pattern = self._anywhere[key] = re.compile(
                r"(?:^|(?<=[\s/(]))" + self.regex(key) + AFTER + _VALUE_GAP)
        return pattern.finditer(text)

    def first_at_start(self, keys: Iterable[str], text: str) -> tuple[str, re.Match[str]] | None:
        """The first of ``keys`` whose label starts ``text``."""
        for key in keys:
            m = self.at_start(key, text)
            if m:
                return key, m
        return None


def literal_labels(variants: Iterable[str]) -> Labels:
    """A one-key table (key ``""``) for labels written inline in a field spec."""
    return Labels({"": list(variants)})


__all__ = ["AFTER", "Labels", "alternation", "literal_labels"]
