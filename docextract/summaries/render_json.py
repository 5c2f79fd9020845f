"""The summary as JSON for pipelines, written with the standard library.

The text is exactly :func:`docextract.serialize.dump_json` of the summary (a test holds
them equal) without importing Pydantic, which would cost a one-file
``summarize --format json`` run more than the summary itself.
"""

from __future__ import annotations

import json

from ..plain import to_jsonable
from .summary import Summary


def render_json(summary: Summary, *, indent: int | None = None) -> str:
    """One summary as JSON text: indented with ``indent``, else on one line (JSON Lines)."""
    separators = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(to_jsonable(summary), ensure_ascii=False, indent=indent,
                      separators=separators)


__all__ = ["render_json"]
