"""Chunks for retrieval: ``docextract.chunks(doc)``.

Chunks follow the document's structure (:mod:`.pack`): a heading or 항목 with its
children when they fit, a table whole or by rows with its header row repeated, and a
cut inside a sentence only when the sentence alone is over the limit. Each chunk
carries a stable id, the breadcrumb of headings and 항목 above it, its pages, the
paths of its blocks, its span in :attr:`Document.text` and the document-level fields
that make it findable on its own (type, title, issuer, document number, date).

The spans of consecutive chunks tile the document text: each chunk starts where the
previous one ends, or up to ``overlap`` characters before that when the chunk repeats
the end of the previous one (text chunks only; a table chunk is Markdown and repeats
its header row instead).
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import Document

if TYPE_CHECKING:
    from ..api import Input
    from ..limits import Limits

DEFAULT_MAX_CHARS = 1000
MIN_MAX_CHARS = 40
ID_HEX = 16


@dataclass
class DocumentFields:
    """What a chunk says about its document, so that it can be found alone."""

    source: str | None = None
    sha256: str = ""
    format: str = ""
    type: str | None = None
    title: str | None = None
    issuer: str | None = None
    document_number: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Chunk:
    """One chunk: text (Markdown for tables), breadcrumb, provenance and document fields."""

    id: str
    index: int
    kind: str
    """``text``, or ``table`` when the chunk is a table (or rows of one) as Markdown."""
    text: str
    breadcrumb: list[str]
    pages: list[int]
    paths: list[str]
    span: tuple[int, int]
    """``[start, end)`` in :attr:`Document.text`, the line break after the last block included."""
    overlap: int = 0
    """Characters at the start of ``span`` that the previous chunk covers too."""
    document: DocumentFields = field(default_factory=DocumentFields)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "index": self.index, "kind": self.kind, "text": self.text,
                "breadcrumb": list(self.breadcrumb), "pages": list(self.pages),
                "paths": list(self.paths), "span": list(self.span), "overlap": self.overlap,
                "document": self.document.to_dict()}


def document_fields(doc: Document) -> DocumentFields:
    """The document's type, title, issuer, number and date as the extractor finds them."""
    from ..errors import DocextractError, LimitExceeded
    from ..extraction import find_fields

    out = DocumentFields(source=doc.source.name, sha256=doc.source.sha256, format=doc.format)
    try:
        found = find_fields(doc)
    except LimitExceeded:
        raise  # the time limit stops the whole call
    except DocextractError:
        out.title = doc.metadata.title
        return out
    out.type = found.record_type
    out.title = found.value("title") or doc.metadata.title
    out.issuer = found.value("issuer")
    out.document_number = found.value("document_number")
    date = found.value("enforcement_date") or found.value("date")
    out.date = str(date) if date else None
    return out


def chunks(source: "Input | Document", *, max_chars: int = DEFAULT_MAX_CHARS, overlap: int = 0,
           password: str | None = None,
           limits: "Limits | dict[str, Any] | None" = None) -> list[Chunk]:
    """The chunks of ``source`` (a parsed Document, or a path, bytes or binary file).

    No chunk's text is longer than ``max_chars``; each text chunk after a text chunk
    starts with up to ``overlap`` characters of the previous one's end (cut at a space).
    """
    if max_chars < MIN_MAX_CHARS:
        raise ValueError(f"max_chars must be at least {MIN_MAX_CHARS}, got {max_chars}")
    if not 0 <= overlap <= max_chars // 2:
        raise ValueError(f"overlap must be between 0 and max_chars/2 ({max_chars // 2}), "
                         f"got {overlap}")
    from ..limits import Limits, hard_stop

    with hard_stop(Limits.resolve(limits)):
        return _chunks(source, max_chars, overlap, password, limits)


def _chunks(source: "Input | Document", max_chars: int, overlap: int, password: str | None,
            limits: "Limits | dict[str, Any] | None") -> list[Chunk]:
    if isinstance(source, Document):
        doc = source
    else:
        from ..api import parse

        doc = parse(source, password=password, limits=limits)
    from .outline import LAW_MIN_ARTICLES, is_article
    from .pack import outline_tree, pack
    from .pieces import items

    text = doc.text
    articles = 0
    for paragraph in doc.paragraphs():
        articles += is_article(paragraph)
        if articles >= LAW_MIN_ARTICLES:
            break
    law = articles >= LAW_MIN_ARTICLES
    pieces = pack(text, outline_tree(items(doc.blocks, law=law)), max_chars - overlap)
    pieces = [p for p in pieces if not p.empty] or pieces[:1]
    if pieces:  # the tiling reaches both ends of the text, empty lines included
        pieces[0].start, pieces[-1].end = 0, len(text)
    fields = document_fields(doc)
    key = doc.source.sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    pages = _page_index(doc)
    out: list[Chunk] = []
    for i, piece in enumerate(pieces):
        kind = "table" if piece.parts and all(t for _, t in piece.parts) else "text"
        body = piece.text()
        start, shared = piece.start, 0
        if overlap and out and kind == "text" and out[-1].kind == "text":
            start, prefix = _overlap(text, out[-1].span[0] + out[-1].overlap, piece.start, overlap)
            shared = piece.start - start
            body = prefix + body if prefix else body
        anchor = piece.anchor or (piece.paths[0] if piece.paths else "")
        digest = hashlib.sha256(f"{key}\0{anchor}".encode("utf-8")).hexdigest()[:ID_HEX]
        out.append(Chunk(id=digest, index=i, kind=kind, text=body, breadcrumb=list(piece.crumbs),
                         pages=_pages(pages, piece.start, piece.end), paths=list(piece.paths),
                         span=(start, piece.end), overlap=shared, document=fields))
    return out


def _overlap(text: str, floor: int, start: int, overlap: int) -> tuple[int, str]:
    """Where the repeated tail of the previous chunk begins (at a space when there is one
    in reach), and that tail as it goes in front of the chunk's text."""
    begin = max(floor, start - overlap + 1)  # one character is left for the separator
    space = text.find(" ", begin, start)
    newline = text.find("\n", begin, start)
    cuts = [c for c in (space, newline) if c >= 0]
    if cuts and begin > floor:
        begin = min(cuts) + 1
    tail = text[begin:start].strip()
    if not tail:
        return start, ""
    return begin, tail + ("\n" if text[start - 1:start] == "\n" else " ")


def _page_index(doc: Document) -> tuple[list[int], list[int | None]]:
    starts: list[int] = []
    pages: list[int | None] = []
    for p in doc.paragraphs():
        if p.prov.span is not None:
            starts.append(p.prov.span[0])
            pages.append(p.prov.page)
    order = sorted(range(len(starts)), key=starts.__getitem__)
    return [starts[i] for i in order], [pages[i] for i in order]


def _pages(index: tuple[list[int], list[int | None]], start: int, end: int) -> list[int]:
    starts, pages = index
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return sorted({p for p in pages[lo:hi] if p is not None})


__all__ = ["Chunk", "DEFAULT_MAX_CHARS", "DocumentFields", "chunks", "document_fields"]
