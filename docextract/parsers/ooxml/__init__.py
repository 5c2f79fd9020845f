"""The DOCX (Office Open XML WordprocessingML) parser.

Approach: docextract walks the package's XML itself with lxml and does not use
python-docx to read. Reasons:

* safety: every zip member is read through :func:`docextract.safeio.read_member` and every
  XML part parsed through :func:`docextract.safeio.parse_xml` (bounded sizes, no entities,
  no DTD, no network). python-docx parses parts with its own lxml parser, so hostile XML
  would have to be screened twice; here there is one parser and one set of limits;
* coverage: most of what matters (text boxes, footnotes, endnotes, comments, fields,
  revisions, content controls, vertical merges, list markers) is not exposed by
  python-docx's API and would need its XML anyway, and python-docx cannot open ISO 29500
  Strict packages at all;
* speed: one pass over each part, no proxy objects per paragraph.

Layout of the reader (each module one job):

* :mod:`.package` zip, relationships, Strict→Transitional namespaces, properties;
* :mod:`.styles` and :mod:`.numbering` style names/levels and list markers;
* :mod:`.inline` a paragraph's inline text, fields, links and anchors;
* :mod:`.blocks` paragraphs and tables in document order;
* :mod:`.document` the stories of a document (headers, body, notes, footers) put
  together in reading order.

Choices worth knowing:

* paragraphs with no visible text are dropped (Word uses them as spacing), but a table
  cell keeps its place in the grid even when empty;
* list markers are restored as Word draws them ("1.", "가.", "•") and followed by one
  space whatever the tab/space suffix, so "가. 관련 근거" reads naturally;
* ``prov.page`` is approximate: DOCX has no fixed pages (see :mod:`.blocks`).
"""

from __future__ import annotations

from ...errors import UnsupportedFormat
from ...formats import OLE_MAGIC, detect_format
from ...model import Document
from ..assembly import collector_paused
from ..base import ParseContext, Parser
from .document import DocumentReader
from .package import Package


class DocxParser(Parser):
    """Reads .docx/.docm/.dotx, Transitional and Strict, into a :class:`Document`."""

    name = "docx"
    formats = ("docx",)
    requires = {"lxml": "lxml"}
    description = "Word documents (Office Open XML), read directly from the package XML"

    def parse(self, data: bytes, ctx: ParseContext) -> Document:
        if data.startswith(OLE_MAGIC):
            # Password-protected OOXML is an OLE file; detect_format names what it is.
            fmt = detect_format(data)
            raise UnsupportedFormat(f"this is a {fmt} file, not a DOCX package")
        package = Package(data, ctx.budget)
        with collector_paused():
            return DocumentReader(package, ctx).read()


__all__ = ["DocxParser"]
