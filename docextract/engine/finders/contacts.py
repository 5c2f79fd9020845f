"""Contacts: the people to ask, and an agency's postal and contact lines.

``contacts``        people named in contact items of the region (``문의: 공공데이터정책과 주무관
                    홍길동(☎ 044-205-2271, hong@korea.kr)``): department, position, name,
                    phone, email. Option ``fallback: closing`` builds one contact from the
                    letter's 결문 (처리과 of the document number, the drafter, the footer's
                    phone and e-mail) when the body names none. Option ``anywhere: true``
                    also reads a label inside an item when a colon follows it (``④입찰 서류
                    열람 등 문의 : 운영지원팀 (문현기 ☎ 02-2184-8705)``); a label inside
                    parentheses (``(참조: 총무과장, 주소: …, 전화: 02-…)``) names the person in
                    its first comma part. Option ``ask: true`` also reads an item that asks
                    the reader to call, unlabelled (``자세한 사항은 혁신담당관실(☎ 02-…)에
                    문의``; the asking words are the spec's pattern ``ask``).
``contact_department``  the department of the first contact of the field named by option
                    ``field`` (default ``contacts``) that has one.
``contact_line``    ``phone``, ``fax``, ``email`` and ``disclosure`` from the foot's contact
                    line(s) (labels ``phone`` and ``fax``; numbers without an area code take it
                    from the fax number or the address).
``postal_address``  ``postal_code``, ``address`` and ``homepage`` from the ``우 <우편번호>
                    <주소> / <홈페이지>`` line.
"""

from __future__ import annotations

import re

from ...evidence import Evidence
from ...normalize.disclosure import find_disclosure, parse_disclosure
from ...normalize.phones import (PhoneMatch, area_code_for_address, area_code_of, find_phones,
                                 normalize_phone, phone_after_label)
from ...normalize.text import collapse_ws
from ..base import Found
from ..context import FindContext
from ..lines import Line
from ..masks import is_masked
from ..spec_types import FieldSpec
from ..values import EMAIL, URL, split_outside_parens
from . import finder
from .approvals import Lexicon
from .text import region_items

_PUNCTUATION = re.compile(r"[☎()\[\],/:]")
_NAME = re.compile(r"[가-힣○]{2,4}")
# a word that ends in a topic particle (``사항은``): the subject of an asking sentence
_TOPIC = re.compile(r"[가-힣](?:은|는)$")
_ASKED_WORDS = 5  # words before the parentheses that may name the one to ask


def _ask_tail(ctx: FindContext) -> re.Pattern[str]:
    """The spec's ``ask`` words (``…으로 문의하시기 바랍니다``) and all that follows them."""
    def compute() -> re.Pattern[str]:
        ask = ctx.spec.patterns.get("ask")
        return re.compile(f"(?:{ask.pattern}).*$" if ask else r"(?!)")
    return ctx.cached("re:ask-tail", compute)  # type: ignore[no-any-return]


def _labelled_phone(ctx: FindContext, text: str) -> PhoneMatch | None:
    """The number right after a phone label in ``text`` (:func:`phone_after_label`)."""
    for m in ctx.spec.labels.anywhere("phone", text):
        p = phone_after_label(text[m.end():])
        if p is not None:
            return PhoneMatch(m.end() + p.start, m.end() + p.end, p.raw, p.number)
    return None


def _contact_words(ctx: FindContext) -> re.Pattern[str]:
    """The phone, fax and e-mail labels of the spec, as words to drop from a contact text."""
    def compute() -> re.Pattern[str]:
        return re.compile("|".join(ctx.spec.labels.regex(k) for k in ("phone", "fax", "email")))
    return ctx.cached("re:contact-words", compute)  # type: ignore[no-any-return]


def person_parts(text: str, lex: Lexicon) -> dict[str, str | None]:
    """``department``, ``position``, ``name``, ``phone``, ``email`` of a contact text such as
    ``공공데이터정책과 주무관 홍길동(☎ 044-205-2271, hong@korea.kr)``."""
    email = EMAIL.search(text)
    phones = find_phones(text) or [p for p in (_labelled_phone(lex.ctx, text),) if p]
    rest = text
    for p in phones:
        rest = rest[:p.start] + " " * (p.end - p.start) + rest[p.end:]
    if email:
        rest = rest.replace(email.group(0), " ")
    rest = _ask_tail(lex.ctx).sub("", _PUNCTUATION.sub(" ", _contact_words(lex.ctx).sub(" ", rest)))
    units = lex.ctx.lexicon("unit_suffixes")
    tokens = rest.split()
    dept: list[str] = tokens
    position = name = None

    def is_name(tok: str) -> bool:
        return bool(_NAME.fullmatch(tok)) and not lex.is_position(tok) and not tok.endswith(units)

    pairs = [k for k in range(len(tokens) - 1) if lex.is_position(tokens[k]) and is_name(tokens[k + 1])]
    singles = [k for k, t in enumerate(tokens) if lex.is_position(t)]
    if pairs:
        k = pairs[-1]
        dept, position, name = tokens[:k], tokens[k], tokens[k + 1]
    elif singles and singles[-1] == len(tokens) - 1 and len(tokens) > 1:
        dept, position = tokens[:-1], tokens[-1]
    elif tokens and is_name(tokens[-1]):
        dept, name = tokens[:-1], tokens[-1]
    return {"department": " ".join(dept) or None, "position": position, "name": name,
            "phone": phones[0].number if phones else None,
            "email": email.group(0).lower() if email else None}


@finder("contacts", needs=("label",))
def contacts(ctx: FindContext, field: FieldSpec) -> Found | None:
    lex = Lexicon(ctx, field)
    out: list[dict[str, str | None]] = []
    evs: list[Evidence] = []
    anywhere = bool(field.option("anywhere"))
    for it in region_items(ctx, field.region):
        text = it.content
        m = ctx.any_label(field.label_keys, text)
        if not m and field.option("ask"):
            asked = _asked(ctx, text, lex)
            if asked is not None:
                out.append(asked)
                evs.extend(it.evidence(f"{field.name}:문의-문장"))
                continue
        if not m and anywhere:
            # inside an item, the one line (piece) that holds the label: the lines joined
            # to the item may be other paragraphs
            for piece in it.pieces:
                text = " ".join(piece.line.printed[piece.start:piece.end].split())
                m = next((hit for key in field.label_keys
                          for hit in ctx.spec.labels.anywhere(key, text)
                          if ":" in hit.group(0) or "：" in hit.group(0)), None)
                if m:
                    break
            if not m:
                # a label in parentheses may run over the pieces of the item
                text = it.text
                m = next((hit for key in field.label_keys
                          for hit in ctx.spec.labels.anywhere(key, text)
                          if (":" in hit.group(0) or "：" in hit.group(0))
                          and _in_parentheses(ctx, text, hit, lex) is not None), None)
        if not m:
            continue
        parts = _in_parentheses(ctx, text, m, lex) or person_parts(text[m.end():], lex)
        if not (parts["name"] or parts["phone"] or parts["email"]):
            continue
        out.append(parts)
        evs.extend(it.evidence(f"{field.name}:문의"))
    if not out and field.option("fallback") == "closing":
        return _closing_contact(ctx)
    return Found(out, evs)


def _asked(ctx: FindContext, text: str, lex: Lexicon) -> dict[str, str | None] | None:
    """An item that asks the reader to call someone, with no label: ``기타 자세한 사항은
    식품의약품안전청 혁신담당관실(인사, ☎ 02)380∼1609, 1610)에 문의``. The parentheses before
    the spec's ``ask`` words hold the phone (and e-mail); the words before them, after the
    sentence's subject (``사항은``), name the unit or person."""
    def compute() -> re.Pattern[str] | None:
        ask = ctx.spec.patterns.get("ask")
        return re.compile(rf"\)\s*(?:{ask.pattern})") if ask else None
    asking: re.Pattern[str] | None = ctx.cached("re:asked", compute)
    m = asking.search(text) if asking else None
    if m is None:
        return None
    inside = text[:m.start()]
    phone = next(iter(find_phones(inside)), None) or _labelled_phone(ctx, inside)
    opened = text.rfind("(", 0, phone.start) if phone else -1
    if phone is None or opened < 0:
        return None
    words = text[:opened].split()
    subject = [k for k, w in enumerate(words[:-1]) if _TOPIC.search(w)]
    words = words[subject[-1] + 1:] if subject else words
    if not words or len(words) > _ASKED_WORDS:
        return None
    parts = person_parts(" ".join(words), lex)
    if not (parts["department"] or parts["name"]):
        return None
    email = EMAIL.search(inside, opened)
    parts["phone"] = phone.number
    parts["email"] = parts["email"] or (email.group(0).lower() if email else None)
    return parts


_LABELLED_PART = re.compile(r"^\s*[가-힣A-Za-z]{1,8}\s*[:：]")


def _in_parentheses(ctx: FindContext, text: str, m: re.Match[str],
                    lex: Lexicon) -> dict[str, str | None] | None:
    """A label inside parentheses (``…구청장(참조: 총무과장, 주소: …, 전화: 02-…, FAX: …)``):
    the person is the first comma part; other parts give the phone and e-mail, and parts
    with another label (주소, 팩스) are left out."""
    opened = text.rfind("(", 0, m.start())
    if opened < 0 or ")" in text[opened:m.start()]:
        return None
    depth, close = 0, len(text)
    for k in range(m.end(), len(text)):
        if text[k] == "(":
            depth += 1
        elif text[k] == ")":
            if depth == 0:
                close = k
                break
            depth -= 1
    keys = ("phone", "email")
    kept = [part for part in split_outside_parens(text[m.end():close])
            if not ctx.spec.labels.at_start("fax", part) and not (
                _LABELLED_PART.match(part) and not any(ctx.spec.labels.at_start(k, part) for k in keys))]
    if not kept:
        return None
    parts = person_parts(" ".join(kept), lex)
    who = parts["department"]
    if who and not parts["position"] and not parts["name"] and lex.is_position(who.replace(" ", "")):
        parts["department"], parts["position"] = None, who  # ``총무과장``: a position
    return parts


@finder("contact_department")
def contact_department(ctx: FindContext, field: FieldSpec) -> Found | None:
    source = str(field.option("field", "contacts"))
    found = ctx.found(source)
    people = found.value if isinstance(found.value, list) else []
    for k, person in enumerate(people):
        if isinstance(person, dict) and person.get("department"):
            dept = str(person["department"])
            evs = [e for e in found.evidence if dept.split()[0] in e.text] or found.evidence[k:k + 1]
            return Found(dept, [Evidence(text=e.text, path=e.path, span=e.span, page=e.page,
                                         rule=f"{field.name}:{source}") for e in evs[:1]])
    return None


def _closing_contact(ctx: FindContext) -> Found:
    """One contact from the 결문: 처리과 of the document number, the drafter, the foot's phone
    and e-mail."""
    number = ctx.value("document_number")
    drafter = ctx.value("drafter") or {}
    phone, email = ctx.value("phone"), ctx.value("email")
    contact = {"department": number.rsplit("-", 1)[0] if number else None,
               "position": drafter.get("position"), "name": drafter.get("name"),
               "phone": phone, "email": email}
    if not any(contact.values()):
        return Found([])
    evs = [e for k in ("document_number", "drafter", "phone", "email") for e in ctx.found(k).evidence]
    return Found([contact], evs)


@finder("contact_line", multi=True)
def contact_line(ctx: FindContext, field: FieldSpec) -> dict[str, Found]:
    out: dict[str, Found] = {}
    raw: dict[str, tuple[str, Line, int, int]] = {}
    contact_at: int | None = None
    for i, line in ctx.region_lines(field.region):
        text = line.text
        for key in ("phone", "fax"):
            if key in raw or key in out:
                continue
            for m in ctx.spec.labels.anywhere(key, text):
                tail = text[m.end():m.end() + 40]
                num = next((p for p in find_phones(tail) if p.start <= 3), None)
                if num:
                    raw[key] = (num.raw, line, m.end() + num.start, m.end() + num.end)
                    break
                value = tail.split("/")[0].strip()
                if value and is_masked(value.split()[0]):
                    ctx.warn_masked(key, value.split()[0])
                    out[key] = Found(None)
                    break
        if "email" not in out:
            em = EMAIL.search(text)
            if em:
                contact_at = i if contact_at is None else contact_at
                out["email"] = Found(em.group(0).lower(), [line.evidence(em.start(), em.end(), "email:address")])
        dm = find_disclosure(text)
        if dm is not None:
            contact_at = i if contact_at is None else contact_at
            out["disclosure"] = Found(parse_disclosure(dm.group(0)),
                                      [line.evidence(dm.start(), dm.end(), "disclosure:mark")])
    if "phone" not in raw and "phone" not in out and contact_at is not None:
        # numbers printed without labels on the e-mail/disclosure line: phone, then fax
        line = ctx.lines[contact_at]
        nums = find_phones(line.text)
        if nums:
            raw["phone"] = (nums[0].raw, line, nums[0].start, nums[0].end)
        if len(nums) > 1 and "fax" not in raw:
            raw["fax"] = (nums[1].raw, line, nums[1].start, nums[1].end)
    address = ctx.value("address") if ctx.spec.field_spec("address") else None
    fax_number = normalize_phone(raw["fax"][0]) if "fax" in raw else None
    area = area_code_of(fax_number) or area_code_for_address(address)
    if "phone" in raw:
        text, line, a, b = raw["phone"]
        out["phone"] = Found(normalize_phone(text, area_code=area), [line.evidence(a, b, "phone:label")])
    if "fax" in raw:
        text, line, a, b = raw["fax"]
        phone_area = area_code_of(out["phone"].value) if out.get("phone") else None
        out["fax"] = Found(normalize_phone(text, area_code=phone_area or area_code_for_address(address)),
                           [line.evidence(a, b, "fax:label")])
    return out


@finder("postal_address", multi=True, needs=("label",))
def postal_address(ctx: FindContext, field: FieldSpec) -> dict[str, Found]:
    labels = "|".join(ctx.spec.labels.regex(k) for k in field.label_keys)
    postal = re.compile(rf"(?:^|(?<=\s))(?:{labels})\s*[:：]?\s*(?P<code>\d{{5}}|\d{{3}}-\d{{3}})(?!\d)")
    # the address ends at a slash before the homepage or at the phone or fax label
    phone_fax = "|".join(ctx.spec.labels.regex(k) for k in ("phone", "fax"))
    cut_at = re.compile(rf"\s/\s|\t/|/\s|(?:^|\s)(?:{phone_fax})(?=\s|:|\d|\()")
    for _, line in ctx.region_lines(field.region):
        m = postal.search(line.text)
        if not m:
            continue
        out = {"postal_code": Found(m["code"].replace("-", ""),
                                    [line.evidence(m.start("code"), m.end("code"), "postal_code:우")])}
        rest_start = m.end()
        rest = line.text[rest_start:]
        url = URL.search(rest)
        cut = cut_at.search(rest)
        end = min([x.start() for x in (url, cut) if x] or [len(rest)])
        addr = collapse_ws(line.printed[rest_start:rest_start + end]).rstrip("/ ").strip()
        out["address"] = Found(addr or None, [line.evidence(rest_start, rest_start + end, "address:after-postcode")]
                               if addr else [])
        if url:
            a, b = rest_start + url.start(), rest_start + url.end()
            out["homepage"] = Found(line.printed[a:b].rstrip(" ,;"), [line.evidence(a, b, "homepage:url")])
        return out
    return {}


__all__ = ["contact_department", "contact_line", "contacts", "person_parts", "postal_address"]
