"""The summary as JSON for pipelines, written with the standard library.

The text is exactly :func:`docextract.serialize.dump_json` of the summary (a test holds
them equal) without importing Pydantic, which would cost a one-file
``summarize --format json`` run more than the summary itself.
"""

from __future__ import annotations

import json
from typing import Any

from ..plain import to_jsonable
from .summary import Summary


def summary_data(summary: Summary) -> dict[str, Any]:
    """The summary as JSON-ready data (what batch envelopes carry as ``summary``)."""
    data: dict[str, Any] = to_jsonable(summary)
    return data


def render_json(summary: Summary, *, indent: int | None = None) -> str:
    """One summary as JSON text: indented with ``indent``, else on one line (JSON Lines)."""
    separators = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(summary_data(summary), ensure_ascii=False, indent=indent,
                      separators=separators)


__all__ = ["render_json", "summary_data"]
