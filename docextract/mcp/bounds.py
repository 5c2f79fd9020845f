"""Tool outputs bounded in size: a JSON value cut to a character budget, saying what was cut.

The budget counts the characters of the output's JSON text. While the output is over it,
the largest thing that can be cut is cut: a list loses items from its end (down to one
item; the items kept are whole and keep their indexes), a long string loses its end.
Short strings (paths, codes, dates) and dictionaries are never cut, so the output keeps
its shape and still fits its schema. The output then says ``truncated: true`` and its
``note`` names each thing cut and how much of it is left (after the tool's own note, if
it had one).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..errors import LimitExceeded

DEFAULT_MAX_OUTPUT_CHARS = 200_000
MIN_MAX_OUTPUT_CHARS = 2_000
MIN_CUT_STRING = 100
"""Strings up to this many characters are never cut."""
NOTE_ROOM = 1_000
"""Characters kept free for the note that says what was cut."""
MAX_NOTED = 8
MAX_ROUNDS = 500


def json_size(value: Any) -> int:
    """Characters of ``value`` as compact JSON text (UTF-8 kept, as the tools write it)."""
    return len(dumps(value))


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass
class _Node:
    size: int
    path: str
    holder: Any
    key: Any


def fit(output: dict[str, Any], cap: int) -> dict[str, Any]:
    """``output`` (changed in place) cut until its JSON has at most ``cap`` characters,
    with ``truncated`` and ``note`` set; :class:`LimitExceeded` when it cannot be cut."""
    output.setdefault("truncated", False)
    output.setdefault("note", None)
    budget = max(cap - NOTE_ROOM, cap // 2)
    originals: dict[str, tuple[Any, Any, int, str]] = {}
    for _ in range(MAX_ROUNDS):
        total, nodes = _measure(output)
        if total <= budget:
            break
        if not nodes:
            raise LimitExceeded(f"the output is larger than the server's limit of {cap:,} "
                                "characters and cannot be cut (max_output_chars)",
                                limit="max_output_chars")
        node = max(nodes, key=lambda n: n.size)
        value = node.holder[node.key]
        if node.path not in originals:
            unit = "items" if isinstance(value, list) else "characters"
            originals[node.path] = (node.holder, node.key, len(value), unit)
        node.holder[node.key] = _cut(value, node.size, total - budget)
    else:
        raise LimitExceeded(f"the output could not be cut to the server's limit of {cap:,} "
                            "characters (max_output_chars)", limit="max_output_chars")
    if originals:
        earlier = output["note"]  # the tool's own (a listing that stopped early)
        note = _note(output, originals, cap)
        output["truncated"] = True
        output["note"] = f"{earlier} {note}" if earlier else note
    return output


def _measure(value: Any, path: str = "", holder: Any = None, key: Any = None,
             nodes: list[_Node] | None = None) -> tuple[int, list[_Node]]:
    """The JSON size of ``value`` and every part of it that may be cut, in one pass."""
    if nodes is None:
        nodes = []
    if isinstance(value, dict):
        size = 2 + max(0, len(value) - 1)
        for k, v in value.items():
            child, _ = _measure(v, f"{path}.{k}" if path else str(k), value, k, nodes)
            size += json_size(str(k)) + 1 + child
        return size, nodes
    if isinstance(value, list):
        size = 2 + max(0, len(value) - 1)
        for i, v in enumerate(value):
            child, _ = _measure(v, f"{path}[{i}]", value, i, nodes)
            size += child
        if len(value) > 1 and holder is not None:
            nodes.append(_Node(size, path, holder, key))
        return size, nodes
    size = json_size(value)
    if isinstance(value, str) and len(value) > MIN_CUT_STRING and holder is not None:
        nodes.append(_Node(size, path, holder, key))
    return size, nodes


def _cut(value: Any, size: int, excess: int) -> Any:
    """``value`` (a list or a string of JSON size ``size``) shorter by at least ``excess``
    characters of JSON where it can be."""
    if isinstance(value, list):
        kept = list(value)
        removed = 0
        while len(kept) > 1 and removed < excess:
            removed += json_size(kept.pop()) + 1
        return kept
    keep = max(MIN_CUT_STRING, int(len(value) * (size - excess) / size) - 1)
    if keep >= len(value):  # escapes made the estimate short: take a tenth more
        keep = max(MIN_CUT_STRING, len(value) - max(1, len(value) // 10))
    return value[:keep]


def _containers(value: Any, out: set[int] | None = None) -> set[int]:
    """The ids of every dictionary and list still in ``value``."""
    if out is None:
        out = set()
    if isinstance(value, (dict, list)):
        out.add(id(value))
        for child in (value.values() if isinstance(value, dict) else value):
            _containers(child, out)
    return out


def _note(output: dict[str, Any], originals: dict[str, tuple[Any, Any, int, str]], cap: int) -> str:
    live = _containers(output)
    parts = []
    for path, (holder, key, before, unit) in originals.items():
        if id(holder) not in live:
            continue  # cut first, then dropped whole with the list that held it
        after = len(holder[key])
        parts.append(f"{path}: {after:,} of {before:,} {unit} kept")
    shown = parts[:MAX_NOTED]
    if len(parts) > MAX_NOTED:
        shown.append(f"and {len(parts) - MAX_NOTED} more")
    return (f"output cut to the server's limit of {cap:,} characters: " + "; ".join(shown)
            + ". Ask for less (pages, a smaller max_chars, subdir or pattern) to see the rest.")


__all__ = ["DEFAULT_MAX_OUTPUT_CHARS", "MIN_MAX_OUTPUT_CHARS", "dumps", "fit", "json_size"]
