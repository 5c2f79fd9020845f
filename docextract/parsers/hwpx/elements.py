"""Namespace-agnostic element names for OWPML.

Hancom writes the 2011 namespaces (``http://www.hancom.co.kr/hwpml/2011/paragraph``),
KS X 6101:2024 files use ``http://www.owpml.org/owpml/2024/...``; the element names
are the same, so the HWPX reader matches on local names only.
"""

from __future__ import annotations

from typing import Any


class _LocalNames(dict[Any, str]):
    """``{ns}name`` → ``name`` for the tags seen so far; comments and processing
    instructions (whose tags are not strings) → ``""``. Looking a tag up here is a dict
    subscript, which the section walk does for every element."""

    def __missing__(self, tag: Any) -> str:
        name = tag.rpartition("}")[2] if isinstance(tag, str) else ""
        if len(self) < _MAX_NAMES:  # a hostile file may use any number of distinct tags
            self[tag] = name
        return name


_MAX_NAMES = 4096
LOCAL_NAMES = _LocalNames()


def local_name(tag: Any) -> str:
    """``{ns}name`` → ``name``; comments and processing instructions give ``""``."""
    return LOCAL_NAMES[tag]


def children(el: Any, name: str) -> list[Any]:
    """Direct children with the given local name (in any namespace or none)."""
    return list(el.iterchildren("{*}" + name))


def child(el: Any, name: str) -> Any | None:
    """The first direct child with the given local name, or None."""
    return next(el.iterchildren("{*}" + name), None)


def int_attr(el: Any, name: str, default: int = 0) -> int:
    """An integer attribute, ``default`` when absent or not a number."""
    try:
        return int(el.get(name, default))
    except (TypeError, ValueError):
        return default
