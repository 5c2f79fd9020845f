"""A small, bounded reader of PDF objects, for the pre-flight (:mod:`.preflight`) only.

PDFium is never asked what a file holds before it is known to be safe to ask, so the
pre-flight reads the file itself: it finds every ``N G obj`` header in the bytes (the way
a reader rebuilds a broken cross-reference table, and what PDFium falls back on), reads
the objects packed in object streams, and parses dictionaries, arrays, names, numbers and
references. Strings are skipped, not decoded. Every loop is bounded by the input or by
the limits below; anything this reader cannot read raises :class:`Unreadable`, which makes
the pre-flight send the document to the sandbox rather than guess.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_right
from typing import Any, NamedTuple, Optional

MAX_DEPTH = 32  # nesting of arrays and dictionaries in one object
MAX_ITEMS = 200_000  # values parsed for one object
MAX_OBJECT_STREAM = 32 * 1024 * 1024  # decoded bytes of one object stream we hold
MAX_OBJECT_STREAMS = 10_000

_WS = b"\x00\t\n\x0c\r "
_DELIMITERS = b"()<>[]{}/%"
_SPACE = rb"(?:[\x00\t\n\x0c\r ]|%[^\r\n]*[\r\n])+"
_OBJ = re.compile(rb"obj(?![A-Za-z0-9])")  # no look-behind: it would cost the fast literal search
_HEADER_TAIL = re.compile(rb"(?<![0-9])(\d{1,10})" + _SPACE + rb"(\d{1,5})" + _SPACE + rb"\Z")
_HEADER_WINDOW = 96
_ROOT = re.compile(rb"/Root" + _SPACE + rb"(\d{1,10})" + _SPACE + rb"(\d{1,5})" + _SPACE + rb"R(?![A-Za-z0-9])")
_REGULAR = re.compile(rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]*")
_SKIP = re.compile(rb"(?:[\x00\t\n\x0c\r ]|%[^\r\n]*)*")
_REF_TAIL = re.compile(_SPACE + rb"(\d{1,5})" + _SPACE + rb"R(?![A-Za-z0-9])")
_NUMBER = re.compile(rb"[+\-]?(?:\d+\.?\d*|\.\d+)$")
_HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)?")
_ENDSTREAM = b"endstream"
_OBJECT_STREAM_TYPE = re.compile(rb"/Type\s*/ObjStm(?![A-Za-z0-9])")
_INDIRECT_SUBTYPE = re.compile(rb"/Subtype" + _SPACE + rb"\d{1,10}" + _SPACE + rb"\d{1,5}" + _SPACE + rb"R(?![A-Za-z0-9])")
_PEEK = 1 << 16
# A dictionary of names, numbers, references and true/false/null only (no strings, arrays,
# nested dictionaries or comments): most dictionaries a page uses (images, streams,
# Type3 glyphs). Matched whole by one expression and read token by token, it gives what
# :func:`_value` gives, many times faster; anything else is left to :func:`_value`.
_PDF_SPACE = rb"[\x00\t\n\x0c\r ]"
_NAME_BYTES = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]*+"
_WORD_END = rb"(?=[\x00\t\n\x0c\r ()<>\[\]{}/%])"


def _simple_value(group: bytes) -> bytes:
    """A name, a reference, a number or true/false/null, the parts in ``group`` brackets."""
    return (rb"/" + group + _NAME_BYTES + rb")"
            + rb"|" + group + rb"\d{1,10})" + _PDF_SPACE + rb"++" + group + rb"\d{1,5})" + _PDF_SPACE
            + rb"++R(?![A-Za-z0-9])"
            + rb"|" + group + rb"[+\-]?(?:\d+\.?\d*|\.\d+))" + _WORD_END
            + rb"|" + group + rb"true|false|null)" + _WORD_END)


_SIMPLE_TOKEN = re.compile(_PDF_SPACE + rb"*+(?:" + _simple_value(b"(") + rb")")
_FLAT_DICTIONARY = re.compile(rb"<<(?:" + _PDF_SPACE + rb"*+/" + _NAME_BYTES + _PDF_SPACE + rb"*+(?:"
                              + _simple_value(b"(?:") + rb"))*+" + _PDF_SPACE + rb"*+>>")
_CATALOG = re.compile(rb"/Type\s*/Catalog(?![A-Za-z0-9])")


class Unreadable(Exception):
    """The pre-flight cannot read this part of the file (the sandbox will)."""


class Name(str):
    """A PDF name (``/Font``), without its slash."""


class Ref(NamedTuple):
    """An indirect reference ``N G R``."""

    number: int
    generation: int


class Stream(NamedTuple):
    """A stream object: its dictionary and where its raw bytes lie in the file."""

    dict: dict[str, Any]
    start: int
    end: int


def _skip(data: bytes, pos: int) -> int:
    match = _SKIP.match(data, pos)
    return match.end() if match else pos


def _skip_string(data: bytes, pos: int) -> int:
    """Past a literal string starting at ``(`` (nested parentheses and escapes)."""
    depth = 0
    n = len(data)
    while pos < n:
        ch = data[pos]
        if ch == 0x5C:  # backslash: the next byte is escaped
            pos += 2
            continue
        if ch == 0x28:
            depth += 1
        elif ch == 0x29:
            depth -= 1
            if depth == 0:
                return pos + 1
        pos += 1
    raise Unreadable("unterminated string")


def parse_value(data: bytes, pos: int) -> tuple[Any, int]:
    """The PDF value at ``pos`` and the position after it."""
    budget = [MAX_ITEMS]
    return _value(data, _skip(data, pos), 0, budget)


def _value(data: bytes, pos: int, depth: int, budget: list[int]) -> tuple[Any, int]:
    budget[0] -= 1
    if budget[0] < 0 or depth > MAX_DEPTH:
        raise Unreadable("object too large or too deep")
    if pos >= len(data):
        raise Unreadable("object cut short")
    ch = data[pos:pos + 1]
    if ch == b"/":
        match = _REGULAR.match(data, pos + 1)
        end = match.end() if match else pos + 1
        return _name(data[pos + 1:end]), end
    if data.startswith(b"<<", pos):
        flat = _FLAT_DICTIONARY.match(data, pos) if depth < MAX_DEPTH else None
        if flat is not None:
            return _flat_dictionary(data, flat, budget), flat.end()
        return _dictionary(data, pos + 2, depth, budget)
    if ch == b"[":
        items: list[Any] = []
        pos = _skip(data, pos + 1)
        while not data.startswith(b"]", pos):
            value, pos = _value(data, pos, depth + 1, budget)
            items.append(value)
            pos = _skip(data, pos)
        return items, pos + 1
    if ch == b"(":
        return b"", _skip_string(data, pos)
    if ch == b"<":
        end = data.find(b">", pos)
        if end < 0:
            raise Unreadable("unterminated hex string")
        return b"", end + 1
    match = _REGULAR.match(data, pos)
    end = match.end() if match else pos
    word = data[pos:end]
    if not word:
        raise Unreadable(f"unexpected byte {data[pos]:#x}")
    if word.isdigit():
        ref = _REF_TAIL.match(data, end)
        if ref:
            return Ref(int(word), int(ref.group(1))), ref.end()
        return int(word), end
    if _NUMBER.match(word):
        try:
            return float(word), end
        except ValueError:
            return 0.0, end
    if word == b"true" or word == b"false":
        return word == b"true", end
    return None, end  # null, or a keyword where a value should be


def _name(raw: bytes) -> Name:
    if b"#" in raw:
        raw = _HEX_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)
    return Name(raw.decode("latin-1"))


def _flat_dictionary(data: bytes, flat: "re.Match[bytes]", budget: list[int]) -> dict[str, Any]:
    """The dictionary ``flat`` matched (:data:`_FLAT_DICTIONARY`), each token read as
    :func:`_value` reads it, and counted against the same budget."""
    values: list[Any] = []
    for token in _SIMPLE_TOKEN.finditer(data, flat.start() + 2, flat.end()):  # to ">>": a word ends there
        name, number, generation, numeral, keyword = token.groups()
        if name is not None:
            values.append(_name(name))
        elif number is not None:
            values.append(Ref(int(number), int(generation)))
        elif numeral is not None:
            if numeral.isdigit():
                values.append(int(numeral))
            else:
                try:
                    values.append(float(numeral))
                except ValueError:
                    values.append(0.0)
        else:
            values.append(None if keyword == b"null" else keyword == b"true")
    budget[0] -= len(values)
    if budget[0] < 0:
        raise Unreadable("object too large or too deep")
    return dict(zip(values[0::2], values[1::2]))


def _dictionary(data: bytes, pos: int, depth: int, budget: list[int]) -> tuple[dict[str, Any], int]:
    out: dict[str, Any] = {}
    pos = _skip(data, pos)
    while not data.startswith(b">>", pos):
        key, pos = _value(data, pos, depth + 1, budget)
        if not isinstance(key, Name):
            raise Unreadable("dictionary key is not a name")
        value, pos = _value(data, _skip(data, pos), depth + 1, budget)
        out[key] = value
        pos = _skip(data, pos)
    return out, pos + 2


def filters(stream_dict: dict[str, Any]) -> list[str]:
    """The stream's filter names in decoding order (abbreviations as written)."""
    value = stream_dict.get("Filter") or stream_dict.get("F")
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    return [str(v) for v in items if isinstance(v, Name)]


class ObjectIndex:
    """Every object of a PDF file, found by scanning for object headers.

    When a number is defined more than once (incremental updates), the definition that
    comes last in the file is the current one; :meth:`versions` gives all of them, so a
    caller can weigh the costliest.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._offsets: dict[int, list[int]] = {}
        self._packed: dict[int, tuple[int, int]] = {}  # number -> (object stream, index)
        self._packed_cache: dict[int, tuple[bytes, list[tuple[int, int]], int]] = {}
        self.object_streams: list[int] = []
        self._parsed: dict[int, Any] = {}  # current definitions, parsed once
        offsets = self._offsets
        for keyword in _OBJ.finditer(data):
            # the keyword is found first (a fast literal search), then its two numbers:
            # the usual "12 0 obj" split by whitespace, else with comments between them
            at = keyword.start()
            if data[at - 3:at] == b"end":
                continue
            words = data[max(0, at - 24):at].split()
            if len(words) >= 2 and words[-1].isdigit() and words[-2].isdigit() \
                    and len(words[-2]) <= 10 and (len(words) > 2 or at < 24 or data[at - 24:at][:1].isspace()):
                number = int(words[-2])
            else:
                match = _HEADER_TAIL.search(data, max(0, at - _HEADER_WINDOW), at)
                if not match:
                    continue
                number = int(match.group(1))
            offsets.setdefault(number, []).append(keyword.end())
        self.encrypted = b"/Encrypt" in data
        self._scan_object_streams()

    def _scan_object_streams(self) -> None:
        headers = sorted((offsets[-1], number) for number, offsets in self._offsets.items())
        starts = [offset for offset, _ in headers]
        for match in _OBJECT_STREAM_TYPE.finditer(self.data):
            # the object whose header comes last before the mark holds it
            at = bisect_right(starts, match.start()) - 1
            if at < 0:
                continue
            number = headers[at][1]
            try:
                value = self._parse_at(starts[at])
            except Unreadable:
                continue
            if isinstance(value, Stream) and value.dict.get("Type") == "ObjStm" \
                    and number not in self.object_streams:
                if len(self.object_streams) >= MAX_OBJECT_STREAMS:
                    raise Unreadable("too many object streams")
                self.object_streams.append(number)
        for stream_number in self.object_streams:
            try:
                _, header, _ = self._object_stream(stream_number)
            except Unreadable:
                continue
            for index, (number, _) in enumerate(header):
                # a plain definition after the object stream is a later revision
                if number not in self._offsets or self._offsets[number][-1] < self._offsets[stream_number][-1]:
                    self._packed[number] = (stream_number, index)

    def _parse_at(self, offset: int) -> Any:
        value, pos = parse_value(self.data, offset)
        if isinstance(value, dict):
            pos = _skip(self.data, pos)
            match = _STREAM.match(self.data, pos)
            if match:
                start = match.end()
                return Stream(value, start, self._stream_end(value, start))
        return value

    def _stream_end(self, stream_dict: dict[str, Any], start: int) -> int:
        length = stream_dict.get("Length")
        data = self.data
        if isinstance(length, int) and 0 <= length <= len(data) - start:
            tail = _skip(data, start + length)
            if data.startswith(_ENDSTREAM, tail):
                return start + length
        end = data.find(_ENDSTREAM, start)
        return len(data) if end < 0 else end

    def _object_stream(self, number: int) -> tuple[bytes, list[tuple[int, int]], int]:
        cached = self._packed_cache.get(number)
        if cached is not None:
            return cached
        value = self._parse_at(self._offsets[number][-1])
        if not isinstance(value, Stream):
            raise Unreadable("object stream is not a stream")
        body = decode_whole(self.data[value.start:value.end], filters(value.dict), MAX_OBJECT_STREAM)
        first = value.dict.get("First")
        count = value.dict.get("N")
        if not isinstance(first, int) or not isinstance(count, int) or not 0 <= first <= len(body) \
                or count < 0 or count > len(body):
            raise Unreadable("object stream header is broken")
        numbers = body[:first].split()
        header = [(int(numbers[i]), int(numbers[i + 1])) for i in range(0, min(2 * count, len(numbers) - 1), 2)
                  if numbers[i].isdigit() and numbers[i + 1].isdigit()]
        self._packed_cache[number] = (body, header, first)
        return body, header, first

    def numbers(self) -> list[int]:
        return sorted(set(self._offsets) | set(self._packed))

    def get(self, ref: Any) -> Any:
        """The current definition of ``ref`` (a :class:`Ref` or a direct value)."""
        if not isinstance(ref, Ref):
            return ref
        number = ref.number
        if number in self._parsed:
            return self._parsed[number]
        value = self._get(number)
        self._parsed[number] = value
        return value

    def _get(self, number: int) -> Any:
        packed = self._packed.get(number)
        if packed is not None:
            body, header, first = self._object_stream(packed[0])
            offset = first + header[packed[1]][1]
            return parse_value(body, offset)[0]
        offsets = self._offsets.get(number)
        if not offsets:
            return None
        return self._parse_at(offsets[-1])

    def may_have_subtype(self, ref: Ref, word: bytes) -> bool:
        """False only when ``ref``'s current definition surely has no /Subtype ``word``:
        the word is not in its text, nor a ``#`` escape, nor an indirect /Subtype (a
        cheap look before parsing an object such as a font, with its widths)."""
        packed = self._packed.get(ref.number)
        if packed is not None:
            body, header, first = self._object_stream(packed[0])
            index = packed[1]
            start = first + header[index][1]
            end = first + header[index + 1][1] if index + 1 < len(header) else len(body)
            text = body[start:end]
        else:
            offsets = self._offsets.get(ref.number)
            if not offsets:
                return False
            end = self.data.find(b"endobj", offsets[-1], offsets[-1] + _PEEK)
            if end < 0:
                return True
            text = self.data[offsets[-1]:end]
        return word in text or b"#" in text or _INDIRECT_SUBTYPE.search(text) is not None

    def versions(self, ref: Any) -> list[Any]:
        """Every definition of ``ref`` found in the file (the current one last)."""
        if not isinstance(ref, Ref):
            return [ref]
        out = []
        for offset in self._offsets.get(ref.number, []):
            try:
                out.append(self._parse_at(offset))
            except Unreadable:
                continue
        if ref.number in self._packed:
            out.append(self.get(ref))
        return out

    def root(self) -> Optional[dict[str, Any]]:
        """The document catalog: the last ``/Root`` reference in the file (the newest
        trailer or cross-reference stream) that leads to one, else the last object that
        says it is one."""
        for match in reversed(list(_ROOT.finditer(self.data))):
            try:
                catalog = self.get(Ref(int(match.group(1)), int(match.group(2))))
            except Unreadable:
                continue
            if isinstance(catalog, dict) and "Pages" in catalog:
                return catalog
        for match in reversed(list(_CATALOG.finditer(self.data))):
            number = self._enclosing(match.start())
            if number is None:
                continue
            try:
                catalog = self.get(Ref(number, 0))
            except Unreadable:
                continue
            if isinstance(catalog, dict) and catalog.get("Type") == "Catalog":
                return catalog
        return None

    def _enclosing(self, position: int) -> Optional[int]:
        """The number of the object whose header comes last before ``position``."""
        best: Optional[tuple[int, int]] = None
        for number, offsets in self._offsets.items():
            for offset in offsets:
                if offset <= position and (best is None or offset > best[0]):
                    best = (offset, number)
        return best[1] if best else None


def decode_whole(raw: bytes, names: list[str], cap: int) -> bytes:
    """A stream's bytes decoded in full, refused past ``cap`` (for small structural streams)."""
    out = bytearray()
    for chunk in decoded_chunks(raw, names, cap):
        out += chunk
        if len(out) > cap:
            raise Unreadable("structural stream too large")
    return bytes(out)


CHUNK = 1024 * 1024
_FLATE = {"FlateDecode", "Fl"}
_HEX = {"ASCIIHexDecode", "AHx"}
_A85 = {"ASCII85Decode", "A85"}


def decoded_chunks(raw: bytes, names: list[str], cap: int):  # type: ignore[no-untyped-def]
    """Yield the decoded stream in chunks, stopping once more than ``cap`` bytes came out.

    Only the filters content streams use in practice are read here (Flate, ASCIIHex,
    ASCII85, none); any other raises :class:`Unreadable`. Flate output is produced a
    chunk at a time, so a decompression bomb costs time up to ``cap``, never memory.
    """
    import binascii
    import base64

    data = raw
    for position, name in enumerate(names):
        if name in _FLATE:
            if position != len(names) - 1:
                raise Unreadable("filters after Flate")
            yield from _inflate_chunks(data, cap)
            return
        if name in _HEX:
            text = re.sub(rb"[\s]", b"", data.split(b">", 1)[0])
            try:
                data = binascii.unhexlify(text + (b"0" if len(text) % 2 else b""))
            except (binascii.Error, ValueError) as exc:
                raise Unreadable("bad hex stream") from exc
        elif name in _A85:
            text = data.split(b"~>", 1)[0]
            try:
                data = base64.a85decode(re.sub(rb"\s", b"", text))
            except ValueError as exc:
                raise Unreadable("bad ASCII85 stream") from exc
        else:
            raise Unreadable(f"filter {name}")
    for start in range(0, min(len(data), cap + 1), CHUNK):
        yield data[start:start + CHUNK]


def _inflate_chunks(data: bytes, cap: int):  # type: ignore[no-untyped-def]
    inflater = zlib.decompressobj()
    produced = 0
    pending = data
    try:
        while produced <= cap:
            # decompress(b"", n) drains output zlib still holds once the input is consumed
            chunk = inflater.decompress(pending, CHUNK)
            pending = inflater.unconsumed_tail
            if chunk:
                produced += len(chunk)
                yield chunk
            if inflater.eof or (not chunk and not pending):
                break
    except zlib.error:
        return  # PDFium keeps what inflated before the damage, and so does the count


__all__ = ["Name", "ObjectIndex", "Ref", "Stream", "Unreadable", "decoded_chunks", "decode_whole",
           "filters", "parse_value"]
