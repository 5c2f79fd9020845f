"""Finders for any document: its title.

``document_title``  the document's title: the metadata title when the file has one, else
                    the first short line that is not only digits and punctuation.
"""

from __future__ import annotations

import re

from ...normalize.text import collapse_ws
from ..base import Found
from ..context import FindContext
from ..spec_types import FieldSpec
from . import finder

_NOT_WORDS = re.compile(r"[\d\W]+")


@finder("document_title")
def document_title(ctx: FindContext, field: FieldSpec) -> Found | None:
    title = ctx.doc.metadata.title
    if title and title.strip():
        return Found(collapse_ws(title))
    for i, line in ctx.region_lines(field.region):
        text = collapse_ws(line.printed)
        if 2 <= len(text) <= 80 and not _NOT_WORDS.fullmatch(text):
            return Found(text, [line.evidence(0, len(line.text), f"{field.name}:first-line")])
    return None


__all__ = ["document_title"]
