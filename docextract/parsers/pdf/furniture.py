"""Page furniture: running headers, running footers and page numbers.

A row near the top or bottom edge of a page (within 12% of the page height, and among
the three outermost rows) is furniture when

* it is a page number on its own (``3``, ``- 3 -``, ``3 / 10``, ``Page 3``, ``3쪽``), or
* the same text, with digits ignored, sits at about the same height on another page
  (``생성형 AI 구축 및 학습 용역 - 1 - 한국남부발전`` repeats with its page number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Role
from .lines import Line

BAND = 0.12
OUTERMOST_ROWS = 3
SAME_HEIGHT = 8.0  # points a repeated header may drift between pages

PAGE_NUMBER = re.compile(
    r"^[\-–—(\[<]?\s*(?:page\s*|p\.\s*)?\d{1,5}\s*(?:(?:/|of)\s*\d{1,5})?\s*(?:쪽|페이지|면)?\s*[\-–—)\]>]?$",
    re.IGNORECASE,
)


@dataclass
class PageRows:
    """The rows of one page that could be furniture, with the page height."""

    height: float
    rows: list[Line]


def _signature(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _candidates(page: PageRows) -> list[tuple[int, Role]]:
    out: list[tuple[int, Role]] = []
    top_limit, bottom_limit = BAND * page.height, (1 - BAND) * page.height
    order = sorted(range(len(page.rows)), key=lambda i: page.rows[i].top)
    for i in order[:OUTERMOST_ROWS]:
        if page.rows[i].bottom <= top_limit:
            out.append((i, Role.HEADER))
    for i in order[::-1][:OUTERMOST_ROWS]:
        if page.rows[i].top >= bottom_limit and all(j != i for j, _ in out):
            out.append((i, Role.FOOTER))
    return out


def find_furniture(pages: list[PageRows]) -> list[dict[int, Role]]:
    """For each page, row index → HEADER/FOOTER for the rows that are furniture."""
    candidates = [_candidates(p) for p in pages]
    seen: dict[tuple[Role, str], list[tuple[int, float]]] = {}
    for page_no, (page, cands) in enumerate(zip(pages, candidates)):
        for i, role in cands:
            line = page.rows[i]
            seen.setdefault((role, _signature(line.text)), []).append((page_no, line.top))
    result: list[dict[int, Role]] = []
    for page_no, (page, cands) in enumerate(zip(pages, candidates)):
        marks: dict[int, Role] = {}
        for i, role in cands:
            line = page.rows[i]
            if PAGE_NUMBER.match(line.text.strip()):
                marks[i] = role
                continue
            sig = _signature(line.text)
            if len(sig) < 2:
                continue
            others = {p for p, top in seen.get((role, sig), [])
                      if p != page_no and abs(top - line.top) <= SAME_HEIGHT}
            if others:
                marks[i] = role
        result.append(marks)
    return result


__all__ = ["PageRows", "find_furniture", "PAGE_NUMBER"]
