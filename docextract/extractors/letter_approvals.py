"""The 결재선: drafter, reviewers, approver (with 전결/대결 and date) and cooperators.

Signers are 직위 + 서명 pairs; the role words are not printed, the order tells the role
(first = 기안자, last = 결재권자, between = 검토자). ``협조자`` is printed and its signers
follow it. Layouts handled: all signers on one line (``주무관 홍길동 과장 07/01 전결 박민정``),
a row of positions above a row of names (paired by table column when the rows are table
cells, else by order), and position and name in one cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..evidence import Evidence
from ..normalize.dates import parse_month_day
from .base import Found
from .letter_labels import LetterSpec
from .lines import Line

_MMDD = re.compile(r"^\d{1,2}/\d{1,2}$")
_NAME = re.compile(r"^[가-힣]{2,5}$|^(?=.{2,4}$)[가-힣]?○{1,3}[가-힣]?$")
_STOP = re.compile(r"^(?:시행|접수|우|우편번호|전화|전화번호|전송|팩스|팩스번호|FAX|공개구분)[:：]?$")


@dataclass
class Token:
    kind: str  # position | name | date | mark | cooperators | stop | other
    value: str
    line: Line
    start: int
    end: int
    col: int | None = None
    mark: str | None = None


@dataclass
class Signer:
    position: str | None = None
    name: str | None = None
    mark: str | None = None
    mmdd: str | None = None
    evidence: dict[str, Evidence] = field(default_factory=dict)


def tokenize(line: Line, spec: LetterSpec) -> list[Token]:
    """Classify the whitespace-separated tokens of a 결재 line."""
    out: list[Token] = []
    for m in re.finditer(r"\S+", line.text):
        raw, a, b = m.group(0), m.start(), m.end()
        col = line.segment_at(a)[1].col
        lead = len(raw) - len(raw.lstrip("★◎☆●"))
        tok = raw[lead:]
        a += lead
        if not tok:
            continue
        if tok in ("협조자", "협조"):
            out.append(Token("cooperators", tok, line, a, b, col))
        elif _STOP.match(tok):
            out.append(Token("stop", tok, line, a, b, col))
        elif _MMDD.match(tok):
            out.append(Token("date", tok, line, a, b, col))
        elif tok in ("전결", "대결", "代", "(전결)", "(대결)"):
            out.append(Token("mark", "대결" if "대" in tok or tok == "代" else "전결", line, a, b, col))
        elif tok.startswith("代") and len(tok) > 1:
            out.append(Token("name", tok[1:], line, a + 1, b, col, mark="대결"))
        elif spec.is_position(tok):
            out.append(Token("position", tok, line, a, b, col))
        elif _NAME.match(tok):
            out.append(Token("name", tok, line, a, b, col))
        else:
            out.append(Token("other", tok, line, a, b, col))
    return out


def _units(tokens: list[Token]) -> list[list[Token]]:
    """Name units of a names row: marks and dates attach to the name that follows or precedes."""
    units: list[list[Token]] = []
    cur: list[Token] = []
    for t in tokens:
        if t.kind == "name":
            cur.append(t)
            units.append(cur)
            cur = []
        elif t.kind in ("date", "mark"):
            cur.append(t)
    if cur and units:
        units[-1].extend(cur)
    return units


def _signer(position: Token | None, unit: list[Token]) -> Signer:
    s = Signer()
    if position is not None:
        s.position = position.value
        s.evidence["position"] = position.line.evidence(position.start, position.end, "approvals:position")
    for t in unit:
        if t.kind == "name":
            s.name = t.value
            s.mark = t.mark or s.mark
            s.evidence["name"] = t.line.evidence(t.start, t.end, "approvals:name")
        elif t.kind == "date":
            s.mmdd = t.value
            s.evidence["date"] = t.line.evidence(t.start, t.end, "approvals:mmdd")
        elif t.kind == "mark":
            s.mark = t.value
            s.evidence["mark"] = t.line.evidence(t.start, t.end, "approvals:mark")
    return s


def _inline(tokens: list[Token]) -> list[Signer]:
    """Signers from tokens in reading order: each position opens a signer; its date, mark and
    name follow (a mark printed before the position is carried over)."""
    signers: list[Signer] = []
    pending: list[Token] = []
    cur_pos: Token | None = None
    unit: list[Token] = []
    for k, t in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if (t.kind == "name" and t.mark is None and nxt is not None and nxt.kind in ("name", "date", "mark")
                and (any(u.kind == "name" for u in unit) or (cur_pos is None and not unit))):
            # names and positions alternate: a word outside the lexicon before a name is a position
            t = Token("position", t.value, t.line, t.start, t.end, t.col)
        if t.kind == "position":
            if cur_pos is not None or unit:
                signers.append(_signer(cur_pos, unit))
            cur_pos, unit = t, list(pending)
            pending = []
        elif t.kind in ("name", "date", "mark"):
            if cur_pos is None and t.kind != "name":
                pending.append(t)
                continue
            if t.kind == "name" and any(u.kind == "name" for u in unit):
                signers.append(_signer(cur_pos, unit))
                cur_pos, unit = None, []
            unit.append(t)
    if cur_pos is not None or unit:
        signers.append(_signer(cur_pos, unit))
    return signers


def _by_column(positions: list[Token], names: list[Token]) -> list[Signer] | None:
    """Pair a row of position cells with the name cells below them (same table columns)."""
    if any(t.col is None for t in positions + names):
        return None
    out = []
    for p in positions:
        span = p.line.segment_at(p.start)[1].col_span
        unit = [t for t in names if p.col is not None and t.col is not None
                and p.col <= t.col < p.col + span]
        out.append(_signer(p, _units(unit)[0] if _units(unit) else []))
    return out


def parse_signers(lines: list[Line], spec: LetterSpec) -> tuple[list[Signer], list[Signer]]:
    """(결재 signers in order, 협조자 signers) from the lines of the 결재 area."""
    rows = [tokenize(line, spec) for line in lines]
    signers: list[Signer] = []
    cooperators: list[Signer] = []
    i = 0
    coop_mode = False
    while i < len(rows):
        row = rows[i]
        if any(t.kind == "stop" for t in row):
            row = row[:next(k for k, t in enumerate(row) if t.kind == "stop")]
        if any(t.kind == "cooperators" for t in row):
            k = next(k for k, t in enumerate(row) if t.kind == "cooperators")
            signers.extend(_inline(row[:k]))
            cooperators.extend(_inline(row[k + 1:]))
            coop_mode = True
            i += 1
            continue
        target = cooperators if coop_mode else signers
        kinds = {t.kind for t in row}
        nxt = rows[i + 1] if i + 1 < len(rows) else []
        if ("position" in kinds and "name" not in kinds and nxt
                and any(t.kind == "name" for t in nxt)
                and not any(t.kind == "position" for t in nxt)):
            positions = [t for t in row if t.kind == "position"]
            paired = _by_column(positions, nxt)
            if paired is None:
                units = _units(nxt)
                paired = [_signer(p, units[k] if k < len(units) else [])
                          for k, p in enumerate(positions)]
            target.extend(paired)
            i += 2
            continue
        target.extend(_inline(row))
        i += 1
    named = [s for s in signers if s.name]
    # names printed as images leave positions only: keep them rather than lose the 결재선
    return (named or [s for s in signers if s.position]), [s for s in cooperators if s.name]


def _person(s: Signer, key: str, found: dict[str, Found]) -> dict[str, str | None]:
    for part in ("position", "name"):
        if part in s.evidence:
            found.setdefault(f"{key}.{part}", Found(None)).evidence.append(s.evidence[part])
    return {"position": s.position, "name": s.name}


def approvals(lines: list[Line], spec: LetterSpec, year: int | None) -> dict[str, Found]:
    """drafter, reviewers, approver and cooperators (with nested evidence keys)."""
    signers, coops = parse_signers(lines, spec)
    found: dict[str, Found] = {}
    if signers:
        first, last = signers[0], signers[-1]
        found["drafter"] = Found(_person(first, "drafter", found),
                                 [e for e in (first.evidence.get("position"),
                                              first.evidence.get("name")) if e])
        found["reviewers"] = Found([_person(s, f"reviewers.{k}", found)
                                    for k, s in enumerate(signers[1:-1])],
                                   [e for s in signers[1:-1] for e in s.evidence.values()])
        approver = _person(last, "approver", found)
        date = parse_month_day(last.mmdd, year) if last.mmdd and year else None
        approver.update({"mark": last.mark, "date": date})
        found["approver"] = Found(approver, list(last.evidence.values()))
        if "date" in last.evidence and date:
            found["approver.date"] = Found(None, [last.evidence["date"]])
        if "mark" in last.evidence:
            found["approver.mark"] = Found(None, [last.evidence["mark"]])
    found["cooperators"] = Found([{"position": s.position, "name": s.name} for s in coops],
                                 [e for s in coops for e in s.evidence.values()])
    return found


__all__ = ["Signer", "approvals", "parse_signers", "tokenize"]
