"""HwpxParser on small HWPX packages built here, one feature per test."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

import docextract
from docextract.errors import CorruptDocument, EncryptedDocument, LimitExceeded
from docextract.model import Document, Paragraph, Role, Table
from docextract.parsers.base import ParseContext
from docextract.parsers.hwpx import HwpxParser
from docextract.parsers.hwpx.numbering import format_number

# Namespace URIs as Hangul writes them (copied from a corpus file's section0.xml).
NS = ('xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" '
      'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
      'xmlns:hp10="http://www.hancom.co.kr/hwpml/2016/paragraph" '
      'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
      'xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core" '
      'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head" '
      'xmlns:hm="http://www.hancom.co.kr/hwpml/2011/master-page" '
      'xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:opf="http://www.idpf.org/2007/opf/"')
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'


# builders ---------------------------------------------------------------------------------

def t(text: str) -> str:
    return f"<hp:t>{escape(text)}</hp:t>"


def p(*inner: str, para_pr: int = 0, page_break: bool = False, segs: tuple[int, ...] = ()) -> str:
    lines = "".join(f'<hp:lineseg textpos="0" vertpos="{v}" vertsize="1000"/>' for v in segs)
    layout = f"<hp:linesegarray>{lines}</hp:linesegarray>" if segs else ""
    return (f'<hp:p id="0" paraPrIDRef="{para_pr}" styleIDRef="0" pageBreak="{int(page_break)}" '
            f'columnBreak="0" merged="0"><hp:run charPrIDRef="0">{"".join(inner)}</hp:run>'
            f"{layout}</hp:p>")


def sub_list(*paras: str) -> str:
    return f'<hp:subList id="" textDirection="HORIZONTAL" vertAlign="TOP">{"".join(paras)}</hp:subList>'


def cell(row: int, col: int, *paras: str, rows: int = 1, cols: int = 1) -> str:
    return (f'<hp:tc name="" header="0">{sub_list(*paras)}<hp:cellAddr colAddr="{col}" rowAddr="{row}"/>'
            f'<hp:cellSpan colSpan="{cols}" rowSpan="{rows}"/><hp:cellSz width="1000" height="1000"/></hp:tc>')


def table(n_rows: int, n_cols: int, *trs: list[str], caption: str = "") -> str:
    body = "".join(f"<hp:tr>{''.join(tr)}</hp:tr>" for tr in trs)
    return (f'<hp:tbl id="1" numberingType="TABLE" rowCnt="{n_rows}" colCnt="{n_cols}" cellSpacing="0">'
            f'<hp:sz width="1000" height="1000"/>{caption}{body}</hp:tbl>')


def ctrl(inner: str) -> str:
    return f"<hp:ctrl>{inner}</hp:ctrl>"


def field_begin(field_type: str, name: str, begin_id: str, params: str = "", extra: str = "") -> str:
    return ctrl(f'<hp:fieldBegin id="{begin_id}" type="{field_type}" name="{escape(name)}" '
                f'fieldid="627272811"><hp:parameters cnt="1" name="">{params}</hp:parameters>{extra}'
                f"</hp:fieldBegin>")


def field_end(begin_id: str) -> str:
    return ctrl(f'<hp:fieldEnd beginIDRef="{begin_id}" fieldid="627272811"/>')


def sec_pr(outline_ref: int = 1, extra: str = "") -> str:
    return (f'<hp:secPr id="" textDirection="HORIZONTAL" outlineShapeIDRef="{outline_ref}">'
            f'<hp:pagePr landscape="WIDELY" width="59528" height="84188"/>{extra}</hp:secPr>')


def section(*paras: str) -> str:
    return f"{XML_DECL}<hs:sec {NS}>{''.join(paras)}</hs:sec>"


DEFAULT_NUMBERING = (
    '<hh:numbering id="1" start="0">'
    '<hh:paraHead start="1" level="1" numFormat="DIGIT">^1.</hh:paraHead>'
    '<hh:paraHead start="1" level="2" numFormat="HANGUL_SYLLABLE">^2.</hh:paraHead>'
    '<hh:paraHead start="1" level="3" numFormat="DIGIT">^3)</hh:paraHead>'
    '<hh:paraHead start="1" level="4" numFormat="HANGUL_SYLLABLE">^4)</hh:paraHead>'
    '<hh:paraHead start="1" level="5" numFormat="DIGIT">(^5)</hh:paraHead>'
    '<hh:paraHead start="1" level="6" numFormat="HANGUL_SYLLABLE">(^6)</hh:paraHead>'
    '<hh:paraHead start="1" level="7" numFormat="CIRCLED_DIGIT">^7</hh:paraHead>'
    "</hh:numbering>"
    '<hh:numbering id="2" start="0">'
    '<hh:paraHead start="3" level="1" numFormat="ROMAN_CAPITAL">^1.</hh:paraHead>'
    '<hh:paraHead start="1" level="2" numFormat="CIRCLED_HANGUL_SYLLABLE">^1-^2</hh:paraHead>'
    "</hh:numbering>")


def para_pr(pid: int, kind: str = "NONE", ref: int = 0, level: int = 0) -> str:
    return (f'<hh:paraPr id="{pid}" tabPrIDRef="0" condense="0"><hh:align horizontal="JUSTIFY"/>'
            f'<hh:heading type="{kind}" idRef="{ref}" level="{level}"/></hh:paraPr>')


def header_xml(numberings: str = DEFAULT_NUMBERING) -> str:
    prs = (para_pr(0) + para_pr(1, "OUTLINE", 0, 0) + para_pr(2, "OUTLINE", 0, 1)
           + para_pr(3, "OUTLINE", 0, 2) + para_pr(4, "NUMBER", 2, 0) + para_pr(5, "NUMBER", 2, 1)
           + para_pr(6, "BULLET", 1, 0))
    return (f'{XML_DECL}<hh:head {NS} version="1.4" secCnt="1"><hh:refList>'
            f'<hh:paraProperties itemCnt="7">{prs}</hh:paraProperties>'
            f'<hh:numberings itemCnt="2">{numberings}</hh:numberings>'
            '<hh:bullets itemCnt="1"><hh:bullet id="1" char="◦" useImage="0">'
            '<hh:paraHead level="0" numFormat="DIGIT"/></hh:bullet></hh:bullets>'
            '<hh:styles itemCnt="2"><hh:style id="0" type="PARA" name="바탕글" engName="Normal"/>'
            '<hh:style id="1" type="PARA" name="개요 1" engName="Outline 1"/></hh:styles>'
            "</hh:refList></hh:head>")


def content_hpf(section_ids: list[str], *, metadata: str = "", extra_items: str = "") -> str:
    items = "".join(f'<opf:item id="{s}" href="Contents/{s}.xml" media-type="application/xml"/>'
                    for s in sorted(section_ids))
    spine = "".join(f'<opf:itemref idref="{s}" linear="yes"/>' for s in section_ids)
    return (f"{XML_DECL}<opf:package {NS} version=\"\" unique-identifier=\"\" id=\"\">"
            f"<opf:metadata>{metadata}</opf:metadata><opf:manifest>"
            '<opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>'
            f'{items}{extra_items}</opf:manifest><opf:spine><opf:itemref idref="header" linear="yes"/>'
            f"{spine}</opf:spine></opf:package>")


CONTAINER = (f'{XML_DECL}<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container">'
             '<ocf:rootfiles><ocf:rootfile full-path="Contents/content.hpf" '
             'media-type="application/hwpml-package+xml"/></ocf:rootfiles></ocf:container>')
EMPTY_MANIFEST = (f'{XML_DECL}<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:'
                  'xmlns:manifest:1.0"/>')


def build_hwpx(path: Path, sections: list[str] | dict[str, str | bytes], *,
               header: str | bytes | None = None,
               hpf: str | None | bool = True, manifest: str | None = EMPTY_MANIFEST,
               extra: dict[str, bytes | str] | None = None) -> Path:
    """Write an HWPX zip: mimetype first and stored, then the XML parts."""
    named = sections if isinstance(sections, dict) else \
        {f"section{i}": body for i, body in enumerate(sections)}
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip", zipfile.ZIP_STORED)
        zf.writestr("version.xml", f'{XML_DECL}<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/'
                    'hwpml/2011/version" application="Hancom Office Hangul" appVersion="9, 1"/>',
                    zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/container.xml", CONTAINER, zipfile.ZIP_DEFLATED)
        if manifest is not None:
            zf.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        if hpf is True:
            hpf = content_hpf(list(named))
        if hpf:
            zf.writestr("Contents/content.hpf", hpf, zipfile.ZIP_DEFLATED)
        zf.writestr("Contents/header.xml", header if header is not None else header_xml(),
                    zipfile.ZIP_DEFLATED)
        for sid, body in named.items():
            zf.writestr(f"Contents/{sid}.xml", body, zipfile.ZIP_DEFLATED)
        for name, data in (extra or {}).items():
            zf.writestr(name, data, zipfile.ZIP_DEFLATED)
    return path


def parse(path: Path, **kw) -> Document:
    return docextract.parse(path, **kw)


def texts(doc: Document, role: Role | None = None) -> list[str]:
    return [b.text for b in doc.paragraphs(roles={role} if role else None)]


# paragraphs and inline content ------------------------------------------------------------

def test_inline_elements_become_plain_characters(tmp_path):
    inner = ('<hp:t>가<hp:tab width="4000" leader="0" type="1"/>나<hp:lineBreak/>다'
             '<hp:nbSpace/>라<hp:fwSpace/>마<hp:markpenBegin color="#FFFF00"/>형광'
             '<hp:markpenEnd/><hp:hyphen/>끝</hp:t>')
    doc = parse(build_hwpx(tmp_path / "a.hwpx", [section(p(sec_pr(), inner), p(t("둘째")))]))
    assert texts(doc) == ["가\t나\n다 라 마형광-끝", "둘째"]
    assert doc.format == "hwpx"
    assert doc.text == "가\t나\n다 라 마형광-끝\n둘째\n"
    assert doc.blocks[1].prov.path == "s0/b1" and doc.blocks[1].style == "바탕글"


def test_track_changes_drop_deleted_and_keep_inserted_text(tmp_path):
    inner = ('<hp:t>변경<hp:deleteBegin Id="2" TcId="2"/> 지운글<hp:tab type="1"/>'
             '<hp:deleteEnd Id="2" TcId="2" paraend="0"/> <hp:insertBegin Id="1" TcId="1"/>넣은글'
             '<hp:insertEnd Id="1" TcId="1" paraend="0"/></hp:t>')
    doc = parse(build_hwpx(tmp_path / "tc.hwpx", [section(p(inner))]))
    assert texts(doc) == ["변경 넣은글"]


# tables ---------------------------------------------------------------------------------

def test_table_with_merged_cells_and_nested_table(tmp_path):
    nested = table(1, 2, [cell(0, 0, p(t("안1"))), cell(0, 1, p(t("안2")))])
    outer = table(
        3, 3,
        [cell(0, 0, p(t("병합")), rows=2, cols=2), cell(0, 2, p(t("위")), p(nested))],
        [cell(1, 2, p(t("오른쪽")))],
        [cell(2, 0, p(t("아래")), cols=3)],
    )
    doc = parse(build_hwpx(tmp_path / "t.hwpx", [section(p(t("표 앞"), outer, t("표 뒤")),
                                                         p(t("다음 문단")))]))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table", "Paragraph", "Paragraph"]
    tbl = doc.blocks[1]
    assert isinstance(tbl, Table) and (tbl.n_rows, tbl.n_cols) == (3, 3)
    assert [[(c.row, c.col, c.row_span, c.col_span) for c in row] for row in tbl.rows] == \
        [[(0, 0, 2, 2), (0, 2, 1, 1)], [(1, 2, 1, 1)], [(2, 0, 1, 3)]]
    assert tbl.cell(1, 1).text == "병합"
    assert [c.text if c else None for c in tbl.grid()[2]] == ["아래"] * 3
    inner = tbl.cell(0, 2).blocks[1]
    assert isinstance(inner, Table) and inner.prov.path == "s0/b1/r0c2/b1"
    assert [c.text for c in inner.cells()] == ["안1", "안2"]
    assert len(list(doc.tables())) == 2
    assert doc.text.splitlines() == ["표 앞", "병합", "위", "안1", "안2", "오른쪽", "아래", "표 뒤",
                                     "다음 문단"]


def test_paragraph_text_comes_before_the_table_it_anchors(tmp_path):
    # the text introduces the table ("붙임 1. 현황표", then the table), as in HWP 5.0
    tbl = table(1, 1, [cell(0, 0, p(t("칸")))])
    doc = parse(build_hwpx(tmp_path / "anchor.hwpx", [section(p(t("붙임 1. 현황표"), tbl))]))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table"]
    assert doc.blocks[0].text == "붙임 1. 현황표"
    assert doc.text == "붙임 1. 현황표\n칸\n"


def test_blank_paragraphs_are_skipped_but_numbering_still_counts(tmp_path):
    doc = parse(build_hwpx(tmp_path / "blank.hwpx", [section(
        p(sec_pr(), t("첫째"), para_pr=1), p(t("  "), para_pr=1), p(para_pr=1), p(t("넷째"), para_pr=1))]))
    assert texts(doc) == ["1. 첫째", "4. 넷째"]


def test_table_caption_is_a_caption_block_on_its_side(tmp_path):
    top = ('<hp:caption side="TOP" fullSz="0" width="1000" gap="850">'
           f'{sub_list(p(t("표 "), ctrl(auto_num("TABLE")), t(". 현황")))}</hp:caption>')
    tbl = table(1, 1, [cell(0, 0, p(t("값")))], caption=top)
    doc = parse(build_hwpx(tmp_path / "cap.hwpx", [section(p(tbl))]))
    caption, body = doc.blocks
    assert isinstance(caption, Paragraph) and caption.role is Role.CAPTION
    assert caption.text == "표 1. 현황"
    assert isinstance(body, Table)


def test_hostile_spans_cannot_blow_up_the_grid(tmp_path):
    tbl = table(10**9, 10**9, [cell(0, 0, p(t("x")), rows=10**9, cols=10**9)])
    doc = parse(build_hwpx(tmp_path / "big.hwpx", [section(p(tbl))]))
    only = doc.blocks[0]
    assert isinstance(only, Table) and only.n_rows <= 2 and only.n_cols <= 2
    assert only.cell(0, 0).text == "x"


def test_far_out_cell_addresses_fall_back_to_document_order(tmp_path):
    tbl = table(2, 2, [cell(0, 0, p(t("첫"))), cell(10**6, 10**6, p(t("둘")))],
                [cell(5 * 10**6, 3, p(t("셋")))])
    doc = parse(build_hwpx(tmp_path / "far.hwpx", [section(p(tbl))]))
    only = doc.blocks[0]
    assert isinstance(only, Table) and (only.n_rows, only.n_cols) == (2, 2)
    assert [(c.row, c.col, c.text) for c in only.cells()] == [(0, 0, "첫"), (0, 1, "둘"), (1, 0, "셋")]
    assert "hwpx-table-grid" in {w.code for w in doc.warnings}


# controls: headers, notes, fields, comments, text boxes -----------------------------------------

def auto_num(num_type: str, suffix: str = "") -> str:
    return (f'<hp:autoNum num="1" numType="{num_type}"><hp:autoNumFormat type="DIGIT" userChar="" '
            f'prefixChar="" suffixChar="{suffix}" supscript="0"/></hp:autoNum>')


def test_header_footer_and_notes_have_roles(tmp_path):
    header = ctrl(f'<hp:header id="1" applyPageType="BOTH">{sub_list(p(t("머리말 글")))}</hp:header>')
    footer = ctrl(f'<hp:footer id="2" applyPageType="BOTH">{sub_list(p(t("꼬리말 글")))}</hp:footer>')
    foot = ctrl(f'<hp:footNote number="1">{sub_list(p(ctrl(auto_num("FOOTNOTE", ")")), t(" 각주 내용")))}'
                "</hp:footNote>")
    end = ctrl(f'<hp:endNote number="1">{sub_list(p(t("미주 내용")))}</hp:endNote>')
    doc = parse(build_hwpx(tmp_path / "hf.hwpx", [section(
        p(sec_pr(), header, footer), p(t("본문"), foot, t(" 계속")), p(t("끝"), end))]))
    assert texts(doc, Role.HEADER) == ["머리말 글"]
    assert texts(doc, Role.FOOTER) == ["꼬리말 글"]
    assert texts(doc, Role.FOOTNOTE) == ["1) 각주 내용"]
    assert texts(doc, Role.ENDNOTE) == ["미주 내용"]
    assert texts(doc, Role.BODY) == ["본문 계속", "끝"]
    # a note follows the paragraph that anchors it
    assert texts(doc) == ["머리말 글", "꼬리말 글", "본문 계속", "1) 각주 내용", "끝", "미주 내용"]


def test_click_here_field_keeps_text_and_names_the_field(tmp_path):
    params = ('<hp:integerParam name="Prop">9</hp:integerParam><hp:stringParam name="Command">'
              "Clickhere:set:10:Direction:wstring:2:날짜 </hp:stringParam>")
    doc = parse(build_hwpx(tmp_path / "f.hwpx", [section(
        p(t("작성일: "), field_begin("CLICK_HERE", "작성일자", "77", params), t("2024. 1. 2."),
          field_end("77"), t(" 끝")))]))
    para = doc.blocks[0]
    assert para.text == "작성일: 2024. 1. 2. 끝"
    (ann,) = para.annotations
    assert (ann.kind, ann.name, para.text[ann.start:ann.end]) == ("field", "작성일자", "2024. 1. 2.")


def test_hyperlink_field_gives_the_unescaped_url(tmp_path):
    params = ('<hp:stringParam name="Command">https\\://www.korea.kr/news\\?id=3;1;0;0;</hp:stringParam>')
    doc = parse(build_hwpx(tmp_path / "h.hwpx", [section(
        p(t("자세히는 "), field_begin("HYPERLINK", "", "5", params), t("정책브리핑"), field_end("5"),
          t(" 참조")))]))
    para = doc.blocks[0]
    (ann,) = para.annotations
    assert ann.kind == "hyperlink" and ann.name == "https://www.korea.kr/news?id=3"
    assert para.text[ann.start:ann.end] == "정책브리핑"


def test_memo_and_hidden_comment_are_comments_not_body(tmp_path):
    memo = field_begin("MEMO", "", "9", '<hp:stringParam name="ID">memo1</hp:stringParam>',
                       extra=sub_list(p(t("검토 필요"))))
    hidden = ctrl(f"<hp:hiddenComment>{sub_list(p(t('숨은 설명')))}</hp:hiddenComment>")
    group = ('<hp:memogroup><hp:memo id="memo1" memoShapeIDRef="0">'
             f'<hp:paraList>{p(t("검토 필요"))}</hp:paraList></hp:memo>'
             f'<hp:memo id="memo2"><hp:paraList>{p(t("따로 남은 메모"))}</hp:paraList></hp:memo>'
             "</hp:memogroup>")
    doc = parse(build_hwpx(tmp_path / "m.hwpx", [section(
        p(memo, t("예산 항목"), field_end("9"), hidden, t(" 확정")), group)]))
    body = doc.blocks[0]
    assert body.role is Role.BODY and body.text == "예산 항목 확정"
    assert [(a.kind, body.text[a.start:a.end]) for a in body.annotations] == [("comment", "예산 항목")]
    assert texts(doc, Role.COMMENT) == ["검토 필요", "숨은 설명", "따로 남은 메모"]
    assert "검토 필요" not in " ".join(texts(doc, Role.BODY))


def test_drawing_text_is_a_text_box(tmp_path):
    rect = (f'<hp:rect id="3" numberingType="PICTURE"><hp:sz width="1" height="1"/>'
            f'<hp:drawText lastWidth="100" name="" editable="0">{sub_list(p(t("상자 안 글")))}'
            '</hp:drawText></hp:rect>')
    group = f'<hp:container id="4">{rect.replace("상자 안 글", "묶음 안 글")}</hp:container>'
    doc = parse(build_hwpx(tmp_path / "tb.hwpx", [section(p(t("본문"), rect), p(group))]))
    assert texts(doc, Role.TEXTBOX) == ["상자 안 글", "묶음 안 글"]
    assert texts(doc, Role.BODY) == ["본문"]


# numbering ------------------------------------------------------------------------------

def test_outline_number_and_bullet_markers_are_restored(tmp_path):
    doc = parse(build_hwpx(tmp_path / "n.hwpx", [section(
        p(sec_pr(outline_ref=1), t("개요"), para_pr=1),
        p(t("배경"), para_pr=2),
        p(t("현황"), para_pr=2),
        p(t("세부"), para_pr=3),
        p(t("추진계획"), para_pr=1),
        p(t("일정"), para_pr=2),
        p(t("번호 하나"), para_pr=4),
        p(t("번호 하위"), para_pr=5),
        p(t("번호 둘"), para_pr=4),
        p(t("글머리"), para_pr=6),
        p(t("평문"), para_pr=0),
    )]))
    assert texts(doc) == ["1. 개요", "가. 배경", "나. 현황", "1) 세부", "2. 추진계획", "가. 일정",
                          "III. 번호 하나", "III-㉮ 번호 하위", "IV. 번호 둘", "◦ 글머리", "평문"]
    assert [b.outline_level for b in doc.blocks] == [1, 2, 2, 3, 1, 2] + [None] * 5
    # the 개요 paragraphs read like headings: they are headings at their outline level
    assert [b.heading for b in doc.blocks] == [1, 2, 2, 3, 1, 2] + [None] * 5


@pytest.mark.parametrize("variant", [
    "comment",        # a comment: the header is parsed whole instead of scanned
    "id-not-first",   # definitions whose id is not their first attribute
    "gt-in-value",    # a ">" inside a quoted value of a definition's start tag
    "escaped-name",   # a style name with a character reference: parsed, not read from bytes
    "nested-heading", # a shape's heading and alignment inside hp:switch, after other children
    "value-breaks",   # a line break in a value (a parse turns it into a blank)
])
def test_header_read_on_demand_or_whole_gives_the_same_markers(tmp_path, variant):
    header = header_xml()
    if variant == "comment":
        header = header.replace("<hh:refList>", "<hh:refList><!-- 바탕글 -->")
    elif variant == "id-not-first":
        header = header.replace('<hh:paraPr id="', '<hh:paraPr snapToGrid="1" id="')
        header = header.replace('<hh:numbering id="', '<hh:numbering note="n" id="')
    elif variant == "gt-in-value":
        header = header.replace('<hh:bullet id="1" char="◦"', '<hh:bullet note="a>b" id="1" char="◦"')
    elif variant == "escaped-name":
        header = header.replace('name="바탕글"', 'name="바탕&#44544;"')
    elif variant == "nested-heading":
        header = header.replace('<hh:align horizontal="JUSTIFY"/>', '<hh:margin left="0"/>'
                                '<hp:switch><hp:case hp:required-namespace="x">'
                                '<hh:align horizontal="JUSTIFY"/>')
        header = header.replace('"/></hh:paraPr>', '"/></hp:case></hp:switch></hh:paraPr>')
    else:
        header = header.replace('<hh:heading type="NUMBER" idRef="2" level="0"/>',
                                '<hh:heading type="NUMBER"\nidRef="2" level="0" note="a\nb"/>')
    sec = section(p(sec_pr(outline_ref=1), t("개요"), para_pr=1), p(t("배경"), para_pr=2),
                  p(t("번호 하나"), para_pr=4), p(t("번호 하위"), para_pr=5), p(t("글머리"), para_pr=6))
    doc = parse(build_hwpx(tmp_path / "h.hwpx", [sec], header=header))
    assert texts(doc) == ["1. 개요", "가. 배경", "III. 번호 하나", "III-㉮ 번호 하위", "◦ 글머리"]
    assert [b.style for b in doc.blocks] == ["바탕글"] * 5


def test_a_definition_that_never_ends_is_a_broken_header(tmp_path):
    header = header_xml().replace("</hh:numbering>", "", 1)
    with pytest.raises(CorruptDocument):
        parse(build_hwpx(tmp_path / "b.hwpx", [section(p(sec_pr(), t("개요"), para_pr=1))],
                         header=header))


@pytest.mark.parametrize(("n", "fmt", "expected"), [
    (3, "DIGIT", "3"), (3, "CIRCLED_DIGIT", "③"), (20, "CIRCLED_DIGIT", "⑳"), (21, "CIRCLED_DIGIT", "21"),
    (4, "HANGUL_SYLLABLE", "라"), (15, "HANGUL_SYLLABLE", "가"), (2, "CIRCLED_HANGUL_SYLLABLE", "㉯"),
    (3, "HANGUL_JAMO", "ㄷ"), (1, "CIRCLED_HANGUL_JAMO", "㉠"), (14, "ROMAN_CAPITAL", "XIV"),
    (9, "ROMAN_SMALL", "ix"), (2, "LATIN_CAPITAL", "B"), (3, "LATIN_SMALL", "c"),
    (1, "CIRCLED_LATIN_SMALL", "ⓐ"), (12, "HANGUL_PHONETIC", "십이"), (23, "IDEOGRAPH", "二十三"),
    (4, "CIRCLED_IDEOGRAPH", "㊃"), (2, "DECAGON_CIRCLE", "을"), (3, "DECAGON_CIRCLE_HANJA", "丙"),
])
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


# sections, package and metadata -----------------------------------------------------------

def test_sections_follow_the_spine(tmp_path):
    bodies = {f"section{i}": section(p(t(f"구역 {i}"))) for i in range(3)}
    hpf = content_hpf(["section1", "section0", "section2"])
    doc = parse(build_hwpx(tmp_path / "spine.hwpx", bodies, hpf=hpf))
    assert texts(doc) == ["구역 1", "구역 0", "구역 2"]
    assert [b.prov.section for b in doc.blocks] == [0, 1, 2]
    assert [b.prov.path for b in doc.blocks] == ["s0/b0", "s1/b0", "s2/b0"]


def test_without_package_files_sections_are_in_numeric_order(tmp_path):
    bodies = {"section10": section(p(t("열"))), "section2": section(p(t("둘"))),
              "section0": section(p(t("영")))}
    doc = parse(build_hwpx(tmp_path / "bare.hwpx", bodies, hpf=None, manifest=None))
    assert texts(doc) == ["영", "둘", "열"]


def test_missing_header_still_reads_with_a_warning(tmp_path):
    path = tmp_path / "nohead.hwpx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/hwp+zip")
        zf.writestr("Contents/section0.xml", section(p(t("본문만"), para_pr=1)))
    doc = parse(path)
    assert texts(doc) == ["본문만"]
    assert "hwpx-no-header" in {w.code for w in doc.warnings}


def test_metadata_from_content_hpf(tmp_path):
    meta = ('<opf:title>공고문</opf:title><opf:language>ko</opf:language>'
            '<opf:meta name="creator" content="text">홍길동</opf:meta>'
            '<opf:meta name="subject" content="text">입법예고</opf:meta>'
            '<opf:meta name="description" content="text">설명</opf:meta>'
            '<opf:meta name="keyword" content="text">규정, 개정</opf:meta>'
            '<opf:meta name="CreatedDate" content="text">2023-03-24T01:02:03Z</opf:meta>'
            '<opf:meta name="ModifiedDate" content="text">2023-04-01T09:00:00Z</opf:meta>')
    hpf = content_hpf(["section0"], metadata=meta)
    doc = parse(build_hwpx(tmp_path / "meta.hwpx", [section(p(t("x")))], hpf=hpf))
    m = doc.metadata
    assert (m.title, m.author, m.subject, m.keywords) == ("공고문", "홍길동", "입법예고", "규정, 개정")
    assert m.created.isoformat() == "2023-03-24T01:02:03+00:00"
    assert m.modified.year == 2023 and m.modified.month == 4
    assert m.extra["description"] == "설명" and m.extra["language"] == "ko"
    assert m.extra["application"].startswith("Hancom Office Hangul")


def test_master_pages_are_page_decoration_of_their_section(tmp_path):
    master = (f'{XML_DECL}<masterPage {NS} id="masterpage0" type="BOTH">'
              f'{sub_list(p(t("대외비")))}</masterPage>')
    sec = section(p(sec_pr(extra='<hp:masterPage idRef="masterpage0"/>'), t("본문")))
    hpf = content_hpf(["section0"], extra_items='<opf:item id="masterpage0" '
                      'href="Contents/masterpage0.xml" media-type="application/xml"/>')
    doc = parse(build_hwpx(tmp_path / "mp.hwpx", [sec], hpf=hpf,
                           extra={"Contents/masterpage0.xml": master}))
    first, body = doc.blocks
    assert (first.text, first.role, first.style) == ("대외비", Role.HEADER, "master-page")
    assert body.text == "본문"


def test_pages_from_page_breaks_and_line_layout(tmp_path):
    doc = parse(build_hwpx(tmp_path / "pages.hwpx", [
        section(p(t("1쪽"), segs=(0, 1600)), p(t("1쪽 아래"), segs=(3200,)),
                p(t("2쪽 (배치)"), segs=(0,)), p(t("3쪽 (쪽 나누기)"), page_break=True, segs=(1600,)),
                p(t("3쪽에서 4쪽으로"), segs=(60000, 0))),
        section(p(t("새 구역"), segs=(0,))),
    ]))
    assert [(b.text, b.prov.page) for b in doc.blocks] == [
        ("1쪽", 1), ("1쪽 아래", 1), ("2쪽 (배치)", 2), ("3쪽 (쪽 나누기)", 3),
        ("3쪽에서 4쪽으로", 3), ("새 구역", 5)]


# hostile and broken input -----------------------------------------------------------------

def test_xxe_in_a_section_is_refused(tmp_path):
    evil = (f'{XML_DECL}<!DOCTYPE hs:sec [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            f"<hs:sec {NS}>{p('<hp:t>&xxe;</hp:t>')}</hs:sec>")
    with pytest.raises(CorruptDocument, match="entit"):
        parse(build_hwpx(tmp_path / "xxe.hwpx", [evil]))


def test_billion_laughs_is_refused(tmp_path):
    lol = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 10))
    evil = (f'{XML_DECL}<!DOCTYPE hs:sec [<!ENTITY l0 "lol">{lol}]>'
            f"<hs:sec {NS}>{p('<hp:t>&l9;</hp:t>')}</hs:sec>")
    with pytest.raises(CorruptDocument):
        parse(build_hwpx(tmp_path / "lol.hwpx", [evil]))


def test_traversal_member_names_are_only_keys(tmp_path, monkeypatch):
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    hpf = content_hpf(["section0"], extra_items='<opf:item id="evil" href="../../etc/passwd" '
                      'media-type="application/xml"/>').replace(
        '<opf:itemref idref="section0"', '<opf:itemref idref="evil"/><opf:itemref idref="section0"')
    path = build_hwpx(tmp_path / "trav.hwpx", [section(p(t("정상 본문")))], hpf=hpf,
                      extra={"../../etc/passwd": "root:x:0:0:NOT-A-SECTION",
                             "Contents\\..\\..\\section9.xml": section(p(t("역슬래시")))})
    doc = parse(path)
    assert texts(doc) == ["정상 본문"]
    assert "NOT-A-SECTION" not in doc.text
    assert list(work.iterdir()) == []


def test_encryption_data_in_manifest_means_encrypted(tmp_path):
    manifest = (f'{XML_DECL}<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                '<odf:file-entry full-path="Contents/section0.xml" media-type="application/xml" '
                'size="10"><odf:encryption-data checksum-type="sha256-1k" checksum="AA=="/>'
                "</odf:file-entry></odf:manifest>")
    path = build_hwpx(tmp_path / "enc.hwpx", [section(p(t("x")))], manifest=manifest)
    with pytest.raises(EncryptedDocument, match="password"):
        parse(path)
    with pytest.raises(EncryptedDocument, match="does not support"):
        parse(path, password="1234")


def encrypt_part(plain: bytes, password: str, path: str) -> tuple[bytes, str]:
    """Encrypt one part the way Hangul does; returns the bytes and its manifest entry."""
    import base64
    import hashlib
    import os
    import zlib

    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    iv, salt = os.urandom(16), os.urandom(16)
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = squeeze.compress(plain) + squeeze.flush()
    packed += b"\0" * (-len(packed) % 16)
    key = hashlib.pbkdf2_hmac("sha1", hashlib.sha256(password.encode()).digest(), salt, 1024, 32)
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    data = enc.update(packed) + enc.finalize()
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    entry = (f'<odf:file-entry full-path="{path}" media-type="application/xml" size="{len(plain)}">'
             '<odf:encryption-data checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#'
             f'sha256-1k" checksum="{b64(hashlib.sha256(plain[:1024]).digest())}">'
             '<odf:algorithm algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" '
             f'initialisation-vector="{b64(iv)}"/><odf:key-derivation key-derivation-name="urn:oasis:'
             f'names:tc:opendocument:xmlns:manifest:1.0#pbkdf2" key-size="32" iteration-count="1024" '
             f'salt="{b64(salt)}"/><odf:start-key-generation start-key-generation-name="http://www.w3.'
             'org/2000/09/xmldsig#sha256" key-size="32"/></odf:encryption-data></odf:file-entry>')
    return data, entry


def test_password_protected_package_decrypts_with_its_password(tmp_path):
    section_data, section_entry = encrypt_part(section(p(sec_pr(), t("비밀 본문"), para_pr=1)).encode(),
                                               "암호1234", "Contents/section0.xml")
    header_data, header_entry = encrypt_part(header_xml().encode(), "암호1234", "Contents/header.xml")
    manifest = (f'{XML_DECL}<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:'
                f'manifest:1.0">{section_entry}{header_entry}</odf:manifest>')
    path = build_hwpx(tmp_path / "locked.hwpx", {"section0": section_data}, manifest=manifest,
                      header=header_data)
    with pytest.raises(EncryptedDocument, match="password"):
        parse(path)
    with pytest.raises(EncryptedDocument, match="wrong password"):
        parse(path, password="틀린 암호")
    doc = parse(path, password="암호1234")
    assert texts(doc) == ["1. 비밀 본문"]


def test_binary_section_is_reported_as_encrypted_and_text_garbage_as_corrupt(tmp_path):
    binary = bytes(range(128, 256)) * 4
    with pytest.raises(EncryptedDocument):
        parse(build_hwpx(tmp_path / "bin.hwpx", {"section0": binary}))
    with pytest.raises(CorruptDocument):
        parse(build_hwpx(tmp_path / "txt.hwpx", ["plain words, not xml"]))


def test_utf16_section_with_byte_order_mark_reads(tmp_path):
    body = section(p(t("유니코드"))).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    doc = parse(build_hwpx(tmp_path / "u16.hwpx", {"section0": body.encode("utf-16")}))
    assert texts(doc) == ["유니코드"]


def test_broken_xml_and_broken_zip_are_corrupt(tmp_path):
    with pytest.raises(CorruptDocument, match="well-formed"):
        parse(build_hwpx(tmp_path / "bad.hwpx", [section(p(t("x"))).replace("</hs:sec>", "")]))
    with pytest.raises(CorruptDocument):
        HwpxParser().parse(b"PK\x03\x04 definitely not a zip", ParseContext())
    with pytest.raises(CorruptDocument, match="no Contents/section"):
        HwpxParser().parse(_zip_bytes({"mimetype": "application/hwp+zip"}), ParseContext())


def _zip_bytes(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_limits_on_sections_and_nesting(tmp_path):
    two = build_hwpx(tmp_path / "two.hwpx", [section(p(t("a"))), section(p(t("b")))])
    with pytest.raises(LimitExceeded, match="max_sections"):
        parse(two, limits={"max_sections": 1})
    deep = t("바닥")
    for _ in range(4):
        deep = table(1, 1, [cell(0, 0, p(deep))])
    nested = build_hwpx(tmp_path / "deep.hwpx", [section(p(deep))])
    assert "바닥" in parse(nested).text
    with pytest.raises(LimitExceeded, match="max_nesting"):
        parse(nested, limits={"max_nesting": 3})


def test_parser_is_registered_for_hwpx_bytes(tmp_path):
    data = build_hwpx(tmp_path / "r.hwpx", [section(p(t("바이트")))]).read_bytes()
    doc = docextract.parse(data)
    assert doc.format == "hwpx" and texts(doc) == ["바이트"]
    assert HwpxParser.name == "hwpx" and HwpxParser.formats == ("hwpx",)
    assert HwpxParser.requires == {"lxml": "lxml"}
