"""Rank sentences for an extractive summary: TextRank plus cues a clerk cares about.

Plain TextRank (Mihalcea & Tarau 2004) favours central sentences, which in a templated
공문 are the background and "관련" lines. A receiving clerk needs the request, the
deadline and the contact first (gongmun-spec §4), so each sentence's score mixes
normalized TextRank centrality with cue boosts for those and a small lead bias:

    score = centrality + Σ cue weights + position weight · (1 - i/n)

Pure Python on sparse similarity edges (an inverted index finds the sentence pairs that
share a term), so no numpy import is paid on the one-page path.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter, mul
from typing import Sequence


REQUEST = re.compile(
    r"(?:주시기|하시기|해\s*주시길|하여\s*주시길)\s*바랍니다|협조\s*(?:바랍니다|바람)|바람\s*\.?\s*$"
    r"|요망|주십시오|부탁\s*드립니다|하시기\s*바람")
NOT_REQUEST = re.compile(r"참고하시기\s*바랍니다|알려\s*드립?니다|송부합니다|통보합니다|안내합니다"
                         r"|보고합니다|하고자\s*합니다")
DEADLINE = re.compile(
    r"\d{1,2}\.\s*\d{1,2}\.?\s*(?:\([월화수목금토일]\))?\s*(?:\d{1,2}:\d{2})?\s*까지"
    r"|\d{1,2}\s*월\s*\d{1,2}\s*일\s*(?:\([월화수목금토일]\))?\s*(?:\d{1,2}:\d{2})?\s*까지"
    r"|(?:제출|회신|신청|접수|보고)\s*기한|기한\s*[:：]|마감|기한\s*(?:내|엄수)")
CONTACT = re.compile(r"문\s*의\s*처?|담\s*당\s*자|연락처|☎|\b0\d{1,2}-\d{3,4}-\d{4}\b|(?<![\w.+-])[\w.+-]++@[\w-]+\.[\w.]+")
SUBMISSION = re.compile(r"제출|회신|신청|참석|작성|서식|양식|신청서|명단")
GREETING = re.compile(r"무궁한\s*발전|노고에\s*감사|건승|번창|평안하심|기원합니다|감사드립니다")
# Press-release and closing boilerplate: embargo notes, "for more, call …" lines.
BOILERPLATE = re.compile(r"보도해\s*주시기|보도\s*(?:일시|시점)|배포\s*일시|엠바고|자세한\s*내용을\s*원하시면"
                         r"|연락\s*주시기\s*바랍니다")
RELATED = re.compile(r"^관\s*련\s*[:：]|관련입니다\.?$|^관\s*련$")


@dataclass(frozen=True)
class Weights:
    """How much each feature adds to a sentence's normalized centrality (0..1)."""

    request: float = 0.8
    deadline: float = 0.5
    contact: float = 0.35
    submission: float = 0.15
    title_overlap: float = 0.3
    restates_title: float = -0.6
    greeting: float = -1.0
    related: float = -0.6
    boilerplate: float = -1.5
    short: float = -0.4
    fragment: float = -0.8
    position: float = 0.15


LETTER_WEIGHTS = Weights()
"""공문: requests, deadlines and contacts first."""
DOCUMENT_WEIGHTS = Weights(request=0.2, deadline=0.1, contact=0.0, submission=0.05,
                           position=0.5)
"""Other documents (보도자료, reports, regulations): centrality and the lead matter more."""


@dataclass
class Ranked:
    """A sentence's combined score and the parts it came from."""

    index: int
    score: float
    centrality: float
    cues: list[str] = field(default_factory=list)


def textrank(bags: list[list[str]], damping: float = 0.85, iterations: int = 50,
             tolerance: float = 1e-6) -> list[float]:
    """PageRank over sentences linked by shared terms (weights as in TextRank)."""
    n = len(bags)
    if n == 0:
        return []
    # Sentences with the same terms are alike to the graph (the same weight to every other
    # sentence), so they hold the same rank at every step: each distinct term set is ranked
    # once. Templates and forms repeat lines ("내용을 입력하세요") many times.
    kinds: dict[frozenset[str], int] = {}
    kind_of = [kinds.setdefault(frozenset(bag), len(kinds)) for bag in bags]
    m = len(kinds)
    copies = [0] * m
    for k in kind_of:
        copies[k] += 1
    neighbours, weights = _graph([set(terms) for terms in kinds], copies)
    out_weight = [sum(w) or 1.0 for w in weights]  # 1.0: a dangling node's share is unused
    dangling = [i for i, k in enumerate(kind_of) if not neighbours[k]]
    # Each kind pulls its neighbours' shares: a gather and a sum per kind run in C, where a
    # loop over the edges in Python costs as much per edge as all of that per kind.
    # Neighbours are in ascending order, so every sum adds in the same order as a push
    # over the sentences would.
    rows = [(i, itemgetter(*js), weights[i]) for i, js in enumerate(neighbours) if len(js) > 1]
    single: list[tuple[int, int, float]] = [
        (i, js[0], weights[i][0]) for i, js in enumerate(neighbours) if len(js) == 1]
    rank = [1.0 / n] * m  # the rank of each sentence of a kind
    for _ in range(iterations):
        # a sentence sharing no term with any other spreads its rank evenly (dangling node)
        base = (1.0 - damping + damping * sum([rank[kind_of[j]] for j in dangling])) / n
        share = [damping * r / w for r, w in zip(rank, out_weight)]
        new = [base] * m
        for i, gather, w in rows:
            new[i] = sum(map(mul, w, gather(share)), base)
        for i, j, weight in single:
            new[i] = base + weight * share[j]
        change = [abs(a - b) for a, b in zip(new, rank)]
        delta = sum([change[k] for k in kind_of])  # over the sentences, as a rank vector
        rank = new
        if delta < tolerance:
            break
    return [rank[k] for k in kind_of]


def _graph(sets: list[set[str]], copies: list[int]) -> tuple[list[list[int]], list[list[float]]]:
    """Each term set's neighbours (the sets sharing a term with it, ascending) and the
    weights of those edges: shared terms / (log(1 + |S_i|) + log(1 + |S_j|)), times the
    number of sentences the neighbour stands for (``copies``); a set held by several
    sentences is also its own neighbour, once for each other copy.

    An inverted index (term -> sets, ascending) gives, for set ``i``, the later sets of
    each of its terms; counting them gives the shared terms of every later set at once,
    so pairs that share nothing are never looked at.
    """
    n = len(sets)
    postings: dict[str, list[int]] = {}
    later: list[list[tuple[list[int], int]]] = [[] for _ in range(n)]  # (posting, i's place + 1)
    for i, terms in enumerate(sets):
        for term in terms:
            posting = postings.setdefault(term, [])
            posting.append(i)
            later[i].append((posting, len(posting)))
    # log(1 + |W|) keeps one-term sentences from dividing by zero
    spread = [math.log1p(len(terms)) for terms in sets]
    pairs: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for i in range(n):
        own = spread[i]
        counts = Counter(chain.from_iterable(posting[k:] for posting, k in later[i]))
        for j, shared in counts.items():
            w = shared / (own + spread[j])
            pairs[i].append((j, w * copies[j]))
            pairs[j].append((i, w * copies[i]))
        if copies[i] > 1 and sets[i]:
            pairs[i].append((i, len(sets[i]) / (own + own) * (copies[i] - 1)))
    neighbours: list[list[int]] = []
    weights: list[list[float]] = []
    for row in pairs:
        row.sort()
        neighbours.append([j for j, _ in row])
        weights.append([w for _, w in row])
    return neighbours, weights


def cue_labels(text: str) -> list[str]:
    """Which cues a sentence carries: request, deadline, contact, submission, greeting, related."""
    labels = []
    if REQUEST.search(text) and not NOT_REQUEST.search(text):
        labels.append("request")
    if DEADLINE.search(text):
        labels.append("deadline")
    if CONTACT.search(text):
        labels.append("contact")
    if SUBMISSION.search(text):
        labels.append("submission")
    if GREETING.search(text):
        labels.append("greeting")
    if RELATED.search(text):
        labels.append("related")
    if BOILERPLATE.search(text):
        labels.append("boilerplate")
    return labels


def rank_sentences(texts: list[str], bags: list[list[str]], *, title_terms: Sequence[str] = (),
                   weights: Weights = LETTER_WEIGHTS) -> list[Ranked]:
    """Score every sentence; the result is in input order."""
    centrality = textrank(bags)
    top = max(centrality, default=0.0) or 1.0
    title = set(title_terms)
    n = len(texts)
    ranked = []
    for i, (text, bag) in enumerate(zip(texts, bags)):
        cues = cue_labels(text)
        score = centrality[i] / top + weights.position * (1.0 - i / n)
        for cue in cues:
            score += getattr(weights, cue)
        if title and bag:
            terms = set(bag)
            overlap = len(title & terms) / len(title)
            if len(title & terms) >= 0.6 * len(terms) and overlap >= 0.5:
                # a line that repeats the 제목 (건명: …) tells the reader nothing new
                cues.append("restates-title")
                score += weights.restates_title
            elif overlap:
                cues.append("title")
                score += weights.title_overlap * overlap
        if len(text) < 12:
            cues.append("short")
            score += weights.short
        if sum(1 for t in set(bag) if not t.isdigit()) < 3:
            # a date, a time or a label/value cell ("2025. 6. 10.(화) 12:00 이후") says little alone
            cues.append("fragment")
            score += weights.fragment
        ranked.append(Ranked(i, score, centrality[i] / top, cues))
    return ranked


def select(ranked: list[Ranked], k: int, bags: list[list[str]] | None = None,
           redundancy: float = 0.7) -> list[Ranked]:
    """The ``k`` best sentences in document order, skipping near-repeats of chosen ones.

    A candidate whose terms overlap a chosen sentence's by more than ``redundancy``
    (Jaccard) is passed over while other candidates remain.
    """
    order = sorted(ranked, key=lambda r: (-r.score, r.index))
    chosen: list[Ranked] = []
    skipped: list[Ranked] = []
    sets = [set(b) for b in bags] if bags is not None else None
    for r in order:
        if len(chosen) >= k:
            break
        if sets is not None and any(_jaccard(sets[r.index], sets[c.index]) > redundancy
                                    for c in chosen):
            skipped.append(r)
            continue
        chosen.append(r)
    chosen += skipped[: max(k - len(chosen), 0)]
    return sorted(chosen, key=lambda r: r.index)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


__all__ = ["DOCUMENT_WEIGHTS", "LETTER_WEIGHTS", "Ranked", "Weights", "cue_labels",
           "rank_sentences", "select", "textrank"]
