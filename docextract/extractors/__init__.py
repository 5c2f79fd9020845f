"""Extractors turn a Document into a typed record (official letter, press release, ...).

Built-ins are listed in ``BUILTIN_EXTRACTORS``; third-party extractors register under the
``docextract.extractors`` entry point group with the same :class:`~.base.Extractor`
interface (``record_type``, ``score(doc)``, ``extract(doc)``).
"""

from __future__ import annotations

BUILTIN_EXTRACTORS: dict[str, str] = {
    "official_letter": "docextract.extractors.official_letter:OfficialLetterExtractor",
    "generic": "docextract.extractors.generic:GenericExtractor",
}

__all__ = ["BUILTIN_EXTRACTORS"]
