"""All pages into one block list: furniture, wrap evidence, paragraphs and tables across
page breaks.

Some decisions need the whole document: a running header is a line repeated on other
pages, the text block's width is what most pages use, and whether the producer wraps
inside words is a statistic over all wrapped lines (:mod:`.wrap`). So pages are first
read (:mod:`.page`), then laid out, then turned into blocks here.
"""

from __future__ import annotations

from statistics import median
from typing import Any, Iterable, Optional

from ...errors import LimitExceeded
from ...model import Paragraph, Role
from ..base import ParseContext
from ..headings import Looks, mark_headings
from .blocks import PageLayout, cell_lines, layout_page, page_blocks
from .compact import compact_lines, compact_tables, expanded
from .furniture import PageRows, find_furniture
from .lines import Line, continues_on_next_page
from .page import PageContent
from .split_tables import cut_between, cut_ends, join_continued, last_table
from .wrap import WrapPolicy, decide_policy

# A short document is held as read; from this many pages on, glyphs are kept compact
# (:mod:`.compact`), which costs a little time and keeps memory flat in the page count.
COMPACT_AFTER_PAGES = 16


def assemble_blocks(pages: Iterable[PageContent], ctx: ParseContext) -> list[Any]:
    """The document's blocks in reading order, page by page; warnings go to ``ctx``.

    ``pages`` may be a stream: each page is kept only in compact form (:mod:`.compact`)
    once its cut tables are closed, and its full layout only until its blocks are built,
    so memory grows with the document's text, not with its glyph objects.
    """
    kept: list[Optional[PageContent]] = []
    scans: list[int] = []
    for page in cut_ends(pages):
        ctx.budget.check_time()
        for code, message in page.problems:
            ctx.warn(code, message, f"page {page.number}")
        if not page.has_text and page.has_images:
            scans.append(page.number)
        kept.append(page)
        if len(kept) == COMPACT_AFTER_PAGES:
            for earlier in kept:
                _compact_page(earlier)
        elif len(kept) > COMPACT_AFTER_PAGES:
            _compact_page(page)
    if scans:
        ctx.warn("pdf-no-text-layer",
                 f"{_page_list(scans)} {'has' if len(scans) == 1 else 'have'} no text layer "
                 "(scanned image); OCR is not available, so that content is missing")
    marks = find_furniture([PageRows(p.height, p.rows) for p in kept if p is not None])
    text_boxes = _text_boxes([p for p in kept if p is not None], marks)
    layouts: list[Optional[PageLayout]] = []
    body: list[list[Line]] = []
    cells: list[list[Line]] = []
    for i, page_marks in enumerate(marks):
        ctx.budget.check_time()
        content = kept[i]
        assert content is not None
        with expanded([row for k, row in enumerate(content.rows) if k not in page_marks]):
            layout = layout_page(content, page_marks, text_boxes[content.number])
        kept[i] = None  # the layout holds what is left of the page
        runs = layout.cell_runs()
        if len(kept) >= COMPACT_AFTER_PAGES:
            compact_lines([*layout.headers, *layout.body_lines(), *layout.footers])
            for run in runs:
                compact_lines(run)
        layouts.append(layout)
        body.append(layout.body_lines())
        cells.extend(runs)
    # the document class is judged from all its text: a spreadsheet export has no body
    policy = decide_policy(body, cells)
    blocks: list[Any] = []
    looks = Looks()
    previous: tuple[PageLayout, Paragraph] | None = None
    before: Any = None  # the previous page's last body item
    for i in range(len(layouts)):
        ctx.budget.check_time()
        laid = layouts[i]
        assert laid is not None
        layout = laid
        page_out = page_blocks(layout, policy, looks)
        if previous is not None:
            _carry_over(previous, layout, page_out, policy)
        after = layout.sequence[0] if layout.sequence else None
        join_continued(last_table(blocks), page_out, cut_between(before, after, policy))
        before = layout.sequence[-1] if layout.sequence else None
        blocks.extend(page_out)
        last_body = [b for b in page_out if isinstance(b, Paragraph) and b.role is Role.BODY]
        ends_in_text = bool(layout.sequence) and isinstance(layout.sequence[-1], Line)
        previous = (layout, last_body[-1]) if last_body and ends_in_text else None
        layouts[i] = None  # its blocks are built; what the policy needs it holds itself
        if len(blocks) > ctx.limits.max_blocks:
            raise LimitExceeded(f"the PDF has more than {ctx.limits.max_blocks:,} blocks (max_blocks)",
                                limit="max_blocks")
    mark_headings(blocks, looks)
    return blocks


def _compact_page(page: Optional[PageContent]) -> None:
    if page is not None:
        compact_lines(page.rows)
        compact_tables(page.tables, build_lines=cell_lines)


def _carry_over(previous: tuple[PageLayout, Paragraph], layout: PageLayout, page: list[Any],
                policy: WrapPolicy) -> None:
    """Join a paragraph broken by a page break: the new page's first body paragraph is
    appended to the previous page's last one (which keeps its page and box)."""
    before, paragraph = previous
    last, first = before.sequence[-1], layout.sequence[0] if layout.sequence else None
    if not (isinstance(last, Line) and isinstance(first, Line) and continues_on_next_page(last, first)):
        return
    index = next((i for i, b in enumerate(page) if isinstance(b, Paragraph) and b.role is Role.BODY), None)
    if index is None:
        return
    opening = page.pop(index)
    paragraph.text = paragraph.text + policy.separator(last, first) + opening.text


def _page_list(numbers: list[int]) -> str:
    spans: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [-1]:
        if n == prev + 1:
            prev = n
            continue
        spans.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = n
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(spans)


def _text_boxes(pages: list[PageContent], marks: list[dict[int, Any]]) -> dict[int, tuple[float, float]]:
    """Per page, where full body lines start and end: the typical text block of pages of
    the same width, so a short last line on one page is not mistaken for a full one."""
    by_width: dict[int, list[tuple[float, float]]] = {}
    own: dict[int, tuple[float, float]] = {}
    for page, page_marks in zip(pages, marks):
        # tables count: they usually span the text block even when no line of text does
        body = [(r.x0, r.x1) for i, r in enumerate(page.rows) if i not in page_marks]
        body += [(t.bbox[0], t.bbox[2]) for t in page.tables]
        if body:
            own[page.number] = (min(b[0] for b in body), max(b[1] for b in body))
            by_width.setdefault(round(page.width), []).append(own[page.number])
    typical = {w: (median(b[0] for b in v), median(b[1] for b in v)) for w, v in by_width.items()}
    return {p.number: typical.get(round(p.width), own.get(p.number, (0.0, p.width))) for p in pages}


__all__ = ["assemble_blocks"]
