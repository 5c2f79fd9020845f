"""Bounded decompression, zip member access and XML parsing for untrusted files.

Every parser that inflates data or reads XML goes through here, so that the limits in
:mod:`docextract.limits` hold everywhere: zlib streams are inflated incrementally and
stopped at the cap, zip members are checked for count, size and compression ratio
before reading, and XML is parsed with entity resolution, DTD loading and network
access off (a document that declares entities is refused outright).
"""

from __future__ import annotations

import struct
import threading
import weakref
import zlib
from typing import TYPE_CHECKING, Any, Iterator

from .errors import CorruptDocument, LimitExceeded
from .limits import Budget

if TYPE_CHECKING:
    import zipfile

    from lxml import etree

_CHUNK = 64 * 1024
_LIBXML_MAX_DEPTH = 256  # libxml2's own nesting limit without XML_PARSE_HUGE


def inflate(data: bytes, budget: Budget, *, raw: bool = True, what: str = "stream",
            max_output: int | None = None) -> bytes:
    """Inflate ``data`` (raw deflate by default) without exceeding the budget.

    A stream that ends early raises ``CorruptDocument``; trailing garbage after the end
    of the deflate stream is ignored, as Hancom's own reader does. Memory stays far
    below the cap whatever the stream claims: past ``_HELD_ON_TRUST`` bytes the rest is
    only counted, not kept, and the stream is inflated again (kept) only if it ends
    within the cap, so a bomb is refused holding a few MiB rather than the whole cap.
    """
    cap = budget.remaining_bytes() if max_output is None else min(max_output, budget.remaining_bytes())
    pieces = _inflated_pieces(data, raw, what)
    held = min(cap, _HELD_ON_TRUST)
    # the pieces are joined once at the end: one copy (none for a single piece), where
    # growing a bytearray and converting it copied everything twice or more
    out: list[bytes] = []
    total = 0
    for piece in pieces:
        out.append(piece)
        total += len(piece)
        if total > held:
            break
    else:
        budget.add_decompressed(total, what)
        return b"".join(out)
    del out
    for piece in pieces:  # past what is kept on trust: count the rest, keep nothing
        if total > cap:
            break
        total += len(piece)
    if total > cap:
        budget.add_decompressed(total, what)  # raises when over the global cap
        raise LimitExceeded(f"{what} inflates past its {cap:,}-byte limit",
                            limit="max_decompressed_bytes")
    kept = bytearray()
    for piece in _inflated_pieces(data, raw, what):
        kept += piece
    budget.add_decompressed(len(kept), what)
    return bytes(kept)


_HELD_ON_TRUST = 32 * 1024 * 1024
"""How much of an inflating stream is kept before its whole size is known."""


def _inflated_pieces(data: bytes, raw: bool, what: str) -> Iterator[bytes]:
    """The inflated bytes of ``data`` in pieces of at most ``_CHUNK`` bytes."""
    d = zlib.decompressobj(-15 if raw else 15)
    pos = 0
    try:
        while pos < len(data) or d.unconsumed_tail:
            src = d.unconsumed_tail or data[pos:pos + _CHUNK]
            if not d.unconsumed_tail:
                pos += _CHUNK
            piece = d.decompress(src, _CHUNK)
            if piece:
                yield piece
            if d.eof:
                break
        rest = d.flush()
    except zlib.error as exc:
        raise CorruptDocument(f"{what} is not valid deflate data ({exc})") from exc
    if rest:
        yield rest
    if not d.eof and len(data) > 0:
        raise CorruptDocument(f"{what} ends before its compressed data does (truncated)")


def open_zip(data: bytes, budget: Budget) -> "zipfile.ZipFile":
    """Open a zip archive held in memory and check its member count."""
    import io
    import zipfile  # imported here so HWP and PDF reads never load it

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise CorruptDocument(f"broken zip container ({exc})") from exc
    if isinstance(data, bytes):
        _ARCHIVE_BYTES[zf] = data
    n = len(zf.infolist())
    if n > budget.limits.max_zip_members:
        raise LimitExceeded(f"zip has {n:,} members, more than max_zip_members="
                            f"{budget.limits.max_zip_members:,}", limit="max_zip_members")
    return zf


def zip_names(zf: "zipfile.ZipFile") -> list[str]:
    """Member names as stored; they are only ever used as keys, never as filesystem paths."""
    return [i.filename for i in zf.infolist()]


def read_member(zf: "zipfile.ZipFile", name: str, budget: Budget) -> bytes:
    """Read one zip member, enforcing size, ratio and total decompressed limits."""
    import zipfile

    try:
        info = zf.getinfo(name)
    except KeyError as exc:
        raise CorruptDocument(f"zip member {name!r} is missing") from exc
    limits = budget.limits
    if info.file_size > budget.remaining_bytes():
        raise LimitExceeded(f"zip member {name!r} declares {info.file_size:,} bytes, past "
                            "max_decompressed_bytes", limit="max_decompressed_bytes")
    if info.compress_size and info.file_size / info.compress_size > limits.max_compression_ratio \
            and info.file_size > 1024 * 1024:
        raise LimitExceeded(f"zip member {name!r} has compression ratio "
                            f"{info.file_size // info.compress_size}:1, past max_compression_ratio="
                            f"{limits.max_compression_ratio}", limit="max_compression_ratio")
    cap = min(info.file_size, budget.remaining_bytes())
    out = _read_plain_member(zf, info, cap)
    if out is not None:
        budget.add_decompressed(len(out), f"zip member {name!r}")
        return out
    try:
        with zf.open(info) as fh:
            # one byte more than the cap, in one read: zipfile inflates no more than it is
            # asked for, and reading past the end checks the member's CRC
            out = fh.read(cap + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
        raise CorruptDocument(f"zip member {name!r} is damaged ({exc})") from exc
    except NotImplementedError as exc:  # zipfile's word for compression methods it lacks
        raise CorruptDocument(f"zip member {name!r} uses an unsupported zip feature ({exc})") from exc
    except RuntimeError as exc:  # zipfile raises RuntimeError for encrypted members
        from .errors import EncryptedDocument

        raise EncryptedDocument(f"zip member {name!r} is encrypted") from exc
    if len(out) > cap:
        raise LimitExceeded(f"zip member {name!r} inflates past its declared size",
                            limit="max_decompressed_bytes")
    budget.add_decompressed(len(out), f"zip member {name!r}")
    return out


# The bytes of each archive open_zip opened, for _read_plain_member.
_ARCHIVE_BYTES: "weakref.WeakKeyDictionary[zipfile.ZipFile, bytes]" = weakref.WeakKeyDictionary()
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # a zip member's local file header (30 bytes)
_UTF8_NAME = 0x800  # general purpose flag: the name is UTF-8 (else code page 437)
_PLAIN_FLAGS = 0x1 | 0x20 | 0x40  # encrypted, compressed patch data, strong encryption


def _read_plain_member(zf: "zipfile.ZipFile", info: "zipfile.ZipInfo", cap: int) -> bytes | None:
    """A stored or deflated member read straight from the archive's bytes, or None to let
    zipfile read it.

    ``zf.open`` sets up a shared file, a buffered reader and a CRC per read, which cost as
    much as inflating a small part; an HWPX or DOCX reads six to ten parts per document.
    This path returns only a member zipfile would return unchanged (local header matching
    the directory, the whole stream inflated to exactly the declared size within ``cap``,
    CRC-32 right); anything else (damage, a partial read, other methods or flags) goes
    through zipfile, which raises what it always has.
    """
    data = _ARCHIVE_BYTES.get(zf)
    if data is None or info.flag_bits & _PLAIN_FLAGS or info.file_size > cap:
        return None
    start = info.header_offset
    header = data[start:start + _LOCAL_HEADER.size]
    if len(header) != _LOCAL_HEADER.size:
        return None
    magic, _, _, flags, _, _, _, _, _, _, name_length, extra_length = _LOCAL_HEADER.unpack(header)
    if magic != b"PK\x03\x04":
        return None
    start += _LOCAL_HEADER.size
    try:
        name = data[start:start + name_length].decode("utf-8" if flags & _UTF8_NAME else "cp437")
    except UnicodeDecodeError:
        return None
    if name != info.orig_filename:
        return None
    start += name_length + extra_length
    with memoryview(data) as view:  # the stored bytes inflated in place, not copied first
        return _plain_content(view[start:start + info.compress_size], info, cap)


def _plain_content(stored: memoryview, info: "zipfile.ZipInfo", cap: int) -> bytes | None:
    """A member's content from its stored bytes when it is whole and right, else None."""
    if info.compress_type == 0:  # ZIP_STORED
        out = bytes(stored)
    elif info.compress_type == 8:  # ZIP_DEFLATED
        inflater = zlib.decompressobj(-15)
        try:
            out = inflater.decompress(stored, cap + 1)  # bounded: never more than cap + 1
        except zlib.error:
            return None
        if not inflater.eof:
            return None
    else:
        return None
    if len(out) != info.file_size or zlib.crc32(out) != info.CRC:
        return None
    return out


# One parser per thread, reused: a fresh lxml parser sets up its libxml2 context on first
# use, which costs about as much as parsing a 7 KB part; lxml parsers must not be shared
# between threads.
_PARSERS = threading.local()


def _xml_parser() -> "etree.XMLParser":
    parser: etree.XMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        from lxml import etree

        parser = _PARSERS.parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
            huge_tree=False, remove_comments=True, recover=False)
    return parser


def parse_xml(data: bytes, budget: Budget, *, what: str = "XML") -> "etree._Element":
    """Parse untrusted XML safely and check its nesting depth.

    Documents that declare entities are refused: OOXML and OWPML never need them, and
    they are how billion-laughs and external-entity attacks work.
    """
    from lxml import etree

    head = data[:4096] if len(data) > 4096 else data
    # both need a "!", which a search for one byte rules out fastest
    if b"!" in data and (b"<!ENTITY" in data or (b"<!DOCTYPE" in head and b"[" in head)):
        raise CorruptDocument(f"{what} declares a DTD with entities, which docextract refuses "
                              "(possible XML entity attack)")
    try:
        root = etree.fromstring(data, _xml_parser())
    except etree.XMLSyntaxError as exc:
        if exc.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
            # libxml2's fixed bounds without XML_PARSE_HUGE: 10,000,000 bytes in one text
            # node, attribute or name. A limit, not damage: exit 5, not 3.
            raise LimitExceeded(f"{what} holds a text or attribute longer than libxml2's "
                                "limit of 10,000,000 bytes", limit="xml_text_length") from exc
        if "Excessive depth" in str(exc):
            raise LimitExceeded(f"{what} nests deeper than libxml2's limit of {_LIBXML_MAX_DEPTH}",
                                limit="max_xml_depth") from exc
        raise CorruptDocument(f"{what} is not well-formed XML ({exc})") from exc
    if root is None:
        raise CorruptDocument(f"{what} is empty")
    if parse_xml_checks_depth(budget):  # libxml2 itself stops deeper trees
        _check_depth(root, budget.limits.max_xml_depth, what)
    return root


def parse_xml_checks_depth(budget: Budget) -> bool:
    """Whether :func:`parse_xml` checks the nesting depth itself under this budget's limits
    (a ``max_xml_depth`` below libxml2's own), so that its outcome depends on them."""
    return budget.limits.max_xml_depth < _LIBXML_MAX_DEPTH


def _check_depth(root: Any, max_depth: int, what: str) -> None:
    stack = [(root, 1)]
    while stack:
        el, depth = stack.pop()
        if depth > max_depth:
            raise LimitExceeded(f"{what} nests deeper than max_xml_depth={max_depth}",
                                limit="max_xml_depth")
        stack.extend((child, depth + 1) for child in el)
