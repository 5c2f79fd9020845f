"""Label matching for the official letter: the spec's label variants as spacing-tolerant regexes.

``수신`` matches ``수신``, ``수 신`` and ``수신:``; ``(경유)`` matches with or without the
parentheses. A label must start its line (or a cell) and be followed by a space, a colon,
a digit, an opening bracket or the end of the segment, so that ``우리`` is not the postal
label ``우``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..normalize.text import spaced_label
from .spec_files import load_builtin_spec

_POSITION_CHARS = re.compile(r"[가-힣0-9○()·]+")
_AFTER = r"(?=[\s:(\[\d☎<「『\"'.-]|$)"


def _label_regex(labels: list[str]) -> str:
    alts = []
    for label in sorted(labels, key=len, reverse=True):
        core = label.strip()
        if core.startswith("(") and core.endswith(")"):
            alts.append(r"\(\s*" + spaced_label(core[1:-1]) + r"\s*\)")
        else:
            alts.append(spaced_label(core))
    return "(?:" + "|".join(alts) + ")"


class Patterns(Mapping[str, re.Pattern[str]]):
    """Field → compiled regex, each compiled on first use.

    A one-file run needs about half of the spec's label patterns, and compiling the
    others would cost it milliseconds (their Hangul makes ``re`` build large tables).
    """

    def __init__(self, sources: dict[str, str]) -> None:
        self._sources = sources
        self._compiled: dict[str, re.Pattern[str]] = {}

    def __getitem__(self, field: str) -> re.Pattern[str]:
        pattern = self._compiled.get(field)
        if pattern is None:
            pattern = self._compiled[field] = re.compile(self._sources[field])
        return pattern

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


@dataclass(frozen=True)
class LetterSpec:
    """The loaded ``official_letter.fields.yaml``: compiled label regexes and lexicons."""

    raw: dict[str, Any]
    labels: Mapping[str, re.Pattern[str]]
    anywhere: Mapping[str, re.Pattern[str]]
    positions: frozenset[str]
    position_suffixes: tuple[str, ...]
    grade: re.Pattern[str]
    agency_suffixes: tuple[str, ...]
    sender_suffixes: tuple[str, ...]
    request: re.Pattern[str]
    information: re.Pattern[str]
    refer_list: re.Pattern[str]
    internal: re.Pattern[str]

    def label(self, field: str, text: str) -> re.Match[str] | None:
        """The label of ``field`` at the start of ``text`` (value begins at ``m.end()``)."""
        pattern = self.labels.get(field)
        return pattern.match(text) if pattern else None

    def is_position(self, token: str) -> bool:
        """True for a 결재 position: a lexicon word, a unit name + suffix, or a grade title."""
        t = token.lstrip("★◎☆●").strip()
        if not t or not _POSITION_CHARS.fullmatch(t):
            return False
        if t in self.positions or self.grade.fullmatch(t):
            return True
        return len(t) > 2 and t.endswith(self.position_suffixes)


def build_spec(data: dict[str, Any]) -> LetterSpec:
    """Compile a letter spec mapping (as loaded from YAML)."""
    alternatives = {field: _label_regex([str(v) for v in variants])
                    for field, variants in (data.get("labels") or {}).items()}
    labels = Patterns({field: r"^\s*" + alts + _AFTER + r"\s*[:：]?\s*"
                       for field, alts in alternatives.items()})
    anywhere = Patterns({field: r"(?:^|(?<=[\s/]))" + alts + _AFTER + r"\s*[:：]?\s*"
                         for field, alts in alternatives.items()})
    values = data.get("values") or {}

    def alternation(key: str) -> re.Pattern[str]:
        items = [str(x) for x in data.get(key) or []]
        return re.compile("(?:" + "|".join(items) + r")\s*[.]?\s*$") if items else re.compile(r"(?!)")

    return LetterSpec(
        raw=data,
        labels=labels,
        anywhere=anywhere,
        positions=frozenset(str(p) for p in data.get("positions") or []),
        position_suffixes=tuple(str(p) for p in data.get("position_suffixes") or []),
        grade=re.compile(str(data.get("grade_pattern") or r"(?!)")),
        agency_suffixes=tuple(str(s) for s in data.get("agency_suffixes") or []),
        sender_suffixes=tuple(str(s) for s in data.get("sender_suffixes") or []),
        request=alternation("request_endings"),
        information=alternation("information_endings"),
        refer_list=re.compile(str(values.get("refer_list", r"수신자\s*참조"))),
        internal=re.compile(str(values.get("internal", r"내부\s*결재"))),
    )


@lru_cache(maxsize=1)
def letter_spec() -> LetterSpec:
    """The built-in official letter spec (``schemas/official_letter.fields.yaml``)."""
    name = "official_letter.fields.yaml"
    return build_spec(load_builtin_spec(name))


__all__ = ["LetterSpec", "build_spec", "letter_spec"]
