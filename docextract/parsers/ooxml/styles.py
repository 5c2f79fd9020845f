"""Paragraph styles from ``word/styles.xml``: display names, outline levels, numbering.

Only what text extraction needs is kept: a style's name (so ``Paragraph.style`` reads
"Heading 1", not the id "1" Korean Word writes), its outline level (from a heading name
or ``w:outlineLvl``), the list numbering (``w:numPr``) it applies, and how it sets text
(size, bold, centring: what tells a heading from body text where no heading style is
used), each resolved through the ``w:basedOn`` chain and the document defaults.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...limits import Budget
from ...safeio import parse_xml
from ..xmlscan import ScannedPart, scan
from .package import W_NS

if TYPE_CHECKING:
    from lxml import etree

_W = f"{{{W_NS}}}"
_HEADING_NAME = re.compile(r"^(?:heading|제목)\s*([1-9])$", re.IGNORECASE)
_MAX_CHAIN = 32  # basedOn chains longer than this are cycles or hostile


@dataclass
class StyleInfo:
    """What a paragraph inherits from its style."""

    name: str | None = None
    outline_level: int | None = None
    num_id: str | None = None
    num_level: int | None = None
    is_caption: bool = False
    size: float | None = None  # points
    bold: bool | None = None
    centred: bool | None = None


class Styles:
    """Resolved paragraph styles, looked up by style id.

    ``styles.xml`` is read through a scan of its start tags (:mod:`..xmlscan`): a style is
    parsed when a paragraph first uses it (a letter's 4 KB body uses a handful of the 350 KB
    of styles Word writes); a part the scan cannot read with certainty is parsed whole.
    """

    def __init__(self, data: bytes | None, budget: Budget, what: str = "DOCX styles") -> None:
        self._raw: dict[str, "etree._Element | None"] = {}
        self._starts: dict[str, int] = {}  # paragraph style id -> where the scan found it
        self._part: ScannedPart | None = None
        self._resolved: dict[str, StyleInfo] = {}
        self.default_id: str | None = None
        self.numbering_styles: dict[str, str] = {}  # numbering style id -> numId it applies
        self.default_size: float | None = None  # points, from w:docDefaults
        self.default_bold: bool | None = None
        if data is not None and not self._scan(data, budget, what):
            self._read_whole(parse_xml(data, budget, what=what))

    def _read_whole(self, root: "etree._Element") -> None:
        self._raw, self._starts, self._part = {}, {}, None
        self.default_id = None
        self.numbering_styles = {}
        defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        self._defaults(defaults)
        for style in root.iter(_W + "style"):
            style_id = style.get(_W + "styleId")
            if style_id:
                self._note(style_id, style.get(_W + "type", "paragraph"),
                           style.get(_W + "default"), style)

    def _scan(self, data: bytes, budget: Budget, what: str) -> bool:
        """Index the styles from their start tags; False when the part must be parsed whole."""
        scanned = scan(data, ("style", "docDefaults"), budget, what)
        if scanned is None:
            return False
        part, tags = scanned
        prefix = _prefix_of(part.root_attributes, W_NS)
        if prefix is None:
            return False
        self._part = part
        for m in tags:
            if m.group(1) != prefix + m.group(2):
                return False  # a style in another namespace: let the whole parse sort it out
            if m.group(2) == b"docDefaults":
                if self.default_size is None and self.default_bold is None:
                    self._defaults(part.element(m.start()).find(f"{_W}rPrDefault/{_W}rPr"))
                continue
            attributes = part.attributes(m.start())
            if attributes is None:
                return False
            style_id = attributes.get(prefix + b"styleId", b"").decode()
            if not style_id:
                continue
            kind = attributes.get(prefix + b"type", b"paragraph").decode()
            default = attributes.get(prefix + b"default")
            self._note(style_id, kind, None if default is None else default.decode(),
                       part.element(m.start()) if kind == "numbering" else None, m.start())
        return True

    def _defaults(self, rpr: "etree._Element | None") -> None:
        if rpr is not None:
            self.default_size, self.default_bold = run_size(rpr), run_bold(rpr)

    def _note(self, style_id: str, kind: str, default: str | None,
              style: "etree._Element | None", at: int = -1) -> None:
        """One style: a numbering style's numId, or a paragraph style to resolve when used
        (``style`` parsed, or found at ``at`` by the scan)."""
        if kind == "numbering":
            num_pr = style.find(f"{_W}pPr/{_W}numPr") if style is not None else None
            num_id = numpr_values(num_pr)[0] if num_pr is not None else None
            if num_id:
                self.numbering_styles[style_id] = num_id
            return
        if kind != "paragraph":
            return
        if style is not None:
            self._raw[style_id] = style
        else:
            self._raw.pop(style_id, None)  # the last of an id wins, as in the whole parse
            self._starts[style_id] = at
        if default in ("1", "true", "on") and self.default_id is None:
            self.default_id = style_id

    def _style(self, style_id: str) -> "etree._Element | None":
        """A paragraph style's element, parsed when first asked for."""
        if style_id not in self._raw:
            at = self._starts.get(style_id)
            self._raw[style_id] = None if at is None or self._part is None \
                else self._part.element(at)
        return self._raw[style_id]

    def get(self, style_id: str | None) -> StyleInfo:
        """The resolved style (the document default when ``style_id`` is None)."""
        style_id = style_id or self.default_id
        if not style_id:
            return StyleInfo()
        cached = self._resolved.get(style_id)
        if cached is None:
            cached = self._resolve(style_id)
            self._resolved[style_id] = cached
        return cached

    def _resolve(self, style_id: str) -> StyleInfo:
        info = StyleInfo()
        el = self._style(style_id)
        info.name = _display_name(el, style_id)
        seen: set[str] = set()
        current = el
        while current is not None and len(seen) < _MAX_CHAIN:
            sid = current.get(_W + "styleId") or ""
            if sid in seen:
                break
            seen.add(sid)
            name = _display_name(current, sid) or ""
            ppr = current.find(_W + "pPr")
            if info.outline_level is None:
                info.outline_level = _outline_from(ppr) or _heading_level(name)
            if info.num_id is None and ppr is not None:
                num_pr = ppr.find(_W + "numPr")
                if num_pr is not None:
                    info.num_id, info.num_level = numpr_values(num_pr)
            if name.lower() in ("caption", "캡션"):
                info.is_caption = True
            rpr = current.find(_W + "rPr")
            if rpr is not None:
                if info.size is None:
                    info.size = run_size(rpr)
                if info.bold is None:
                    info.bold = run_bold(rpr)
            if info.centred is None and ppr is not None:
                info.centred = paragraph_centred(ppr)
            based = current.find(_W + "basedOn")
            current = self._style(based.get(_W + "val", "")) if based is not None else None
        if info.size is None:
            info.size = self.default_size
        if info.bold is None:
            info.bold = self.default_bold
        return info


def run_size(rpr: "etree._Element") -> float | None:
    """``w:sz`` of run properties in points (it is stored in half-points)."""
    el = rpr.find(_W + "sz")
    raw = el.get(_W + "val", "") if el is not None else ""
    return int(raw) / 2 if raw.isdigit() and 0 < int(raw) < 3200 else None


def run_bold(rpr: "etree._Element") -> bool | None:
    """``w:b`` of run properties (None when the run does not say)."""
    el = rpr.find(_W + "b")
    if el is None:
        return None
    return el.get(_W + "val", "true") not in ("0", "false", "off")


def paragraph_centred(ppr: "etree._Element") -> bool | None:
    """``w:jc`` of paragraph properties is centre (None when the paragraph does not say)."""
    el = ppr.find(_W + "jc")
    return el.get(_W + "val") == "center" if el is not None else None


def numpr_values(num_pr: "etree._Element") -> tuple[str | None, int | None]:
    """``(numId, ilvl)`` of a ``w:numPr``; either may be absent."""
    num_id_el = num_pr.find(_W + "numId")
    ilvl_el = num_pr.find(_W + "ilvl")
    num_id = num_id_el.get(_W + "val") if num_id_el is not None else None
    level = None
    if ilvl_el is not None:
        raw = ilvl_el.get(_W + "val", "")
        level = int(raw) if raw.isdigit() and int(raw) < 9 else None
    return num_id, level


def outline_from_ppr(ppr: "etree._Element | None") -> int | None:
    """A paragraph's own ``w:outlineLvl`` as a 1-based level (9 means body text)."""
    return _outline_from(ppr)


def _outline_from(ppr: "etree._Element | None") -> int | None:
    if ppr is None:
        return None
    el = ppr.find(_W + "outlineLvl")
    if el is None:
        return None
    raw = el.get(_W + "val", "")
    if not raw.isdigit() or int(raw) >= 9:
        return None
    return int(raw) + 1


def _heading_level(name: str) -> int | None:
    m = _HEADING_NAME.match(name.strip())
    return int(m.group(1)) if m else None


def _prefix_of(root_attributes: bytes, uri: str) -> bytes | None:
    """The prefix (with its colon) the root's start tag declares for ``uri``, if one."""
    m = re.search(rb"""\sxmlns:([\w.-]+)\s*=\s*["']""" + re.escape(uri.encode()) + rb"""["']""",
                  root_attributes)
    return m.group(1) + b":" if m else None


def _display_name(el: "etree._Element | None", style_id: str) -> str | None:
    if el is None:
        return style_id or None
    name_el = el.find(_W + "name")
    name = name_el.get(_W + "val") if name_el is not None else None
    if not name:
        return style_id or None
    # Built-in styles are stored lower-case ("heading 1"); Word shows them capitalized.
    if name[0].isascii() and name[0].islower():
        name = name[0].upper() + name[1:]
    return name
