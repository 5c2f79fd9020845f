"""header.xml read on demand: only the definitions a document's paragraphs point at.

``Contents/header.xml`` holds every font face, border fill, character and paragraph shape,
numbering, bullet and style of a document (36 KB to 600 KB), of which a section uses a
handful; parsing and walking all of it cost more than reading a short document's body.
So the header is indexed once by a scan for the start tags of the five definitions the
reader uses (``paraPr``, ``charPr``, ``numbering``, ``bullet``, ``style``) and their ids,
and a definition is parsed (through :func:`~docextract.safeio.parse_xml`, so the same
limits hold) the first time a paragraph refers to it.

A header the scan cannot read with certainty (one with comments, CDATA or a DTD, another
encoding than UTF-8, escaped ids or an unclosed definition) is parsed whole, as before.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from ...limits import Budget
from ...safeio import parse_xml
from ..text.glyphs import SYMBOL_BULLETS
from .numbering import Heading, LevelFormat

_KINDS = ("paraPr", "charPr", "numbering", "bullet", "style")
_ATTRS = rb"(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*"
# The root's start tag (it carries the namespace declarations a definition needs) and
# the start tag of each definition; quoted values may hold ">".
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)(" + _ATTRS + rb")\s*(/?)>")
_DEFINITION = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?(" + "|".join(_KINDS).encode()
                         + rb"))(" + _ATTRS + rb")\s*(/?)>")
# What the scan stops at: a definition's start tag, with its id when that comes first as
# Hangul writes it, or markup the scan does not read ("<!": comments, CDATA, a DTD); a
# pattern with a literal start, several times faster to search for than _DEFINITION.
_CANDIDATE = re.compile(rb"<(?:!|((?:[A-Za-z_][\w.-]*:)?(" + "|".join(_KINDS).encode()
                        + rb"))(?=[\s/>])(?:\s+id=\"([^\"&]*)\")?)")
_ID = re.compile(rb"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)""")


def _int(value: Any, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


class HeaderInfo:
    """What the section reader needs from header.xml, read per id when first asked for.

    ``definition(kind, id)`` gives the parsed element; an empty header (no header.xml)
    has no definitions.
    """

    def __init__(self, definition: Callable[[str, str], Any | None] | None = None) -> None:
        self._definition = definition or (lambda kind, ref: None)
        self._read: dict[tuple[str, str], Any] = {}

    def _once(self, kind: str, ref: str, read: Callable[[Any], Any], default: Any) -> Any:
        key = (kind, ref)
        if key not in self._read:
            el = self._definition(kind, ref)
            self._read[key] = default if el is None else read(el)
        return self._read[key]

    def heading(self, para_pr: str) -> Heading | None:
        """The paragraph shape's OUTLINE/NUMBER/BULLET heading, None when it has none."""
        return self._once("paraPr", para_pr, _heading, (None, False))[0]

    def centred(self, para_pr: str) -> bool:
        """Whether the paragraph shape centres its paragraphs."""
        return self._once("paraPr", para_pr, _heading, (None, False))[1]

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
        return self._once("style", ref, _style, "")


def _heading(el: Any) -> tuple[Heading | None, bool]:
    heading = next(el.iter("{*}heading"), None)
    found = None
    if heading is not None and heading.get("type", "NONE") != "NONE":
        found = Heading(heading.get("type", "NONE"), heading.get("idRef", "0"),
                        max(0, _int(heading.get("level"))))
    align = next(el.iter("{*}align"), None)
    return found, align is not None and align.get("horizontal") == "CENTER"


def _char_look(el: Any) -> tuple[int, bool]:
    bold = next(el.iterchildren("{*}bold"), None) is not None
    return max(0, _int(el.get("height"))), bold


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
    return el.get("name") or el.get("engName") or ""


def read_header(data: bytes, budget: Budget, what: str) -> HeaderInfo:
    """header.xml indexed for reading on demand, or parsed whole when the scan cannot be trusted."""
    index = _scan(data)
    if index is None:
        return HeaderInfo(_WholeHeader(parse_xml(data, budget, what=what)).definition)
    return HeaderInfo(_IndexedHeader(data, index, budget, what).definition)


_Index = tuple[bytes, bytes, dict[tuple[str, str], int]]


def _scan(data: bytes) -> _Index | None:
    """The root's start and end tags and where each definition starts, by (kind, id);
    None when the header is not plain UTF-8 XML the scan reads with certainty."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16
    declared = _DECLARED_ENCODING.match(data.lstrip(b"\xef\xbb\xbf"))
    if declared is not None and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return None
    start = data.find(b"<", data.find(b"?>") + 2 if data.lstrip(b"\xef\xbb\xbf").startswith(b"<?") else 0)
    root = _ROOT.match(data, start) if start >= 0 else None
    if root is None or root.group(3) or b"<!" in data[:start]:
        return None  # no root, an empty one or a DTD: the whole parse says what is wrong
    starts: dict[tuple[str, str], int] = {}
    for m in _CANDIDATE.finditer(data, root.end()):
        qname, kind, ref = m.group(1, 2, 3)
        if qname is None:
            return None
        if ref is None:  # the id is not the first attribute, or absent, or escaped
            tag = _DEFINITION.match(data, m.start())
            if tag is None:
                return None
            found = _ID.search(tag.group(3))
            ref = b"" if found is None else found.group(1) or found.group(2) or b""
            if b"&" in ref:
                return None
        starts[(kind.decode(), ref.decode("utf-8", "replace"))] = m.start()
    return data[root.start():root.end()], b"</" + root.group(1) + b">", starts


class _IndexedHeader:
    """Definitions parsed one at a time, each inside a copy of the root's start tag."""

    def __init__(self, data: bytes, index: _Index, budget: Budget, what: str) -> None:
        self.data = data
        self.open_root, self.close_root, self.starts = index
        self.budget = budget
        self.what = what

    def definition(self, kind: str, ref: str) -> Any | None:
        at = self.starts.get((kind, ref))
        if at is None:
            return None
        part = self.open_root + self.data[at:self._end(at)] + self.close_root
        return parse_xml(part, self.budget, what=self.what)[0]

    def _end(self, at: int) -> int:
        """Where the definition starting at ``at`` ends: after its start tag when empty
        (``/>``), else after its end tag; the whole header's length when it never ends
        (the parse then says the XML is broken). The first ">" ends the start tag unless
        a quoted value holds one, which only the full pattern can tell."""
        data = self.data
        gt = data.find(b">", at)
        tag = data[at:gt]
        if gt < 0 or b"'" in tag or tag.count(b'"') % 2:
            m = _DEFINITION.match(data, at)
            if m is None:
                return len(data)
            end, empty, qname = m.end(), bool(m.group(4)), m.group(1)
        else:
            end, empty = gt + 1, tag.endswith(b"/")
            qname = tag[1:].split(None, 1)[0].rstrip(b"/")
        if empty:
            return end
        close = data.find(b"</" + qname, end)
        gt = data.find(b">", close) if close >= 0 else -1
        return gt + 1 if gt >= 0 else len(data)


class _WholeHeader:
    """Definitions looked up in a header parsed whole (the last of an id wins, as in the scan)."""

    def __init__(self, root: Any) -> None:
        self.elements: dict[tuple[str, str], Any] = {}
        for el in root.iter(*(f"{{*}}{kind}" for kind in _KINDS)):
            self.elements[(el.tag.rpartition("}")[2], el.get("id", ""))] = el

    def definition(self, kind: str, ref: str) -> Any | None:
        return self.elements.get((kind, ref))


__all__ = ["HeaderInfo", "read_header"]
