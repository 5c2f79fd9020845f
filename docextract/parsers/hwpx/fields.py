"""Parameters of HWPX fields (``hp:fieldBegin``): hyperlink targets and named values."""

from __future__ import annotations

from typing import Any

from .elements import child, local_name


def hyperlink_target(field_begin: Any) -> str | None:
    """The URL of a HYPERLINK field: its Path parameter, else the unescaped Command."""
    params = child(field_begin, "parameters")
    if params is None:
        return None
    values = {p.get("name"): (p.text or "") for p in params if local_name(p.tag) == "stringParam"}
    if values.get("Path"):
        return values["Path"]
    command = values.get("Command")
    if not command:
        return None
    # Command is "target;flags..." with ':' ';' '\' escaped by a backslash; a '|'
    # separates the target from an in-document bookmark.
    out: list[str] = []
    escaped = False
    for ch in command:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == ";":
            break
        else:
            out.append(ch)
    target = "".join(out)
    if "|" in target:
        target = target.split("|", 1)[0]
    return target or None


def field_param(field_begin: Any, name: str) -> str | None:
    """The text of a named parameter of a ``hp:fieldBegin``."""
    params = child(field_begin, "parameters")
    if params is None:
        return None
    for p in params:
        if p.get("name") == name:
            return p.text
    return None
