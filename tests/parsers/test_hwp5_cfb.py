"""The strict compound-file reader under the HWP parser, against olefile and damaged files."""

from __future__ import annotations

import io
import os
import struct
import sys
import zlib
from pathlib import Path

import olefile
import pytest

import docextract
from docextract.errors import CorruptDocument
from docextract.parsers.base import ParseContext
from docextract.parsers.hwp5.cfb import ENDOFCHAIN, CompoundFile
from docextract.parsers.hwp5.container import HwpContainer

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # samples/ is a top-level package of the repository
    sys.path.insert(0, str(ROOT))

from samples.writers import cfb  # noqa: E402

CORPUS = Path(os.environ.get("DOCEXTRACT_CORPUS", ROOT.parent / "shared" / "corpus"))
SECTOR = 512

STREAMS = {
    "FileHeader": (b"HWP Document File".ljust(32, b"\0")
                   + struct.pack("<IIII", 0x05010001, 0, 0, 4)).ljust(256, b"\0"),
    "DocInfo": bytes(range(256)) * 3,  # mini stream, several mini sectors
    "BodyText/Section0": bytes((i * 7) % 251 for i in range(10_000)),  # regular sectors
    "BodyText/Section1": b"",
    "BinData/BIN0001.png": b"\x89PNG" + bytes(5000),
}


def fat_entry_offset(sector: int) -> int:
    """Byte offset of ``sector``'s FAT entry in a file from samples.writers.cfb (FAT at sector 0)."""
    return SECTOR + 4 * sector


def set_fat(data: bytes, sector: int, value: int) -> bytes:
    buf = bytearray(data)
    struct.pack_into("<I", buf, fat_entry_offset(sector), value)
    return bytes(buf)


def olefile_streams(data: bytes) -> dict[str, bytes]:
    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        return {"/".join(p): ole.openstream(p).read() for p in ole.listdir()}


def _set_stream_size(data: bytes, name: str, size: int) -> bytes:
    buf = bytearray(data)
    directory = (struct.unpack_from("<I", buf, 0x30)[0] + 1) * SECTOR
    for sid in range(16):  # the writer puts its (few) directory sectors next to each other
        base = directory + sid * 128
        name_len = struct.unpack_from("<H", buf, base + 64)[0]
        if name_len >= 2 and buf[base:base + name_len - 2].decode("utf-16-le") == name:
            struct.pack_into("<I", buf, base + 0x78, size)
            return bytes(buf)
    raise AssertionError(f"no directory entry {name!r} in the directory")


def test_reads_every_stream_as_olefile_does():
    data = cfb.build(STREAMS)
    reader = CompoundFile(data)
    assert set(reader.streams) == set(STREAMS)
    for name, body in STREAMS.items():
        assert reader.read(name) == body
    assert {n: reader.read(n) for n in reader.streams} == olefile_streams(data)


def test_unknown_stream_is_a_key_error():
    with pytest.raises(KeyError):
        CompoundFile(cfb.build(STREAMS)).read("PrvText")


def test_cyclic_fat_chain_is_corrupt():
    data = cfb.build(STREAMS)
    start, size = CompoundFile(data).streams["BodyText/Section0"]
    assert size > 4096
    looped = set_fat(data, start + 2, start)  # third sector points back to the first
    with pytest.raises(CorruptDocument, match="loops"):
        CompoundFile(looped).read("BodyText/Section0")


def test_chain_that_ends_early_is_corrupt():
    data = cfb.build(STREAMS)
    start, _ = CompoundFile(data).streams["BodyText/Section0"]
    with pytest.raises(CorruptDocument):
        CompoundFile(set_fat(data, start + 1, ENDOFCHAIN)).read("BodyText/Section0")


def test_cyclic_directory_chain_is_corrupt():
    data = cfb.build(STREAMS)
    first_dir = struct.unpack_from("<I", data, 0x30)[0]
    with pytest.raises(CorruptDocument, match="loops|does not end"):
        CompoundFile(set_fat(data, first_dir, first_dir))


def test_directory_tree_that_points_back_is_corrupt():
    data = bytearray(cfb.build(STREAMS))
    first_dir = struct.unpack_from("<I", data, 0x30)[0]
    directory = (first_dir + 1) * SECTOR
    root_child = struct.unpack_from("<I", data, directory + 0x4C)[0]
    # the root's first child names the root's child as its own left sibling: a loop
    struct.pack_into("<I", data, directory + root_child * 128 + 0x44, root_child)
    with pytest.raises(CorruptDocument, match="loops"):
        CompoundFile(bytes(data))


def test_mini_stream_cycle_is_corrupt():
    data = bytearray(cfb.build(STREAMS))
    reader = CompoundFile(bytes(data))
    start, size = reader.streams["DocInfo"]
    assert size < 4096
    minifat_sector = struct.unpack_from("<I", data, 0x3C)[0]
    struct.pack_into("<I", data, (minifat_sector + 1) * SECTOR + 4 * (start + 1), start)
    with pytest.raises(CorruptDocument, match="loops"):
        CompoundFile(bytes(data)).read("DocInfo")


@pytest.mark.parametrize("keep", [0, 100, 600, 1600])
def test_truncated_file_is_corrupt_not_a_crash(keep):
    data = cfb.build(STREAMS)[:keep]
    with pytest.raises(CorruptDocument):
        reader = CompoundFile(data)
        for name in reader.streams:
            reader.read(name)


def test_wrong_sector_size_is_refused():
    data = bytearray(cfb.build(STREAMS))
    struct.pack_into("<H", data, 0x1E, 12)  # version 3 with 4096-byte sectors
    with pytest.raises(CorruptDocument):
        CompoundFile(bytes(data))


def test_stream_larger_than_the_file_is_corrupt():
    data = _set_stream_size(cfb.build(STREAMS), "Section0", 1 << 30)
    with pytest.raises(CorruptDocument, match="declares more"):
        CompoundFile(data).read("BodyText/Section0")


def _tiny_hwp() -> dict[str, bytes]:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    para = struct.pack("<I", 0x42 | (0 << 10) | (22 << 20)) + bytes(22)
    text = "본문".encode("utf-16-le") + b"\r\0"
    para += struct.pack("<I", 0x43 | (1 << 10) | (len(text) << 20)) + text
    body = packer.compress(para) + packer.flush()
    header = (b"HWP Document File".ljust(32, b"\0")
              + struct.pack("<IIII", 0x05010001, 1, 0, 4)).ljust(256, b"\0")
    return {"FileHeader": header, "DocInfo": zlib.compressobj(9, zlib.DEFLATED, -15).flush(),
            "BodyText/Section0": body + bytes(6000)}  # padding after the deflate end is ignored


def test_container_falls_back_to_olefile_for_a_damaged_stream():
    streams = _tiny_hwp()
    data = cfb.build(streams)
    body = streams["BodyText/Section0"]
    # the entry claims two sectors more than its chain holds: the strict reader refuses
    # the chain, olefile returns what the chain holds, and the deflate data is intact
    damaged = _set_stream_size(data, "Section0", len(body) + 2 * SECTOR)
    with pytest.raises(CorruptDocument):
        CompoundFile(damaged).read("BodyText/Section0")
    container = HwpContainer(damaged, ParseContext())
    try:
        assert container.read("BodyText/Section0").startswith(body)
    finally:
        container.close()
    assert docextract.parse(damaged).text == "본문\n"


def test_container_uses_olefile_when_the_header_is_unusual():
    data = bytearray(cfb.build(_tiny_hwp()))
    struct.pack_into("<I", data, 0x38, 0x2000)  # mini stream cutoff other than 4096
    with pytest.raises(CorruptDocument):
        CompoundFile(bytes(data))
    assert docextract.parse(bytes(data)).text == "본문\n"


def _corpus_ole_files() -> list[Path]:
    out = []
    for kind in ("hwp", "other"):
        folder = CORPUS / kind
        if folder.is_dir():
            out += [p for p in sorted(folder.iterdir())
                    if p.is_file() and p.read_bytes()[:8] == bytes.fromhex("D0CF11E0A1B11AE1")]
    return out


@pytest.mark.corpus
@pytest.mark.skipif(not _corpus_ole_files(), reason=f"public corpus not present at {CORPUS}")
def test_corpus_streams_match_olefile():
    for path in _corpus_ole_files():
        data = path.read_bytes()
        reader = CompoundFile(data)
        assert {n: reader.read(n) for n in reader.streams} == olefile_streams(data), path.name


def test_collector_is_paused_during_a_parse_and_restored_after():
    import gc

    from docextract.parsers.assembly import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # a nested parse shares the pause
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    docextract.parse(cfb.build(_tiny_hwp()))
    assert gc.isenabled()
    with pytest.raises(CorruptDocument):
        docextract.parse(cfb.build({"FileHeader": b"not an HWP header"}))
    assert gc.isenabled()


def test_collector_left_off_when_the_caller_turned_it_off():
    import gc

    gc.disable()
    try:
        docextract.parse(cfb.build(_tiny_hwp()))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_cut_hwp_is_an_error_or_a_warning_never_a_silently_empty_document():
    # olefile hands back what a truncated file still holds, down to nothing: a file cut
    # anywhere must either fail as damaged or say what it lost
    data = (ROOT / "samples" / "hwp" / "letter-02.hwp").read_bytes()
    whole = docextract.parse(data).text
    for percent in range(50, 100):
        cut = data[:len(data) * percent // 100]
        try:
            doc = docextract.parse(cut)
        except CorruptDocument:
            continue
        assert doc.text == whole or doc.warnings, f"cut at {percent}%: {len(doc.text)} chars, no warning"
