"""A minimal writer of OLE compound files (MS-CFB version 3), the container of HWP 5.0.

Layout choices, all within the specification:

* 512-byte sectors; the FAT is listed in the header's DIFAT (at most 109 FAT sectors, 6.9 MB);
* streams shorter than 4096 bytes (the mini-stream cutoff) live in the mini stream, in 64-byte
  mini sectors chained by the mini FAT; longer streams get regular sectors;
* each storage's children form a balanced binary tree ordered the CFB way (shorter name first,
  then upper-cased code points); all nodes are black, which readers accept;
* timestamps and CLSIDs are zero, so equal input gives equal bytes.
"""

from __future__ import annotations

import struct

SECTOR = 512
MINI = 64
CUTOFF = 4096
FREESECT, ENDOFCHAIN, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")


class _Node:
    def __init__(self, name: str, kind: int, data: bytes = b"") -> None:
        self.name, self.kind, self.data = name, kind, data   # kind: 1 storage, 2 stream, 5 root
        self.children: dict[str, _Node] = {}
        self.index = 0
        self.left = self.right = self.child = NOSTREAM
        self.start, self.size = ENDOFCHAIN, 0


def _order(name: str) -> tuple[int, str]:
    return (len(name), name.upper())


def _tree(nodes: list[_Node]) -> int:
    """Link ``nodes`` (sorted) as a balanced binary tree; return the root's index."""
    if not nodes:
        return NOSTREAM
    mid = len(nodes) // 2
    root = nodes[mid]
    root.left = _tree(nodes[:mid])
    root.right = _tree(nodes[mid + 1:])
    return root.index


def _sectors(n_bytes: int, size: int) -> int:
    return (n_bytes + size - 1) // size


def build(streams: dict[str, bytes]) -> bytes:
    """A compound file holding ``streams``, keyed by path (``"BodyText/Section0"``)."""
    root = _Node("Root Entry", 5)
    for path, data in streams.items():
        parts = path.split("/")
        node = root
        for part in parts[:-1]:
            node = node.children.setdefault(part, _Node(part, 1))
        node.children[parts[-1]] = _Node(parts[-1], 2, data)

    entries: list[_Node] = []
    queue = [root]
    while queue:  # breadth first: every storage's children get consecutive indices
        node = queue.pop(0)
        node.index = len(entries)
        entries.append(node)
        queue += sorted(node.children.values(), key=lambda n: _order(n.name))
    for node in entries:
        node.child = _tree(sorted(node.children.values(), key=lambda n: _order(n.name)))

    mini_stream = bytearray()
    mini_fat: list[int] = []
    large: list[_Node] = []
    for node in entries:
        if node.kind != 2:
            continue
        node.size = len(node.data)
        if node.size == 0:
            node.start = ENDOFCHAIN
        elif node.size < CUTOFF:
            first = len(mini_fat)
            count = _sectors(node.size, MINI)
            mini_fat += [first + i + 1 for i in range(count - 1)] + [ENDOFCHAIN]
            node.start = first
            mini_stream += node.data + b"\0" * (count * MINI - node.size)
        else:
            large.append(node)

    n_dir = _sectors(len(entries) * 128, SECTOR)
    n_minifat = _sectors(len(mini_fat) * 4, SECTOR)
    n_ministream = _sectors(len(mini_stream), SECTOR)
    n_large = sum(_sectors(n.size, SECTOR) for n in large)
    body = n_dir + n_minifat + n_ministream + n_large
    n_fat = 1
    while n_fat * (SECTOR // 4) < body + n_fat:
        n_fat += 1
    if n_fat > 109:
        raise ValueError("compound file too large for a header-only DIFAT")

    fat = [FATSECT] * n_fat
    sector_data: list[bytes] = []

    def place(data: bytes) -> int:
        count = _sectors(len(data), SECTOR)
        if count == 0:
            return ENDOFCHAIN
        first = n_fat + len(sector_data)
        for i in range(count):
            fat.append(first + i + 1 if i < count - 1 else ENDOFCHAIN)
            sector_data.append(data[i * SECTOR:(i + 1) * SECTOR].ljust(SECTOR, b"\0"))
        return first

    dir_start = n_fat  # directory sectors come first after the FAT; filled in below
    for _ in range(n_dir):
        fat.append(0)
        sector_data.append(b"")
    for i in range(n_dir):
        fat[dir_start + i] = dir_start + i + 1 if i < n_dir - 1 else ENDOFCHAIN
    minifat_start = place(b"".join(struct.pack("<I", v) for v in mini_fat)) if mini_fat else ENDOFCHAIN
    root.start = place(bytes(mini_stream)) if mini_stream else ENDOFCHAIN
    root.size = len(mini_stream)
    for node in large:
        node.start = place(node.data)

    directory = bytearray()
    for node in entries:
        name = node.name.encode("utf-16-le") + b"\0\0"
        directory += struct.pack("<64sHBBIII16sIQQIQ", name, len(name), node.kind, 1, node.left,
                                 node.right, node.child, b"\0" * 16, 0, 0, 0,
                                 node.start if node.kind != 1 else 0, node.size)
    while len(directory) % SECTOR:
        directory += struct.pack("<64sHBBIII16sIQQIQ", b"", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM,
                                 b"\0" * 16, 0, 0, 0, 0, 0)
    for i in range(n_dir):
        sector_data[i] = bytes(directory[i * SECTOR:(i + 1) * SECTOR])

    fat += [FREESECT] * (n_fat * (SECTOR // 4) - len(fat))
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
    difat = list(range(n_fat)) + [FREESECT] * (109 - n_fat)
    header = (SIGNATURE + b"\0" * 16 +
              struct.pack("<HHHHH6sIIIIIIIII", 0x003E, 0x0003, 0xFFFE, 9, 6, b"\0" * 6, 0, n_fat,
                          dir_start, 0, CUTOFF, minifat_start, n_minifat, ENDOFCHAIN, 0) +
              b"".join(struct.pack("<I", v) for v in difat))
    assert len(header) == SECTOR
    return header + fat_bytes + b"".join(sector_data)
