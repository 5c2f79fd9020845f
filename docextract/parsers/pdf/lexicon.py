"""Does the document write a cut word whole elsewhere? Lexical evidence for the wrap rule.

A table cell only a few letters wide cuts every longer word into line-sized pieces
(``비계`` / ``량부`` / ``문`` for 비계량부문). Where the producer draws no space glyph in
that cell, no glyph tells a cut inside a word from a break between two words, and the
language alone can mislead: ``비계`` is a word of its own (scaffolding). But a document
tends to print its own vocabulary more than once, and most of it on single lines, where
no wrap is involved: ``○ 비계량 부문의 전체 평가항목은`` shows that 비계 runs on into 량.

:class:`DocumentSpelling` answers that question for :mod:`.wrap`: given the piece a
line ends with and the first word of its continuation, does the document print them run
together or apart, within one line? The longest start of the continuation that the
document prints either way decides (``사업 이해도`` written apart outweighs ``사업이``,
the noun with a particle), so a short, common string is the last resort, not the first.
"""

from __future__ import annotations

from typing import Callable, Iterable, Optional

MIN_PIECE = 2  # syllables: one syllable runs into almost anything somewhere


class DocumentSpelling:
    """How the document's own lines write ``left`` followed by the start of ``right``.

    ``lines`` gives the text of every line of the document (body and table cells); it is
    read on the first question only, so documents that never ask pay nothing. The first
    MAX_CHARS characters are searched (about 150 pages): each question costs a bounded
    number of scans, and answers are kept per pair."""

    MAX_CHARS = 400_000

    def __init__(self, lines: Callable[[], Iterable[str]]) -> None:
        self._lines = lines
        self._text: Optional[str] = None
        self._seen: dict[tuple[str, str], Optional[str]] = {}

    @property
    def text(self) -> str:
        """The document's lines, one per text line, so no match spans a line break."""
        if self._text is None:
            parts: list[str] = []
            size = 0
            for line in self._lines():
                if size >= self.MAX_CHARS:
                    break
                parts.append(line)
                size += len(line) + 1
            self._text = "\n".join(parts)[:self.MAX_CHARS]
        return self._text

    def separator(self, left: str, right: str) -> Optional[str]:
        """``""`` when the document prints ``left`` run on into the start of ``right`` more
        often than apart, ``" "`` when apart more often, None when it prints neither (or
        both equally) for every start of ``right``, longest first."""
        if len(left) < MIN_PIECE or not right:
            return None
        key = (left, right)
        if key not in self._seen:
            self._seen[key] = self._decide(left, right)
        return self._seen[key]

    def _decide(self, left: str, right: str) -> Optional[str]:
        text = self.text
        for end in range(len(right), 0, -1):
            start = right[:end]
            joined = text.count(left + start)
            apart = text.count(left + " " + start)
            if joined or apart:
                return None if joined == apart else "" if joined > apart else " "
        return None


__all__ = ["DocumentSpelling"]
