"""Is a line junction a word boundary? Korean morphology (Kiwi) for the wrap rule.

Used by :mod:`.wrap` only for junctions of character-wrap documents that glyph
evidence did not decide. Each junction is given as the text around it (a few 어절 of
the line that was wrapped and of its continuation), analysed *joined*, and the answer is
read off the morphemes that meet at the junction (see :func:`junction_separator`).

Kiwi (``kiwipiepy``, the ``nlp`` extra) is optional: :func:`available` says whether it
can be imported, and the analyser is created once per process, on first use, because
loading its model and its first analysis take one to three seconds.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional

# Morphemes that cannot open an 어절: particles, endings, suffixes, the copula.
DEPENDENT = ("J", "E", "XS", "VCP", "Z")
# Morphemes after which an 어절 is complete: particles, endings, determiners, adverbs,
# pronouns, interjections, bound nouns (``등`` ``것`` ``수``).
CLOSING = ("J", "E", "MM", "MAG", "MAJ", "NP", "IC", "NNB")
NOUNS = ("NNG", "NNP", "NR", "XR", "XPN", "XSN")


@dataclass(frozen=True)
class Junction:
    """The text either side of a line junction: ``left`` ends where the wrapped line
    ends, ``right`` starts where its continuation starts."""

    left: str
    right: str


@functools.lru_cache(maxsize=None)
def available() -> bool:
    """True when kiwipiepy can be imported (it is not imported here)."""
    return importlib.util.find_spec("kiwipiepy") is not None


UNKNOWN_WORD = "뷁궳"  # not Korean: tells the id Kiwi gives unknown nouns


@functools.lru_cache(maxsize=None)
def _kiwi() -> Optional[tuple[Any, int]]:
    """The analyser and the morpheme id of an unknown noun; None when Kiwi cannot load
    (a damaged install), and then the wrap rule carries on without it."""
    try:
        from ...korean import kiwi as shared_kiwi

        kiwi = shared_kiwi()
        return kiwi, kiwi.tokenize(UNKNOWN_WORD)[0].id
    except Exception:  # third-party start-up failure of any kind: no language model
        return None


def analyse(junctions: list[Junction]) -> list[tuple[list[Any], list[Any]]]:
    """Kiwi tokens of each junction's text joined and spaced, in one batched call
    (no tokens when Kiwi is not usable)."""
    tokens = _tokens([t for j in junctions for t in (j.left + j.right, j.left + " " + j.right)])
    if tokens is None:
        return [([], []) for _ in junctions]
    return list(zip(tokens[0::2], tokens[1::2]))


def _tokens(texts: list[str]) -> Optional[list[Any]]:
    """Kiwi's tokens of each text in one batched call, each distinct text analysed once
    (Kiwi reads every text of a batch on its own); None when Kiwi is not usable or fails."""
    loaded = _kiwi() if texts else None
    if loaded is None:
        return None
    distinct = list(dict.fromkeys(texts))
    try:
        tokens = dict(zip(distinct, loaded[0].tokenize(distinct)))
    except Exception:  # a third-party failure on odd text costs the opinion, not the parse
        return None
    return [tokens[t] for t in texts]


def unknown_id() -> int:
    """The morpheme id Kiwi gives a noun it does not know (-1 without Kiwi)."""
    loaded = _kiwi()
    return loaded[1] if loaded is not None else -1


def junction_separator(junction: Junction, joined: list[Any], spaced: list[Any],
                       usage: Callable[[str, str], Optional[str]],
                       unknown: int = -1) -> Optional[str]:
    """``" "``, ``""`` or None (no opinion) at ``junction``, from Kiwi's tokens of its text
    ``joined`` (read first) and ``spaced``.

    * a known morpheme runs across the junction (``위하`` in ``위|한``, ``때문``) → no
      space; an unknown one (Kiwi glues what it cannot read: ``포인터가호버``) → no opinion;
    * the continuation opens with a particle, ending or suffix (``발의|했으니``) → no space;
      with a numbering prefix (``제2조``) or a bound noun (``정책|등을``) → space;
    * noun meets noun: a compound (``의안|번호``) or two words (``양경규|위원님``)?
      If the spaced text reads the wrapped line's end as a particle or ending
      (``안에도|법안을``: ``도`` particle, not ``도법``) → space; else ``usage`` (how the
      document writes the pair elsewhere) decides; without evidence a name or a derived
      noun before a noun is two words (``박정|위원장님``, ``산업별|노동조합``), and so is
      any noun before the noun of a ``하다`` verb (``소비주도|계속하여``: its object or
      adverb, not part of a compound); other nouns make a compound, as HWP documents
      write them;
    * the wrapped line ends with what closes an 어절 (a particle, an ending, a bound
      noun, a determiner, an adverb, a pronoun) → space;
    * anything else (a verb stem before a noun; a noun right after a particle, as in
      ``안/에/도/법안``: readings Kiwi is unsure of) → no opinion.
    """
    text = junction.left + junction.right
    cut = len(junction.left)
    left = right = None
    for token in joined:
        end = token.start + token.len
        if token.start < cut < end:
            return None if token.id == unknown else ""
        if end == cut:
            left = token
        elif token.start == cut and right is None:
            right = token
    if left is None or right is None:
        return None
    if right.tag.startswith(DEPENDENT):
        return ""
    if right.tag == "XPN" and text[cut + right.len:cut + right.len + 1].isdigit():
        return " "  # ``제2조``: the numbering prefix opens a word (``문제2)`` ran across)
    if right.tag == "NNB" and _ends_word(right, joined, text):
        return " "  # a bound noun is written apart: ``정책 등을``, ``할 수``
    if left.tag.startswith(NOUNS) and right.tag.startswith(NOUNS):
        if any(t.start + t.len == left.start and t.tag.startswith(("J", "E")) for t in joined):
            return None  # a noun glued after a particle (``안에+도``) is a misreading
        seen = usage(text[left.start:cut], text[cut:cut + right.len])
        if seen is None:
            seen = " " if _verb_root(right, joined) or left.tag in ("NNP", "XSN") else ""
        # the spaced reading can only add a space: it is read (analysed, in decide) only
        # when the rest says none
        if seen == "" and any(t.start + t.len == cut and t.tag.startswith(("J", "E")) for t in spaced):
            return " "
        return seen
    if left.tag.startswith(CLOSING):
        return " "
    return None


def _verb_root(token: Any, tokens: list[Any]) -> bool:
    """``token`` is the noun of a ``하다`` verb (``계속/하여``)."""
    end = token.start + token.len
    after = next((t for t in tokens if t.start >= end), None)
    return after is not None and after.start == end and after.tag in ("XSV", "XSA")


def _ends_word(token: Any, tokens: list[Any], text: str) -> bool:
    """``token`` is followed by a space, the end, a particle or closing punctuation
    (``등을`` ``등)``), not by more of a name (``강훈/식ㆍ``)."""
    end = token.start + token.len
    if end >= len(text) or text[end] == " ":
        return True
    after = next((t for t in tokens if t.start >= end), None)
    return after is not None and after.tag.startswith(("J", "SSC", "SF"))


def decide(junctions: list[Junction], usage: Callable[[str, str], Optional[str]]) -> list[Optional[str]]:
    """:func:`junction_separator` for every junction. Kiwi reads every junction joined
    in one batched call, and the spaced text only of the junctions whose answer turns on
    it (two nouns meeting: a third of them or fewer) in a second: the analysis is most
    of what the wrap rule costs. Kiwi failing on either batch costs every opinion."""
    if not junctions:
        return []
    unknown = unknown_id()
    joined = _tokens([j.left + j.right for j in junctions])
    if joined is None:
        return [junction_separator(j, [], [], usage, unknown) for j in junctions]
    answers: list[Optional[str]] = []
    later: list[int] = []
    for i, (junction, tokens) in enumerate(zip(junctions, joined)):
        try:
            answers.append(junction_separator(junction, tokens, _SPACED_LATER, usage, unknown))
        except _SpacedNeeded:
            answers.append(None)
            later.append(i)
    if later:
        spaced = _tokens([junctions[i].left + " " + junctions[i].right for i in later])
        if spaced is None:
            return [None] * len(junctions)
        for i, tokens in zip(later, spaced):
            answers[i] = junction_separator(junctions[i], joined[i], tokens, usage, unknown)
    return answers


class _SpacedNeeded(Exception):
    """The answer turns on the spaced text, which is not analysed yet."""


class _NotRead:
    """Stands for the tokens of a junction's spaced text before they are read: any look
    at them stops :func:`junction_separator` (which has no side effects before it)."""

    def __iter__(self) -> Any:
        raise _SpacedNeeded

    def __len__(self) -> int:
        raise _SpacedNeeded

    def __getitem__(self, index: Any) -> Any:
        raise _SpacedNeeded


_SPACED_LATER: Any = _NotRead()


class DocumentUsage:
    """How a document writes a pair of nouns where no line break is involved: ``"x y"``
    more often than ``"xy"`` → ``" "``, the other way → ``""``, neither → None.

    The first MAX_CHARS characters are searched (about 150 pages), so a long document
    costs each junction a bounded scan; answers are kept per pair."""

    MAX_CHARS = 400_000

    def __init__(self, lines: Iterable[str]) -> None:
        text: list[str] = []
        size = 0
        for line in lines:
            if size >= self.MAX_CHARS:
                break
            text.append(line)
            size += len(line) + 1
        self.text = "\n".join(text)[:self.MAX_CHARS]
        self._seen: dict[tuple[str, str], Optional[str]] = {}

    def __call__(self, left: str, right: str) -> Optional[str]:
        if (left, right) not in self._seen:
            joined = self.text.count(left + right)
            spaced = self.text.count(left + " " + right)
            self._seen[left, right] = None if joined == spaced else " " if spaced > joined else ""
        return self._seen[left, right]


__all__ = ["DocumentUsage", "Junction", "analyse", "available", "decide", "junction_separator"]
