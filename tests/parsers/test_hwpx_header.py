"""header.xml definitions read from their bytes agree with the same definitions parsed.

Hangul writes paragraph and character shapes one way (alignment and heading first, fixed
attributes, empty children), which :mod:`docextract.parsers.hwpx.header` reads with one
match each; these tests put that form beside near misses and check every answer against
the header parsed whole (a comment in the header makes the reader parse it whole).
"""

from __future__ import annotations

import pytest

from docextract.errors import CorruptDocument
from docextract.limits import Budget, Limits
from docextract.parsers.hwpx.header import read_header

NS = 'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head"'


def hangul_para_pr(pid: int, horizontal: str, kind: str, ref: int, level: int) -> str:
    return (f'<hh:paraPr id="{pid}" tabPrIDRef="0" condense="0" checked="0">'
            f'<hh:align horizontal="{horizontal}" vertical="BASELINE"/>'
            f'<hh:heading type="{kind}" idRef="{ref}" level="{level}"/>'
            '<hh:breakSetting lineWrap="BREAK"/></hh:paraPr>')


def hangul_char_pr(cid: int, height: int, children: str) -> str:
    return (f'<hh:charPr id="{cid}" height="{height}" textColor="#000000" shadeColor="none" '
            'useFontSpace="0" useKerning="0" symMark="NONE" borderFillIDRef="2">'
            f'<hh:fontRef hangul="1" latin="1"/>{children}<hh:shadow type="NONE"/></hh:charPr>')


PARA_PRS = [
    hangul_para_pr(0, "CENTER", "NONE", 0, 0),
    hangul_para_pr(1, "JUSTIFY", "OUTLINE", 0, 2),
    hangul_para_pr(2, "CENTER", "NUMBER", 3, 1),
    # near misses, read the general way
    '<hh:paraPr id="3"><hh:heading type="BULLET" idRef="1" level="0"/>'
    '<hh:align horizontal="CENTER" vertical="TOP"/></hh:paraPr>',
    '<hh:paraPr id="4" note="a/"><hh:align horizontal="CENTER" vertical="TOP"/>'
    '<hh:heading type="NUMBER" idRef="1" level="x"/></hh:paraPr>',
    '<hh:paraPr id="5"/><hh:align horizontal="CENTER" vertical="TOP"/>'
    '<hh:heading type="OUTLINE" idRef="1" level="1"/>',
    '<hh:paraPr id="6"><hh:align horizontal="CENTER" vertical="TOP" vertical="TOP"/>'
    '<hh:heading type="OUTLINE" idRef="1" level="1"/></hh:paraPr>',
]
CHAR_PRS = [
    hangul_char_pr(0, 1000, "<hh:bold/>"),
    hangul_char_pr(1, 1200, ""),
    hangul_char_pr(2, 1400, '<hh:boldish/><hh:italic/><hh:underline type="NONE"/>'),
    hangul_char_pr(3, 1600, '<hh:underline type="bold"/><hh:bold/>'),
    # near misses, read the general way
    hangul_char_pr(4, 1800, "<hh:x><hh:bold/></hh:x>"),
    hangul_char_pr(5, 2000, '<hh:offset note="a&amp;b"/><hh:bold/>'),
    hangul_char_pr(6, 2200, "<bold/>"),
]


def header(definitions: str, *, whole: bool) -> bytes:
    comment = "<!-- parsed whole -->" if whole else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><hh:head {NS}>{comment}<hh:refList>'
            f"{definitions}</hh:refList></hh:head>").encode()


def answers(data: bytes, kind: str, ref: int) -> object:
    try:
        info = read_header(data, Budget(Limits()), "test header")
        return (info.heading(str(ref)), info.centred(str(ref))) if kind == "paraPr" \
            else info.char_look(str(ref))
    except CorruptDocument:
        return "broken"


@pytest.mark.parametrize("kind, definitions", [("paraPr", PARA_PRS), ("charPr", CHAR_PRS)])
def test_a_definition_read_from_its_bytes_is_what_the_parse_reads(kind, definitions):
    well_formed = [d for d in definitions if 'vertical="TOP" vertical' not in d]
    for ref, definition in enumerate(definitions):
        scanned = answers(header(definition, whole=False), kind, ref)
        assert scanned == answers(header(definition, whole=True), kind, ref), definition
        if definition in well_formed:  # among the others too
            body = "".join(well_formed)
            assert answers(header(body, whole=False), kind, ref) == \
                answers(header(body, whole=True), kind, ref) == scanned
    assert answers(header(definitions[0], whole=False), kind, 0) != "broken"
