"""공개구분 (disclosure class) → ``{level, grounds}``.

``공개``/``대국민공개``/``대시민공개`` → 공개; ``부분공개(5)`` → 부분공개 [5];
``비공개(1,5)``/``비공개(1·5)`` → 비공개 [1, 5]. Grounds are the item numbers (1–8) of
정보공개법 제9조 제1항.
"""

from __future__ import annotations

import re
from typing import Any

from .text import normalize_chars

_DISCLOSURE = re.compile(
    r"(?<![가-힣])(?P<level>대\s*국\s*민\s*공\s*개|대\s*시\s*민\s*공\s*개|부\s*분\s*공\s*개|비\s*공\s*개|공\s*개)"
    r"(?:\s*\(\s*(?P<grounds>\d{1,2}(?:\s*[,·.\s]\s*\d{1,2})*)?\s*\))?(?![가-힣])")


def find_disclosure(text: str) -> re.Match[str] | None:
    """The last disclosure mark in ``text`` (it closes the 결문 contact line)."""
    matches = list(_DISCLOSURE.finditer(normalize_chars(text)))
    return matches[-1] if matches else None


def parse_disclosure(text: str) -> dict[str, Any] | None:
    """``{"level": 공개|부분공개|비공개, "grounds": [int]}`` for the mark in ``text``, else ``None``."""
    m = find_disclosure(text)
    if m is None:
        return None
    raw = m["level"].replace(" ", "")
    level = "공개" if raw in ("공개", "대국민공개", "대시민공개") else raw
    grounds = sorted({int(g) for g in re.findall(r"\d{1,2}", m["grounds"] or "")
                      if 1 <= int(g) <= 8})
    return {"level": level, "grounds": grounds}


__all__ = ["find_disclosure", "parse_disclosure"]
