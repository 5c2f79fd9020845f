"""Parsed documents kept between tool calls, so that an assistant that reads a document,
then extracts its record, then asks for its tables parses it once.

Entries are keyed by the SHA-256 of the bytes read and the name shown, never by path
and modification time alone: a file changed in place (even within the same second,
or to the same size) is parsed again, and two names for the same bytes keep their own
``source.name``. The bytes are still read on every call; only parsing is saved.

The cache is bounded twice, by the number of documents and by the characters of their
text, so a folder of large reports cannot grow the server without limit; the least
recently used documents go first. A document larger than the character budget alone is
never kept. Tools only read the documents they are given (the record, summary, chunk
and table code build new objects), which is what makes sharing one safe across threads.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from ..model import Document

DEFAULT_MAX_DOCUMENTS = 16
"""Parsed documents kept at most (0 turns the cache off)."""
DEFAULT_MAX_CHARS = 20_000_000
"""Characters of document text kept at most, over all cached documents."""


@dataclass
class DocumentCache:
    """A least-recently-used map from (content hash, shown name) to the parsed document."""

    max_documents: int = DEFAULT_MAX_DOCUMENTS
    max_chars: int = DEFAULT_MAX_CHARS
    hits: int = 0
    misses: int = 0
    _entries: OrderedDict[tuple[str, str], tuple["Document", int]] = field(
        default_factory=OrderedDict)
    _chars: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get_or_parse(self, data: bytes, shown: str,
                     parse: Callable[[], "Document"]) -> "Document":
        """The cached document for ``data`` shown as ``shown``, else ``parse()``'s, kept.

        Parsing runs outside the lock: two calls for one new document may both parse it
        (the second result replaces the first), but a slow parse never blocks the others.
        Errors are not cached: a document that failed (a time limit, say) is tried again.
        """
        if self.max_documents <= 0:
            return parse()
        key = (hashlib.sha256(data).hexdigest(), shown)
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                self.hits += 1
                return found[0]
            self.misses += 1
        doc = parse()
        self._keep(key, doc)
        return doc

    def _keep(self, key: tuple[str, str], doc: "Document") -> None:
        size = len(doc.text)
        if size > self.max_chars:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._chars -= old[1]
            self._entries[key] = (doc, size)
            self._chars += size
            while len(self._entries) > self.max_documents or self._chars > self.max_chars:
                _, (_, dropped) = self._entries.popitem(last=False)
                self._chars -= dropped

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


__all__ = ["DEFAULT_MAX_CHARS", "DEFAULT_MAX_DOCUMENTS", "DocumentCache"]
