"""Ranking: TextRank centrality plus request/deadline/contact cues picks what clerks need."""

import importlib.util

import pytest

from docextract.summaries.sentences import split_sentences
from docextract.summaries.textrank import cue_labels, rank_sentences, select, textrank
from docextract.summaries.tokenize import (KiwiSpacyTerms, LightTerms, choose_term_extractor,
                                           strip_korean_suffixes)

BODY = """1. 귀 기관의 무궁한 발전을 기원합니다.
2. 우리 부는 공공데이터 개방 확대를 위하여 기관별 개방 실적을 점검하고 있습니다.
3. 공공데이터 개방 실적은 매년 공공데이터 품질 평가와 개방 계획 수립에 활용됩니다.
4. 공공데이터 개방 실적 점검 결과는 기관별 개방 계획과 함께 공개됩니다.
5. 붙임 서식에 따라 개방 실적을 작성하여 2025. 7. 11.(금)까지 제출하여 주시기 바랍니다.
6. 공공데이터 개방 관련 자료는 누리집에서 참고하시기 바랍니다.
7. 문의: 공공데이터정책과 홍길동(☎ 044-205-2271)"""


def _rank(extractor, title="공공데이터 개방 실적 제출 요청"):
    sentences = split_sentences(BODY)
    bags = extractor.terms([s.text for s in sentences] + [title])
    title_terms = bags.pop()
    ranked = rank_sentences([s.text for s in sentences], bags, title_terms=title_terms)
    return sentences, ranked, bags


def test_cues():
    assert cue_labels("2025. 7. 11.(금)까지 제출하여 주시기 바랍니다.") == [
        "request", "deadline", "submission"]
    assert "request" not in cue_labels("누리집에서 참고하시기 바랍니다.")
    assert "request" not in cue_labels("결과를 붙임과 같이 송부합니다.")
    assert cue_labels("문의: 홍길동(☎ 044-205-2271)")[0] == "contact"
    assert "greeting" in cue_labels("귀 기관의 무궁한 발전을 기원합니다.")


def test_plain_textrank_prefers_the_central_background_sentence():
    sentences = split_sentences(BODY)
    rank = textrank(LightTerms().terms([s.text for s in sentences]))
    best = max(range(len(rank)), key=rank.__getitem__)
    assert "요청" not in sentences[best].text and "바랍니다" not in sentences[best].text


def test_boosted_ranking_picks_the_request_first_and_skips_the_greeting():
    sentences, ranked, bags = _rank(LightTerms())
    top = max(ranked, key=lambda r: r.score)
    assert sentences[top.index].text.endswith("제출하여 주시기 바랍니다.")
    chosen = [sentences[r.index].text for r in select(ranked, 3, bags)]
    assert len(chosen) == 3
    assert not any("무궁한 발전" in t for t in chosen)
    # the contact line is boosted past the greeting, which shares as few terms
    by_score = sorted(ranked, key=lambda r: -r.score)
    assert sentences[by_score[-1].index].text.startswith("귀 기관의")
    contact = next(r for r in ranked if sentences[r.index].text.startswith("문의"))
    greeting = next(r for r in ranked if sentences[r.index].text.startswith("귀 기관의"))
    assert contact.centrality == pytest.approx(greeting.centrality, abs=0.05)
    assert contact.score > greeting.score + 1.0
    # document order is kept
    assert chosen == [s.text for s in sentences if s.text in chosen]


def test_select_skips_near_repeats():
    texts = ["개방 실적을 제출하여 주시기 바랍니다.", "개방 실적을 제출하여 주시기 바랍니다!",
             "문의: 홍길동(☎ 044-205-2271)"]
    bags = LightTerms().terms(texts)
    ranked = rank_sentences(texts, bags)
    assert [r.index for r in select(ranked, 2, bags)] == [0, 2]


def test_textrank_of_nothing_and_isolated_sentences():
    assert textrank([]) == []
    assert textrank([["a"], ["b"]]) == [0.5, 0.5]


def _plain_pagerank(bags, damping=0.85, iterations=50, tolerance=1e-6):
    """TextRank written out edge by edge over every sentence pair (the definition)."""
    import math

    n = len(bags)
    sets = [set(b) for b in bags]
    w = [[len(sets[i] & sets[j]) / (math.log1p(len(sets[i])) + math.log1p(len(sets[j])))
          if i != j and sets[i] & sets[j] else 0.0 for j in range(n)] for i in range(n)]
    out = [sum(row) for row in w]
    rank = [1.0 / n] * n
    for _ in range(iterations):
        dangling = sum(rank[j] for j in range(n) if out[j] == 0.0)
        new = [(1.0 - damping + damping * dangling) / n
               + sum(w[i][j] * damping * rank[j] / out[j] for j in range(n) if out[j])
               for i in range(n)]
        delta = sum(abs(a - b) for a, b in zip(new, rank))
        rank = new
        if delta < tolerance:
            break
    return rank


def test_textrank_matches_the_definition_with_repeated_lines():
    # a form repeats its placeholder lines: each distinct term set is ranked once, and its
    # sentences must still rank as the pairwise definition says
    lines = BODY.splitlines() + ["내용을 입력하세요."] * 4 + ["공공데이터 개방 실적 점검", "내용"] \
        + ["공공데이터 개방 실적 점검"] * 2 + ["", ""]
    bags = LightTerms().terms(lines)
    assert len({frozenset(b) for b in bags}) < len(bags)
    got, want = textrank(bags), _plain_pagerank(bags)
    assert got == pytest.approx(want, rel=1e-12, abs=1e-15)
    assert got[7] == got[8] == got[9] == got[10]


def test_suffix_stripping():
    assert strip_korean_suffixes("공공데이터를") == "공공데이터"
    assert strip_korean_suffixes("제출하여") == "제출"
    assert strip_korean_suffixes("기관에서는") == "기관"
    assert LightTerms().terms(["제출하여 주시기 바랍니다"]) == [["제출"]]


def test_auto_mode_uses_rules_for_short_documents():
    extractor, warnings = choose_term_extractor("auto", 12)
    assert isinstance(extractor, LightTerms) and warnings == []


def test_auto_mode_loads_kiwi_only_for_long_documents():
    # the largest corpus HWP: 182 table cells, 3,477 characters over two pages
    short_prose, _ = choose_term_extractor("auto", 182, 3477)
    assert isinstance(short_prose, LightTerms)
    long_prose, _ = choose_term_extractor("auto", 400, 60000)
    assert not isinstance(long_prose, LightTerms)
    asked, _ = choose_term_extractor("kiwi", 12, 300)
    assert not isinstance(asked, LightTerms)


def test_verbose_says_which_tokenizer_ranked_the_summary():
    import subprocess
    import sys
    from pathlib import Path

    letter = Path(__file__).resolve().parents[2] / "samples" / "hwp" / "letter-01.hwp"
    done = subprocess.run([sys.executable, "-m", "docextract", "summarize", "--verbose", str(letter)],
                          capture_output=True, timeout=120)
    assert done.returncode == 0
    said = done.stderr.decode("utf-8")
    assert "tokenizer light" in said and "auto: Kiwi morphemes only for documents" in said


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError):
        choose_term_extractor("mecab", 3)


def test_missing_kiwipiepy_falls_back_with_a_warning(monkeypatch):
    import docextract.summaries.tokenize as tok

    monkeypatch.setattr(tok, "_installed", lambda name: name != "kiwipiepy")
    extractor, warnings = choose_term_extractor("kiwi", 100)
    assert not isinstance(extractor, KiwiSpacyTerms)
    assert warnings and "kiwipiepy" in warnings[0]


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("kiwipiepy") is None
                    or importlib.util.find_spec("spacy") is None,
                    reason="kiwipiepy and spacy (the nlp extra) are not installed")
def test_kiwi_spacy_pipeline_ranks_the_request_first():
    from docextract.summaries.tokenize import spacy_pipeline

    nlp = spacy_pipeline("kiwi")
    text = "2025. 7. 11.(금)까지 제출하여 주시기 바랍니다.\n 문의: hong@korea.kr"
    doc = nlp(text)
    assert doc.text == text
    assert [t.text for t in doc if t.tag_.startswith("VV")] == ["바랍니다"]
    assert KiwiSpacyTerms().terms(["개방 실적을 제출하여 주시기 바랍니다."]) == [["개방", "실적", "제출"]]
    sentences, ranked, _ = _rank(KiwiSpacyTerms())
    top = max(ranked, key=lambda r: r.score)
    assert sentences[top.index].text.endswith("제출하여 주시기 바랍니다.")
