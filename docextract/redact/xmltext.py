"""Text of an XML part as segments that can be masked in place, byte for byte.

The part is read with a small tokenizer over its decoded text (tags, character data,
comments, CDATA, processing instructions) that keeps the position of every character,
so a masked value is written back into exactly the characters it came from and every
other byte of the part stays as it was: declarations, namespaces, attribute quoting,
entity references, whitespace. The caller checks the part with
:func:`docextract.safeio.parse_xml` first, so the text is well-formed and declares no
entities.

Segments:

* ``paragraph``: the text of the ``t`` elements (``w:t``, ``w:delText``, ``hp:t``,
  ``a:t``) of one paragraph (``w:p``, ``hp:p``, ``a:p``), joined across runs, so a value
  split over several runs is one string; tabs and line breaks become a space that maps
  to no character of the source;
* ``element``: other character data, per element (field codes ``w:instrText``, property
  values ``dc:creator``, ``opf:meta`` …), with the element's local name and attributes;
* ``attribute``: attribute values that can hold personal data (link targets, field
  commands, author names).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Callable

from ..errors import CorruptDocument
from ..limits import Budget

_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[(?P<cdata>.*?)\]\]>|<\?.*?\?>|<!DOCTYPE[^>]*>"
    r"|<(?P<end>/)?(?P<name>[^\s/>!?]+)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/)?>"
    r"|(?P<text>[^<]+)", re.S)
_ATTR = re.compile(r"([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ENTITY = re.compile(r"&(?:#x([0-9A-Fa-f]+)|#(\d+)|(lt|gt|amp|quot|apos));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}

TEXT_ELEMENTS = frozenset({"t", "delText"})
PARAGRAPH_ELEMENTS = frozenset({"p"})
BREAK_ELEMENTS = frozenset({"tab", "br", "cr", "lineBreak", "fwSpace", "nbSpace", "noBreakHyphen"})
SCANNED_ATTRIBUTES = frozenset({"Target", "instr", "command", "href", "author", "initials", "name"})
TIME_CHECK_EVERY = 20_000


@dataclass
class _Run:
    """Decoded characters that sit in one piece of the source: ``at`` is the segment
    offset of the first, ``src`` the source offset; ``index`` maps each character to its
    source offset when entity references make them differ (None when one to one)."""

    at: int
    src: int
    text: str
    index: list[int] | None = None

    def source_span(self, i: int) -> tuple[int, int]:
        if self.index is None:
            return self.src + i, self.src + i + 1
        return self.index[i], self.index[i + 1]


@dataclass
class Segment:
    """A string of text from the part and where each of its characters came from."""

    kind: str
    """``paragraph``, ``element`` or ``attribute``."""
    element: str
    """Local name of the element holding the text (the paragraph's ``p``, the attribute's owner)."""
    attrs: dict[str, str] = field(default_factory=dict)
    """The element's attributes by local name (the attribute's own name under ``"@"``)."""
    text: str = ""
    runs: list[_Run] = field(default_factory=list)

    def add(self, src: int, raw: str, *, cdata: bool = False) -> None:
        decoded, index = (raw, None) if cdata else _decode(raw, src)
        self.runs.append(_Run(len(self.text), src, decoded, index))
        self.text += decoded

    def add_virtual(self, char: str) -> None:
        """A character with no source (a tab or line break element): never patched."""
        self.text += char

    def sources(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """(segment offset, source start, source end) of each real character in a range."""
        out = []
        starts = [r.at for r in self.runs]
        for pos in range(start, end):
            k = bisect.bisect_right(starts, pos) - 1
            if k < 0:
                continue
            run = self.runs[k]
            if pos < run.at + len(run.text):
                a, b = run.source_span(pos - run.at)
                out.append((pos, a, b))
        return out


def _decode(raw: str, src: int) -> tuple[str, list[int] | None]:
    if "&" not in raw:
        return raw, None
    chars: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _ENTITY.finditer(raw):
        for i in range(pos, m.start()):
            chars.append(raw[i])
            index.append(src + i)
        if m.group(3):
            chars.append(_NAMED[m.group(3)])
        else:
            chars.append(chr(int(m.group(1), 16) if m.group(1) else int(m.group(2))))
        index.append(src + m.start())
        pos = m.end()
    for i in range(pos, len(raw)):
        chars.append(raw[i])
        index.append(src + i)
    index.append(src + len(raw))
    return "".join(chars), index


def _local(qname: str) -> str:
    return qname.rpartition(":")[2]


def segments(xml: str, budget: Budget | None = None) -> list[Segment]:
    """The maskable text of a (well-formed) XML document, in document order."""
    out: list[Segment] = []
    stack: list[tuple[str, dict[str, str]]] = []
    paragraphs: list[Segment | None] = []   # per open element: its paragraph segment, if any
    count = 0
    for m in _TOKEN.finditer(xml):
        count += 1
        if budget is not None and count % TIME_CHECK_EVERY == 0:
            budget.check_time()
        if m.group("text") is not None or m.group("cdata") is not None:
            if not stack:
                continue
            cdata = m.group("cdata") is not None
            raw = m.group("cdata") if cdata else m.group("text")
            src = m.start("cdata") if cdata else m.start()
            owner, owner_attrs = stack[-1]
            para = paragraphs[-1]
            if owner in TEXT_ELEMENTS and para is not None:
                para.add(src, raw, cdata=cdata)
            elif raw.strip():
                seg = Segment("element", owner, owner_attrs)
                seg.add(src, raw, cdata=cdata)
                out.append(seg)
            continue
        name = m.group("name")
        if name is None:
            continue  # comment, processing instruction or declaration
        if m.group("end"):
            if stack:
                stack.pop()
                paragraphs.pop()
            continue
        local = _local(name)
        attrs: dict[str, str] = {}
        for a in _ATTR.finditer(m.group("attrs") or "", 0):
            value = a.group(2) if a.group(2) is not None else a.group(3)
            key = _local(a.group(1))
            attrs[key] = value
            if key in SCANNED_ATTRIBUTES and value:
                offset = m.start("attrs") + a.start(2 if a.group(2) is not None else 3)
                seg = Segment("attribute", local, {**attrs, "@": key})
                seg.add(offset, value)
                out.append(seg)
        para = paragraphs[-1] if paragraphs else None
        if local in PARAGRAPH_ELEMENTS:
            para = Segment("paragraph", local, attrs)
            out.append(para)
        elif local in BREAK_ELEMENTS and para is not None and para.text:
            para.add_virtual(" ")
        if not m.group("empty"):
            stack.append((local, attrs))
            paragraphs.append(para)
    if stack:
        raise CorruptDocument("XML part ends inside an element")
    return [s for s in out if s.text.strip()]


def patch(xml: str, replacements: list[tuple[int, int, str]]) -> str:
    """``xml`` with each source range ``[start, end)`` replaced (ranges do not overlap)."""
    pieces = []
    pos = 0
    for start, end, new in sorted(replacements):
        pieces.append(xml[pos:start])
        pieces.append(new)
        pos = end
    pieces.append(xml[pos:])
    return "".join(pieces)


def mask_segments(xml: str, masker: Callable[[Segment], list[tuple[int, int, str]]],
                  budget: Budget | None = None) -> tuple[str, int]:
    """``xml`` with what ``masker`` finds in each segment replaced, character for character
    (``masker`` returns ``(start, end, masked)`` in segment offsets, ``len(masked) == end -
    start``), and how many characters changed."""
    replacements: list[tuple[int, int, str]] = []
    for seg in segments(xml, budget):
        for start, end, masked in masker(seg):
            for pos, a, b in seg.sources(start, end):
                new = masked[pos - start]
                if new != seg.text[pos]:
                    replacements.append((a, b, _escape(new)))
    return (patch(xml, replacements) if replacements else xml), len(replacements)


def _escape(char: str) -> str:
    return {"<": "&lt;", "&": "&amp;", ">": "&gt;", '"': "&quot;"}.get(char, char)


def decode(data: bytes) -> tuple[str, str]:
    """The text of an XML part and the encoding to write it back in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    head = data[:200]
    m = re.match(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']", head)
    encoding = m.group(1).decode("ascii").lower() if m else "utf-8"
    try:
        return data.decode(encoding), encoding
    except (LookupError, UnicodeDecodeError) as exc:
        raise CorruptDocument(f"XML part is not valid {encoding} ({exc})") from exc


__all__ = ["Segment", "decode", "mask_segments", "patch", "segments"]
