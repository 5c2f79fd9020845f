"""Decrypting the ViewText streams of distribution (배포용) documents.

A distribution document keeps its body in ``ViewText/Section{n}``. Each stream starts
with one DISTRIBUTE_DOC_DATA record of 256 bytes. Its first four bytes seed the
Microsoft C runtime ``rand()`` generator; the generator yields (value, run length)
pairs whose bytes, XORed over the 256-byte record, reveal a 16-byte AES key at offset
``4 + (seed & 0xF)``. The rest of the stream is AES-128 in ECB mode; the plaintext is
the ordinary (possibly deflated) section stream.
"""

from __future__ import annotations

import struct

from ...errors import CorruptDocument, MissingDependency
from .records import TAG_DISTRIBUTE_DOC_DATA

_RECORD_SIZE = 256


def _msvc_rand_stream(seed: int):
    """The MSVC ``rand()`` sequence: a linear congruential generator, 15-bit outputs."""
    state = seed & 0xFFFFFFFF
    while True:
        state = (state * 214013 + 2531011) & 0xFFFFFFFF
        yield (state >> 16) & 0x7FFF


def unmask_doc_data(record: bytes) -> bytes:
    """XOR the 256-byte DISTRIBUTE_DOC_DATA payload with the seeded rand() mask."""
    if len(record) < _RECORD_SIZE:
        raise CorruptDocument("distribution document data record is shorter than 256 bytes")
    seed = struct.unpack_from("<I", record, 0)[0]
    rand = _msvc_rand_stream(seed)
    mask = bytearray(_RECORD_SIZE)
    i = 0
    while i < _RECORD_SIZE:
        value = next(rand) & 0xFF
        run = (next(rand) & 0x0F) + 1
        for _ in range(run):
            if i >= _RECORD_SIZE:
                break
            mask[i] = value
            i += 1
    out = bytes(a ^ b for a, b in zip(record[:_RECORD_SIZE], mask))
    return record[:4] + out[4:]


def distribution_key(record: bytes) -> bytes:
    """The AES-128 key hidden in a DISTRIBUTE_DOC_DATA payload."""
    plain = unmask_doc_data(record)
    seed = struct.unpack_from("<I", record, 0)[0]
    offset = 4 + (seed & 0x0F)
    return plain[offset:offset + 16]


def decrypt_view_text(stream: bytes) -> bytes:
    """The decrypted body of one ViewText section stream (still deflated if compressed)."""
    if len(stream) < 4 + _RECORD_SIZE:
        raise CorruptDocument("distribution section stream is too short for its key record")
    word = struct.unpack_from("<I", stream, 0)[0]
    tag, size = word & 0x3FF, word >> 20
    if tag != TAG_DISTRIBUTE_DOC_DATA or size != _RECORD_SIZE:
        raise CorruptDocument("distribution section stream does not start with its key record")
    key = distribution_key(stream[4:4 + _RECORD_SIZE])
    body = stream[4 + _RECORD_SIZE:]
    usable = len(body) - len(body) % 16
    try:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    except ImportError as exc:  # pragma: no cover - cryptography is a core dependency
        raise MissingDependency("distribution HWP documents need 'cryptography': "
                                "pip install cryptography") from exc
    decryptor = Cipher(algorithms.AES(key), modes.ECB()).decryptor()
    return decryptor.update(body[:usable]) + decryptor.finalize()
