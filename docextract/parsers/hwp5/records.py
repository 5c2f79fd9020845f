"""HWP 5.0 data records: the tagged, levelled units of DocInfo and BodyText streams.

Every record starts with a 32-bit little-endian header: the tag in bits 0-9, the
level in bits 10-19 and the payload size in bits 20-31. A size of 0xFFF means the
real size follows as another 32-bit word. Levels turn the flat stream into a tree:
a record's children are the records after it with a greater level.

:func:`scan` returns the records as parallel lists instead of one object per record,
because real documents hold tens of thousands of records and the body walker only
needs tag, level, payload bounds and where each subtree ends.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from ...errors import CorruptDocument, LimitExceeded
from ...limits import Limits

_U32 = struct.Struct("<I").unpack_from

TAG_BEGIN = 0x10
# DocInfo
TAG_CHAR_SHAPE = TAG_BEGIN + 5
TAG_NUMBERING = TAG_BEGIN + 7
TAG_BULLET = TAG_BEGIN + 8
TAG_PARA_SHAPE = TAG_BEGIN + 9
TAG_STYLE = TAG_BEGIN + 10
TAG_DISTRIBUTE_DOC_DATA = TAG_BEGIN + 12
# BodyText
TAG_PARA_HEADER = TAG_BEGIN + 50
TAG_PARA_TEXT = TAG_BEGIN + 51
TAG_PARA_CHAR_SHAPE = TAG_BEGIN + 52
TAG_PARA_LINE_SEG = TAG_BEGIN + 53
TAG_PARA_RANGE_TAG = TAG_BEGIN + 54
TAG_CTRL_HEADER = TAG_BEGIN + 55
TAG_LIST_HEADER = TAG_BEGIN + 56
TAG_TABLE = TAG_BEGIN + 61
TAG_CTRL_DATA = TAG_BEGIN + 71


def pack_header(tag: int, level: int, size: int) -> bytes:
    """The header bytes for a record (used by tests and by nobody else)."""
    if size >= 0xFFF:
        return struct.pack("<II", tag | (level << 10) | (0xFFF << 20), size)
    return struct.pack("<I", tag | (level << 10) | (size << 20))


@dataclass
class Records:
    """A scanned record stream: parallel lists indexed by record number.

    ``start[i]:stop[i]`` is record ``i``'s payload in ``data``; ``end[i]`` is the index
    just past record ``i``'s subtree (its last descendant + 1).
    """

    data: bytes
    tag: list[int]
    level: list[int]
    start: list[int]
    stop: list[int]
    end: list[int]
    truncated: str | None = None

    def __len__(self) -> int:
        return len(self.tag)

    def payload(self, i: int) -> bytes:
        return self.data[self.start[i]:self.stop[i]]


def scan(data: bytes, limits: Limits, *, what: str = "record stream", partial: bool = False,
         skip: frozenset[int] = frozenset(), keep: frozenset[int] | None = None,
         top_only: frozenset[int] = frozenset()) -> Records:
    """Split a decompressed stream into records and link their subtrees.

    A record whose declared size runs past the stream raises ``CorruptDocument``; with
    ``partial=True`` the records before it are returned and ``truncated`` says why.
    More records than ``limits.max_records`` raises ``LimitExceeded``. Records whose tag
    is in ``skip`` (leaf records the caller never reads), or not in ``keep`` when given,
    are counted but not stored; nor are records whose tag is in ``top_only`` unless they
    sit right below the outermost level (leaves the caller reads for top-level records
    only, such as a body paragraph's layout cache).
    """
    # 0 = store, 1 = drop, 2 = store only right below the outermost level
    action = bytearray(1024) if keep is None else bytearray(b"\x01" * 1024)
    if keep is not None:
        for tag in keep:
            if 0 <= tag < 1024:
                action[tag] = 0
    for tag in top_only:
        if 0 <= tag < 1024 and not action[tag]:
            action[tag] = 2
    for tag in skip:
        if 0 <= tag < 1024:
            action[tag] = 1
    tags: list[int] = []
    levels: list[int] = []
    starts: list[int] = []
    stops: list[int] = []
    ends: list[int] = []
    add_tag, add_level, add_start, add_stop, add_end = (
        tags.append, levels.append, starts.append, stops.append, ends.append)
    # Subtrees: a record is stored as a leaf (its end is the next index) and becomes open
    # when the record after it is deeper; open records wait on the stack, as
    # (level << 32) | index over a sentinel no level reaches, until a record at their
    # level or above closes them. Siblings, most of the records, touch no stack.
    stack: list[int] = [-1]
    push, pop = stack.append, stack.pop
    last_level = 1 << 11  # the level of the last stored record (deeper than any at first)
    n = len(data)
    pos = prev = 0
    index = 0
    top = 1 << 10  # the smallest level seen so far
    max_records = limits.max_records
    u32 = _U32
    # one pass per record, at most max_records + 1 of them: the loop's range is the count;
    # reading a header past the end (struct.error) is where the stream stops, whole or not
    try:
        for _ in range(max_records + 1):
            word, = u32(data, pos)
            prev = pos
            if word < 0xFFF00000:
                pos += 4
                stop = (word >> 20) + pos
            else:  # the size is in the next word
                stop = u32(data, pos + 4)[0] + pos + 8
                pos += 8
            tag = word & 0x3FF
            level = (word >> 10) & 0x3FF
            act = action[tag]
            if act and (act == 1 or level > top + 1):
                # dropped at a level deeper than top + 1, it stays deeper than the final
                # outermost level + 1, since that level can only get smaller
                pos = stop
                continue
            if level > last_level:
                push((last_level << 32) | (index - 1))
            elif level < last_level:
                if level < top:  # only a record above the last one can be the outermost
                    top = level
                key = level << 32
                while stack[-1] >= key:
                    ends[pop() & 0xFFFFFFFF] = index
            last_level = level
            add_tag(tag)
            add_level(level)
            add_start(pos)
            add_stop(stop)
            index += 1
            add_end(index)
            pos = stop
        else:
            if pos <= n:
                raise LimitExceeded(f"{what} holds more than max_records={max_records:,} "
                                    "records", limit="max_records")
    except struct.error:
        pass
    truncated = _stream_end(data, pos, prev, what)
    if truncated is not None:
        if pos > n and stops and stops[-1] > n:
            # the last record runs past the end: it is not kept (what it closed ends
            # with the stream, as it would have without it)
            for column in (tags, levels, starts, stops, ends):
                column.pop()
            index -= 1
        if not partial:
            raise CorruptDocument(truncated)
    for key in stack[1:]:
        ends[key & 0xFFFFFFFF] = index
    return Records(data, tags, levels, starts, stops, ends, truncated)


def scan_spans(data: bytes, limits: Limits, keep: frozenset[int], *,
               what: str = "record stream", partial: bool = False,
               ) -> tuple[dict[int, list[tuple[int, int]]], str | None]:
    """The payload bounds of the records whose tag is in ``keep``, by tag, in stream order;
    and why the stream ends early (None when it is whole).

    For streams read as flat lists of definitions (DocInfo): no tree is linked, so a
    record costs one header read. Damage and limits are handled as in :func:`scan`.
    """
    spans: dict[int, list[tuple[int, int]]] = {tag: [] for tag in keep}
    get = spans.get
    n = len(data)
    pos = prev = 0
    max_records = limits.max_records
    u32 = _U32
    # one pass per record, at most max_records + 1 of them; reading a header past the
    # end (struct.error) is where the stream stops, whole or not
    try:
        for _ in range(max_records + 1):
            word = u32(data, pos)[0]
            prev = pos
            if word >= 0xFFF00000:  # the size is in the next word
                start = pos + 8
                pos = start + u32(data, pos + 4)[0]
            else:
                start = pos + 4
                pos = start + (word >> 20)
            bucket = get(word & 0x3FF)
            if bucket is not None:
                bucket.append((start, pos))
        else:
            if pos <= n:
                raise LimitExceeded(f"{what} holds more than max_records={max_records:,} "
                                    "records", limit="max_records")
    except struct.error:
        pass
    truncated = _stream_end(data, pos, prev, what)
    if truncated is not None:
        if pos > n:  # the last record runs past the end: it is not kept
            bucket = get(_U32(data, prev)[0] & 0x3FF)
            if bucket and bucket[-1][1] > n:
                bucket.pop()
        if not partial:
            raise CorruptDocument(truncated)
    return spans, truncated


def _stream_end(data: bytes, pos: int, prev: int, what: str) -> str | None:
    """Why a header walk (:func:`scan`, :func:`scan_spans`) that stopped at ``pos``, the last
    header read at ``prev``, did not end cleanly at the end of ``data``; None when it did."""
    n = len(data)
    if pos == n:
        return None
    if pos > n:
        word = _U32(data, prev)[0]
        start = prev + (8 if word >= 0xFFF00000 else 4)
        size = pos - start
        return (f"{what}: record with tag {word & 0x3FF:#x} declares {size:,} bytes "
                f"at byte {start:,} but only {n - start:,} remain")
    if n - pos < 4:
        return f"{what} ends inside a record header at byte {pos:,}"
    return f"{what} ends inside an extended record size at byte {pos + 4:,}"


def ctrl_id(payload: bytes, offset: int = 0) -> str:
    """A control's four-character id, stored as a little-endian 32-bit word."""
    return payload[offset:offset + 4][::-1].decode("latin-1")
