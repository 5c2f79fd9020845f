"""Extractors turn a Document into a typed record (official letter, press release, ...).

Document types are specs (``schemas/*.yaml``, one file per type) compiled by the extraction
engine (:mod:`docextract.engine`); Python here holds only layout rules a spec names
(:mod:`.official_letter.layout`). Third-party types register under the
``docextract.extractors`` entry point group: an :class:`~docextract.engine.base.Extractor`
subclass, or the path of a spec file.
"""

from __future__ import annotations

from ..engine.catalog import builtin_targets

BUILTIN_EXTRACTORS: dict[str, str] = builtin_targets()

__all__ = ["BUILTIN_EXTRACTORS"]
