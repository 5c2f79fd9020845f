"""Positions (직위·직급): is a word a position in a 결재란 or beside a name?

A word is a position when it is in the lexicon ``positions`` (주무관, 팀장), ends in one of
``position_suffixes`` after a unit name (공공데이터정책과장, 전산주무관), or is a grade title
matching the pattern ``grade`` (행정7급). The words live in the specs (``_shared.yaml`` for
every type); :func:`docextract.engine.catalog.shared_positions` reads them for code outside extraction (redaction).
"""

from __future__ import annotations

import re

from .spec_types import Spec

_POSITION_CHARS = re.compile(r"[가-힣0-9○()·]+")
SIGNER_MARKS = "★◎☆●"


class Positions:
    """The position words of one spec."""

    def __init__(self, spec: Spec) -> None:
        self.words = frozenset(spec.lexicons.get("positions", ()))
        self.suffixes = tuple(spec.lexicons.get("position_suffixes", ()))
        self.grade = spec.patterns.get("grade") or re.compile(r"(?!)")

    def is_position(self, token: str) -> bool:
        t = token.lstrip(SIGNER_MARKS).strip()
        if not t or not _POSITION_CHARS.fullmatch(t):
            return False
        if t in self.words or self.grade.fullmatch(t):
            return True
        return len(t) > 2 and t.endswith(self.suffixes)


__all__ = ["Positions", "SIGNER_MARKS"]
