"""Before PDFium sees a PDF: what would each page cost it, and may it run in this process?

PDFium cannot be stopped once it parses a page, and it aborts the whole process when an
allocation fails. So before it opens a document, this module reads the file itself
(:mod:`.pdfobjects`) and estimates, page by page, what PDFium would build:

* the content bytes it would decode and parse: the page's content streams, and each
  form XObject's stream once per use (inflated here a chunk at a time and counted,
  never held, and never past :data:`MAX_STREAM_BYTES` per stream),
* the page objects it would create: text-showing, path-painting and inline-image
  operators, and form XObjects expanded as PDFium expands them (a form drawn 50,000
  times costs 50,000 times its own objects; a form that draws itself twice is followed
  40 levels deep, 2^40 objects),
* the inline image data it would decode (declared width x height x depth),
* how deep marked content (BMC/BDC) nests: PDFium's memory grows with its square,
* the glyph procedures of the Type3 fonts the content selects (PDFium parses them when
  the page loads), once per font and page, with the forms they draw expanded.

Each page gets a verdict (:class:`PagePlan`): ``ok`` (cheap), ``heavy`` (PDFium may run,
but not in this process) or ``refused`` (over a bound below: the page is skipped and
the document says so). What the estimate models least surely is at least ``heavy``: forms
that draw themselves, more than :data:`~.contentscan.INPROCESS_MARK_OPENS` marked-content
opens, Type3 glyphs that draw forms. A document runs in-process only when every page is
``ok`` and the whole file could be read; anything this reader cannot read (encryption,
unusual filters, a page tree it cannot follow) sends the document to the sandbox
(:mod:`.sandbox`) too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator, NamedTuple, Optional

from ...errors import LimitExceeded
from .contentscan import INPROCESS_MARK_OPENS, ContentCost, scan_content
from .pdfobjects import (CHUNK, ObjectIndex, Ref, Stream, Unreadable, decoded_chunks, filters)

MiB = 1024 * 1024

# In-process bounds: a page under all three runs in this process.
INPROCESS_OBJECTS = 250_000  # page objects PDFium builds (forms expanded)
INPROCESS_CONTENT_BYTES = 32 * MiB  # content decoded and parsed (forms once per use)
INPROCESS_INLINE_BYTES = 32 * MiB  # inline image data decoded
# Hard bounds: a page over one of them is skipped with a warning, PDFium never loads it.
MAX_PAGE_OBJECTS = 2_000_000
MAX_PAGE_CONTENT_BYTES = 256 * MiB
MAX_PAGE_INLINE_BYTES = 256 * MiB
MAX_STREAM_BYTES = 256 * MiB  # one stream is inflated no further than this
# Marked content (BMC/BDC) left open: PDFium keeps a full copy of the mark stack for
# every level, so memory grows with the square of the depth (measured: 5,000 levels
# 180 MB, 20,000 levels 1.8 GB, 40,000 an abort). In-process only when the page opens
# no more than INPROCESS_MARK_OPENS in all (a bound no string can fool); past this hard
# bound by a token-level count (a close inside a string may fool it, the sandbox still
# holds) the page is refused.
MAX_MARK_DEPTH = 8_000
# PDFium parses form XObjects nested up to this deep (kMaxFormLevel); the form one
# level deeper is made, empty. Measured: a chain of 50 forms, or one form drawing
# itself, gives 40 levels of content.
PDFIUM_FORM_LEVELS = 40
MAX_TYPE3_FONTS = 1_000  # Type3 fonts one page may reach; more sends the file to the sandbox
_SATURATED = 10 ** 12


@dataclass
class PageCost:
    """A page's estimate with its forms expanded."""

    objects: int = 0
    content_bytes: int = 0
    inline_bytes: int = 0
    over_cap: bool = False
    largest_use: str = ""  # the XObject that costs the page most, for the message
    largest_use_count: int = 0
    form_cycle: bool = False  # a form XObject is drawn inside itself (directly or not)
    mark_opens: int = 0  # marked-content opens on the way down to the deepest form
    mark_depth: int = 0
    type3_draws: bool = False  # a Type3 glyph draws forms or shows Type3 glyphs itself


class _Use(NamedTuple):
    """What one use of an XObject costs, its forms expanded."""

    objects: int
    content: int
    inline: int
    over_cap: bool
    cycle: bool
    mark_opens: int  # a form parses with a mark stack of its own, whose depth adds to
    mark_depth: int  # that of the content drawing it
    fonts: frozenset[Any] = frozenset()  # the Type3 fonts it selects (forms' included)


_IMAGE = _Use(1, 0, 0, False, False, 0, 0)  # an image, a missing name, anything not a form


@dataclass
class _Scope:
    """Where a content stream looks its XObject and font names up, as PDFium does: its
    resources' category, else (no such category) the page's; and the forms drawing it."""

    resources: dict[str, Any]
    page_xobjects: dict[str, Any]
    page_fonts: dict[str, Any]
    stack: tuple[Ref, ...]

    def xobjects(self, get: Callable[[Any], Any]) -> dict[str, Any]:
        own = get(self.resources.get("XObject")) if isinstance(self.resources, dict) else None
        return own if isinstance(own, dict) else self.page_xobjects

    def fonts(self, get: Callable[[Any], Any]) -> dict[str, Any]:
        own = get(self.resources.get("Font")) if isinstance(self.resources, dict) else None
        return own if isinstance(own, dict) else self.page_fonts

    def key(self) -> tuple[int, int]:
        return id(self.page_xobjects), id(self.page_fonts)


@dataclass
class PagePlan:
    """The pre-flight's verdict on one page: "ok", "heavy" or "refused" (with why)."""

    verdict: str
    cost: PageCost
    reason: str = ""


@dataclass
class DocumentPlan:
    """Per-page plans, or None when the file could not be read (``unknown`` says why)."""

    pages: Optional[list[PagePlan]]
    unknown: str = ""
    scanned_bytes: int = 0

    @property
    def in_process(self) -> bool:
        """Every page PDFium will load is cheap (refused pages it never loads)."""
        return self.pages is not None and all(p.verdict != "heavy" for p in self.pages)

    def refused(self) -> dict[int, str]:
        """0-based page index -> reason, for the pages PDFium must not load."""
        if self.pages is None:
            return {}
        return {i: p.reason for i, p in enumerate(self.pages) if p.verdict == "refused"}


class Preflight:
    """Reads one file's pages and their costs; see the module docstring."""

    def __init__(self, data: bytes, max_decompressed: int, check_time: Callable[[], None]) -> None:
        self.index = ObjectIndex(data)
        self.data = data
        self.max_decompressed = max_decompressed
        self.check_time = check_time
        self.scanned = 0
        self._streams: dict[Ref, ContentCost] = {}
        self._forms: dict[tuple[Any, ...], _Use] = {}
        self._type3_fonts: dict[Any, dict[str, Any]] = {}  # key -> font dictionary
        self._glyphs: dict[tuple[Any, ...], tuple[_Use, bool]] = {}

    def plan(self) -> DocumentPlan:
        if self.index.encrypted:
            return DocumentPlan(None, "encrypted streams")
        pages = self._pages()
        plans = []
        for page, resources in pages:
            self.check_time()
            plans.append(self._judge(self._page_cost(page, resources)))
        return DocumentPlan(plans, scanned_bytes=self.scanned)

    def _pages(self) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        """Leaf pages in order, with their inherited resources."""
        get = self.index.get
        catalog = self.index.root()
        if catalog is None:
            raise Unreadable("no catalog")
        out: list[tuple[dict[str, Any], dict[str, Any]]] = []
        seen: set[Ref] = set()
        stack: list[tuple[Any, Any]] = [(catalog.get("Pages"), None)]
        while stack:
            ref, inherited = stack.pop()
            if isinstance(ref, Ref):
                if ref in seen:
                    raise Unreadable("page tree loops")
                seen.add(ref)
            node = get(ref)
            if not isinstance(node, dict):
                raise Unreadable("page tree node is not a dictionary")
            resources = get(node.get("Resources"))
            resources = resources if isinstance(resources, dict) else inherited
            kids = get(node.get("Kids"))
            if node.get("Type") == "Page" or (kids is None and "Contents" in node):
                out.append((node, resources or {}))
            elif isinstance(kids, list):
                stack.extend((kid, resources) for kid in reversed(kids))
            else:
                raise Unreadable("page tree node without kids")
            if len(out) + len(stack) > 1_000_000:
                raise Unreadable("page tree too large")
        return out

    def _content(self, ref: Any) -> ContentCost:
        """The cost of one content stream (counted once per object, costliest version)."""
        if isinstance(ref, Ref) and ref in self._streams:
            return self._streams[ref]
        total = ContentCost()
        versions = self.index.versions(ref) if isinstance(ref, Ref) else [ref]
        for stream in versions:
            if not isinstance(stream, Stream):
                continue
            cost = self._scan([stream])
            if cost.own_objects + cost.decoded >= total.own_objects + total.decoded:
                total = cost
        if isinstance(ref, Ref):
            self._streams[ref] = total
        return total

    def _scan(self, streams: list[Stream]) -> ContentCost:
        """The cost of ``streams`` read one after the other, as one content."""
        cost = ContentCost()
        remaining = self.max_decompressed - self.scanned
        cap = min(MAX_STREAM_BYTES, max(0, remaining))
        scan_content(self._timed(_joined(self.data, streams, cap)), cost)
        self.scanned += cost.decoded
        if cost.decoded > MAX_STREAM_BYTES:
            cost.over_cap = True
        elif cost.decoded > cap:
            raise LimitExceeded(
                f"the PDF's content streams inflate past {self.max_decompressed:,} bytes "
                "(max_decompressed_bytes)", limit="max_decompressed_bytes")
        return cost

    def _timed(self, chunks: Any) -> Any:
        for chunk in chunks:
            self.check_time()
            yield chunk

    def _page_cost(self, page: dict[str, Any], resources: dict[str, Any]) -> PageCost:
        get = self.index.get
        contents = get(page.get("Contents"))
        refs = contents if isinstance(contents, list) else [page.get("Contents")]
        own = ContentCost()
        for ref in refs:
            if ref is not None:
                own.add(self._content(ref))
        cost = PageCost(content_bytes=own.decoded, inline_bytes=own.inline_bytes, over_cap=own.over_cap)
        page_xobjects = get(resources.get("XObject")) if isinstance(resources, dict) else None
        page_fonts = get(resources.get("Font")) if isinstance(resources, dict) else None
        scope = _Scope(resources, page_xobjects if isinstance(page_xobjects, dict) else {},
                       page_fonts if isinstance(page_fonts, dict) else {}, ())
        total = self._with_glyphs(self._expand(own, scope, 0, cost), scope, cost)
        cost.objects = min(total.objects, _SATURATED)
        cost.content_bytes = min(total.content, _SATURATED)
        cost.inline_bytes = min(total.inline, _SATURATED)
        cost.over_cap = total.over_cap
        cost.form_cycle = cost.form_cycle or total.cycle
        cost.mark_opens, cost.mark_depth = total.mark_opens, total.mark_depth
        return cost

    def _expand(self, own: ContentCost, scope: "_Scope", depth: int, page: PageCost) -> "_Use":
        """The cost of content with its forms expanded as PDFium expands them."""
        if not (own.uses or own.unnamed_uses or own.fonts or own.unnamed_fonts):
            return _Use(own.own_objects, own.decoded, own.inline_bytes, own.over_cap, False,
                        own.mark_opens, own.mark_depth)  # draws nothing by name
        get = self.index.get
        xobjects = scope.xobjects(get)
        objects, content, inline = own.own_objects, own.decoded, own.inline_bytes
        over, cycle = own.over_cap, False
        inner_opens = inner_depth = 0
        named: dict[str, _Use] = {}
        for name in set(own.uses) | (set(xobjects) if own.unnamed_uses else set()):
            named[name] = self._xobject(xobjects.get(name), scope, depth)
        worst = max(named.values(), default=_IMAGE)
        for name, count in list(own.uses.items()) + [("", own.unnamed_uses)]:
            if not count:
                continue
            use = named.get(name, _IMAGE) if name else worst
            objects = min(objects + count * use.objects, _SATURATED)
            content = min(content + count * use.content, _SATURATED)
            inline = min(inline + count * use.inline, _SATURATED)
            over, cycle = over or use.over_cap, cycle or use.cycle
            inner_opens, inner_depth = max(inner_opens, use.mark_opens), max(inner_depth, use.mark_depth)
            if depth == 0 and name and count * use.objects > page.largest_use_count:
                page.largest_use, page.largest_use_count = name, count * use.objects
        fonts = set().union(*(use.fonts for name, use in named.items()
                              if own.uses.get(name) or own.unnamed_uses))
        offered = scope.fonts(get)
        for name in (offered if own.unnamed_fonts else own.fonts):
            value = offered.get(name)
            if isinstance(value, Ref) and not self.index.may_have_subtype(value, b"Type3"):
                continue  # not a Type3 font: its dictionary (and widths) need not be parsed
            font = get(value)
            if isinstance(font, dict) and font.get("Subtype") == "Type3":
                key = value if isinstance(value, Ref) else id(font)
                self._type3_fonts[key] = font
                fonts.add(key)
        return _Use(objects, content, inline, over, cycle, own.mark_opens + inner_opens,
                    own.mark_depth + inner_depth, frozenset(fonts))

    def _with_glyphs(self, total: _Use, scope: _Scope, page: PageCost) -> _Use:
        """``total`` with the glyph procedures of the Type3 fonts it may show: PDFium
        parses a Type3 glyph's content stream when the glyph is first shown, once per
        font, with forms drawn in it expanded like any form. Each font counts once per
        page, all its glyphs; glyphs that draw forms or show Type3 text send the page to
        the sandbox (PDFium nests those too, and they are rare)."""
        seen: set[Any] = set()
        queue = list(total.fonts)
        while queue:
            key = queue.pop()
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > MAX_TYPE3_FONTS:
                raise Unreadable("too many Type3 fonts")
            glyphs, draws = self._glyph_cost(key, scope)
            total = _add(total, glyphs)
            page.type3_draws = page.type3_draws or draws or bool(glyphs.fonts)
            queue.extend(glyphs.fonts)
        return total

    def _glyph_cost(self, key: Any, scope: _Scope) -> tuple[_Use, bool]:
        """All glyph procedures of one Type3 font, and whether one draws a form. Glyphs
        that draw nothing by name (the usual: paths, images) cost the same on every page."""
        cache = (key,) + scope.key()
        found = self._glyphs.get((key,)) or self._glyphs.get(cache)
        if found is not None:
            return found
        get = self.index.get
        font = self._type3_fonts[key]
        procs = get(font.get("CharProcs"))
        resources = get(font.get("Resources"))
        inner = _Scope(resources if isinstance(resources, dict) else {}, scope.page_xobjects,
                       scope.page_fonts, ())
        # every version of every glyph, read in one pass: a font has hundreds of glyphs
        # and each is a few bytes (the marks of one glyph are counted as if still open
        # in the next: too high, never too low)
        streams = [stream for value in (procs.values() if isinstance(procs, dict) else ())
                   for stream in (self.index.versions(value) if isinstance(value, Ref) else [value])
                   if isinstance(stream, Stream)]
        own = self._scan(streams)
        draws = bool(own.uses) or bool(own.unnamed_uses)
        by_name = draws or bool(own.fonts) or own.unnamed_fonts
        found = (self._expand(own, inner, 0, PageCost()), draws)
        self._glyphs[cache if by_name else (key,)] = found
        return found

    def _xobject(self, ref: Any, scope: "_Scope", depth: int) -> "_Use":
        """The cost of one use of an XObject: 1 object for an image, a form's content.

        PDFium parses a form inside forms down to :data:`PDFIUM_FORM_LEVELS` levels and,
        in the PDFium pypdfium2 ships, follows a form into itself as into any other (its
        cycle guard compares decoded buffers, which are fresh for every use): a form that
        draws itself twice costs 2^40 objects. So the estimate follows cycles exactly as
        deep, and marks them (:attr:`PageCost.form_cycle`)."""
        if not isinstance(ref, Ref):
            return _IMAGE
        target = self.index.get(ref)
        if not isinstance(target, Stream) or target.dict.get("Subtype") != "Form":
            return _IMAGE
        if depth >= PDFIUM_FORM_LEVELS:
            return _Use(1, 0, 0, False, ref in scope.stack, 0, 0)  # made, never parsed
        form_resources = self.index.get(target.dict.get("Resources"))
        if not isinstance(form_resources, dict):
            form_resources = scope.resources  # no /Resources: the drawing content's own
        key = (ref, id(form_resources), depth) + scope.key()
        if key not in self._forms:
            own = self._content(ref)
            inner = _Scope(form_resources, scope.page_xobjects, scope.page_fonts, scope.stack + (ref,))
            use = self._expand(own, inner, depth + 1, PageCost())
            self._forms[key] = use._replace(objects=1 + use.objects, cycle=use.cycle or ref in scope.stack)
        return self._forms[key]

    def _judge(self, cost: PageCost) -> PagePlan:
        why = _over_bounds(cost)
        if why:
            return PagePlan("refused", cost, why)
        # a form cycle within the bounds still goes to the sandbox: PDFium's own cycle
        # guard is what the estimate models least surely
        if cost.objects > INPROCESS_OBJECTS or cost.content_bytes > INPROCESS_CONTENT_BYTES \
                or cost.inline_bytes > INPROCESS_INLINE_BYTES or cost.form_cycle \
                or cost.mark_opens > INPROCESS_MARK_OPENS or cost.type3_draws:
            return PagePlan("heavy", cost)
        return PagePlan("ok", cost)


def _joined(data: bytes, streams: list[Stream], cap: int) -> Iterator[bytes]:
    """The decoded bytes of ``streams`` one after the other (a line break between), in
    chunks of about :data:`CHUNK`, and no further than ``cap`` in all."""
    if len(streams) == 1:
        stream = streams[0]
        yield from decoded_chunks(data[stream.start:stream.end], filters(stream.dict), cap)
        return
    pending = bytearray()
    produced = 0
    for stream in streams:
        for chunk in decoded_chunks(data[stream.start:stream.end], filters(stream.dict), cap - produced):
            produced += len(chunk)
            pending += chunk
            if len(pending) >= CHUNK or produced > cap:
                yield bytes(pending)
                pending.clear()
            if produced > cap:
                return
        pending += b"\n"
    if pending:
        yield bytes(pending)


def _add(a: _Use, b: _Use) -> _Use:
    """Two contents parsed one after the other."""
    return _Use(min(a.objects + b.objects, _SATURATED), min(a.content + b.content, _SATURATED),
                min(a.inline + b.inline, _SATURATED), a.over_cap or b.over_cap, a.cycle or b.cycle,
                max(a.mark_opens, b.mark_opens), max(a.mark_depth, b.mark_depth), a.fonts | b.fonts)


def _over_bounds(cost: PageCost) -> str:
    via = ""
    if cost.largest_use_count > cost.objects // 2:
        via = (f" (form XObject /{cost.largest_use} draws itself, and PDFium follows it "
               f"{PDFIUM_FORM_LEVELS} levels deep)" if cost.form_cycle
               else f" (form XObject /{cost.largest_use} drawn over and over)")
    elif cost.type3_draws:
        via = " (Type3 glyphs that draw forms)"
    if cost.over_cap:
        return f"a content stream inflates past {MAX_STREAM_BYTES // MiB} MiB"
    if cost.objects > MAX_PAGE_OBJECTS:
        return f"it draws about {_count_text(cost.objects)} objects{via}, past {MAX_PAGE_OBJECTS:,}"
    if cost.content_bytes > MAX_PAGE_CONTENT_BYTES:
        return (f"its content inflates to {_size(cost.content_bytes)} to parse{via}, past "
                f"{MAX_PAGE_CONTENT_BYTES // MiB} MiB")
    if cost.mark_depth > MAX_MARK_DEPTH:
        return (f"it nests marked content (BMC/BDC) {cost.mark_depth:,} levels deep, past "
                f"{MAX_MARK_DEPTH:,}")
    if cost.inline_bytes > MAX_PAGE_INLINE_BYTES:
        return (f"its inline images declare {_size(cost.inline_bytes)} of pixels, past "
                f"{MAX_PAGE_INLINE_BYTES // MiB} MiB")
    return ""


def _size(n: int) -> str:
    return f"{n / MiB:,.0f} MiB" if n < _SATURATED else "an unbounded amount"


def _count_text(n: int) -> str:
    return f"{n:,}" if n < _SATURATED else "an unbounded number of"


def plan_document(data: bytes, max_decompressed: int, check_time: Callable[[], None]) -> DocumentPlan:
    """The pre-flight's plan for ``data``; raises only :class:`LimitExceeded` (the file's
    content streams inflate past ``max_decompressed`` or the deadline passed)."""
    try:
        return Preflight(data, max_decompressed, check_time).plan()
    except Unreadable as exc:
        return DocumentPlan(None, str(exc))
    except (RecursionError, ValueError, IndexError, KeyError, TypeError, OverflowError) as exc:
        # a structure this reader did not expect: the sandbox reads it instead
        return DocumentPlan(None, f"{type(exc).__name__}")


__all__ = ["DocumentPlan", "PagePlan", "PageCost", "plan_document",
           "INPROCESS_OBJECTS", "INPROCESS_CONTENT_BYTES", "INPROCESS_INLINE_BYTES",
           "MAX_PAGE_OBJECTS", "MAX_PAGE_CONTENT_BYTES", "MAX_PAGE_INLINE_BYTES", "MAX_STREAM_BYTES",
           "INPROCESS_MARK_OPENS", "MAX_MARK_DEPTH", "PDFIUM_FORM_LEVELS"]
