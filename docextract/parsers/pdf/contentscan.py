"""What one content stream asks of PDFium, read from its decoded bytes (for :mod:`.preflight`).

The bytes arrive in chunks (a Flate bomb is never held whole) and are counted, not
parsed: every byte that can begin an operator making a page object, the ``Do``
operators and the names they draw, inline images and their declared size, and how
deep marked content nests. Every count errs on the high side, never the low.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

# Marked content opened on a page (BMC/BDC) past this many sends it to the sandbox;
# below it, the count bounds the nesting and no token-level scan is needed (see
# preflight.MAX_MARK_DEPTH for why nesting costs PDFium).
INPROCESS_MARK_OPENS = 2_000

_DELIMITER = rb"[\x00\t\n\x0c\r ()<>\[\]{}/%]"
_DO = re.compile(rb"Do(?=" + _DELIMITER + rb"|$)")
_NAMED_DO = re.compile(rb"/([^\x00\t\n\x0c\r ()<>\[\]{}/%]{1,127})(?:[\x00\t\n\x0c\r ]|%[^\r\n]*[\r\n])*"
                       rb"Do(?=" + _DELIMITER + rb"|$)")
_TF = re.compile(rb"Tf(?=" + _DELIMITER + rb"|$)")
_NAMED_TF = re.compile(rb"/([^\x00\t\n\x0c\r ()<>\[\]{}/%]{1,127})[\x00\t\n\x0c\r ]+[+\-]?[0-9.]{1,32}"
                       rb"[\x00\t\n\x0c\r ]+Tf(?=" + _DELIMITER + rb"|$)")
_INLINE = re.compile(rb"BI(?=" + _DELIMITER + rb")(.{0,4096}?)" + _DELIMITER + rb"ID" + _DELIMITER, re.DOTALL)
_MARKS = re.compile(rb"(?<![^\x00\t\n\x0c\r ()<>\[\]{}/%])(B[MD]C|EMC)(?=" + _DELIMITER + rb"|$)")
# the same counts as bytes.count (the needles cannot overlap themselves or each other),
# but the regular expression scans content streams, full of ``B`` and ``T``, faster
_MARK_OPEN = re.compile(rb"B[MD]C")
_INLINE_START = re.compile(rb"BI")
_INLINE_KEY = re.compile(rb"/(W|Width|H|Height|BPC|BitsPerComponent|CS|ColorSpace|IM|ImageMask)"
                         rb"[\x00\t\n\x0c\r ]*(/?[A-Za-z0-9.]+)")
# Every byte that can begin an operator that makes a page object (text shows Tj TJ ' ",
# path painting S s f F B b, shadings sh) counts as one: in strings, image data and other
# operators (Tf, Td) too, so the estimate errs on the high side, never the low. Counted in
# one pass in C (bytes.translate), fast enough for a bomb.
_OBJECT_BYTES = b"T'\"SsfFBb"
_OVERLAP = 8192
_COMPONENTS = {"G": 1, "DeviceGray": 1, "CalGray": 1, "RGB": 3, "DeviceRGB": 3, "CalRGB": 3,
               "Lab": 3, "CMYK": 4, "DeviceCMYK": 4, "I": 1, "Indexed": 1}


@dataclass
class ContentCost:
    """What one content stream asks of PDFium, read from its decoded bytes."""

    decoded: int = 0
    operators: int = 0  # upper bound of the operators that make page objects
    inline_images: int = 0
    inline_bytes: int = 0
    uses: Counter = field(default_factory=Counter)  # XObject name -> Do count
    unnamed_uses: int = 0  # Do operators whose name the scan could not pair with them
    over_cap: bool = False
    mark_opens: int = 0  # BMC and BDC bytes anywhere: the depth can be no greater
    mark_open: int = 0  # nesting at the end (token count, once opens pass the bound)
    mark_depth: int = 0  # deepest nesting (the same count)
    fonts: set[str] = field(default_factory=set)  # font names its Tf operators select
    unnamed_fonts: bool = False  # a Tf whose name the scan could not pair with it

    def add(self, other: "ContentCost") -> None:
        self.decoded += other.decoded
        self.operators += other.operators
        self.inline_images += other.inline_images
        self.inline_bytes += other.inline_bytes
        self.uses.update(other.uses)
        self.unnamed_uses += other.unnamed_uses
        self.over_cap = self.over_cap or other.over_cap
        # streams of one page are one content: marks left open carry on
        self.mark_depth = max(self.mark_depth, self.mark_open + other.mark_depth)
        self.mark_open += other.mark_open
        self.mark_opens += other.mark_opens
        self.fonts |= other.fonts
        self.unnamed_fonts = self.unnamed_fonts or other.unnamed_fonts

    @property
    def own_objects(self) -> int:
        return self.operators + self.inline_images


def scan_content(chunks: Any, cost: ContentCost) -> None:
    """Count operators in decoded content arriving in chunks (tokens cut at chunk joins
    are put back together: each buffer is cut at a line break and the rest carried)."""
    carry = b" "
    for chunk in chunks:
        cost.decoded += len(chunk)
        buffer = carry + chunk
        low, high = max(1, len(buffer) - 2 * _OVERLAP), max(1, len(buffer) - _OVERLAP)
        cut = buffer.rfind(b"\n", low, high)
        if cut < 1:
            cut = buffer.rfind(b" ", low, high)
        if cut < 1:
            cut = high
        _count(buffer, cut, cost)
        carry = buffer[cut - 1:]
    _count(carry + b" ", len(carry) + 1, cost)


def _count(buffer: bytes, end: int, cost: ContentCost) -> None:
    part = buffer[1:end]
    cost.operators += len(part) - len(part.translate(None, _OBJECT_BYTES))
    do_count = len(_DO.findall(buffer, 1, end))
    if do_count:
        names = Counter(_NAMED_DO.findall(buffer, 1, end))
        for name, uses in names.items():
            cost.uses[name.decode("latin-1")] += uses
        cost.unnamed_uses += max(0, do_count - sum(names.values()))
    if buffer.find(b"Tf", 1, end) >= 0:
        selected = len(_TF.findall(buffer, 1, end))
        fonts = _NAMED_TF.findall(buffer, 1, end)
        cost.fonts.update(name.decode("latin-1") for name in set(fonts))
        cost.unnamed_fonts = cost.unnamed_fonts or selected > len(fonts)
    opens = len(_MARK_OPEN.findall(buffer, 1, end))
    if opens or cost.mark_open:
        _count_marks(buffer, end, opens, cost)
    if _INLINE_START.search(buffer, 1, end):
        for match in _INLINE.finditer(buffer, 1, end):
            cost.inline_images += 1
            cost.inline_bytes += _inline_size(match.group(1))


def _count_marks(buffer: bytes, end: int, opens: int, cost: ContentCost) -> None:
    """Marked-content nesting: every open counted; the depth token by token only once
    the opens pass :data:`INPROCESS_MARK_OPENS` (before that, the opens bound it)."""
    before = cost.mark_opens
    cost.mark_opens += opens
    if cost.mark_opens <= INPROCESS_MARK_OPENS:
        cost.mark_open = cost.mark_depth = cost.mark_opens
        return
    depth, deepest = cost.mark_open, cost.mark_depth
    if before <= INPROCESS_MARK_OPENS:
        depth = deepest = before
    for match in _MARKS.finditer(buffer, 1, end):
        if match.group(1) == b"EMC":
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    cost.mark_open, cost.mark_depth = depth, deepest


def _inline_size(head: bytes) -> int:
    """Declared decoded size of an inline image (its dictionary between BI and ID)."""
    values = {k.decode(): v.decode("latin-1").lstrip("/") for k, v in _INLINE_KEY.findall(head)}
    try:
        width = int(float(values.get("W") or values.get("Width") or 0))
        height = int(float(values.get("H") or values.get("Height") or 0))
        bits = int(float(values.get("BPC") or values.get("BitsPerComponent") or 8))
    except ValueError:
        return 0
    if values.get("IM") == "true" or values.get("ImageMask") == "true":
        bits, components = 1, 1
    else:
        components = _COMPONENTS.get(values.get("CS") or values.get("ColorSpace") or "", 4)
    return max(0, width) * max(0, height) * components * max(1, min(bits, 16)) // 8


__all__ = ["ContentCost", "INPROCESS_MARK_OPENS", "scan_content"]
