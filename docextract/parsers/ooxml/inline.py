"""Inline content of one WordprocessingML paragraph: runs, fields, links, anchors.

:class:`InlineText` collects a paragraph's visible text the way Word shows it:

* ``w:t`` text, ``w:tab`` as ``\\t``, ``w:br``/``w:cr`` as ``\\n`` (a page break adds no
  text; it advances the approximate page counter instead);
* tracked insertions (``w:ins``, ``w:moveTo``) kept, deletions (``w:del``, ``w:moveFrom``)
  and hidden runs (``w:vanish``) dropped;
* fields (``w:fldSimple`` and ``w:fldChar`` begin/separate/end) reduced to their displayed
  result, recorded as ``field`` annotations, or ``hyperlink`` ones for HYPERLINK fields;
* ``w:hyperlink`` recorded as ``hyperlink`` annotations with the target URL;
* content controls (``w:sdt``), smart tags and custom XML read as ordinary content;
* text boxes (``w:txbxContent`` in DrawingML or VML) not inlined but handed back as
  anchors with their position in the text, like footnote, endnote and comment
  references, so the caller can place them as blocks of their own.

A complex field may span paragraphs (a table of contents does), so the field stack lives
in :class:`FieldState`, shared by every paragraph of one part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from ...model import Annotation, AnnotationKind
from ..assembly import annotation
from .package import R_NS, W_NS

if TYPE_CHECKING:
    from lxml import etree

W = f"{{{W_NS}}}"
_R_ID = f"{{{R_NS}}}id"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M_T = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"
VAL = W + "val"
_VANISH = W + "vanish"
# Tags compared on every run, concatenated once.
_R = W + "r"
_T = W + "t"
_RPR = W + "rPr"
_TAB = W + "tab"
_PTAB = W + "ptab"
_BR = W + "br"
_RENDERED_BREAK = W + "lastRenderedPageBreak"
_FLD_CHAR = W + "fldChar"
_TYPE = W + "type"
_MAX_NAME = 300

# Elements whose subtree never shows as text: properties, deleted or moved-away content,
# ruby phonetic guides, bookmarks and proofing marks.
_SKIP = frozenset(W + t for t in (
    "pPr", "rPr", "del", "moveFrom", "delText", "delInstrText", "rt", "sdtPr", "sdtEndPr",
    "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd", "customXmlPr",
    "smartTagPr", "fldData", "subDoc", "footnoteRef", "endnoteRef", "annotationRef",
    "separator", "continuationSeparator", "lastRenderedPageBreak",
))
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+(?:"([^"]*)"|(\S+))?(?:.*?\\l\s+"([^"]*)")?',
                              re.IGNORECASE | re.DOTALL)


@dataclass
class _Field:
    code: list[str] = field(default_factory=list)
    form_name: str | None = None
    in_result: bool = False
    owner: "InlineText | None" = None
    start: int = 0


@dataclass
class FieldState:
    """Complex fields open across paragraphs of one part."""

    stack: list[_Field] = field(default_factory=list)
    hidden: int = 0  # fields still in their instruction (code) phase

    def close_code_phases(self) -> None:
        """A field whose code never reaches 'separate' by paragraph end shows nothing more.

        Word puts a field's whole instruction inside one paragraph; dropping unfinished
        ones here keeps a broken file from hiding every following paragraph.
        """
        if self.hidden:
            self.stack = [f for f in self.stack if f.in_result]
            self.hidden = 0


# An anchor: ("textbox", w:txbxContent element) or ("footnote"|"endnote"|"comment", id),
# with its position in the paragraph's text.
Anchor = tuple[str, Any, int]


class InlineText:
    """The visible text of one paragraph, its annotations and its anchors."""

    def __init__(self, fields: FieldState, links: Callable[[str], str | None],
                 on_page_break: Callable[[], None], prefix: str = "") -> None:
        self.parts: list[str] = [prefix] if prefix else []
        self.length = len(prefix)
        self.prefix_length = self.length
        self.annotations: list[Annotation] = []
        self.anchors: list[Anchor] = []
        self._fields = fields
        self._links = links
        self._page_break = on_page_break
        self._comment_starts: dict[str, int] | None = None

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def _add(self, text: str) -> None:
        if self._fields.hidden or not text:
            return
        self.parts.append(text)
        self.length += len(text)

    def _annotate(self, kind: AnnotationKind, name: str | None, start: int,
                  keep_empty: bool = False) -> None:
        # An empty form field still marks where a value goes; other empty ranges mean nothing.
        if self.length > start or (keep_empty and name):
            self.annotations.append(annotation(kind, name[:_MAX_NAME] if name else name, start,
                                               self.length))

    # traversal ---------------------------------------------------------------------

    def walk(self, el: "etree._Element") -> None:
        """Collect the inline content of ``el``'s children (a ``w:p`` or any inline container)."""
        for child in el:
            tag = child.tag
            if tag == _R:
                self._run(child)
            elif tag in _SKIP or not isinstance(tag, str):
                continue
            else:
                self._element(child, tag)

    def _run(self, run: "etree._Element") -> None:
        for child in run:
            tag = child.tag
            if tag == _T:
                if child.text and not self._fields.hidden:
                    self.parts.append(child.text)
                    self.length += len(child.text)
            elif tag == _RPR:
                if _is_hidden(child):
                    self._hidden_run(run)
                    return
            elif tag == _TAB or tag == _PTAB:
                self._add("\t")
            elif tag == _BR:
                if child.get(_TYPE) == "page":
                    self._page_break()
                else:  # a line or column break: what follows starts a new line
                    self._add("\n")
            elif tag == _RENDERED_BREAK:
                self._page_break()
            elif tag in _SKIP or not isinstance(tag, str):
                continue
            else:
                self._element(child, tag)

    def _hidden_run(self, run: "etree._Element") -> None:
        """A hidden run shows nothing, but its field characters still open and close fields."""
        for child in run:
            if child.tag == _FLD_CHAR:
                self._fld_char(child)

    def _element(self, el: "etree._Element", tag: str) -> None:
        handler = _HANDLERS.get(tag)
        if handler is not None:
            handler(self, el)
        elif tag == _M_T:
            self._add(el.text or "")
        else:
            self.walk(el)  # w:ins, w:smartTag, w:customXml, w:dir, w:bdo, m:oMath, ...

    def _cr(self, el: "etree._Element") -> None:
        self._add("\n")

    def _hyphen(self, el: "etree._Element") -> None:
        self._add("-")

    def _sym(self, el: "etree._Element") -> None:
        try:
            code = int(el.get(W + "char", ""), 16)
        except ValueError:
            return
        if 0 < code < 0x110000 and not 0xE000 <= code <= 0xF8FF:  # symbol-font glyphs have no text
            self._add(chr(code))

    def _hyperlink(self, el: "etree._Element") -> None:
        start = self.length
        self.walk(el)
        rel_id = el.get(_R_ID)
        target = self._links(rel_id) if rel_id else None
        anchor = el.get(W + "anchor")
        if target is None and anchor:
            target = "#" + anchor
        elif target is not None and anchor:
            target = f"{target}#{anchor}"
        self._annotate("hyperlink", target, start)

    def _fld_simple(self, el: "etree._Element") -> None:
        start = self.length
        self.walk(el)
        kind, name = _field_meaning(el.get(W + "instr", ""), None)
        self._annotate(kind, name, start)

    def _fld_char(self, el: "etree._Element") -> None:
        fields = self._fields
        kind = el.get(W + "fldCharType")
        if kind == "begin":
            f = _Field()
            ff = el.find(W + "ffData")
            if ff is not None:
                name_el = ff.find(W + "name")
                f.form_name = name_el.get(VAL) if name_el is not None else None
            fields.stack.append(f)
            fields.hidden += 1
        elif kind == "separate" and fields.stack and not fields.stack[-1].in_result:
            f = fields.stack[-1]
            f.in_result = True
            fields.hidden -= 1
            f.owner, f.start = self, self.length
        elif kind == "end" and fields.stack:
            f = fields.stack.pop()
            if not f.in_result:
                fields.hidden -= 1
            elif f.owner is self:
                kind_, name = _field_meaning("".join(f.code), f.form_name)
                self._annotate(kind_, name, f.start, keep_empty=f.form_name is not None)

    def _instr_text(self, el: "etree._Element") -> None:
        stack = self._fields.stack
        if stack and not stack[-1].in_result and el.text and len(stack[-1].code) < 64:
            stack[-1].code.append(el.text)

    def _sdt(self, el: "etree._Element") -> None:
        content = el.find(W + "sdtContent")
        if content is not None:
            self.walk(content)

    def _alternate(self, el: "etree._Element") -> None:
        branch = alternate_branch(el)
        if branch is not None:
            self.walk(branch)

    def _drawing(self, el: "etree._Element") -> None:
        self.anchors.extend(("textbox", box, self.length) for box in find_textboxes(el))

    def _reference(self, el: "etree._Element") -> None:
        ref_id = el.get(W + "id")
        if ref_id is not None:
            self.anchors.append((_REFERENCE_KINDS[el.tag], ref_id, self.length))

    def _comment_start(self, el: "etree._Element") -> None:
        if self._comment_starts is None:
            self._comment_starts = {}
        self._comment_starts[el.get(W + "id", "")] = self.length

    def _comment_end(self, el: "etree._Element") -> None:
        comment_id = el.get(W + "id", "")
        starts = self._comment_starts or {}
        self._annotate("comment", comment_id, starts.pop(comment_id, 0))


_REFERENCE_KINDS = {W + "footnoteReference": "footnote", W + "endnoteReference": "endnote",
                    W + "commentReference": "comment"}

_HANDLERS: dict[str, Callable[[InlineText, "etree._Element"], None]] = {
    W + "cr": InlineText._cr,
    W + "noBreakHyphen": InlineText._hyphen,
    W + "softHyphen": lambda self, el: None,
    W + "sym": InlineText._sym,
    W + "hyperlink": InlineText._hyperlink,
    W + "fldSimple": InlineText._fld_simple,
    W + "fldChar": InlineText._fld_char,
    W + "instrText": InlineText._instr_text,
    W + "sdt": InlineText._sdt,
    MC + "AlternateContent": InlineText._alternate,
    W + "drawing": InlineText._drawing,
    W + "pict": InlineText._drawing,
    W + "object": InlineText._drawing,
    W + "footnoteReference": InlineText._reference,
    W + "endnoteReference": InlineText._reference,
    W + "commentReference": InlineText._reference,
    W + "commentRangeStart": InlineText._comment_start,
    W + "commentRangeEnd": InlineText._comment_end,
}


def alternate_branch(el: "etree._Element") -> "etree._Element | None":
    """The one branch of ``mc:AlternateContent`` to read (Choice, else Fallback), so its
    content is never read twice."""
    branch = el.find(MC + "Choice")
    return branch if branch is not None else el.find(MC + "Fallback")


def find_textboxes(el: "etree._Element") -> list["etree._Element"]:
    """Outermost ``w:txbxContent`` elements under ``el``, taking one branch of each
    ``mc:AlternateContent`` (its DrawingML Choice and VML Fallback hold the same text)."""
    found: list["etree._Element"] = []
    stack = [el]
    while stack:
        node = stack.pop()
        for child in reversed(node):
            tag = child.tag
            if tag == W + "txbxContent":
                found.append(child)
            elif tag == MC + "AlternateContent":
                branch = alternate_branch(child)
                if branch is not None:
                    stack.append(branch)
            elif isinstance(tag, str):
                stack.append(child)
    return found


def _is_hidden(rpr: "etree._Element") -> bool:
    for child in rpr:  # a loop over the few children beats find() on this hot path
        if child.tag == _VANISH:
            return child.get(VAL, "true") not in ("0", "false", "off")
    return False


def _field_meaning(code: str, form_name: str | None) -> tuple[AnnotationKind, str | None]:
    """``("hyperlink", url)`` for a HYPERLINK field, else ``("field", name or instruction)``."""
    code = " ".join(code.split())
    m = _HYPERLINK_FIELD.match(code)
    if m:
        url = m.group(1) or m.group(2) or ""
        if m.group(3):
            url = f"{url}#{m.group(3)}"
        return "hyperlink", url or None
    if form_name:
        return "field", form_name
    return "field", code or None
