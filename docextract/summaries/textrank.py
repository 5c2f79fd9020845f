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
from dataclasses import dataclass, field
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
    sets = [set(b) for b in bags]
    index: dict[str, list[int]] = {}
    for i, terms in enumerate(sets):
        for t in terms:
            index.setdefault(t, []).append(i)
    edges: list[dict[int, float]] = [{} for _ in range(n)]
    for i in range(n):
        if not sets[i]:
            continue
        partners = {j for t in sets[i] for j in index[t] if j > i}
        for j in partners:
            shared = len(sets[i] & sets[j])
            # log(1 + |W|) keeps one-term sentences from dividing by zero
            w = shared / (math.log1p(len(sets[i])) + math.log1p(len(sets[j])))
            edges[i][j] = edges[j][i] = w
    out_weight = [sum(e.values()) for e in edges]
    rank = [1.0 / n] * n
    for _ in range(iterations):
        # a sentence sharing no term with any other spreads its rank evenly (dangling node)
        dangling = sum(rank[j] for j in range(n) if out_weight[j] == 0.0)
        new = [(1.0 - damping + damping * dangling) / n] * n
        for j in range(n):
            if out_weight[j] == 0.0:
                continue
            share = damping * rank[j] / out_weight[j]
            for i, w in edges[j].items():
                new[i] += w * share
        delta = sum(abs(a - b) for a, b in zip(new, rank))
        rank = new
        if delta < tolerance:
            break
    return rank


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
