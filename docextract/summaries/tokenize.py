"""Content terms for sentence similarity: kiwipiepy morphemes in a spaCy pipeline, or rules.

Three tokenizers, one interface (:class:`TermExtractor`):

* ``kiwi``  spaCy pipeline (``spacy.blank("ko")``) whose tokenizer is kiwipiepy: one token
  per morpheme, tag and lemma from Kiwi. Content morphemes are nouns, foreign words,
  numbers, roots and verb/adjective stems. ``spacy.blank("ko")`` on its own needs system
  MeCab-ko, which is why the tokenizer is replaced. One Kiwi per process, created lazily.
* ``spacy`` spaCy's rule-based tokenizer (no MeCab, no morphology) with the particle and
  ending rules of ``light`` applied to each token; used when kiwipiepy is missing.
* ``light`` whitespace 어절 with particles and endings stripped by rule; no imports.

``auto`` picks ``light`` for documents of a few pages and ``kiwi`` for long ones (both many
sentences and many characters): loading Kiwi and spaCy takes seconds, while a one-page
공문 has a dozen sentences whose ranking is decided mostly by the request/deadline/contact
cues, and a two-page 공고 or a form of many short table cells has many sentences but
little prose, so the load would cost more than it changes. ``DOCEXTRACT_NLP`` sets the
default mode; :func:`describe_choice` says which tokenizer ranked a summary and why.
"""

from __future__ import annotations

import importlib.util
import os
import re
import threading
from typing import Any, Callable, Protocol


MODES = ("auto", "kiwi", "spacy", "light")
AUTO_KIWI_MIN_SENTENCES = 40
"""In ``auto`` mode, documents with at least this many candidate sentences use Kiwi..."""
AUTO_KIWI_MIN_CHARS = 6000
"""... when their sentences also hold this many characters (about four pages of 공문)."""

_CONTENT_TAGS = ("NNG", "NNP", "SL", "SN", "SH", "XR")
_STEM_TAGS = ("VV", "VA")

_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")  # letters (Hangul or Latin) or a number
# Particles and verb endings that follow a content stem in 공문 prose, in string order:
# that order decides which of several matching endings is removed (strip_korean_suffixes).
_SUFFIXES = sorted({
    "으로부터", "에서는", "에게서", "으로서", "으로써", "에서도", "까지는", "부터는", "이라도",
    "까지", "부터", "에서", "에게", "께서", "으로", "로서", "로써", "처럼", "보다", "에는", "에도",
    "이나", "이며", "이고", "라는", "이라", "들의", "들을", "들은", "들이", "들에",
    "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "만", "로", "들",
    "하였습니다", "하겠습니다", "되었습니다", "합니다", "됩니다", "입니다", "하오니", "하시기",
    "하여야", "하도록", "되도록", "하였으며", "하였고", "하였다", "되었다", "한다", "된다", "했다",
    "하여", "하고", "하며", "하는", "하기", "하게", "하신", "하면", "해야", "되어", "되는",
    "되며", "되고", "되면", "적인", "적으로", "적", "이다", "하", "한", "할", "함", "됨", "임",
})
_STOP_STEMS = frozenset({
    "바랍니다", "바람", "주시기", "있습니다", "있음", "있는", "없는", "다음", "같이", "위", "및",
    "등", "관련", "해당", "경우", "귀", "이", "그", "것", "수", "중", "때", "내", "외", "아래",
    "주", "기타", "또는", "각", "대한", "위한", "위하여", "위해", "통해", "따른", "의한",
    # verb stems (as Kiwi lemmas) that carry no topic
    "바라다", "위하다", "있다", "없다", "하다", "되다", "주다", "같다", "대하다", "따르다", "통하다",
    "이다", "아니다", "않다",
})


class TermExtractor(Protocol):
    """Turns sentences into lists of content terms (stems) for similarity."""

    name: str

    def terms(self, texts: list[str]) -> list[list[str]]: ...


# _SUFFIXES by length, to look a word's endings up instead of trying every suffix
_SUFFIXES_BY_LENGTH = {k: frozenset(s for s in _SUFFIXES if len(s) == k)
                       for k in sorted({len(s) for s in _SUFFIXES})}


def strip_korean_suffixes(word: str) -> str:
    """The stem of one 어절: trailing particles and verb endings removed (two passes).

    Of the suffixes a word ends with that leave a stem of two letters or more, the one
    removed is the first in _SUFFIXES' order (the least in string order)."""
    for _ in range(2):
        limit = len(word) - 2
        found = [word[-k:] for k, suffixes in _SUFFIXES_BY_LENGTH.items()
                 if k <= limit and word[-k:] in suffixes]
        if not found:
            break
        word = word[: -len(min(found))]
    return word


def _keep(stem: str) -> bool:
    return stem not in _STOP_STEMS and (len(stem) >= 2 or stem.isdigit())


class LightTerms:
    """Rule-based stems of whitespace words; no third-party imports."""

    name = "light (built-in 어절 rules)"

    def terms(self, texts: list[str]) -> list[list[str]]:
        out = []
        for text in texts:
            stems = (strip_korean_suffixes(w) if "가" <= w[-1] <= "힣" else w.lower()
                     for w in _WORD.findall(text))
            out.append([s for s in stems if _keep(s)])
        return out


# kiwipiepy ----------------------------------------------------------------------------

def get_kiwi() -> Any:
    """The process's Kiwi analyzer (shared with PDF wrap repair), created on first use."""
    from ..korean import kiwi

    return kiwi()


class KiwiSpacyTokenizer:
    """A spaCy tokenizer producing one token per Kiwi morpheme.

    Morphemes that share characters (바라+ᆸ니다 in 바랍니다) are merged into one token
    tagged ``VV+EF`` whose lemma is the first morpheme (바라); whitespace other than a single space becomes its own token, so
    ``doc.text`` always equals the input and character offsets stay valid.
    """

    def __init__(self, vocab: Any, kiwi: Any = None) -> None:
        self.vocab = vocab
        self.kiwi = kiwi

    def __call__(self, text: str) -> Any:
        from spacy.tokens import Doc

        kiwi = self.kiwi or get_kiwi()
        spans: list[list[Any]] = []  # [start, end, tags, lemma]
        for t in kiwi.tokenize(text):
            s, e = t.start, t.start + t.len
            if e <= s:  # zero-width morphemes (restored endings) have no text of their own
                continue
            if spans and s < spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], e)
                spans[-1][2].append(t.tag)
            else:
                spans.append([s, e, [t.tag], t.form])
        words: list[str] = []
        spaces: list[bool] = []
        meta: list[tuple[str, str]] = []
        pos = 0
        for s, e, tags, lemma in spans:
            if s > pos:
                gap = text[pos:s]
                if gap == " " and words:
                    spaces[-1] = True
                else:
                    words.append(gap)
                    spaces.append(False)
                    meta.append(("_SP", gap))
            words.append(text[s:e])
            spaces.append(False)
            meta.append(("+".join(tags), lemma))
            pos = e
        if pos < len(text):
            words.append(text[pos:])
            spaces.append(False)
            meta.append(("_SP", text[pos:]))
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for tok, (tag, lemma) in zip(doc, meta):
            tok.tag_ = tag
            tok.lemma_ = lemma
        return doc


_NLP: dict[str, Any] = {}
_NLP_LOCK = threading.Lock()


def _registered_kiwi_factory() -> None:
    from spacy.util import registry

    if "docextract.KiwiTokenizer.v1" not in registry.tokenizers.get_all():
        def make() -> Callable[[Any], KiwiSpacyTokenizer]:
            return lambda nlp: KiwiSpacyTokenizer(nlp.vocab)

        registry.tokenizers.register("docextract.KiwiTokenizer.v1", func=make)


def spacy_pipeline(kind: str) -> Any:
    """A blank Korean spaCy pipeline with the Kiwi (``kiwi``) or rule-based (``spacy``) tokenizer."""
    with _NLP_LOCK:
        if kind not in _NLP:
            import spacy

            if kind == "kiwi":
                _registered_kiwi_factory()
                factory = "docextract.KiwiTokenizer.v1"
            else:
                factory = "spacy.Tokenizer.v1"
            _NLP[kind] = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": factory}}})
        return _NLP[kind]


class KiwiSpacyTerms:
    """Content morphemes from the spaCy + kiwipiepy pipeline."""

    name = "spacy + kiwipiepy morphemes"

    def terms(self, texts: list[str]) -> list[list[str]]:
        nlp = spacy_pipeline("kiwi")
        out = []
        for doc in nlp.pipe(texts):
            bag = []
            for tok in doc:
                first = tok.tag_.split("+")[0]
                if first.startswith(_CONTENT_TAGS):
                    bag.append(tok.lemma_ if first != "SL" else tok.lemma_.lower())
                elif first in _STEM_TAGS:
                    bag.append(tok.lemma_ + "다")
            out.append([t for t in bag if _keep(t)])
        return out


class SpacyRuleTerms:
    """spaCy's rule-based tokens (어절 and punctuation) with particles stripped by rule."""

    name = "spacy rule-based tokenizer"

    def terms(self, texts: list[str]) -> list[list[str]]:
        nlp = spacy_pipeline("spacy")
        light = LightTerms()
        return [light.terms([" ".join(t.text for t in doc if not t.is_punct)])[0]
                for doc in nlp.pipe(texts)]


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _mode(mode: str | None) -> str:
    mode = (mode or os.environ.get("DOCEXTRACT_NLP") or "auto").lower()
    if mode not in MODES:
        raise ValueError(f"unknown NLP mode {mode!r} (choose from {', '.join(MODES)})")
    return mode


def _long(n_sentences: int, n_chars: int | None) -> bool:
    """Whether ``auto`` treats a document as long (``n_chars`` None: by sentences alone)."""
    return n_sentences >= AUTO_KIWI_MIN_SENTENCES and \
        (n_chars is None or n_chars >= AUTO_KIWI_MIN_CHARS)


def describe_choice(mode: str | None, tokenizer: str) -> str:
    """How ``tokenizer`` came to rank a summary asked for with ``mode`` (for ``--verbose``)."""
    mode = _mode(mode)
    if mode != "auto":
        return f"tokenizer {tokenizer} (asked for: {mode})"
    return (f"tokenizer {tokenizer} (auto: Kiwi morphemes only for documents of "
            f"{AUTO_KIWI_MIN_SENTENCES}+ sentences and {AUTO_KIWI_MIN_CHARS:,}+ characters, "
            "else the built-in rules; --nlp chooses)")


def choose_term_extractor(mode: str | None, n_sentences: int,
                          n_chars: int | None = None) -> tuple[TermExtractor, list[str]]:
    """The tokenizer for ``mode`` (``auto`` when None) and warnings about fallbacks;
    ``auto`` reads a document of ``n_sentences`` sentences and ``n_chars`` characters
    as long when both are many."""
    mode = _mode(mode)
    if mode == "light" or (mode == "auto" and not _long(n_sentences, n_chars)):
        return LightTerms(), []
    warnings: list[str] = []
    has_spacy = _installed("spacy")
    if mode in ("auto", "kiwi"):
        if _installed("kiwipiepy") and has_spacy:
            return KiwiSpacyTerms(), []
        missing = " and ".join(m for m in ("kiwipiepy", "spacy") if not _installed(m))
        warnings.append(f"{missing} not installed (pip install 'docextract[nlp]'); "
                        f"summary uses the {'spaCy rule-based' if has_spacy else 'built-in rule'} "
                        "tokenizer instead of Kiwi morphemes")
    elif not has_spacy:
        warnings.append("spacy not installed; summary uses the built-in rule tokenizer")
    return (SpacyRuleTerms() if has_spacy else LightTerms()), warnings


__all__ = ["AUTO_KIWI_MIN_CHARS", "AUTO_KIWI_MIN_SENTENCES", "KiwiSpacyTerms",
           "KiwiSpacyTokenizer", "LightTerms", "MODES", "SpacyRuleTerms", "TermExtractor",
           "choose_term_extractor", "describe_choice", "get_kiwi", "spacy_pipeline",
           "strip_korean_suffixes"]
