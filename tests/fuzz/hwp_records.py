"""Structure-aware HWP 5.0 record mutations for the fuzz harness (tests/fuzz/test_fuzz_parsers.py).

A document is built with the HWP byte builders of tests/parsers/test_hwp5_generated.py
(text, outline numbering, nested tables with spans, notes, fields, text boxes, lists),
its BodyText section split into records, and a list of ops ``(kind, a, b)`` applied to
those records: a header that lies about the payload size, levels that break the
nesting, subtrees copied many times, records dropped, moved or retagged, declared
counts (paragraph characters, control masks, table rows and columns, paragraphs per
list) and cell addresses and spans set to anything, payloads cut or padded, control
characters planted in the text. Some ops reach DocInfo too. The result is a whole,
well-formed container holding the mutated, compressed streams, so the mutations get
past the container and decompression to the record readers.
"""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from typing import Any

from docextract.limits import Limits
from docextract.parsers.hwp5.records import (TAG_CTRL_HEADER, TAG_LIST_HEADER, TAG_PARA_HEADER,
                                             TAG_PARA_LINE_SEG, TAG_PARA_TEXT, TAG_TABLE, pack_header,
                                             scan)

_BUILDERS = Path(__file__).resolve().parents[1] / "parsers" / "test_hwp5_generated.py"
MAX_RECORDS = 6_000  # copies stop growing a document here, so one example stays fast
BODY_TAGS = [TAG_PARA_HEADER, TAG_PARA_TEXT, TAG_PARA_LINE_SEG, TAG_CTRL_HEADER, TAG_LIST_HEADER,
             TAG_TABLE, 0x44, 0x4C, 0x57, 0x3FF]


def builders() -> Any:
    """The HWP builders module, loaded once by path (tests are not a package)."""
    global _loaded
    if _loaded is None:
        spec = importlib.util.spec_from_file_location("hwp5_builders", _BUILDERS)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _loaded = module
    return _loaded


_loaded: Any = None


def base_sections() -> list[bytes]:
    """Seed sections: the builders' rich section, and a section of tables in tables."""
    b = builders()
    grid = [(r, c, 1, 1, b.text_para(2, f"칸 {r}-{c}")) for r in range(3) for c in range(3)]
    inner = b.table_ctrl(3, [(0, 0, 1, 1, b.text_para(4, "안"))], 1, 1)
    grid[4] = (1, 1, 2, 2, b.para(2, b.u16s("바깥") + b.ext(11, "tbl ") + b.u16s(13), controls=inner))
    tables = b.para(0, b.ext(2, "secd") + b.u16s("표", 13), controls=b.section_def())
    tables += b.para(0, b.ext(11, "tbl ") + b.u16s(13), controls=b.table_ctrl(1, grid, 3, 3, caption="표 1"))
    tables += b.para(0, b.u16s("각주") + b.ext(17, "fn  ") + b.u16s(13),
                     controls=b.note_ctrl(1, "fn  ", "각주 글", 1, 0))
    tables += b.text_para(0, "끝")
    return [b.rich_section(), tables]


def split(stream: bytes) -> list[list[Any]]:
    """[tag, level, payload, declared size or None] for every record of a stream."""
    records = scan(stream, Limits())
    return [[records.tag[i], records.level[i], records.payload(i), None] for i in range(len(records))]


def join(records: list[list[Any]]) -> bytes:
    out = bytearray()
    for tag, level, payload, declared in records:
        size = len(payload) if declared is None else declared
        out += pack_header(tag & 0x3FF, level & 0x3FF, size & 0xFFFFFFFF) + payload
    return bytes(out)


def _subtree_end(records: list[list[Any]], i: int) -> int:
    level = records[i][1]
    j = i + 1
    while j < len(records) and records[j][1] > level:
        j += 1
    return j


def _put(payload: bytes, offset: int, fmt: str, value: int) -> bytes:
    size = struct.calcsize(fmt)
    if len(payload) < offset + size:
        payload = payload.ljust(offset + size, b"\0")
    mask = (1 << (8 * size)) - 1
    return payload[:offset] + struct.pack(fmt, value & mask) + payload[offset + size:]


_COUNTS = [0, 1, 2, 3, 255, 256, 0x7FFF, 0xFFFF, 0x10000, 0x7FFFFFFF, 0xFFFFFFFF]


def _count(seed: int) -> int:
    return _COUNTS[seed % len(_COUNTS)] if seed % 3 else seed % 64


def mutate_records(records: list[list[Any]], ops: list[tuple[int, int, int]]) -> list[list[Any]]:
    """Apply the ops to a record list (a copy of it)."""
    records = [list(r) for r in records]
    for kind, a, b in ops:
        if not records:
            break
        i = a % len(records)
        record = records[i]
        tag, payload = record[0], record[2]
        choice = kind % 10
        if choice == 0 and b % 4:
            choice = 4  # a lying size ends the readable stream there: keep it the rarer op
        if choice == 0:  # the header lies about the size: a little, past the stream, extended form
            record[3] = [len(payload) + b % 9 - 4, 0xFFF, 0xFFE, len(payload) + 0x10000, 0xFFFFFFFF][b % 5]
        elif choice == 1:  # nesting: a level up, down, or anywhere
            record[1] = [record[1] + 1, max(0, record[1] - 1), b % 16, 0][b % 4]
        elif choice == 2:  # a subtree copied many times (counts: paragraphs, tables, cells)
            end = _subtree_end(records, i)
            copies = b % 40 + 1
            block = records[i:end]
            if len(records) + copies * len(block) <= MAX_RECORDS:
                records[end:end] = [list(r) for _ in range(copies) for r in block]
        elif choice == 3:
            del records[i]
        elif choice == 4:  # declared counts
            if tag == TAG_TABLE:
                payload = _put(_put(payload, 4, "<H", _count(a >> 8)), 6, "<H", _count(b))
            elif tag == TAG_LIST_HEADER:
                payload = _put(payload, 0, "<H" if b % 2 else "<I", _count(b))
            elif tag == TAG_PARA_HEADER:
                payload = _put(_put(payload, 0, "<I", _count(b)), 4, "<I", _count(a >> 8))
            else:
                payload = _put(payload, (a >> 8) % max(1, len(payload)), "<H", _count(b))
        elif choice == 5:  # cell address and spans of a list header
            offset = 8 + 2 * (b % 4)
            payload = _put(payload, offset, "<H", _count(a >> 4))
        elif choice == 6:  # payload cut short or padded
            payload = payload[:b % (len(payload) + 1)] if b % 2 else payload + bytes([a % 256]) * (b % 64)
        elif choice == 7:
            record[0] = BODY_TAGS[b % len(BODY_TAGS)]
        elif choice == 8:  # a record moved elsewhere
            j = b % len(records)
            records.insert(j, records.pop(i))
            continue
        else:  # control characters planted in the text (inline, extended, odd lengths)
            if tag == TAG_PARA_TEXT:
                at = (b % (len(payload) // 2 + 1)) * 2
                code = a % 32
                planted = struct.pack("<H", code) + (bytes(12) + struct.pack("<H", code) if b % 3 else b"")
                payload = payload[:at] + planted + payload[at:]
                if b % 7 == 0:
                    payload = payload[:-1]
        record[2] = payload
    return records


def hwp_document(ops: list[tuple[int, int, int]]) -> bytes:
    """An HWP file: a seed section (chosen by the ops) with the ops applied to its
    records; ops whose ``a`` is odd and ``kind`` >= 200 go to DocInfo instead."""
    b = builders()
    sections = _seeds()
    section = sections[sum(k for k, _, _ in ops) % len(sections)]
    body_ops = [op for op in ops if not (op[0] >= 200 and op[1] % 2)]
    info_ops = [op for op in ops if op[0] >= 200 and op[1] % 2]
    body = join(mutate_records(split(section), body_ops))
    extra = {}
    if info_ops:
        extra["DocInfo"] = b.deflate(join(mutate_records(split(b.docinfo()), info_ops)))
    return b.hwp([body], extra=extra)


_seed_cache: list[bytes] = []


def _seeds() -> list[bytes]:
    if not _seed_cache:
        _seed_cache.extend(base_sections())
    return _seed_cache
