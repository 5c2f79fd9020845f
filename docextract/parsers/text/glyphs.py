"""Private-use code points that word processors store for Symbol/Wingdings bullets.

Hancom Office and Word both keep a bullet drawn from a symbol font as its font code in the
Unicode private-use area (U+F000 + the font's byte). Every parser maps them through this one
table, so the same bullet reads the same in HWP, HWPX and DOCX.
"""

from __future__ import annotations

SYMBOL_BULLETS: dict[str, str] = {
    "\uf02d": "-", "\uf06c": "●", "\uf06e": "■", "\uf06f": "□", "\uf070": "□", "\uf071": "❑",
    "\uf075": "◆", "\uf076": "❖", "\uf077": "◆", "\uf09e": "·", "\uf09f": "•", "\uf0a1": "○",
    "\uf0a4": "◉", "\uf0a7": "▪", "\uf0a8": "◻", "\uf0b2": "◇", "\uf0b7": "•", "\uf0be": "—",
    "\uf0d2": "✓", "\uf0d8": "➢", "\uf0e0": "➔", "\uf0e8": "➔", "\uf0fc": "✔", "\uf0fe": "☑",
}
