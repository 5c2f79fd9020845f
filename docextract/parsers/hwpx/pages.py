"""Page estimates for HWPX, which stores no page objects."""

from __future__ import annotations

from typing import Any

_LINESEGARRAY = "{*}linesegarray"


class PageTracker:
    """Estimates the 1-based page of each top-level paragraph.

    HWPX stores no page objects. Pages are counted from explicit page breaks
    (``hp:p pageBreak="1"``), section starts (a new section starts a new page), and
    the layout Hangul saved in ``hp:linesegarray``: ``vertpos`` of a line is measured
    from the top of the page body, so a line whose ``vertpos`` is smaller than the
    previous line's starts a new page. That test is skipped in multi-column sections
    (columns also restart ``vertpos``), and a table that itself runs over several
    pages counts once, so the numbers are a lower bound for long tables.
    """

    def __init__(self) -> None:
        self.page = 1
        self.columns = 1
        self._last: int | None = None
        self._fresh = True

    def start_section(self) -> None:
        if not self._fresh:
            self.page += 1
        self._fresh = True
        self._last = None
        self.columns = 1

    def paragraph(self, p: Any) -> int:
        """Advance over a top-level paragraph and return the page it starts on."""
        if p.get("pageBreak") == "1" and not self._fresh:
            self.page += 1
            self._last = None
        first: int | None = None
        segs = next(p.iterchildren(_LINESEGARRAY), None)
        if segs is not None and self.columns == 1:
            last, page = self._last, self.page
            for seg in segs:
                try:
                    vert = int(seg.get("vertpos", -1))
                except (TypeError, ValueError):
                    continue  # not a number: as if absent
                if vert < 0:
                    continue
                if last is not None and vert < last:
                    page += 1
                last = vert
                if first is None:
                    first = page
            self._last, self.page = last, page
        self._fresh = False
        return first if first is not None else self.page
