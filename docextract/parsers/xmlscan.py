"""Elements of a large XML part parsed on demand, found by a scan of its bytes.

HWPX ``header.xml`` and DOCX ``styles.xml`` (36 KB to 600 KB) define everything their
writer knows, of which a document uses a handful; parsing a whole part cost more than
reading a short document's body. So :func:`scan` finds the start tags of the elements a
reader looks up (the definitions), and :meth:`ScannedPart.element` parses one of them,
through :func:`~docextract.safeio.parse_xml` so the same limits hold, when it is first
needed, inside a copy of the root's start tag (which declares the namespaces).

The scan reads only plain UTF-8 XML with certainty: a part with comments, CDATA or a DTD
("<!"), in another encoding, or with a start tag it cannot read makes :func:`scan`
return None, and the caller parses the part whole.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..limits import Budget
from ..safeio import parse_xml

_ATTRS = rb"(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*"
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)(" + _ATTRS + rb")\s*(/?)>")
_ATTRIBUTE = re.compile(rb"""([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ATTRIBUTE_TEXT = re.compile(r"""([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.ASCII)
_UNSURE_VALUE = re.compile(rb"[&\t\n\r]")
_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)""")


@lru_cache(maxsize=8)
def _patterns(names: tuple[str, ...]) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """For these element names: what the scan stops at (a start tag, with its first
    attribute when that is plain, or "<!"; a pattern with a literal start, several times
    faster to search for than a full start tag) and a whole start tag."""
    alternatives = "|".join(names).encode()
    # the prefix is possessive: a name cannot start inside it (a name is followed by a
    # blank, "/" or ">", a prefix's characters by more of them or ":"), and not trying
    # makes the scan, which runs at every "<" of the part, a third faster
    candidate = re.compile(rb"<(?:!|((?:[A-Za-z_][\w.-]*+:)?+(" + alternatives
                           + rb"))(?=[\s/>])(?:\s+([\w.:-]+)=\"([^\"&<]*)\")?)")
    start_tag = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?(" + alternatives + rb"))(" + _ATTRS
                           + rb")\s*(/?)>")
    return candidate, start_tag


@lru_cache(maxsize=16)
def _named_start(names: tuple[str, ...]) -> re.Pattern[bytes]:
    """The start of an element with one of ``names`` (group 1), with any prefix or none."""
    alternatives = b"|".join(re.escape(name.encode()) for name in names)
    return re.compile(rb"<(?:[A-Za-z_][\w.-]*+:)?+(" + alternatives + rb")(?=[\s/>])")


class ScannedPart:
    """One scanned part: its bytes, root tags and the elements found, parsed on request."""

    def __init__(self, data: bytes, root: re.Match[bytes], names: tuple[str, ...],
                 budget: Budget, what: str) -> None:
        self.data = data
        self.open_root = data[root.start():root.end()]
        self.close_root = b"</" + root.group(1) + b">"
        self.root_attributes = root.group(2)
        self._start_tag = _patterns(names)[1]
        self.budget = budget
        self.what = what
        self._ends: dict[int, int] = {}

    def attributes(self, at: int) -> dict[bytes, bytes] | None:
        """The raw attributes of the start tag at ``at`` (qualified names as written);
        None when the tag cannot be read or a value is escaped (holds "&")."""
        m = self._start_tag.match(self.data, at)
        if m is None or b"&" in m.group(3):
            return None
        return {a.group(1): a.group(2) if a.group(2) is not None else a.group(3)
                for a in _ATTRIBUTE.finditer(m.group(3))}

    def values(self, at: int) -> dict[str, str] | None:
        """The attributes of the start tag at ``at`` as a parse would give them (names as
        written), or None when only a parse can tell: a value holding a reference ("&") or
        a tab or line break (which a parse turns into a blank), a name given twice, bytes
        that are not UTF-8, or a tag the pattern cannot read."""
        m = _ROOT.match(self.data, at)
        if m is None:
            return None
        raw = m.group(2)
        if _UNSURE_VALUE.search(raw) is None:
            # no value a parse would change: the attributes decoded at once (ASCII
            # patterns find the same names and values in the text as in the bytes)
            try:
                pairs = _ATTRIBUTE_TEXT.findall(raw.decode())
            except UnicodeDecodeError:
                return None
            plain = {name: double or single for name, double, single in pairs}
            return plain if len(plain) == len(pairs) else None
        out: dict[str, str] = {}
        count = 0
        try:
            for a in _ATTRIBUTE.finditer(raw):
                value = a.group(2) if a.group(2) is not None else a.group(3)
                if _UNSURE_VALUE.search(value):
                    return None
                out[a.group(1).decode()] = value.decode()
                count += 1
        except UnicodeDecodeError:
            return None
        return out if len(out) == count else None

    def first_within(self, at: int, name: str) -> tuple[bool, dict[str, str] | None]:
        """The first element named ``name`` (any prefix) inside the element at ``at``, in
        document order, without parsing: ``(True, its attributes)``, ``(True, None)`` when
        there is none, ``(False, None)`` when only a parse can tell (see :meth:`values`; an
        element that never ends). Exact because the scanned part holds no comment or CDATA
        and well-formed XML has no "<" in text or values."""
        sure, found = self.firsts_within(at, (name,))
        return sure, found[0]

    def firsts_within(self, at: int,
                      names: tuple[str, ...]) -> tuple[bool, list[dict[str, str] | None]]:
        """:meth:`first_within` for each of ``names`` in one pass over the element:
        ``(False, [None, ...])`` when only a parse can tell for any of them."""
        unsure: tuple[bool, list[dict[str, str] | None]] = (False, [None] * len(names))
        data = self.data
        end = self._end(at)
        if end >= len(data):
            return unsure
        first: dict[bytes, int] = {}
        for m in _named_start(names).finditer(data, at + 1, end):
            first.setdefault(m.group(1), m.start())
            if len(first) == len(names):
                break
        out: list[dict[str, str] | None] = []
        for name in names:
            pos = first.get(name.encode())
            found = None if pos is None else self.values(pos)
            if pos is not None and found is None:
                return unsure
            out.append(found)
        return True, out

    def has_child(self, at: int, name: str) -> bool | None:
        """Whether the element at ``at`` has a child named ``name`` (any prefix), without
        parsing; None when only a parse can tell (a tag the pattern cannot read, an
        element that never ends) and the name occurs inside it."""
        data = self.data
        end = self._end(at)
        first = _ROOT.match(data, at)
        if end >= len(data) or first is None:
            return None
        if first.group(3):
            return False  # an empty element
        if data.find(name.encode(), first.end(), end) < 0:
            return False  # the name is nowhere inside: no child has it, whatever a parse says
        named = _named_start((name,))
        depth = 0
        pos = first.end()
        while True:  # each pass moves past one tag, and pos only grows up to end
            lt = data.find(b"<", pos, end)
            if lt < 0:
                return None
            if data.startswith(b"</", lt):
                if depth == 0:
                    return False  # the element's own end tag
                depth -= 1
                pos = lt + 2
                continue
            tag = _ROOT.match(data, lt)
            if tag is None:
                return None
            if depth == 0 and named.match(data, lt):
                return True
            if not tag.group(3):
                depth += 1
            pos = tag.end()

    def element(self, at: int) -> Any:
        """The element whose start tag is at ``at``, parsed alone."""
        part = self.open_root + self.data[at:self._end(at)] + self.close_root
        return parse_xml(part, self.budget, what=self.what)[0]

    def end(self, at: int) -> int:
        """Where the element starting at ``at`` ends (its part's length when it never does)."""
        return self._end(at)

    def _end(self, at: int) -> int:
        """Where the element starting at ``at`` ends: after its start tag when empty
        (``/>``), else after its end tag; the part's length when it never ends (the parse
        then says the XML is broken). The first ">" ends the start tag unless a quoted
        value holds one, which only the full pattern can tell. Remembered per element:
        each quick read of a definition asks again."""
        end = self._ends.get(at)
        if end is None:
            end = self._ends[at] = self._find_end(at)
        return end

    def _find_end(self, at: int) -> int:
        data = self.data
        gt = data.find(b">", at)
        tag = data[at:gt]
        if gt < 0 or b"'" in tag or tag.count(b'"') % 2:
            m = self._start_tag.match(data, at)
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


def scan(data: bytes, names: tuple[str, ...], budget: Budget,
         what: str) -> tuple[ScannedPart, list[re.Match[bytes]]] | None:
    """The part and the start tags of the elements named ``names`` in document order,
    each match giving the qualified name (group 1), the name (2) and, when plain, the
    first attribute's name and value (3, 4); None when the part is not plain UTF-8 XML
    the scan reads with certainty."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16
    text = data.lstrip(b"\xef\xbb\xbf")
    declared = _DECLARED_ENCODING.match(text)
    if declared is not None and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        return None
    start = data.find(b"<", data.find(b"?>") + 2 if text.startswith(b"<?") else 0)
    root = _ROOT.match(data, start) if start >= 0 else None
    if root is None or root.group(3) or b"<!" in data[:start]:
        return None  # no root, an empty one or a DTD: the whole parse says what is wrong
    found = []
    for m in _patterns(names)[0].finditer(data, root.end()):
        if m.group(1) is None:
            return None  # "<!": a comment, CDATA
        found.append(m)
    return ScannedPart(data, root, names, budget, what), found


__all__ = ["ScannedPart", "scan"]
