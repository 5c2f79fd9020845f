"""Documents with known structure, for the structure benchmark (``make bench``) and tests.

Each :class:`StructureDoc` is headings, paragraphs and tables in reading order. Its
Markdown (:meth:`StructureDoc.markdown`) is the ground truth; :mod:`samples.writers.markdown_pdf`
prints it as a PDF, in one or two columns, with its tables ruled or borderless, with or
without space glyphs between words (some producers position every word and draw no
space). The text is English or Korean, built from the word lists below with a seeded
random generator, so the same seed gives the same documents.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Grid:
    """A table: the first row is its header row."""

    rows: tuple[tuple[str, ...], ...]


Block = Union[Heading, Text, Grid]


@dataclass
class StructureDoc:
    """One document: blocks and how to print them."""

    name: str
    lang: str  # "en" | "ko"
    columns: int  # 1 | 2
    ruled: bool  # tables drawn with ruling lines
    space_glyphs: bool = True
    blocks: list[Block] = field(default_factory=list)
    pad: float = 6.0  # points of padding in a table cell (columns are twice that apart)
    numbers_right: bool = False  # numbers right-aligned in their cells

    def markdown(self) -> str:
        """The ground truth: ``#`` headings, paragraphs, GFM tables."""
        out = []
        for block in self.blocks:
            if isinstance(block, Heading):
                out.append("#" * block.level + " " + block.text)
            elif isinstance(block, Text):
                out.append(block.text)
            else:
                header, *rows = block.rows
                lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
                lines += ["| " + " | ".join(row) + " |" for row in rows]
                out.append("\n".join(lines))
        return "\n\n".join(out) + "\n"

    def words(self) -> set[str]:
        """Every word the document's text uses, lower-cased (letters only)."""
        found: set[str] = set()
        for block in self.blocks:
            texts = [c for row in block.rows for c in row] if isinstance(block, Grid) else [block.text]
            for text in texts:
                for token in text.split():
                    word = "".join(ch for ch in token if ch.isalpha()).lower()
                    if word:
                        found.add(word)
        return found


# English: sentences built from subjects, verbs and objects full of "of the", "to the",
# "in the", "and the" (the pairs a PDF without space glyphs glues together).
EN_SUBJECTS = ("The committee", "The board of the agency", "Each member of the council",
               "The office", "The head of the department", "The staff of the office",
               "The review team", "The minister", "A panel of experts", "The city")
EN_VERBS = ("will submit", "has reviewed", "must report", "is going to present", "approved",
            "sent", "will publish", "discussed", "has prepared", "is asked to send")
EN_OBJECTS = ("the results of the survey to the board", "a plan for the use of the fund",
              "the report on the state of the roads", "the list of the members to the office",
              "the budget of the year in the first week", "a summary of the data and the maps",
              "the terms of the contract to all of the parties",
              "the name of the organization and the date of the meeting",
              "a copy of the letter to each of the regions", "the minutes of the last session")
EN_TAILS = ("before the end of the month", "in the second quarter", "at the request of the mayor",
            "as part of the annual review", "on the basis of the new rules", "within two weeks",
            "for the approval of the council", "and the public can read it online")
EN_TOPICS = ("Budget", "Regional Offices", "Public Data", "Road Safety", "Water Supply",
             "Staff Training", "Digital Services", "Housing", "Energy Use", "Waste Collection")
EN_ASPECTS = ("Background", "Scope", "Methods", "Findings", "Next Steps", "Schedule",
              "Costs", "Risks", "Partners", "Results")
EN_REGIONS = ("North", "South", "East", "West", "Central", "Coastal", "Highland", "Harbour")

# Korean: 개조식 and sentence endings, agency vocabulary.
KO_SUBJECTS = ("행정안전부는", "각 시·도는", "위원회는", "담당 부서는", "소관 기관은", "사업단은",
               "지방자치단체는", "추진단은")
KO_OBJECTS = ("공공데이터 개방 실적을", "지역별 추진 현황을", "예산 집행 결과를", "현장 점검 결과를",
              "주민 의견 수렴 결과를", "시스템 개선 계획을", "교육 운영 실적을", "관련 통계 자료를")
KO_VERBS = ("제출하여야 한다.", "매 분기 공개한다.", "검토하여 보고한다.", "정비하기로 하였다.",
            "점검할 계획이다.", "관계 기관과 공유한다.", "누리집에 게시한다.", "다음 달까지 마련한다.")
KO_TAILS = ("올해 상반기 중", "관계 법령에 따라", "예산 범위에서", "필요한 경우", "위원회 심의를 거쳐",
            "지역 여건을 고려하여")
KO_TOPICS = ("공공데이터 품질관리", "지역 안전문화 확산", "생활폐기물 감량", "디지털 민원 서비스",
             "청년 일자리 지원", "도시재생 뉴딜", "재난안전 통신망", "기록물 관리 혁신")
KO_ASPECTS = ("추진 배경", "주요 내용", "추진 일정", "기대 효과", "향후 계획", "예산 현황",
              "협력 체계", "세부 과제")
KO_REGIONS = ("서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종")


def _sentence(rng: random.Random, lang: str) -> str:
    if lang == "en":
        parts = [rng.choice(EN_SUBJECTS), rng.choice(EN_VERBS), rng.choice(EN_OBJECTS)]
        if rng.random() < 0.6:
            parts.append(rng.choice(EN_TAILS))
        return " ".join(parts) + "."
    parts = [rng.choice(KO_SUBJECTS)]
    if rng.random() < 0.6:
        parts.append(rng.choice(KO_TAILS))
    parts += [rng.choice(KO_OBJECTS), rng.choice(KO_VERBS)]
    return " ".join(parts)


def _paragraph(rng: random.Random, lang: str) -> Text:
    return Text(" ".join(_sentence(rng, lang) for _ in range(rng.randint(2, 4))))


def _table(rng: random.Random, lang: str, n_cols: int, notes: bool = False) -> Grid:
    """Regions with counts and amounts; with ``notes``, a last column of a few words
    that a narrow column wraps onto a second line."""
    regions = list(EN_REGIONS if lang == "en" else KO_REGIONS)
    rng.shuffle(regions)
    if lang == "en":
        header = ("Region", "Offices", "Staff", "Budget (million)", "Share")[:n_cols]
        remarks = ("new office opened in May", "two sites merged", "under review", "none",
                   "staff moved to the city hall")
    else:
        header = ("지역", "기관 수", "인원", "예산(백만원)", "비율")[:n_cols]
        remarks = ("5월 신규 개소", "2개 기관 통합", "검토 중", "해당 없음", "본청으로 인력 이동")
    if notes:
        header = header + (("Notes",) if lang == "en" else ("비고",))
    rows = [header]
    for region in regions[:rng.randint(4, 6)]:
        offices = rng.randint(3, 60)
        cells = (region, str(offices), f"{offices * rng.randint(8, 40):,}",
                 f"{rng.randint(100, 9000):,}", f"{rng.randint(1, 40)}.{rng.randint(0, 9)}%")
        rows.append(cells[:n_cols] + ((rng.choice(remarks),) if notes else ()))
    return Grid(tuple(tuple(r) for r in rows))


def structure_doc(name: str, lang: str, columns: int, ruled: bool, seed: int,
                  space_glyphs: bool = True) -> StructureDoc:
    """A report: title, three sections with a subsection each, paragraphs and two tables
    (in one column the second has a notes column); cell padding and the alignment of
    numbers vary with the seed."""
    rng = random.Random(seed)
    topics = EN_TOPICS if lang == "en" else KO_TOPICS
    aspects = list(EN_ASPECTS if lang == "en" else KO_ASPECTS)
    rng.shuffle(aspects)
    topic = rng.choice(topics)
    title = (f"Annual Report on {topic}" if lang == "en" else f"{topic} 추진 계획")
    blocks: list[Block] = [Heading(1, title), _paragraph(rng, lang)]
    table_cols = 4 if columns == 1 else 3
    for i in range(3):
        blocks.append(Heading(2, f"{i + 1}. {aspects[2 * i]}"))
        blocks.append(_paragraph(rng, lang))
        if i in (0, 2):
            blocks.append(_table(rng, lang, table_cols, notes=i == 2 and columns == 1))
        blocks.append(Heading(3, f"{i + 1}.1 {aspects[2 * i + 1]}"))
        blocks.append(_paragraph(rng, lang))
        blocks.append(_paragraph(rng, lang))
    return StructureDoc(name, lang, columns, ruled, space_glyphs, blocks,
                        pad=rng.choice((4.0, 5.0, 6.0)), numbers_right=rng.random() < 0.5)


def structure_docs(seed: int = 16) -> list[StructureDoc]:
    """The benchmark set: English and Korean, one and two columns, ruled and borderless
    tables, and English without space glyphs."""
    docs = []
    n = 0
    for lang in ("en", "ko"):
        for columns in (1, 2):
            for ruled in (True, False):
                n += 1
                docs.append(structure_doc(f"{lang}-{columns}col-{'ruled' if ruled else 'borderless'}",
                                          lang, columns, ruled, seed * 100 + n))
    for columns in (1, 2):
        n += 1
        docs.append(structure_doc(f"en-{columns}col-nospace", "en", columns, False, seed * 100 + n,
                                  space_glyphs=False))
    return docs


__all__ = ["Block", "Grid", "Heading", "StructureDoc", "Text", "structure_doc", "structure_docs"]
