"""Password-protected HWPX: the ODF-style encryption Hangul uses for package parts.

``META-INF/manifest.xml`` lists each encrypted part with an ``encryption-data``
element: AES-256-CBC with an initialisation vector, a key from PBKDF2-HMAC-SHA1
over SHA-256 of the UTF-8 password (salt and iteration count given), and a
checksum, SHA-256 of the first 1024 bytes of the plain part. The encrypted bytes
are raw deflate data padded to the cipher block size.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from typing import Any

from ...errors import CorruptDocument, EncryptedDocument, LimitExceeded
from ...limits import Budget
from ...safeio import inflate
from .elements import int_attr, local_name

_AES256_CBC = "aes256-cbc"
_PBKDF2 = "pbkdf2"
_START_KEYS = {"sha256": hashlib.sha256, "sha1": hashlib.sha1}
_MAX_ITERATIONS = 1_000_000  # far above what Hangul writes; bounds the work a file can ask for


@dataclass(frozen=True)
class EncryptedPart:
    """How one package part is encrypted, from its manifest ``file-entry``."""

    path: str
    size: int
    algorithm: str
    iv: bytes
    kdf: str
    salt: bytes
    iterations: int
    key_size: int
    start_key: str
    checksum_type: str
    checksum: bytes


def _b64(value: str | None) -> bytes:
    try:
        return base64.b64decode(value or "", validate=True)
    except (binascii.Error, ValueError):
        raise CorruptDocument("HWPX manifest has a malformed base64 value") from None


def _suffix(uri: str | None) -> str:
    """``http://www.w3.org/2001/04/xmlenc#aes256-cbc`` → ``aes256-cbc``."""
    return (uri or "").rsplit("#", 1)[-1].lower()


def encrypted_parts(manifest_root: Any) -> dict[str, EncryptedPart]:
    """Every manifest ``file-entry`` that carries ``encryption-data``, by part path."""
    parts: dict[str, EncryptedPart] = {}
    for entry in manifest_root.iter():
        if local_name(entry.tag) != "file-entry":
            continue
        data = next((c for c in entry if local_name(c.tag) == "encryption-data"), None)
        if data is None:
            continue
        found = {local_name(c.tag): c for c in data}
        algo = found.get("algorithm")
        kdf = found.get("key-derivation")
        start = found.get("start-key-generation")
        parts[entry.get("full-path", "")] = EncryptedPart(
            path=entry.get("full-path", ""),
            size=int_attr(entry, "size", 0),
            algorithm=_suffix(algo.get("algorithm-name")) if algo is not None else "",
            iv=_b64(algo.get("initialisation-vector")) if algo is not None else b"",
            kdf=_suffix(kdf.get("key-derivation-name")) if kdf is not None else "",
            salt=_b64(kdf.get("salt")) if kdf is not None else b"",
            iterations=int_attr(kdf, "iteration-count", 0) if kdf is not None else 0,
            key_size=int_attr(kdf, "key-size", 16) if kdf is not None else 16,
            start_key=_suffix(start.get("start-key-generation-name")) if start is not None else "sha1",
            checksum_type=_suffix(data.get("checksum-type")),
            checksum=_b64(data.get("checksum")),
        )
    return parts


def decrypt_part(data: bytes, part: EncryptedPart, password: str, budget: Budget) -> bytes:
    """Decrypt and inflate one part; a wrong password raises ``EncryptedDocument``."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    if part.algorithm != _AES256_CBC or part.kdf != _PBKDF2 or part.start_key not in _START_KEYS:
        raise EncryptedDocument(f"HWPX part {part.path} uses encryption docextract does not "
                                f"support ({part.algorithm or '?'}, {part.kdf or '?'})",
                                code="password")
    if not 0 < part.iterations <= _MAX_ITERATIONS:
        raise LimitExceeded(f"HWPX part {part.path} asks for {part.iterations:,} key-derivation "
                            "rounds", limit="max_records")
    if len(part.iv) != 16 or part.key_size != 32 or len(data) % 16:
        raise CorruptDocument(f"HWPX part {part.path} has inconsistent encryption parameters")
    start_key = _START_KEYS[part.start_key](password.encode("utf-8")).digest()
    key = hashlib.pbkdf2_hmac("sha1", start_key, part.salt, part.iterations, part.key_size)
    decryptor = Cipher(algorithms.AES(key), modes.CBC(part.iv)).decryptor()
    compressed = decryptor.update(data) + decryptor.finalize()
    try:
        plain = inflate(compressed, budget, what=f"HWPX part {part.path}",
                        max_output=part.size or None)
    except CorruptDocument:
        raise EncryptedDocument("wrong password for this HWPX document", code="password") from None
    if part.checksum and part.checksum_type.startswith("sha256") and \
            hashlib.sha256(plain[:1024]).digest() != part.checksum:
        raise EncryptedDocument("wrong password for this HWPX document", code="password")
    return plain
