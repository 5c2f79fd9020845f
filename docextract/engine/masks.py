"""Values the publisher masked before publishing (부분공개): ``**********``, ``○○○``, ``02********9``.

정보소통광장 and other portals withhold personal and business data by overprinting it with
``*`` (or ``○``/``●``). A masked value is absent, not a value: the field stays null and the
record says which field was masked. A value counts as masked when mask characters make up
at least half of it (``02********9``, ``홍○○``, ``○○○``); a sentence or an address with a
placeholder inside (``서울특별시 ○○구 ○○로 1``) is still a value, and a single ``*`` (a
footnote mark) is never a mask. Names and identifiers are stricter (``strict``): any mask
character makes them unusable (``홍○동`` is not a name).
"""

from __future__ import annotations

_MASK_CHARS = frozenset("*＊○●◯ⓧ")
_IGNORED = frozenset(" \t\n-.()/,:")


def is_masked(text: str | None, *, strict: bool = False) -> bool:
    """True when ``text`` is overprinted by a mask (see the module notes)."""
    if not text:
        return False
    core = [ch for ch in text if ch not in _IGNORED]
    masked = sum(1 for ch in core if ch in _MASK_CHARS)
    if strict:
        return masked >= 1 and len(core) > 0
    return masked >= 2 and masked * 2 >= len(core)


def mask_warning(field: str, text: str) -> str:
    """The warning a record carries for a masked field (the mask shortened for reading)."""
    shown = " ".join(text.split())
    if len(shown) > 24:
        shown = shown[:21] + "..."
    return f"{field}: value withheld by the publisher (masked as {shown!r}); left empty"


__all__ = ["is_masked", "mask_warning"]
