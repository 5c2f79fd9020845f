"""A strict, fast reader of the OLE compound files (MS-CFB) that hold HWP 5.0 documents.

HWP needs only a handful of reads from the container: the header, the FAT, the
directory, the mini FAT and a few streams. Opening the file through olefile costs more
than parsing a small document, so well-formed files are read here directly from the
bytes. The reader accepts only files it fully understands and raises
:class:`~docextract.errors.CorruptDocument` on anything unusual (odd sector sizes,
chains that leave the file, loop or stop early, duplicate names, unreachable entries);
:class:`~.container.HwpContainer` then hands the file to olefile, whose lenient
handling of damage is the reference behaviour. Every chain walk is bounded by the
number of sectors in the file and by a visited set, so a cyclic FAT cannot hang it.
"""

from __future__ import annotations

import struct
import sys
from array import array
from codecs import utf_16_le_decode
from collections.abc import Sequence

from ...errors import CorruptDocument

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MIN_SIZE = 1536  # header + FAT + directory sector, as olefile requires
ENDOFCHAIN = 0xFFFFFFFE
FREESECT = 0xFFFFFFFF
NOSTREAM = 0xFFFFFFFF
MINI_CUTOFF = 4096
MINI_SECTOR = 64
TYPE_STORAGE, TYPE_STREAM, TYPE_ROOT = 1, 2, 5

_HEADER = struct.Struct("<HHHHH")  # at 0x18: minor, major, byte order, sector and mini shifts
_COUNTS = struct.Struct("<9I")  # at 0x28: dir sectors ... DIFAT sector count
# directory entry from byte 64: name length, type, colour, left, right, child; start at 116
_ENTRY = struct.Struct("<HBBIII")
_ENTRY_STREAM = struct.Struct("<III")  # at 116: start sector, size low, size high


def _u32_array(raw: bytes | memoryview) -> array:
    values = array("I")
    values.frombytes(raw)
    if sys.byteorder == "big":  # pragma: no cover - CFB is little-endian on disk
        values.byteswap()
    return values


class CompoundFile:
    """The streams of one compound file held in memory, by ``/``-joined path."""

    def __init__(self, data: bytes) -> None:
        n = len(data)
        if n < MIN_SIZE or not data.startswith(MAGIC):
            raise CorruptDocument("not an OLE compound file, or shorter than its minimum size")
        _minor, major, order, shift, mini_shift = _HEADER.unpack_from(data, 0x18)
        if order != 0xFFFE or mini_shift != 6 or (major, shift) not in ((3, 9), (4, 12)):
            raise CorruptDocument("OLE header with unusual byte order, version or sector sizes")
        (_n_dir, n_fat, first_dir, _txn, cutoff, first_minifat, n_minifat, first_difat,
         n_difat) = _COUNTS.unpack_from(data, 0x28)
        if cutoff != MINI_CUTOFF:
            raise CorruptDocument("OLE header with an unusual mini stream cutoff")
        self._data = data
        self._view = memoryview(data)
        self._size = size = 1 << shift
        self._v3 = major == 3
        # sectors that can exist: the same count olefile uses, the last may be partial
        self._n_sectors = (n + size - 1) // size - 1
        self._fat = self._load_fat(n_fat, first_difat, n_difat)
        self._first_minifat = first_minifat
        self._n_minifat = n_minifat
        self._minifat: array | None = None
        self._ministream: bytes | None = None
        self.streams: dict[str, tuple[int, int]] = {}
        self._load_directory(first_dir)

    # sectors and chains ----------------------------------------------------------------

    def _sector(self, index: int) -> memoryview:
        """One whole sector; FAT, DIFAT and directory sectors must be complete."""
        size = self._size
        offset = (index + 1) * size
        if index >= self._n_sectors or offset + size > len(self._data):
            raise CorruptDocument(f"OLE sector {index} lies outside the file")
        return self._view[offset:offset + size]

    def _load_fat(self, n_fat: int, first_difat: int, n_difat: int) -> array:
        ids = _u32_array(self._view[0x4C:0x200])
        listed: list[int] = []
        for sid in ids:
            if sid == ENDOFCHAIN or sid == FREESECT:
                break
            listed.append(sid)
        if n_difat:
            per_sector = self._size // 4 - 1
            if len(listed) != 109 or n_fat <= 109 \
                    or n_difat != (n_fat - 109 + per_sector - 1) // per_sector:
                raise CorruptDocument("OLE DIFAT does not match the FAT sector count")
            sid = first_difat
            for _ in range(n_difat):  # bounded by the declared count, so a loop ends
                difat = _u32_array(self._sector(sid))
                for fat_sid in difat[:per_sector]:
                    if fat_sid == ENDOFCHAIN or fat_sid == FREESECT:
                        break
                    listed.append(fat_sid)
                sid = difat[per_sector]
            if sid != ENDOFCHAIN and sid != FREESECT:
                raise CorruptDocument("OLE DIFAT chain does not end where it should")
        if len(listed) != n_fat:
            raise CorruptDocument("OLE FAT sector list does not match its declared count")
        fat = _u32_array(b"".join([self._sector(sid) for sid in listed]))
        if len(fat) > self._n_sectors:
            del fat[self._n_sectors:]
        return fat

    def _chain(self, start: int, table: array, count: int | None) -> Sequence[int]:
        """The sector indices of a chain: ``count`` of them, or up to ENDOFCHAIN when None.

        Bounded by the table's length and a visited set: a chain that loops, leaves the
        table or ends early is damage. A counted chain of consecutive sectors (how writers
        lay most streams out) is recognised with one comparison of the table and returned
        as a ``range``.
        """
        limit = len(table)
        if count is not None and count > limit:
            raise CorruptDocument("OLE stream is longer than its allocation table allows")
        if count and start + count <= limit \
                and table[start:start + count - 1] == array("I", range(start + 1, start + count)):
            return range(start, start + count)
        out: list[int] = []
        seen: set[int] = set()
        sid = start
        want = limit if count is None else count
        while len(out) < want:
            if sid == ENDOFCHAIN and count is None:
                return out
            if sid >= limit or sid in seen:
                raise CorruptDocument("OLE sector chain loops or leaves its table")
            seen.add(sid)
            out.append(sid)
            sid = table[sid]
        if count is None and sid != ENDOFCHAIN:
            raise CorruptDocument("OLE sector chain does not end")
        return out

    def _gather(self, view: memoryview, chain: Sequence[int], size: int, base: int,
                length: int) -> bytes:
        """Join the sectors of ``chain`` (each ``size`` bytes at ``base + i * size``),
        slicing contiguous runs at once, and cut the result to ``length``."""
        pieces: list[memoryview] = []
        if isinstance(chain, range):  # consecutive sectors: one run
            offset = base + chain.start * size
            pieces.append(view[offset:offset + len(chain) * size])
        else:
            i, n = 0, len(chain)
            while i < n:
                first = chain[i]
                j = i + 1
                while j < n and chain[j] == chain[j - 1] + 1:
                    j += 1
                offset = base + first * size
                pieces.append(view[offset:offset + (j - i) * size])
                i = j
        out = b"".join(pieces)
        if len(out) < length:
            raise CorruptDocument("OLE stream is shorter than its declared size")
        return out[:length] if len(out) > length else out

    def _read_fat_stream(self, start: int, length: int) -> bytes:
        size = self._size
        chain = self._chain(start, self._fat, (length + size - 1) // size)
        return self._gather(self._view, chain, size, size, length)

    # directory -------------------------------------------------------------------------

    def _load_directory(self, first_dir: int) -> None:
        chain = self._chain(first_dir, self._fat, None)
        directory = b"".join([self._sector(sid) for sid in chain])
        n_entries = len(directory) // 128
        if n_entries == 0:
            raise CorruptDocument("OLE directory is empty")
        name_len, kind, _c, _l, _r, root_child = _ENTRY.unpack_from(directory, 64)
        if kind != TYPE_ROOT or name_len < 2 or name_len > 64 or name_len & 1:
            raise CorruptDocument("OLE directory does not start with a valid root entry")
        try:
            utf_16_le_decode(directory[:name_len - 2], "strict", True)
        except UnicodeDecodeError as exc:
            raise CorruptDocument("OLE root entry name is not UTF-16") from exc
        root_start, root_low, root_high = _ENTRY_STREAM.unpack_from(directory, 116)
        self._root = (root_start, self._entry_size(root_low, root_high))
        used = {0}
        # (storage's child tree root, path prefix); each storage's children are checked
        # for case-insensitive duplicates the way olefile looks names up
        pending: list[tuple[int, str]] = [(root_child, "")]
        streams = self.streams
        while pending:
            top, prefix = pending.pop()
            names: set[str] = set()
            stack = [top]
            while stack:
                sid = stack.pop()
                if sid == NOSTREAM:
                    continue
                if sid >= n_entries or sid in used:
                    raise CorruptDocument("OLE directory tree loops or points outside itself")
                used.add(sid)
                base = sid * 128
                name_len, kind, _c, left, right, child = _ENTRY.unpack_from(directory, base + 64)
                if name_len < 2 or name_len > 64 or name_len & 1:
                    raise CorruptDocument("OLE directory entry with a bad name length")
                try:
                    name = utf_16_le_decode(directory[base:base + name_len - 2], "strict", True)[0]
                except UnicodeDecodeError as exc:
                    raise CorruptDocument("OLE directory entry name is not UTF-16") from exc
                lower = name.lower()
                if lower in names or "/" in name:
                    raise CorruptDocument("OLE storage holds two entries of the same name")
                names.add(lower)
                stack.append(left)
                stack.append(right)
                path = prefix + name
                if kind == TYPE_STREAM:
                    if child != NOSTREAM:
                        raise CorruptDocument("OLE stream entry with children")
                    start, low, high = _ENTRY_STREAM.unpack_from(directory, base + 116)
                    streams[path] = (start, self._entry_size(low, high))
                elif kind == TYPE_STORAGE:
                    pending.append((child, path + "/"))
                else:
                    raise CorruptDocument("OLE directory tree holds an entry of unknown type")

    def _entry_size(self, low: int, high: int) -> int:
        # version 3 files keep only the low word (some writers leave garbage in the high one)
        return low if self._v3 else low + (high << 32)

    # streams ---------------------------------------------------------------------------

    def _load_mini(self) -> tuple[array, bytes]:
        if self._minifat is None or self._ministream is None:
            root_start, root_size = self._root
            n_mini = (root_size + MINI_SECTOR - 1) // MINI_SECTOR
            if n_mini * 4 > self._n_minifat * self._size:
                raise CorruptDocument("OLE mini stream is larger than its mini FAT")
            table = _u32_array(self._read_fat_stream(self._first_minifat,
                                                     self._n_minifat * self._size))
            del table[n_mini:]
            self._ministream = self._read_fat_stream(root_start, root_size)
            self._minifat = table
        return self._minifat, self._ministream

    def read(self, name: str) -> bytes:
        """The bytes of stream ``name``; ``KeyError`` when there is no such stream."""
        start, length = self.streams[name]
        if length > len(self._data):
            raise CorruptDocument(f"OLE stream {name!r} declares more bytes than the file holds")
        if length >= MINI_CUTOFF:
            return self._read_fat_stream(start, length)
        if length == 0:
            return b""
        table, ministream = self._load_mini()
        chain = self._chain(start, table, (length + MINI_SECTOR - 1) // MINI_SECTOR)
        return self._gather(memoryview(ministream), chain, MINI_SECTOR, 0, length)
