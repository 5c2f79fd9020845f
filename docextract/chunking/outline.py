"""The outline of a document: which paragraphs open a heading or 항목, and how deep.

A paragraph opens an outline entry when the parser read it as a heading (its
``heading``, else the format's ``outline_level``) or when it starts with an item marker. Markers are ranked in one
order that follows both conventions of Korean official writing:

* 공문 (시행규칙 항목 구분): ``1.`` → ``가.`` → ``1)`` → ``가)`` → ``(1)`` → ``(가)`` → ``①``;
* 보고서 (개조식): ``Ⅰ.`` → ``□`` → ``○``/``ㅇ`` → ``-`` → ``·``.

Roman numerals head both; the 붙임 list heads its own numbered items. Headings the
format marks outrank every marker, so a new heading closes every open item. An entry
closes the entries at its own rank and below; a marker already open further up closes
back to it (a sibling), whatever its rank, so documents that mix the two orders still
nest the way they are printed. ``끝.`` closes everything: the 결문 is in no item.

법령-style documents (규정, 고시: at least :data:`LAW_MIN_ARTICLES` articles ``제N조``)
rank their own way: 편 → 장 → 절 → 관 → 조 → ① → 1. → 가.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Paragraph, Role
from ..normalize.markers import item_marker, latin_roman, law_unit
from ..summaries.sentences import ATTACHMENT_LABEL, END_MARK

# Marker kinds in rank order; the index is the rank.
KINDS = ("attachments", "roman", "num.", "syl.", "num)", "syl)", "(num)", "(syl)", "circled",
         "box", "circle", "dash", "dot")
# 법령, 규정 and 고시 nest 편 → 장 → 절 → 관 → 조 → 항 (①) → 호 (1.) → 목 (가.).
LAW_KINDS = ("attachments", "편", "장", "절", "관", "조", "circled", "num.", "syl.", "num)",
             "syl)", "(num)", "(syl)", "roman", "box", "circle", "dash", "dot")
_RANK = {kind: i for i, kind in enumerate(KINDS)}
_LAW_RANK = {kind: i for i, kind in enumerate(LAW_KINDS)}
# the caption of an article, as in 제1조(목적)
_ARTICLE_CAPTION = re.compile(r"\s*[(（][^)）]{1,40}[)）]")
LAW_MIN_ARTICLES = 2
"""Articles (``제1조(목적)``) a document needs before its items are read in the law order."""

_LABEL_CUT = re.compile(r"\s*[:：]\s|(?<=[^\W\d_][.?!])\s")
LABEL_CHARS = 40
"""A breadcrumb entry is the item's text up to its first colon or sentence end, at most
this many characters (cut at a word boundary, with an ellipsis)."""


# normalize.markers kinds → the kinds above; bullets by their rank in the 개조식 order
_KIND_NAMES = {"roman": "roman", "number": "num.", "syllable": "syl.", "number_paren": "num)",
               "syllable_paren": "syl)", "paren_number": "(num)", "paren_syllable": "(syl)",
               "circled": "circled", "circled_syllable": "circled"}
_BULLET_KINDS = {1: "box", 2: "circle", 3: "dash", 4: "dot", 5: "dot"}


def marker_kind(text: str) -> str | None:
    """The kind of item marker ``text`` starts with (``"num."`` for ``1.``), or None."""
    if latin_roman(text) is not None:
        return "roman"
    m = item_marker(text)
    if m is None or m.text == "※":
        return None  # no marker, or a note (never a heading)
    if m.kind == "bullet":
        return _BULLET_KINDS.get(m.rank)
    return _KIND_NAMES.get(m.kind)


@dataclass(frozen=True)
class Opening:
    """A paragraph that opens an outline entry: its rank key, kind and breadcrumb label."""

    key: tuple[int, int]
    """(0, level) for a format heading, (1, marker rank) for an item; smaller is higher."""
    kind: str
    label: str


def is_article(paragraph: Paragraph) -> bool:
    """Whether ``paragraph`` starts a 조문 (``제3조(적용범위) …``)."""
    unit = law_unit(paragraph.text)
    return unit is not None and unit[0] == "조" and paragraph.role is Role.BODY


def opening(paragraph: Paragraph, *, law: bool = False) -> Opening | None:
    """The outline entry ``paragraph`` opens, or None for running text; ``law`` ranks
    items in the order of 법령 (조 → ① → 1. → 가.)."""
    if paragraph.role is not Role.BODY:
        return None  # headers, notes and captions never structure the body
    text = paragraph.text.strip()
    if not text:
        return None
    level = paragraph.heading if paragraph.heading is not None else paragraph.outline_level
    if level is not None:
        return Opening((0, level), f"h{level}", label(text))
    ranks = _LAW_RANK if law else _RANK
    if ATTACHMENT_LABEL.match(text):
        return Opening((1, ranks["attachments"]), "attachments", "붙임")
    unit = law_unit(text) if law else None
    if unit is not None and unit[0] in ("편", "장", "절", "관"):
        return Opening((1, ranks[unit[0]]), unit[0], label(text))
    if unit is not None and unit[0] == "조":
        caption = _ARTICLE_CAPTION.match(text, unit[1])
        end = caption.end() if caption else unit[1]
        return Opening((1, ranks["조"]), "조", " ".join(text[:end].split()))
    kind = marker_kind(text)
    if kind is None:
        return None
    return Opening((1, ranks[kind]), kind, label(text))


def label(text: str) -> str:
    """The breadcrumb form of an item: up to its first colon or sentence end, shortened."""
    text = re.sub(r"\s+", " ", text.strip())
    roman = latin_roman(text)
    marker = item_marker(text)
    after = roman if roman is not None else (marker.end if marker else 0)
    while after < len(text) and text[after] == " ":
        after += 1
    cut = _LABEL_CUT.search(text, after)
    if cut is not None and cut.start() > 0:
        text = text[:cut.start()].rstrip(" :：")
    if len(text) <= LABEL_CHARS:
        return text
    space = text.rfind(" ", 0, LABEL_CHARS)
    return text[:space if space > LABEL_CHARS // 2 else LABEL_CHARS].rstrip() + "…"


def closes_body(paragraph: Paragraph) -> bool:
    """Whether ``paragraph`` ends the body with ``끝.`` (or 이하 빈칸): the 결문 after it
    belongs to no item."""
    if paragraph.role is not Role.BODY:
        return False
    m = END_MARK.search(paragraph.text)
    return m is not None and (m.start() == 0 or paragraph.text[m.start() - 1].isspace()
                              or paragraph.text[m.start()].isspace())


__all__ = ["KINDS", "LABEL_CHARS", "LAW_KINDS", "LAW_MIN_ARTICLES", "Opening", "closes_body",
           "is_article", "label", "marker_kind", "opening"]
