"""header.xml read on demand: only the definitions a document's paragraphs point at.

``Contents/header.xml`` holds every font face, border fill, character and paragraph shape,
numbering, bullet and style of a document (36 KB to 600 KB), of which a section uses a
handful; parsing and walking all of it cost more than reading a short document's body.
So the header is scanned (:mod:`docextract.parsers.xmlscan`) for the five kinds of
definition the reader uses (``paraPr``, ``charPr``, ``numbering``, ``bullet``, ``style``)
and their ids, and a definition is parsed the first time a paragraph refers to it; font
faces, border fills, tab stops and the rest are never parsed. A header the scan cannot
read with certainty is parsed whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from ...limits import Budget
from ...safeio import parse_xml
from ..text.glyphs import SYMBOL_BULLETS
from ..xmlscan import ScannedPart, scan

_KINDS = ("paraPr", "charPr", "numbering", "bullet", "style")

# How Hangul writes a paragraph shape (alignment and heading its first two children) and
# a character shape (fixed attributes, empty children), every value plain: read with one
# match each instead of a search per child. Bytes like these give what the general reads
# give (ScannedPart.firsts_within, values, has_child): no "<" before the children, no
# attribute repeated or escaped, no child with children. Anything else takes those.
_HANGUL_PARA_PR = re.compile(
    rb'<hh:paraPr id="\d+"[^<>]*(?<!/)><hh:align horizontal="(\w+)" vertical="\w+"/>'
    rb'<hh:heading type="(\w+)" idRef="(\d+)" level="(\d+)"/>')
_HANGUL_CHAR_PR = re.compile(
    rb'<hh:charPr id="\d+" height="(\d+)" textColor="[\w#]*" shadeColor="[\w#]*" '
    rb'useFontSpace="\d" useKerning="\d" symMark="\w*" borderFillIDRef="\d+">'
    rb'((?:<hh:\w+(?: \w+="[\w#.-]*")*/>)*)</hh:charPr>')
_BOLD_CHILD = re.compile(rb"<hh:bold[ /]")


@dataclass(frozen=True)
class LevelFormat:
    """One ``hh:paraHead``: where counting starts, the number format and the pattern."""

    start: int
    num_format: str
    pattern: str


@dataclass(frozen=True)
class Heading:
    """A paragraph shape's ``hh:heading``: OUTLINE/NUMBER/BULLET, its definition id, 0-based level."""

    kind: str
    ref: str
    level: int


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


UNSURE = object()
"""What a quick read returns when the definition must be parsed to be read."""


class HeaderInfo:
    """What the section reader needs from header.xml, read per id when first asked for.

    ``definition(kind, id)`` gives the parsed element; an empty header (no header.xml)
    has no definitions. ``quick(kind, id)``, when given, is asked first: the value read
    from the definition's bytes, or ``UNSURE``.
    """

    def __init__(self, definition: Callable[[str, str], Any | None] | None = None,
                 quick: Callable[[str, str], Any] | None = None) -> None:
        self._definition = definition or (lambda kind, ref: None)
        self._quick = quick or (lambda kind, ref: UNSURE)
        self._read: dict[tuple[str, str], Any] = {}
        self._shapes: dict[str, tuple[Heading | None, bool]] = {}
        self._styles: dict[str, str] = {}

    def _once(self, kind: str, ref: str, read: Callable[[Any], Any], default: Any) -> Any:
        key = (kind, ref)
        value = self._read.get(key, UNSURE)
        if value is UNSURE:  # not read yet: asked for on every paragraph, read once
            value = self._quick(kind, ref)
            if value is UNSURE:
                el = self._definition(kind, ref)
                value = default if el is None else read(el)
            self._read[key] = value
        return value

    def _paragraph_shape(self, para_pr: str) -> tuple[Heading | None, bool]:
        # asked twice for every paragraph: a dict of its own spares _once's key tuple
        found = self._shapes.get(para_pr)
        if found is None:
            found = self._shapes[para_pr] = self._once("paraPr", para_pr, _heading, (None, False))
        return found

    def heading(self, para_pr: str) -> Heading | None:
        """The paragraph shape's OUTLINE/NUMBER/BULLET heading, None when it has none."""
        return self._paragraph_shape(para_pr)[0]

    def centred(self, para_pr: str) -> bool:
        """Whether the paragraph shape centres its paragraphs."""
        return self._paragraph_shape(para_pr)[1]

    def char_look(self, char_pr: str) -> tuple[int, bool]:
        """A character shape's (height in HWPUNIT, bold)."""
        return self._once("charPr", char_pr, _char_look, (0, False))

    def numbering(self, ref: str) -> dict[int, LevelFormat]:
        """A numbering definition's levels (1-based) and their formats."""
        return self._once("numbering", ref, _numbering, {})

    def bullet(self, ref: str) -> str:
        """A bullet definition's character ("" when there is no such bullet)."""
        return self._once("bullet", ref, _bullet, "")

    def style(self, ref: str) -> str:
        """A style's name ("" when unknown)."""
        found = self._styles.get(ref)  # asked for every paragraph, as the shape is
        if found is None:
            found = self._styles[ref] = self._once("style", ref, _style, "")
        return found


def _heading(el: Any) -> tuple[Heading | None, bool]:
    return _heading_and_align(next(el.iter("{*}heading"), None), next(el.iter("{*}align"), None))


def _heading_and_align(heading: Any, align: Any) -> tuple[Heading | None, bool]:
    """A paragraph shape's heading and whether it is centred, from its first ``heading``
    and ``align`` elements (or their attributes as a dict; None when it has none)."""
    found = None
    if heading is not None and heading.get("type", "NONE") != "NONE":
        found = Heading(heading.get("type", "NONE"), heading.get("idRef", "0"),
                        max(0, _int(heading.get("level"))))
    return found, align is not None and align.get("horizontal") == "CENTER"


def _char_look(el: Any) -> tuple[int, bool]:
    return _height_and_bold(el.get("height"), next(el.iterchildren("{*}bold"), None) is not None)


def _height_and_bold(height: str | None, bold: bool) -> tuple[int, bool]:
    """A character shape's (height in HWPUNIT, bold): its ``height`` attribute and whether
    it has a ``bold`` child."""
    return max(0, _int(height)), bold


def _numbering(el: Any) -> dict[int, LevelFormat]:
    return {_int(head.get("level"), 1): LevelFormat(_int(head.get("start"), 1),
                                                    head.get("numFormat", "DIGIT"), head.text or "")
            for head in el.iterchildren("{*}paraHead")}


def _bullet(el: Any) -> str:
    char = (el.get("char") or "").strip()
    if el.get("useImage") == "1" or not char:
        char = "•"
    return SYMBOL_BULLETS.get(char, char)


def _style(el: Any) -> str:
    """A style's name, from its element or its attributes as a dict."""
    return el.get("name") or el.get("engName") or ""


def read_header(data: bytes, budget: Budget, what: str) -> HeaderInfo:
    """header.xml indexed for reading on demand, or parsed whole when the scan cannot be trusted."""
    index = _index(data, budget, what)
    if index is None:
        return HeaderInfo(_WholeHeader(parse_xml(data, budget, what=what)).definition)
    return HeaderInfo(index.definition, index.quick)


def _index(data: bytes, budget: Budget, what: str) -> _IndexedHeader | None:
    scanned = scan(data, _KINDS, budget, what)
    if scanned is None:
        return None
    part, tags = scanned
    starts: dict[tuple[str, str], int] = {}
    for m in tags:
        _, kind, first, ref = m.groups()
        if first != b"id":  # Hangul writes the id first
            attributes = part.attributes(m.start())
            if attributes is None:
                return None
            ref = attributes.get(b"id", b"")
        starts[(_KIND_NAMES[kind], ref.decode("utf-8", "replace"))] = m.start()
    return _IndexedHeader(part, starts)


_KIND_NAMES = {kind.encode(): kind for kind in _KINDS}


class _IndexedHeader:
    """Definitions found by the scan, each parsed alone when first asked for."""

    def __init__(self, part: ScannedPart, starts: dict[tuple[str, str], int]) -> None:
        self.part = part
        self.starts = starts

    def definition(self, kind: str, ref: str) -> Any | None:
        at = self.starts.get((kind, ref))
        return None if at is None else self.part.element(at)

    def quick(self, kind: str, ref: str) -> Any:
        """A paragraph shape's heading and alignment, a character shape's look or a
        style's name, read from the definition's bytes (a parse of each cost more than the scan of the whole header);
        ``UNSURE`` for the other kinds and when only a parse can tell."""
        at = self.starts.get((kind, ref))
        if at is None:
            return UNSURE
        if kind == "paraPr":
            hangul = _HANGUL_PARA_PR.match(self.part.data, at)
            if hangul is not None and hangul.end() <= self.part.end(at) < len(self.part.data):
                horizontal, heading_type, heading_ref, level = (v.decode() for v in hangul.groups())
                return _heading_and_align({"type": heading_type, "idRef": heading_ref,
                                           "level": level}, {"horizontal": horizontal})
            sure, (heading, align) = self.part.firsts_within(at, ("heading", "align"))
            return _heading_and_align(heading, align) if sure else UNSURE
        if kind == "style":
            values = self.part.values(at)
            return UNSURE if values is None else _style(values)
        if kind == "charPr":
            hangul = _HANGUL_CHAR_PR.match(self.part.data, at)
            if hangul is not None and hangul.end() == self.part.end(at) < len(self.part.data):
                height, children = hangul.groups()
                return _height_and_bold(height.decode(), _BOLD_CHILD.search(children) is not None)
            values = self.part.values(at)
            if values is None:
                return UNSURE
            bold = self.part.has_child(at, "bold")
            return UNSURE if bold is None else _height_and_bold(values.get("height"), bold)
        return UNSURE


class _WholeHeader:
    """Definitions looked up in a header parsed whole (the last of an id wins, as in the scan)."""

    def __init__(self, root: Any) -> None:
        self.elements: dict[tuple[str, str], Any] = {}
        for el in root.iter(*(f"{{*}}{kind}" for kind in _KINDS)):
            self.elements[(el.tag.rpartition("}")[2], el.get("id", ""))] = el

    def definition(self, kind: str, ref: str) -> Any | None:
        return self.elements.get((kind, ref))


__all__ = ["HeaderInfo", "read_header"]
