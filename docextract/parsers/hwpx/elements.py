"""Namespace-agnostic element names for OWPML.

Hancom writes the 2011 namespaces (``http://www.hancom.co.kr/hwpml/2011/paragraph``),
KS X 6101:2024 files use ``http://www.owpml.org/owpml/2024/...``; the element names
are the same, so the HWPX reader matches on local names only.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=4096)
def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def local_name(tag: Any) -> str:
    """``{ns}name`` → ``name``; comments and processing instructions give ``""``."""
    return _local(tag) if isinstance(tag, str) else ""


def children(el: Any, name: str) -> list[Any]:
    """Direct children with the given local name."""
    return [c for c in el if local_name(c.tag) == name]


def child(el: Any, name: str) -> Any | None:
    """The first direct child with the given local name, or None."""
    for c in el:
        if local_name(c.tag) == name:
            return c
    return None


def int_attr(el: Any, name: str, default: int = 0) -> int:
    """An integer attribute, ``default`` when absent or not a number."""
    try:
        return int(el.get(name, default))
    except (TypeError, ValueError):
        return default
