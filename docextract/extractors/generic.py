"""The fallback extractor for documents that are not a known record type.

It never fails: it reports the document's title (metadata title, else the first short
non-empty line), its first full date and an agency-like issuer line near the top, and it
adds a warning saying that no specific record type matched.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from ..model import Document
from ..normalize.dates import find_dates
from ..normalize.text import collapse_glyph_spacing, collapse_ws
from .base import Extraction, Extractor, Found
from .letter_labels import letter_spec
from .lines import document_lines

if TYPE_CHECKING:
    from ..records.generic import GenericRecord


WARNING = "no specific record type matched this document; generic record (title, date, issuer)"


class GenericExtractor(Extractor):
    """Title, date and issuer of any document, with a warning."""

    record_type: ClassVar[str] = "generic"
    description: ClassVar[str] = "any document: title, date, issuer (fallback)"

    def score(self, doc: Document) -> float:
        """A constant low score: the generic record fits everything, and nothing well."""
        return 0.05

    def extract(self, doc: Document) -> "GenericRecord":
        from ..records.generic import GenericRecord

        record: GenericRecord = self.find(doc).to_record(GenericRecord)
        return record

    def find(self, doc: Document) -> Extraction:
        lines = [ln for ln in document_lines(doc) if ln.text.strip()]
        found: dict[str, Found] = {}
        if doc.metadata.title and doc.metadata.title.strip():
            found["title"] = Found(collapse_ws(doc.metadata.title))
        else:
            for ln in lines[:15]:
                text = collapse_ws(ln.printed)
                if 2 <= len(text) <= 80 and not re.fullmatch(r"[\d\W]+", text):
                    found["title"] = Found(text, [ln.evidence(0, len(ln.text), "generic:first-line")])
                    break
        for ln in lines:
            dates = find_dates(ln.text)
            if dates:
                d = dates[0]
                found["date"] = Found(d.iso, [ln.evidence(d.start, d.end, "generic:first-date")])
                break
        suffixes = letter_spec().agency_suffixes
        for ln in lines[:20]:
            text = collapse_glyph_spacing(ln.printed)
            if len(text) <= 30 and len(text.split()) <= 3 and not re.search(r"[\d!?.:]", text) and \
                    text.replace(" ", "").endswith(suffixes) and text != found.get("title", Found(None)).value:
                found["issuer"] = Found(text, [ln.evidence(0, len(ln.text), "generic:agency-line")])
                break
        return Extraction.from_found(self.record_type, found, [WARNING])


if not TYPE_CHECKING:  # type checkers see the import above; unknown names stay errors

    def __getattr__(name: str) -> object:
        # GenericRecord lives in docextract.records.generic (a Pydantic model, loaded on use)
        if name == "GenericRecord":
            from ..records.generic import GenericRecord

            return GenericRecord
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["GenericExtractor", "WARNING"]
