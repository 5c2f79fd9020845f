"""Character-level clean-up of extracted text.

:func:`normalize_chars` maps look-alike characters one for one, so offsets found in the
normalized string are offsets in the original (evidence spans rely on this).
:func:`collapse_glyph_spacing` removes the spaces of letter-spaced labels and sender lines
(``서 울 특 별 시 장``); it is applied only at those positions, never to running text.
"""

from __future__ import annotations

import re
import unicodedata


# Hyphen and dash look-alikes seen in PDF and OCR output: map to ASCII '-'.
HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uff0d\ufe63\u00ad"
# Quote look-alikes used for two-digit years ('18.8.31.).
QUOTES = "\u2018\u2019\u00b4\u0060\u2032\uff07"
# Spaces that are not ASCII space.
SPACES = "\u00a0\u2002\u2003\u2009\u200a\u202f\u205f\u3000"

# Private-Use-Area bullets that HWP fonts (e.g. HY헤드라인, 한양 PUA) use for list marks.
PUA_BULLETS: dict[str, str] = {
    "\uf06c": "●", "\uf09f": "•", "\uf0a7": "▪", "\uf0b7": "•", "\uf0d8": "▶",
    "\uf0e0": "→", "\uf0fc": "✓", "\uf075": "◆", "\uf06e": "■", "\uf0a1": "○",
    "\uf06f": "□", "\uf0a8": "□", "\uf02d": "-",
}

# A table-of-contents entry ends with a leader and a page number (``- 3 -`` too): dots
# (``목차 ····· 3``), a wide gap, or a tab (Hancom fills a tab with dots). A leader is taken
# whole where its run starts, so a long run of dots or blanks without a page number costs
# linear time.
CONTENTS_ENTRY_END = re.compile(
    r"(?:(?<![·.…‥・ㆍ])[·.…‥・ㆍ]{3,}+\s*+|(?<!\s)(?=\s{3}|\s{0,2}\t)\s++)"
    r"(?:-\s*+)?\d{1,4}(?:\s*+-)?\s*$")


def is_contents_entry(text: str) -> bool:
    """Whether ``text`` is a contents entry: leader dots or a wide gap, then a page number."""
    stripped = text.strip()
    # only a line ending with a digit (or ``- 3 -``) can match: most text skips the pattern
    return (stripped[-1:].isdecimal() or stripped.endswith("-")) and \
        CONTENTS_ENTRY_END.search(stripped) is not None


_TABLE = str.maketrans({**{c: "-" for c in HYPHENS}, **{c: "'" for c in QUOTES},
                        **{c: " " for c in SPACES}, "∼": "~", "～": "~", "：": ":",
                        "ㆍ": "·", "（": "(", "）": ")", **PUA_BULLETS})


def normalize_chars(text: str) -> str:
    """NFC (when it keeps the length), then look-alike hyphens, quotes, spaces, bullets mapped.

    The result has the same length as ``text`` so that offsets carry over.
    """
    nfc = unicodedata.normalize("NFC", text)
    if len(nfc) == len(text):
        text = nfc
    return text.translate(_TABLE)


_PRINTED = str.maketrans({**{c: " " for c in SPACES}, **PUA_BULLETS})


def printed_chars(text: str) -> str:
    """Text as printed, cleaned only of what no reader sees: NFC (when it keeps the length),
    odd spaces and Private-Use-Area bullets. Hyphens, quotes and tildes stay as printed.

    The result has the same length as ``text``.
    """
    nfc = unicodedata.normalize("NFC", text)
    if len(nfc) == len(text):
        text = nfc
    return text.translate(_PRINTED)


def collapse_ws(text: str) -> str:
    """Runs of whitespace (tabs and newlines included) become one space; ends stripped."""
    return " ".join(text.split())


_GLYPH = r"[가-힣○◯Ｏ]"
_SPACED_RUN = re.compile(rf"(?<!\S){_GLYPH}(?: {_GLYPH})+(?!\S)")


def collapse_glyph_spacing(text: str, *, min_glyphs: int = 3) -> str:
    """Remove single spaces inside runs of single Hangul glyphs (``행 정 안 전 부`` → ``행정안전부``).

    Only runs of at least ``min_glyphs`` one-letter tokens are joined, so ordinary words
    separated by spaces stay apart. Meant for label and sender positions only.
    """
    text = collapse_ws(text)

    def join(m: re.Match[str]) -> str:
        run = m.group(0)
        return run.replace(" ", "") if len(run.split(" ")) >= min_glyphs else run

    return _SPACED_RUN.sub(join, text)


def spaced_label(label: str) -> str:
    """A regex matching ``label`` with optional spaces between its letters (``수\\s*신``)."""
    letters = [re.escape(ch) for ch in label if not ch.isspace()]
    return r"[ \t]*".join(letters)


__all__ = ["CONTENTS_ENTRY_END", "HYPHENS", "PUA_BULLETS", "QUOTES", "collapse_glyph_spacing",
           "collapse_ws", "is_contents_entry", "normalize_chars", "printed_chars", "spaced_label"]
