"""The 결재란: drafter, reviewers, approver (with 전결/대결 and the 결재일) and cooperators.

Signers are printed as 직위 + 서명 pairs; the role words are not printed, the order tells the
role (first = 기안자, last = 결재권자, between = 검토자). ``협조자`` is printed and its signers
follow it. Marks: ``代``/``대결`` before a name (acting approval), ``전결`` (delegated final
approval), ``★`` (발의자) and ``◎`` (보고자) before a position, ``MM/DD`` beside the final
approver (the 결재일, completed with the document's year).

Layouts read:

* a 결재란 table, in any arrangement of its cells: positions and names side by side, a row
  of positions above a row of names, a date cell between a position and its name, or
  position and name in one cell. The table's signer rows are read column by column (cells
  in the order a reader's eye pairs them: left to right, top to bottom within a column),
  so every arrangement gives the same sequence ``position, [date], name, position, ...``;
* signers on plain lines, all on one line (``주무관 홍길동 과장 07/01 전결 박민정``) or a line of
  positions above a line of names.

Option ``exclude: [fields]`` skips the lines other fields were read from (the 발신명의 and the
수신자 list above a 결재란). Lexicons: ``positions`` (exact words), ``position_suffixes`` (a unit name plus one of them is
a position: ``공공데이터정책과장``); pattern ``grade`` (``행정7급``). A word outside the
lexicons is still read as a position where the sequence needs one (a name follows it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...evidence import Evidence
from ...model import Cell, Table
from ...normalize.dates import parse_month_day
from ..base import Found
from ..context import FindContext
from ..lines import Line, Segment
from ..masks import is_masked
from ..positions import SIGNER_MARKS, Positions
from ..spec_types import FieldSpec
from . import finder

_MMDD = re.compile(r"^\d{1,2}/\d{1,2}$")
_NAME = re.compile(r"^[가-힣]{2,5}$|^(?=.{2,4}$)[가-힣]?[○*]{1,3}[가-힣]?$|^\*{2,5}$")
_DAEGYEOL = ("대결", "代", "(대결)")
_JEONGYEOL = ("전결", "(전결)")


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


class Lexicon:
    """The position words of a spec and the labels that end the 결재란."""

    def __init__(self, ctx: FindContext, field: FieldSpec) -> None:
        ctx.lexicon("positions")  # an error naming the spec when it has none
        self.positions = ctx.cached("positions", lambda: Positions(ctx.spec))
        self.ctx = ctx
        self.cooperators = str(field.option("cooperators_label", "cooperators"))
        self.stops = tuple(field.option("stop_labels") or ctx.spec.lexicons.get("closing_labels", ()))

    def is_position(self, token: str) -> bool:
        return bool(self.positions.is_position(token))

    def _whole_label(self, key: str, token: str) -> bool:
        m = self.ctx.spec.labels.at_start(key, token)
        return m is not None and not token[m.end():].strip()

    def is_stop(self, token: str) -> bool:
        """A token that is a whole 결문 label (``시행``, ``우``, ``전화``): the 결재란 ends."""
        return any(self._whole_label(k, token) for k in self.stops)

    def is_cooperators(self, token: str) -> bool:
        return self._whole_label(self.cooperators, token)


def tokenize(line: Line, lex: Lexicon, start: int = 0, end: int | None = None) -> list[Token]:
    """Classify the whitespace-separated tokens of ``line.text[start:end]``."""
    out: list[Token] = []
    for m in re.finditer(r"\S+", line.text[:end] if end is not None else line.text):
        if m.start() < start:
            continue
        raw, a, b = m.group(0), m.start(), m.end()
        col = line.segment_at(a)[1].col
        lead = len(raw) - len(raw.lstrip(SIGNER_MARKS))
        tok = raw[lead:]
        a += lead
        if not tok:
            continue
        if lex.is_cooperators(tok):
            out.append(Token("cooperators", tok, line, a, b, col))
        elif lex.is_stop(tok):
            out.append(Token("stop", tok, line, a, b, col))
        elif _MMDD.match(tok):
            out.append(Token("date", tok, line, a, b, col))
        elif tok in _DAEGYEOL or tok in _JEONGYEOL:
            out.append(Token("mark", "대결" if tok in _DAEGYEOL else "전결", line, a, b, col))
        elif tok.startswith("代") and len(tok) > 1:
            out.append(Token("name", tok[1:], line, a + 1, b, col, mark="대결"))
        elif lex.is_position(tok):
            out.append(Token("position", tok, line, a, b, col))
        elif _NAME.match(tok):
            out.append(Token("name", tok, line, a, b, col))
        else:
            out.append(Token("other", tok, line, a, b, col))
    return out


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


def sequence(tokens: list[Token]) -> list[Signer]:
    """Signers from tokens in reading order: each position opens a signer; its date, mark
    and name follow (a mark printed before the position is carried over). A word outside
    the lexicon where a position must stand (before a name, after a completed signer) is a
    position."""
    signers: list[Signer] = []
    pending: list[Token] = []
    cur_pos: Token | None = None
    unit: list[Token] = []
    for k, t in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        has_name = any(u.kind == "name" for u in unit)
        if (t.kind in ("name", "other") and t.mark is None and nxt is not None
                and nxt.kind in ("name", "date", "mark")
                and (has_name or (cur_pos is None and not unit))):
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
            if t.kind == "name" and has_name:
                signers.append(_signer(cur_pos, unit))
                cur_pos, unit = None, []
            unit.append(t)
    if cur_pos is not None or unit:
        signers.append(_signer(cur_pos, unit))
    return signers


# ----------------------------------------------------------------------------- tables

def _grid_tokens(table: Table, lines: list[Line], lex: Lexicon) -> tuple[list[Token], list[Token]]:
    """(signer tokens, cooperator tokens) of a 결재란 table, read column by column within the
    band of signer rows; the 협조자 row is read left to right."""
    # every cell's tokens, from the region's lines (segments carry their cell's path)
    cell_tokens: dict[str, list[Token]] = {}
    for line in lines:
        for offset, seg in _segments_with_offsets(line):
            cell_path = seg.path.rsplit("/b", 1)[0]
            cell_tokens.setdefault(cell_path, []).extend(
                tokenize(line, lex, offset, offset + len(seg.text)))
    rows: dict[int, list[Cell]] = {}
    for cell in table.cells():
        if cell_tokens.get(cell.prov.path):
            rows.setdefault(cell.row, []).append(cell)
    band: list[Cell] = []
    coop: list[Token] = []
    in_band = False
    band_end = -1
    for r in sorted(rows):
        toks = [t for c in sorted(rows[r], key=lambda c: c.col) for t in cell_tokens[c.prov.path]]
        kinds = {t.kind for t in toks}
        if "cooperators" in kinds:
            k = next(i for i, t in enumerate(toks) if t.kind == "cooperators")
            coop.extend(t for t in toks[k + 1:] if t.kind not in ("stop",))
            break
        if "stop" in kinds:
            break
        signer_row = bool(kinds & {"position", "date"}) or (
            in_band and r <= band_end + 1 and bool(kinds & {"name", "mark"}))
        signer_row = signer_row and not (kinds - {"position", "date", "name", "mark", "other"})
        if not signer_row:
            if in_band:
                break
            continue
        in_band = True
        for c in rows[r]:
            band.append(c)
            band_end = max(band_end, c.row + c.row_span - 1)
    band.sort(key=lambda c: (c.col, c.row))
    tokens = [t for c in band for t in cell_tokens[c.prov.path]]
    return tokens, coop


def _segments_with_offsets(line: Line) -> list[tuple[int, Segment]]:
    out = []
    pos = 0
    for seg in line.segments:
        out.append((pos, seg))
        pos += len(seg.text) + 1
    return out


def parse_signers(ctx: FindContext, lines: list[Line], lex: Lexicon) -> tuple[list[Signer], list[Signer]]:
    """(결재 signers in order, 협조자 signers) from the lines of the 결재 area."""
    signers: list[Signer] = []
    cooperators: list[Signer] = []
    i = 0
    coop_mode = False
    while i < len(lines):
        line = lines[i]
        if line.table is not None:
            j = i
            while j < len(lines) and lines[j].table == line.table:
                j += 1
            table = ctx.doc.find(line.table)
            if isinstance(table, Table):
                toks, coop = _grid_tokens(table, lines[i:j], lex)
                found = sequence(toks)
                if found:
                    signers.extend(found)
                    cooperators.extend(sequence(coop))
                    i = j
                    continue
        row = tokenize(line, lex)
        if any(t.kind == "stop" for t in row):
            row = row[:next(k for k, t in enumerate(row) if t.kind == "stop")]
        if any(t.kind == "cooperators" for t in row):
            k = next(k for k, t in enumerate(row) if t.kind == "cooperators")
            signers.extend(sequence(row[:k]))
            cooperators.extend(sequence(row[k + 1:]))
            coop_mode = True
            i += 1
            continue
        target = cooperators if coop_mode else signers
        kinds = {t.kind for t in row}
        nxt = tokenize(lines[i + 1], lex) if i + 1 < len(lines) else []
        if ("position" in kinds and "name" not in kinds and nxt
                and any(t.kind == "name" for t in nxt)
                and not any(t.kind == "position" for t in nxt)):
            # a line of positions above a line of names: pair them in order
            positions = [t for t in row if t.kind == "position"]
            target.extend(sequence([t for pair in _pair_rows(positions, nxt) for t in pair]))
            i += 2
            continue
        target.extend(sequence(row))
        i += 1
    named = [s for s in signers if s.name]
    # names printed as images leave positions only: keep them rather than lose the 결재선
    return (named or [s for s in signers if s.position]), [s for s in cooperators if s.name]


def _pair_rows(positions: list[Token], names_row: list[Token]) -> list[list[Token]]:
    """Interleave a positions row with the name units of the next row, in order."""
    units: list[list[Token]] = []
    cur: list[Token] = []
    for t in names_row:
        if t.kind == "name":
            cur.append(t)
            units.append(cur)
            cur = []
        elif t.kind in ("date", "mark"):
            cur.append(t)
    if cur and units:
        units[-1].extend(cur)
    return [[p, *(units[k] if k < len(units) else [])] for k, p in enumerate(positions)]


def signer_line(ctx: FindContext, lines: list[Line], i: int, lex: Lexicon) -> bool:
    """True when ``lines[i]`` belongs to the 결재선 rather than being a 발신명의: a row of
    several positions, a marked position (``★주무관``), or a position whose name follows."""
    text = lines[i].text.strip()
    if text[:1] in "★◎☆":
        return True
    tokens = text.split()
    if sum(1 for t in tokens if lex.is_position(t)) >= 2:
        return True
    if len(tokens) == 1 and lex.is_position(text):
        nxt = next((ln.text for ln in lines[i + 1:] if ln.text.strip()), "")
        if any(ctx.label(k, nxt) for k in lex.stops):
            return False  # an agency head (국가정보원장) above the 수신자 list, not a signer
        return bool(re.match(r"^\s*(?:\d{1,2}/\d{1,2}\s+)?(?:전결\s+|대결\s+)?代?\s*[가-힣○]{2,4}(?:\s|$)", nxt))
    return False


def _person(s: Signer, key: str, nested: dict[str, Found]) -> dict[str, str | None]:
    for part in ("position", "name"):
        if part in s.evidence:
            nested.setdefault(f"{key}.{part}", Found(None)).evidence.append(s.evidence[part])
    return {"position": s.position, "name": s.name, "mark": s.mark}


@finder("approvals", multi=True)
def approvals(ctx: FindContext, field: FieldSpec) -> dict[str, Found]:
    """``drafter``, ``reviewers``, ``approver`` and ``cooperators`` (plus nested evidence)."""
    lex = Lexicon(ctx, field)
    skip = ctx.lines_used_by(list(field.option("exclude") or ()))
    lines = [line for i, line in ctx.region_lines(field.region) if i not in skip]
    signers, coops = parse_signers(ctx, lines, lex)
    out: dict[str, Found] = {}
    roles = ["drafter"] + ["reviewers"] * (len(signers) - 2) + (["approver"] if len(signers) > 1 else [])
    for role, s in [*zip(roles, signers), *(("cooperators", c) for c in coops)]:
        if s.name and is_masked(s.name, strict=True):
            ctx.warn_masked(role, s.name)
            s.name = None
    if signers:
        first, last = signers[0], signers[-1]
        out["drafter"] = Found(_person(first, "drafter", out),
                               [e for e in (first.evidence.get("position"), first.evidence.get("name")) if e])
        out["reviewers"] = Found([_person(s, f"reviewers.{k}", out) for k, s in enumerate(signers[1:-1])],
                                 [e for s in signers[1:-1] for e in s.evidence.values()])
        approver = _person(last, "approver", out)
        year = ctx.year()
        date = parse_month_day(last.mmdd, year) if last.mmdd and year else None
        approver["date"] = date
        out["approver"] = Found(approver, list(last.evidence.values()))
        if "date" in last.evidence and date:
            out["approver.date"] = Found(None, [last.evidence["date"]])
        if "mark" in last.evidence:
            out["approver.mark"] = Found(None, [last.evidence["mark"]])
    out["cooperators"] = Found([{"position": s.position, "name": s.name, "mark": s.mark} for s in coops],
                               [e for s in coops for e in s.evidence.values()])
    return out


__all__ = ["Lexicon", "Signer", "Token", "approvals", "parse_signers", "sequence", "signer_line",
           "tokenize"]
