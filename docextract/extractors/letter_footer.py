"""The 결문 of a letter: sender (발신명의), 수신자 list, 시행/접수 numbers, address, contact line.

Each finder reads the lines after the body. Values may sit on plain lines or in table
cells (the line view separates cells with tabs, so every pattern here accepts any
whitespace between a label and its value).
"""

from __future__ import annotations

import re

from ..normalize.dates import parse_date
from ..normalize.disclosure import find_disclosure, parse_disclosure
from ..normalize.docnums import find_document_numbers
from ..normalize.phones import area_code_for_address, area_code_of, find_phones, normalize_phone
from ..normalize.text import collapse_glyph_spacing, collapse_ws, spaced_label
from .base import Found
from .letter_body import EMAIL
from .letter_head import split_outside_parens
from .letter_labels import LetterSpec
from .letter_layout import is_closing_line, is_sender_text
from .lines import Line

URL = re.compile(r"(?:https?:/{1,2}|www\.)[^\s/]*[^\s]*|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:go|or|ac|re|ne|co)\.kr\S*")


def find_sender(lines: list[Line], start: int, stop: int, spec: LetterSpec) -> tuple[int | None, Found]:
    """(line index, 발신명의) — the first agency-head line after the body."""
    for i in range(start, min(stop, start + 8)):
        line = lines[i]
        if is_closing_line(spec, line) or len(line.segments) != 1 or _signer_line(lines, i, stop, spec):
            continue
        text = line.printed
        if is_sender_text(spec, line.text):
            value = collapse_glyph_spacing(text).replace(" ", "") \
                if _all_single_glyphs(text) else collapse_glyph_spacing(text)
            return i, Found(value, [line.evidence(0, len(text), "sender:agency-head")])
    return None, Found(None)


_NAME_START = re.compile(r"^\s*(?:\d{1,2}/\d{1,2}\s+)?(?:전결\s+|대결\s+)?代?\s*[가-힣○]{2,4}(?:\s|$)")


def _signer_line(lines: list[Line], i: int, stop: int, spec: LetterSpec) -> bool:
    """True when line ``i`` belongs to the 결재선 rather than being the 발신명의.

    Agency heads (``국가정보원장``) and unit heads (``정책과장``) look alike; a 결재 line is
    a row of several positions, a marked position (``★주무관``), or a position whose name
    follows on the next line.
    """
    text = line_text = lines[i].text.strip()
    if text[:1] in "★◎☆":
        return True
    tokens = line_text.split()
    if sum(1 for t in tokens if spec.is_position(t)) >= 2:
        return True
    if len(tokens) == 1 and spec.is_position(text):
        nxt = next((ln.text for ln in lines[i + 1:stop] if ln.text.strip()), "")
        return bool(_NAME_START.match(nxt)) and not spec.label("recipient_list", nxt)
    return False


def _all_single_glyphs(text: str) -> bool:
    tokens = text.split()
    return len(tokens) >= 2 and all(len(t) == 1 for t in tokens)


def find_recipient_list(lines: list[Line], start: int, stop: int,
                        spec: LetterSpec) -> tuple[list[int], Found]:
    """(line indices, items) of the ``수신자`` line after 발신명의, wrapped lines joined."""
    for i in range(start, stop):
        m = spec.label("recipient_list", lines[i].text)
        if not m:
            continue
        value = lines[i].printed[m.end():]
        used = [i]
        evs = [lines[i].evidence(m.end(), len(lines[i].text), "recipients:수신자-line")]
        j = i + 1
        if not value.strip() and j < stop and not is_closing_line(spec, lines[j]):
            # the label cell read as its own line: the list is on the next line
            value = lines[j].printed
            evs = [lines[j].evidence(0, len(lines[j].text), "recipients:수신자-line")]
            used.append(j)
            j += 1
        while j < stop and _list_continues(value, lines[i], lines[j], spec):
            # a wrap inside a handling unit's parentheses splits one word (정보|화담당관)
            value += ("" if value.count("(") > value.count(")") else " ") + lines[j].printed.strip()
            evs.append(lines[j].evidence(0, len(lines[j].text), "recipients:continued"))
            used.append(j)
            j += 1
        items = [x for x in split_outside_parens(collapse_ws(value)) if not spec.refer_list.fullmatch(x)]
        return used, Found(items, evs)
    return [], Found([])


def _list_continues(value: str, first: Line, nxt: Line, spec: LetterSpec) -> bool:
    """Whether ``nxt`` continues a wrapped 수신자 list: after a comma, inside parentheses,
    or indented under the list (PDF); never a 결문 label line."""
    if is_closing_line(spec, nxt) or not nxt.text.strip():
        return False
    if value.count("(") > value.count(")") or value.rstrip().endswith(",") \
            or nxt.text.lstrip().startswith(","):
        return True
    return (first.x0 is not None and nxt.x0 is not None and nxt.table is None
            and nxt.x0 >= first.x0 + 15 and "/" not in nxt.text)


def _slot(spec: LetterSpec, field: str) -> re.Pattern[str]:
    """``<label> <rest of line>`` for the 시행/접수 labels of the spec, anywhere in a line."""
    labels = sorted((str(x) for x in spec.raw.get("labels", {}).get(field, [])), key=len, reverse=True)
    alternation = "|".join(spaced_label(x) for x in labels) or "(?!)"
    return re.compile(rf"(?:^|(?<=\s))(?:{alternation})(?=[\s:(]|$)\s*[:：]?\s*(?P<rest>.*)$", re.S)

_DATE_SLOT = re.compile(r"^\s*\(\s*(?P<date>[^()]*?)\s*\)")


def numbers(lines: list[Line], start: int, stop: int, spec: LetterSpec) -> dict[str, Found]:
    """document_number/enforcement_date and receipt_number/receipt_date from 시행/접수."""
    enforce, receipt = _slot(spec, "document_number"), _slot(spec, "receipt_number")
    out: dict[str, Found] = {}
    for i in range(start, stop):
        line = lines[i]
        for pattern, num_key, date_key in ((enforce, "document_number", "enforcement_date"),
                                           (receipt, "receipt_number", "receipt_date")):
            if num_key in out:
                continue
            m = pattern.search(line.text)
            if not m:
                continue
            rest_start = m.start("rest")
            rest = line.text[rest_start:]
            if not rest.strip() and i + 1 < stop:
                # the label cell read as its own line: the number is on the next line
                nxt = lines[i + 1]
                if not (enforce.match(nxt.text) or receipt.match(nxt.text)) and \
                        re.match(r"\s*[^\s()]+\s*-\s*\d|\s*\(", nxt.text):
                    line, rest_start, rest = nxt, 0, nxt.text
            other = receipt if pattern is enforce else enforce
            cut = other.search(rest)
            rest = rest[:cut.start()] if cut else rest
            nums = find_document_numbers(rest)
            if nums and nums[0].start < 40:
                n = nums[0]
                lead = rest[:n.number_start].strip()
                # a code before the department (NIA 기관-64) is part of the number as printed
                a = rest_start + (rest.find(lead) if lead and len(lead) <= 12 and "(" not in lead
                                  else n.number_start)
                b = rest_start + n.number_end
                number = re.sub(r"\s+", "", line.text[a:b])
                out[num_key] = Found(number, [line.evidence(a, b, f"{num_key}:label")])
                after = rest[n.number_end:]
            else:
                out[num_key] = Found(None)
                after = rest
            d = _DATE_SLOT.match(after)
            if d and d["date"].strip():
                iso = parse_date(d["date"])
                if iso:
                    a = rest_start + (len(rest) - len(after)) + d.start("date")
                    out[date_key] = Found(iso, [line.evidence(a, a + len(d["date"]), f"{date_key}:slot")])
            out.setdefault(date_key, Found(None))
    return out


def _postal(spec: LetterSpec) -> re.Pattern[str]:
    """``우 <postcode>`` with the spec's postal labels (``우``, ``우편번호``)."""
    labels = sorted((str(x) for x in spec.raw.get("labels", {}).get("postal_code", [])),
                    key=len, reverse=True)
    alternation = "|".join(spaced_label(x) for x in labels) or "(?!)"
    return re.compile(rf"(?:^|(?<=\s))(?:{alternation})\s*[:：]?\s*(?P<code>\d{{5}}|\d{{3}}-\d{{3}})(?!\d)")

_CUT = re.compile(r"\s/\s|\t/|/\s|(?:^|\s)(?:전화|☎|Tel|TEL|전송|팩스|FAX)(?=\s|:|\d|\()")


def address(lines: list[Line], start: int, stop: int, spec: LetterSpec) -> dict[str, Found]:
    """postal_code, address and homepage from the ``우 <postcode> <address> / <homepage>`` line."""
    postal = _postal(spec)
    for i in range(start, stop):
        line = lines[i]
        m = postal.search(line.text)
        if not m:
            continue
        out = {"postal_code": Found(m["code"].replace("-", ""),
                                    [line.evidence(m.start("code"), m.end("code"), "postal_code:우")])}
        rest_start = m.end()
        rest = line.text[rest_start:]
        url = URL.search(rest)
        cut = _CUT.search(rest)
        end = min([x.start() for x in (url, cut) if x] or [len(rest)])
        addr = collapse_ws(line.printed[rest_start:rest_start + end]).rstrip("/ ").strip()
        out["address"] = Found(addr or None,
                               [line.evidence(rest_start, rest_start + end, "address:after-postcode")]
                               if addr else [])
        if url:
            out["homepage"] = Found(line.printed[rest_start + url.start():rest_start + url.end()].rstrip(" ,;"),
                                    [line.evidence(rest_start + url.start(), rest_start + url.end(),
                                                   "homepage:url")])
        return out
    return {}


def contact_line(lines: list[Line], start: int, stop: int, spec: LetterSpec,
                 addr: str | None) -> dict[str, Found]:
    """phone, fax, email and disclosure from the 결문 contact line(s)."""
    out: dict[str, Found] = {}
    raw_phone: tuple[str, Line, int, int] | None = None
    raw_fax: tuple[str, Line, int, int] | None = None
    contact_at: int | None = None
    for i in range(start, stop):
        line = lines[i]
        text = line.text
        for key in ("phone", "fax"):
            if (key == "phone" and raw_phone) or (key == "fax" and raw_fax):
                continue
            for m in spec.anywhere[key].finditer(text):
                num = next((p for p in find_phones(text[m.end():m.end() + 40]) if p.start <= 3), None)
                if num:
                    item = (num.raw, line, m.end() + num.start, m.end() + num.end)
                    if key == "phone":
                        raw_phone = item
                    else:
                        raw_fax = item
                    break
        if "email" not in out:
            em = EMAIL.search(text)
            if em:
                contact_at = i if contact_at is None else contact_at
                out["email"] = Found(em.group(0).lower(), [line.evidence(em.start(), em.end(), "email:address")])
        dm = find_disclosure(text)
        if dm is not None:
            contact_at = i if contact_at is None else contact_at
            value = parse_disclosure(dm.group(0))
            out["disclosure"] = Found(value, [line.evidence(dm.start(), dm.end(), "disclosure:mark")])
    if raw_phone is None and contact_at is not None:
        # numbers printed without labels on the e-mail/disclosure line: phone, then fax
        line = lines[contact_at]
        found = find_phones(line.text)
        if found:
            raw_phone = (found[0].raw, line, found[0].start, found[0].end)
        if len(found) > 1 and raw_fax is None:
            raw_fax = (found[1].raw, line, found[1].start, found[1].end)
    fax_number = normalize_phone(raw_fax[0]) if raw_fax else None
    area = area_code_of(fax_number) or area_code_for_address(addr)
    if raw_phone:
        out["phone"] = Found(normalize_phone(raw_phone[0], area_code=area),
                             [raw_phone[1].evidence(raw_phone[2], raw_phone[3], "phone:label")])
    if raw_fax:
        fax_area = area_code_of(out["phone"].value) if "phone" in out else None
        out["fax"] = Found(normalize_phone(raw_fax[0], area_code=fax_area or area_code_for_address(addr)),
                           [raw_fax[1].evidence(raw_fax[2], raw_fax[3], "fax:label")])
    return out


__all__ = ["address", "contact_line", "find_recipient_list", "find_sender", "numbers"]
