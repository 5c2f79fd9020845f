"""Structure-aware PDF content streams for the fuzz harness (tests/fuzz/test_fuzz_parsers.py).

A list of ops ``(kind, a, b)`` becomes a one-page PDF whose page and up to three form
XObjects draw them. Each op is a fragment of content a parser meets in hostile files:
an operator with its operands or a wrong count or type of them, q/Q, BT/ET and
marked-content (BMC/BDC/EMC) nesting that may not balance, a form drawn many times,
inline images whose dictionary and data disagree, text shows with broken strings,
clipping paths, extreme matrices, stray tokens, text in a Type3 font whose glyphs run
ops too. The forms may draw each other and themselves, look their names up in their own
resources, their parent's (no /Resources) or the page's (resources without /XObject),
and streams may lie about their /Length or be compressed. The pre-flight and PDFium must survive every one
in-process; what the pre-flight sends to the sandbox costs a worker.
"""

from __future__ import annotations

import binascii
import zlib

from pdf_builder import pdf_file

# operator -> operand kinds: n number, s string, a array, m name, d dictionary
OPERATORS: list[tuple[bytes, str]] = [
    (b"m", "nn"), (b"l", "nn"), (b"c", "nnnnnn"), (b"v", "nnnn"), (b"y", "nnnn"), (b"h", ""),
    (b"re", "nnnn"), (b"S", ""), (b"s", ""), (b"f", ""), (b"F", ""), (b"f*", ""), (b"B", ""),
    (b"B*", ""), (b"b", ""), (b"n", ""), (b"W", ""), (b"W*", ""), (b"cm", "nnnnnn"), (b"w", "n"),
    (b"J", "n"), (b"j", "n"), (b"M", "n"), (b"d", "an"), (b"ri", "m"), (b"i", "n"), (b"gs", "m"),
    (b"Tf", "mn"), (b"Td", "nn"), (b"TD", "nn"), (b"Tm", "nnnnnn"), (b"T*", ""), (b"Tc", "n"),
    (b"Tw", "n"), (b"Tz", "n"), (b"TL", "n"), (b"Tr", "n"), (b"Ts", "n"), (b"Tj", "s"),
    (b"TJ", "a"), (b"'", "s"), (b'"', "nns"), (b"g", "n"), (b"G", "n"), (b"rg", "nnn"),
    (b"RG", "nnn"), (b"k", "nnnn"), (b"K", "nnnn"), (b"cs", "m"), (b"CS", "m"), (b"sc", "n"),
    (b"scn", "nnm"), (b"sh", "m"), (b"Do", "m"), (b"BMC", "m"), (b"BDC", "md"), (b"EMC", ""),
    (b"MP", "m"), (b"DP", "md"), (b"BX", ""), (b"EX", ""), (b"d0", "nn"), (b"d1", "nnnnnn"),
]
NAMES = [b"/X1", b"/X2", b"/X3", b"/F1", b"/F3", b"/Nope", b"/GS1", b"/P", b"/Span", b"/Pattern", b"/DeviceRGB"]
NUMBERS = [b"0", b"1", b"-1", b"0.5", b"12", b"-300", b"612", b"1e309", b"99999999999999999999",
           b"-0", b".", b"1..2", b"32767", b"-2147483649", b"3.4e38"]
STRINGS = [b"(ab)", b"(Hello)", b"(t\\)x)", b"(\\0533)", b"<48656c6c6f>", b"<4>", b"()", b"(unclosed",
           b"((nested) ok)", b"(\xea\xb0\x80\xeb\x82\x98)", b"<>", b"(\\"]
STRAY = [b"[", b"]", b"<<", b">>", b"{", b"}", b"%comment\n", b"/", b"true", b"null", b"R", b"0 0 R",
         b"EI", b"ID", b"endstream", b"\x00", b"\xff\xfe"]
COLOR_SPACES = [b"/G", b"/RGB", b"/CMYK", b"/I", b"/DeviceGray", b"/Nope", b"[/Indexed /RGB 1 <000000ffffff>]"]
FILTERS = [b"", b" /F /Fl", b" /F /AHx", b" /F /DCT", b" /F /RL", b" /F [/AHx /Fl]", b" /F /CCF"]


def _operand(kind: str, seed: int) -> bytes:
    if kind == "n":
        return NUMBERS[seed % len(NUMBERS)] if seed % 3 == 0 else b"%d" % (seed % 2000 - 300)
    if kind == "s":
        return STRINGS[seed % len(STRINGS)]
    if kind == "a":
        return b"[" + b" ".join(_operand("sn"[i % 2], seed >> i) for i in range(seed % 6)) + b"]"
    if kind == "m":
        return NAMES[seed % len(NAMES)]
    return b"<< /MCID %d /ActualText (x) >>" % (seed % 100)


def _operator(a: int, b: int, wrong: bool) -> bytes:
    name, kinds = OPERATORS[a % len(OPERATORS)]
    if wrong:  # too few, too many, or of the wrong kind
        shift = b % 5 - 2
        kinds = kinds[:max(0, len(kinds) + shift)] if shift < 0 else kinds + "nsmad"[b % 5] * shift
        if shift == 0:
            kinds = "".join("nsmad"[(b + i) % 5] for i in range(len(kinds)))
    return b" ".join([_operand(k, b >> (3 * i)) for i, k in enumerate(kinds)] + [name])


def _inline_image(a: int, b: int) -> bytes:
    width, height = (a % 9, b % 9) if a % 16 else (a % 70_000, b % 70_000)
    bits = [1, 2, 4, 8, 16, 0, 3][b % 7]
    space = COLOR_SPACES[a % len(COLOR_SPACES)]
    mask = b" /IM true" if b % 11 == 0 else b""
    declared = width * height * bits // 8 if width * height < 4096 else 16
    data = bytes([a % 256]) * (declared + (b % 5) - 2 if b % 3 else declared)
    if b" /AHx" in FILTERS[b % len(FILTERS)]:
        data = binascii.hexlify(data) + b">"
    end = b"\nEI" if b % 13 else b""  # sometimes no EI at all
    return (b"BI /W %d /H %d /BPC %d /CS %s%s%s ID " % (width, height, bits, space, mask,
                                                     FILTERS[b % len(FILTERS)]) + data + end)


def fragment(kind: int, a: int, b: int) -> bytes:
    """One op's piece of content."""
    choice = kind % 14
    if choice in (0, 1):
        return _operator(a, b, wrong=choice == 1)
    if choice == 2:  # q/Q nesting, balanced or not
        depth = a % 40 + 1
        return b"q " * depth + _operator(b, a, False) + b" " + b"Q " * ((b % 3 != 0) * depth + b % 3)
    if choice == 3:  # BT/ET nesting, text outside BT, ET without BT
        depth = a % 4
        return b"BT " * depth + b"/F1 %d Tf (x%d) Tj " % (b % 40, a % 10) + b"ET " * (b % 4)
    if choice == 4:  # marked content: usually shallow, sometimes past the in-process bound
        depth = a % 12 + 1 if b % 16 else a % 2_600
        opener = b"/P BMC " if a % 2 else b"/Span << /MCID %d >> BDC " % (b % 50)
        return opener * depth + b"0 0 m 5 5 l S " + b"EMC " * (depth if b % 4 else b % 3)
    if choice == 5:  # a form drawn a few times, or many
        return (NAMES[a % 6] + b" Do ") * (b % 200 + 1 if b % 8 == 0 else b % 4 + 1)
    if choice == 6:
        return _inline_image(a, b)
    if choice == 7:  # text shows, in and out of BT, in Helvetica or the Type3 font
        return b"BT /F%d 12 Tf %d %d Td %s Tj [%s %d %s] TJ ET" % (
            1 if b % 3 else 3, a % 600, b % 800, STRINGS[a % len(STRINGS)], STRINGS[b % len(STRINGS)], a % 900 - 450,
            STRINGS[(a + b) % len(STRINGS)])
    if choice == 8:  # clipping paths, many of them
        return b"%d %d %d %d re W n " % (a % 600, b % 800, a % 50 + 1, b % 50 + 1) * (a % 30 + 1)
    if choice == 9:
        return STRAY[a % len(STRAY)] + b" " + STRAY[b % len(STRAY)]
    if choice == 10:  # degenerate and huge matrices
        values = [NUMBERS[(a >> i) % len(NUMBERS)] for i in range(6)]
        return b" ".join(values) + (b" cm" if b % 2 else b" Tm")
    if choice == 11:  # graphics state, shadings, colour spaces nobody defined
        return b"/GS1 gs /Nope sh /Pattern cs /Nope scn %d w" % (a % 100)
    if choice == 12:  # many objects in one op
        return b"%d %d m %d %d l S\n" % (a % 600, b % 800, b % 600, a % 800) * (b % 300 + 1)
    return NUMBERS[a % len(NUMBERS)] * (b % 5 + 1)  # operands and no operator


def render(ops: list[tuple[int, int, int]]) -> bytes:
    return b"\n".join(fragment(kind, a, b) for kind, a, b in ops)


def _stream(body: bytes, how: int, extra: bytes = b"") -> bytes:
    if how % 3 == 1:
        body = zlib.compress(body)
        extra += b" /Filter /FlateDecode"
    elif how % 11 == 5:
        body = binascii.hexlify(body) + b">"
        extra += b" /Filter /ASCIIHexDecode"
    length = len(body) + (how % 5 == 4) * 37 - (how % 7 == 6) * min(len(body), 9)  # lying /Length
    return b"<< /Length %d%s >>\nstream\n" % (length, extra) + body + b"\nendstream"


def _acyclic_resources(form: int) -> bytes:
    """Resources under which form /X``form`` can draw only the forms after it."""
    names = b" ".join(b"/X%d %d 0 R" % (k, k + 5) for k in range(form + 1, 4))
    return b" /Resources << /Font << /F1 5 0 R /F3 9 0 R >> /XObject << %s >> >>" % names


def _form_resources(how: int) -> bytes:
    """A form's (or Type3 font's) /Resources: its own names, none (its parent's, or for a
    font the page's), or fonts only (PDFium then looks XObject names up in the page's)."""
    choice = how % 3
    if choice == 0:
        return (b" /Resources << /Font << /F1 5 0 R /F3 9 0 R >> "
                b"/XObject << /X1 6 0 R /X2 7 0 R /X3 8 0 R >> >>")
    if choice == 1:
        return b""
    return b" /Resources << /Font << /F1 5 0 R /F3 9 0 R >> >>"


def content_pdf(ops: list[tuple[int, int, int]]) -> bytes:
    """A one-page PDF whose page draws ``ops`` and whose forms /X1 (the ops reversed),
    /X2 (every other one) and /X3 (every third) draw the rest; /X3 is sometimes an image.
    Type3 font /F3 has glyphs 'a' (every fourth op) and 'b' (a square)."""
    how = sum(k for k, _, _ in ops)
    cyclic = how % 3 == 0  # else every form draws only the forms after it

    def resources(form_number: int, choice: int) -> bytes:
        return _form_resources(choice) if cyclic else _acyclic_resources(form_number)

    form = b" /Type /XObject /Subtype /Form /BBox [0 0 612 792]"
    image = b" /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8"
    x3 = _stream(b"\x00\xff\xff\x00", 0, image) if how % 4 == 3 else \
        _stream(render(ops[2::3]), how + 3, form + resources(3, how // 7))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << "
               b"/XObject << /X1 6 0 R /X2 7 0 R /X3 8 0 R >> /Font << /F1 5 0 R /F3 9 0 R >> >> "
               b"/Contents 4 0 R >>",
               _stream(render(ops), how),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               _stream(render(list(reversed(ops))), how + 1, form + resources(1, how)),
               _stream(render(ops[::2]), how + 2, form + resources(2, how // 3)),
               x3,
               b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] /FontMatrix [0.001 0 0 0.001 0 0] "
               b"/CharProcs << /a 10 0 R /b 11 0 R >> /Encoding << /Differences [97 /a /b] >> /FirstChar 97 "
               b"/LastChar 98 /Widths [1000 1000]" + _form_resources(how // 11) + b" >>",
               _stream(b"1000 0 0 0 750 750 d1\n" + render(ops[3::4]), how + 4),
               _stream(b"1000 0 d0 0 0 750 750 re f", how + 5)]
    return pdf_file(objects)
