"""DOCX parser behaviour on files generated here, with python-docx or as raw package XML.

python-docx writes the common features (headings, tables, merges, nested tables, lists,
headers, properties). Where it cannot (text boxes, notes, comments, fields, revisions,
Strict OOXML, hostile XML), the package is written from XML strings by ``write_docx``.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

import docextract  # noqa: E402
from docextract.errors import (  # noqa: E402
    CorruptDocument,
    EncryptedDocument,
    LimitExceeded,
)
from docextract.model import Document, Paragraph, Role, Table  # noqa: E402
from docextract.serialize import load_document  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NAMESPACES = (
    f'xmlns:w="{W_NS}" xmlns:r="{REL}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


# builders ---------------------------------------------------------------------------------

def write_docx(path: Path, body: str, *, parts: dict[str, str] | None = None,
               rels: list[tuple[str, str, str]] | None = None,
               external: list[tuple[str, str, str]] | None = None,
               root_tag: str = "w:document", w_ns: str = W_NS) -> Path:
    """A minimal package: ``body`` inside ``w:body``; ``parts`` related from the document by
    ``rels`` (id, type suffix, target); ``external`` relationships (id, type, URL)."""
    rel_xml = "".join(f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{target}"/>'
                      for i, t, target in (rels or []))
    rel_xml += "".join(f'<Relationship Id="{i}" Type="{REL}/{t}" Target="{target}" '
                       'TargetMode="External"/>' for i, t, target in (external or []))
    namespaces = NAMESPACES.replace(W_NS, w_ns)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" '
                   'ContentType="application/xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships"><Relationship Id="rId1" Type="{REL}/'
                   'officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><{root_tag} {namespaces}>'
                   f"<w:body>{body}<w:sectPr/></w:body></{root_tag}>")
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships">{rel_xml}</Relationships>')
        for name, xml in (parts or {}).items():
            z.writestr(name, xml.replace("NAMESPACES", namespaces))
    return path


def p(text: str, ppr: str = "") -> str:
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def tc(text: str, tcpr: str = "") -> str:
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{p(text) if text else '<w:p/>'}</w:tc>"


def parse(path: Path, **kwargs: object) -> Document:
    return docextract.parse(path, **kwargs)


def body_texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks]


def numbering_part(levels: str, nums: str) -> str:
    return (f'<?xml version="1.0"?><w:numbering NAMESPACES><w:abstractNum w:abstractNumId="0">'
            f"{levels}</w:abstractNum>{nums}</w:numbering>")


def lvl(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def numbered(text: str, num_id: int, ilvl: int = 0) -> str:
    return p(text, f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/>'
                   "</w:numPr></w:pPr>")


# python-docx documents --------------------------------------------------------------------

def test_headings_styles_and_markdown(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("사업 계획", level=1)
    d.add_heading("추진 배경", level=2)
    d.add_paragraph("본문 문단입니다.")
    d.add_paragraph("그림 1. 조직도", style="Caption")
    d.save(tmp_path / "h.docx")
    doc = parse(tmp_path / "h.docx")
    h1, h2, body, caption = doc.blocks
    assert (h1.text, h1.style, h1.outline_level) == ("사업 계획", "Heading 1", 1)
    assert (h2.style, h2.outline_level) == ("Heading 2", 2)
    assert (body.style, body.outline_level, body.role) == ("Normal", None, Role.BODY)
    assert caption.role == Role.CAPTION
    assert (h1.heading, h2.heading, body.heading, caption.heading) == (1, 2, None, None)
    md = doc.to_markdown()
    assert "# 사업 계획\n" in md and "## 추진 배경\n" in md
    assert doc.text == "사업 계획\n추진 배경\n본문 문단입니다.\n그림 1. 조직도\n"
    assert [b.prov.path for b in doc.blocks] == ["s0/b0", "s0/b1", "s0/b2", "s0/b3"]


def test_title_style_is_a_heading_and_declared_headings_rule_out_looks(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("연간 보고서", level=0)  # the Title style
    d.add_heading("개요", level=1)
    bold = d.add_paragraph().add_run("굵은 한 줄")
    bold.bold = True
    d.add_paragraph("본문 문단입니다. 내용이 이어집니다.")
    d.save(tmp_path / "t.docx")
    doc = parse(tmp_path / "t.docx")
    assert [(b.text, b.heading) for b in doc.blocks] == [
        ("연간 보고서", 1), ("개요", 1), ("굵은 한 줄", None), ("본문 문단입니다. 내용이 이어집니다.", None)]


def test_headings_from_size_and_weight_without_heading_styles(tmp_path: Path) -> None:
    d = docx.Document()
    title = d.add_paragraph().add_run("2025년 업무 계획")
    title.bold, title.font.size = True, docx.shared.Pt(18)
    for section in ("Ⅰ. 추진 배경", "Ⅱ. 추진 방향"):
        run = d.add_paragraph().add_run(section)
        run.bold, run.font.size = True, docx.shared.Pt(13)
        d.add_paragraph("각 기관은 관련 자료를 제출하여야 한다. 담당 부서는 결과를 검토한다.")
    d.save(tmp_path / "l.docx")
    doc = parse(tmp_path / "l.docx")
    assert [(b.heading, b.text) for b in doc.blocks if b.heading] == [
        (1, "2025년 업무 계획"), (2, "Ⅰ. 추진 배경"), (2, "Ⅱ. 추진 방향")]


def test_tabs_line_and_page_breaks(tmp_path: Path) -> None:
    d = docx.Document()
    para = d.add_paragraph("가")
    run = para.add_run()
    run.add_tab()
    run.add_text("나")
    run.add_break()
    run.add_text("다")
    d.add_page_break()
    d.add_paragraph("둘째 쪽")
    d.save(tmp_path / "t.docx")
    doc = parse(tmp_path / "t.docx")
    assert [b.text for b in doc.blocks] == ["가\t나\n다", "둘째 쪽"]
    assert [b.prov.page for b in doc.blocks] == [1, 2]


def test_simple_table_in_document_order_and_gfm(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("위")
    table = d.add_table(rows=2, cols=3)
    for r, row in enumerate([["구분", "인원", "비고"], ["본부", "12", "-"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph("아래")
    d.save(tmp_path / "t.docx")
    doc = parse(tmp_path / "t.docx")
    above, tbl, below = doc.blocks
    assert (above.text, below.text) == ("위", "아래")
    assert isinstance(tbl, Table) and (tbl.n_rows, tbl.n_cols) == (2, 3)
    assert [[c.text for c in row] for row in tbl.rows] == [["구분", "인원", "비고"],
                                                           ["본부", "12", "-"]]
    assert tbl.cell(1, 1).prov.path == "s0/b1/r1c1"
    assert tbl.cell(1, 1).blocks[0].prov.path == "s0/b1/r1c1/b0"
    assert "| 구분 | 인원 | 비고 |\n|---|---|---|\n| 본부 | 12 | - |" in doc.to_markdown()
    start, end = tbl.cell(1, 0).blocks[0].prov.span
    assert doc.text[start:end] == "본부"


def test_merged_cells_anchor_once_with_spans(tmp_path: Path) -> None:
    d = docx.Document()
    table = d.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            table.cell(r, c).text = f"{r}{c}"
    table.cell(0, 0).merge(table.cell(0, 1))  # gridSpan
    table.cell(1, 2).merge(table.cell(2, 2))  # vMerge restart/continue
    d.save(tmp_path / "m.docx")
    tbl = parse(tmp_path / "m.docx").blocks[0]
    assert isinstance(tbl, Table) and (tbl.n_rows, tbl.n_cols) == (3, 3)
    wide = tbl.cell(0, 1)
    assert (wide.row, wide.col, wide.row_span, wide.col_span) == (0, 0, 1, 2)
    tall = tbl.cell(2, 2)
    assert (tall.row, tall.col, tall.row_span, tall.col_span) == (1, 2, 2, 1)
    assert [len(r) for r in tbl.rows] == [2, 3, 2]
    assert sum(1 for _ in tbl.cells()) == 7
    assert tall.text.split("\n")[0] == "12"


def test_raw_vmerge_gridspan_and_html_markdown(tmp_path: Path) -> None:
    grid = '<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
    rows = (
        "<w:tr>" + tc("결재", '<w:vMerge w:val="restart"/>') + tc("담당") + tc("과장") + "</w:tr>"
        "<w:tr>" + tc("", "<w:vMerge/>") + tc("홍길동") + tc("김철수") + "</w:tr>"
        "<w:tr>" + tc("협조", '<w:gridSpan w:val="3"/>') + "</w:tr>"
    )
    path = write_docx(tmp_path / "v.docx", f"<w:tbl>{grid}{rows}</w:tbl>")
    doc = parse(path)
    tbl = doc.blocks[0]
    assert isinstance(tbl, Table) and (tbl.n_rows, tbl.n_cols) == (3, 3)
    first = tbl.rows[0][0]
    assert (first.text, first.row_span, first.col_span) == ("결재", 2, 1)
    assert tbl.cell(1, 0) is first
    assert [c.text for c in tbl.rows[1]] == ["홍길동", "김철수"]
    assert (tbl.rows[2][0].col_span, tbl.rows[2][0].text) == (3, "협조")
    md = doc.to_markdown()
    assert '<td rowspan="2">결재</td>' in md and '<td colspan="3">협조</td>' in md


def test_legacy_hmerge_grid_before_and_row_content_controls(tmp_path: Path) -> None:
    grid = "<w:tblGrid>" + "<w:gridCol/>" * 3 + "</w:tblGrid>"
    rows = (
        "<w:tr>" + tc("병합", '<w:hMerge w:val="restart"/>') + tc("", "<w:hMerge/>") + tc("c")
        + "</w:tr>"
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc("b") + tc("c") + "</w:tr>"
        "<w:sdt><w:sdtContent><w:tr>" + tc("x") + tc("y") + tc("z")
        + "</w:tr></w:sdtContent></w:sdt>"
    )
    tbl = parse(write_docx(tmp_path / "h.docx", f"<w:tbl>{grid}{rows}</w:tbl>")).blocks[0]
    assert isinstance(tbl, Table) and (tbl.n_rows, tbl.n_cols) == (3, 3)
    assert [(c.row, c.col, c.col_span, c.text) for c in tbl.cells()] == [
        (0, 0, 2, "병합"), (0, 2, 1, "c"), (1, 1, 1, "b"), (1, 2, 1, "c"),
        (2, 0, 1, "x"), (2, 1, 1, "y"), (2, 2, 1, "z")]


def test_absurdly_wide_table_is_bounded(tmp_path: Path) -> None:
    cells = "".join(tc(str(i), '<w:gridSpan w:val="9"/>') for i in range(100))
    doc = parse(write_docx(tmp_path / "w.docx", f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>"))
    tbl = doc.blocks[0]
    assert tbl.n_cols == 512
    assert all(c.col + c.col_span <= 512 for c in tbl.cells())
    assert "99" in doc.text  # cells past the bound keep their text
    assert any(w.code == "docx-wide-table" for w in doc.warnings)


def test_nested_table_inside_cell(tmp_path: Path) -> None:
    d = docx.Document()
    outer = d.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "바깥"
    inner = outer.cell(0, 1).add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "안1"
    inner.cell(1, 0).text = "안2"
    d.save(tmp_path / "n.docx")
    doc = parse(tmp_path / "n.docx")
    tbl = doc.blocks[0]
    nested = [b for b in tbl.cell(0, 1).blocks if isinstance(b, Table)]
    assert len(nested) == 1
    assert [c.text for c in nested[0].cells()] == ["안1", "안2"]
    assert nested[0].cell(1, 0).blocks[0].prov.path.startswith("s0/b0/r0c1/b")
    assert nested[0].cell(1, 0).blocks[0].prov.path.endswith("/r1c0/b0")
    assert len(list(doc.tables())) == 2
    assert "<table>" in doc.to_markdown()


def test_headers_footers_first_page_and_dedup(tmp_path: Path) -> None:
    d = docx.Document()
    first = d.sections[0]
    first.different_first_page_header_footer = True
    first.header.paragraphs[0].text = "기본 머리말"
    first.first_page_header.paragraphs[0].text = "첫 쪽 머리말"
    first.footer.paragraphs[0].text = "- 1 -"
    d.add_paragraph("첫 구역 본문")
    second = d.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "기본 머리말"  # same text as section 0: deduplicated
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = "둘째 구역 꼬리말"
    d.add_paragraph("둘째 구역 본문")
    d.save(tmp_path / "hf.docx")
    doc = parse(tmp_path / "hf.docx")
    roles = [(b.role, b.text, b.prov.section) for b in doc.blocks]
    assert roles == [
        (Role.HEADER, "기본 머리말", 0),
        (Role.HEADER, "첫 쪽 머리말", 0),
        (Role.BODY, "첫 구역 본문", 0),
        (Role.BODY, "둘째 구역 본문", 1),
        (Role.FOOTER, "- 1 -", 0),
        (Role.FOOTER, "둘째 구역 꼬리말", 1),
    ]
    assert [b.prov.path for b in doc.blocks] == ["s0/b0", "s0/b1", "s0/b2", "s1/b0",
                                                 "s0/b3", "s1/b1"]
    assert "기본 머리말" not in doc.to_markdown()  # page furniture stays out of the Markdown
    assert "> *header:* 기본 머리말" in doc.to_markdown(furniture=True)


def test_core_properties(tmp_path: Path) -> None:
    d = docx.Document()
    props = d.core_properties
    props.title = "2025년 업무계획"
    props.author = "행정안전부"
    props.subject = "업무계획"
    props.keywords = "계획, 예산"
    props.created = dt.datetime(2025, 1, 2, 9, 30)
    props.modified = dt.datetime(2025, 1, 3, 10, 0)
    d.add_paragraph("x")
    d.save(tmp_path / "p.docx")
    meta = parse(tmp_path / "p.docx").metadata
    assert (meta.title, meta.author, meta.subject, meta.keywords) == (
        "2025년 업무계획", "행정안전부", "업무계획", "계획, 예산")
    assert meta.created == dt.datetime(2025, 1, 2, 9, 30, tzinfo=dt.timezone.utc)
    assert meta.modified == dt.datetime(2025, 1, 3, 10, 0, tzinfo=dt.timezone.utc)


def test_page_count_from_app_properties(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    write_docx(path, p("x"))
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("docProps/app.xml", '<?xml version="1.0"?><Properties xmlns="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/extended-properties"><Pages>7</Pages>'
                   "</Properties>")
    assert parse(path).metadata.page_count == 7


def test_list_styles_restore_markers(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("첫째", style="List Number")
    d.add_paragraph("둘째", style="List Number")
    d.add_paragraph("항목", style="List Bullet")
    d.save(tmp_path / "l.docx")
    assert body_texts(parse(tmp_path / "l.docx")) == ["1. 첫째", "2. 둘째", "• 항목"]


# raw-XML documents ------------------------------------------------------------------------

def test_korean_numbering_formats_counters_and_reset(tmp_path: Path) -> None:
    levels = (lvl(0, "decimal", "%1.") + lvl(1, "ganada", "%2.") + lvl(2, "decimal", "%3)")
              + lvl(3, "ganada", "(%4)") + lvl(4, "chosung", "%5.") + lvl(5, "decimal", "%1.%6."))
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
            '<w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    body = (numbered("관련", 1) + numbered("가 항목", 1, 1) + numbered("나 항목", 1, 1)
            + numbered("둘째", 1) + numbered("다시 가", 1, 1) + numbered("세부", 1, 2)
            + numbered("괄호", 1, 3) + numbered("초성", 1, 4) + numbered("법령식", 1, 5)
            + numbered("새 목록", 2))
    path = write_docx(tmp_path / "n.docx", body, parts={
        "word/numbering.xml": numbering_part(levels, nums)},
        rels=[("rIdN", "numbering", "numbering.xml")])
    assert body_texts(parse(path)) == [
        "1. 관련", "가. 가 항목", "나. 나 항목", "2. 둘째", "가. 다시 가", "1) 세부",
        "(가) 괄호", "ㄱ. 초성", "2.1. 법령식", "1. 새 목록"]


def test_roman_and_letter_numbering_in_both_cases(tmp_path: Path) -> None:
    levels = (lvl(0, "upperRoman", "%1.") + lvl(1, "lowerRoman", "%2)")
              + lvl(2, "upperLetter", "%3.") + lvl(3, "lowerLetter", "(%4)"))
    nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    body = "".join(numbered(t, 1, level) for t, level in (
        ("총칙", 0), ("목적", 1), ("정의", 1), ("범위", 1), ("세부", 2), ("항목", 3), ("본칙", 0)))
    path = write_docx(tmp_path / "r.docx", body, parts={
        "word/numbering.xml": numbering_part(levels, nums)},
        rels=[("rIdN", "numbering", "numbering.xml")])
    assert body_texts(parse(path)) == [
        "I. 총칙", "i) 목적", "ii) 정의", "iii) 범위", "A. 세부", "(a) 항목", "II. 본칙"]


def test_bullet_symbols_and_suffix(tmp_path: Path) -> None:
    levels = ('<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>'
              '<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/>'
              '<w:suff w:val="nothing"/></w:lvl>')
    nums = '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>'
    path = write_docx(tmp_path / "b.docx", numbered("점", 3) + numbered("줄", 3, 1),
                      parts={"word/numbering.xml": numbering_part(levels, nums)},
                      rels=[("rIdN", "numbering", "numbering.xml")])
    assert body_texts(parse(path)) == ["• 점", "-줄"]


def test_footnotes_endnotes_skip_separators_and_placement(tmp_path: Path) -> None:
    notes = ('<?xml version="1.0"?><w:{kind}s NAMESPACES>'
             '<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
             "</w:{kind}>"
             '<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
             "<w:continuationSeparator/></w:r></w:p></w:{kind}>"
             '<w:{kind} w:id="1"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve">'
             " {text}</w:t></w:r></w:p></w:{kind}></w:{kind}s>")
    body = ('<w:p><w:r><w:t>본문</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
            '<w:r><w:endnoteReference w:id="1"/></w:r></w:p>' + p("다음 문단"))
    path = write_docx(tmp_path / "fn.docx", body, parts={
        "word/footnotes.xml": notes.format(kind="footnote", text="각주 내용"),
        "word/endnotes.xml": notes.format(kind="endnote", text="미주 내용")},
        rels=[("rIdF", "footnotes", "footnotes.xml"), ("rIdE", "endnotes", "endnotes.xml")])
    doc = parse(path)
    assert [(b.role, b.text) for b in doc.blocks] == [
        (Role.BODY, "본문"), (Role.FOOTNOTE, "각주 내용"), (Role.BODY, "다음 문단"),
        (Role.ENDNOTE, "미주 내용")]
    assert "> *footnote:* 각주 내용" in doc.to_markdown()


def test_comments_become_blocks_and_annotations(tmp_path: Path) -> None:
    comments = ('<?xml version="1.0"?><w:comments NAMESPACES><w:comment w:id="5" '
                'w:author="검토자"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>수정 요망</w:t>'
                "</w:r></w:p></w:comment></w:comments>")
    body = ('<w:p><w:r><w:t xml:space="preserve">기한은 </w:t></w:r><w:commentRangeStart w:id="5"/>'
            '<w:r><w:t>3월 31일</w:t></w:r><w:commentRangeEnd w:id="5"/>'
            '<w:r><w:commentReference w:id="5"/></w:r><w:r><w:t>까지</w:t></w:r></w:p>')
    path = write_docx(tmp_path / "c.docx", body, parts={"word/comments.xml": comments},
                      rels=[("rIdC", "comments", "comments.xml")])
    para, comment = parse(path).blocks
    assert para.text == "기한은 3월 31일까지"
    (ann,) = para.annotations
    assert (ann.kind, ann.name, para.text[ann.start:ann.end]) == ("comment", "5", "3월 31일")
    assert (comment.role, comment.text) == (Role.COMMENT, "수정 요망")


def test_text_boxes_keep_their_place_in_the_text_and_read_once(tmp_path: Path) -> None:
    # the rule every format shares: text before the box, the box, the text after it
    drawing_box = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>'
        + p("상자 안 글") + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        "<w:txbxContent>" + p("상자 안 글") + "</w:txbxContent></v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>")
    vml_box = ("<w:r><w:pict><v:shape><v:textbox><w:txbxContent>" + p("VML 상자")
               + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")
    body = (f'<w:p><w:r><w:t xml:space="preserve">앞 </w:t></w:r>{drawing_box}'
            f"<w:r><w:t>뒤</w:t></w:r></w:p>" + p("다음") + f"<w:p>{vml_box}</w:p>")
    doc = parse(write_docx(tmp_path / "tb.docx", body))
    assert [(b.role, b.text) for b in doc.blocks] == [
        (Role.BODY, "앞 "), (Role.TEXTBOX, "상자 안 글"), (Role.BODY, "뒤"), (Role.BODY, "다음"),
        (Role.TEXTBOX, "VML 상자")]


def test_hyperlinks_and_fields(tmp_path: Path) -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">누리집: </w:t></w:r><w:hyperlink r:id="rIdL">'
        "<w:r><w:t>행정안전부</w:t></w:r></w:hyperlink></w:p>"
        '<w:p><w:r><w:t xml:space="preserve">쪽 </w:t></w:r><w:fldSimple w:instr=" PAGE ">'
        "<w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>"
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        ' HYPERLINK "https://www.korea.kr/" </w:instrText></w:r><w:r>'
        '<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>정책브리핑</w:t></w:r><w:r>'
        '<w:fldChar w:fldCharType="end"/></w:r></w:p>'
        '<w:p><w:r><w:t xml:space="preserve">작성일 </w:t></w:r><w:r>'
        '<w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
        ' DATE \\@ "yyyy. M. d." </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2025. 3. 4.</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    path = write_docx(tmp_path / "f.docx", body,
                      external=[("rIdL", "hyperlink", "https://www.mois.go.kr/")])
    link, page, complex_link, date = parse(path).blocks
    assert link.text == "누리집: 행정안전부"
    (a,) = link.annotations
    assert (a.kind, a.name, link.text[a.start:a.end]) == ("hyperlink", "https://www.mois.go.kr/",
                                                          "행정안전부")
    assert page.text == "쪽 3"
    assert (page.annotations[0].kind, page.annotations[0].name) == ("field", "PAGE")
    assert complex_link.text == "정책브리핑"
    assert (complex_link.annotations[0].kind, complex_link.annotations[0].name) == (
        "hyperlink", "https://www.korea.kr/")
    assert date.text == "작성일 2025. 3. 4."
    d = date.annotations[0]
    assert d.kind == "field" and d.name.startswith("DATE") and date.text[d.start:] == "2025. 3. 4."


def test_revisions_content_controls_and_hidden_text(tmp_path: Path) -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">예산 </w:t></w:r><w:del w:id="1" w:author="x">'
        "<w:r><w:delText>1억</w:delText></w:r></w:del><w:ins w:id=\"2\" w:author=\"x\">"
        "<w:r><w:t>2억</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t>숨김</w:t></w:r>"
        "</w:p>"
        "<w:sdt><w:sdtPr><w:alias w:val=\"수신\"/></w:sdtPr><w:sdtContent>" + p("블록 컨트롤")
        + "</w:sdtContent></w:sdt>"
        '<w:p><w:r><w:t xml:space="preserve">수신: </w:t></w:r><w:sdt><w:sdtPr/><w:sdtContent>'
        "<w:r><w:t>내부결재</w:t></w:r></w:sdtContent></w:sdt></w:p>"
        '<w:del w:id="3"><w:p><w:r><w:delText>지운 문단</w:delText></w:r></w:p></w:del>')
    assert body_texts(parse(write_docx(tmp_path / "r.docx", body))) == [
        "예산 2억", "블록 컨트롤", "수신: 내부결재"]


def test_page_breaks_counted_once(tmp_path: Path) -> None:
    body = (p("1쪽")
            + '<w:p><w:r><w:t>1쪽 끝</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>'
            + '<w:p><w:r><w:lastRenderedPageBreak/><w:t>2쪽</w:t></w:r></w:p>'
            + '<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>3쪽</w:t></w:r></w:p>'
            + '<w:p><w:r><w:t>3쪽 뒤</w:t></w:r></w:p>')
    doc = parse(write_docx(tmp_path / "pg.docx", body))
    assert [b.prov.page for b in doc.blocks] == [1, 1, 2, 3, 3]


def test_sections_number_blocks(tmp_path: Path) -> None:
    # A section's break type sits in its own sectPr: section 1 is continuous (same page),
    # section 2 ends with the body's untyped sectPr, which means "next page".
    continuous = '<w:sectPr><w:type w:val="continuous"/></w:sectPr>'
    body = (p("1구역") + "<w:p><w:pPr><w:sectPr/></w:pPr><w:r><w:t>1구역 끝</w:t></w:r></w:p>"
            + f"<w:p><w:pPr>{continuous}</w:pPr><w:r><w:t>2구역</w:t></w:r></w:p>" + p("3구역"))
    doc = parse(write_docx(tmp_path / "s.docx", body))
    assert [(b.text, b.prov.section, b.prov.path, b.prov.page) for b in doc.blocks] == [
        ("1구역", 0, "s0/b0", 1), ("1구역 끝", 0, "s0/b1", 1), ("2구역", 1, "s1/b0", 1),
        ("3구역", 2, "s2/b0", 2)]


# styles.xml is read by a scan of its start tags, or parsed whole when the scan cannot
# read it (a comment, here); other writers' prefixes and quoting are read either way.
@pytest.mark.parametrize("variant", ["scanned", "comment", "single-quotes", "gt-in-value"])
def test_outline_levels_from_styles_and_paragraphs(tmp_path: Path, variant: str) -> None:
    styles = ('<?xml version="1.0"?><w:styles NAMESPACES>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>'
              "</w:style>"
              '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>'
              '<w:basedOn w:val="a"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="BodyTitle"><w:name w:val="항목 제목"/>'
              '<w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="하위"/>'
              '<w:basedOn w:val="BodyTitle"/></w:style></w:styles>')
    if variant == "comment":
        styles = styles.replace("<w:style ", "<!-- 스타일 --><w:style ", 1)
    elif variant == "single-quotes":
        styles = styles.replace('w:styleId="Sub"', "w:styleId='Sub'")
    elif variant == "gt-in-value":
        styles = styles.replace('w:styleId="BodyTitle">', 'w:styleId="BodyTitle" w:note="a>b">')
    body = (p("개요", '<w:pPr><w:pStyle w:val="1"/></w:pPr>')
            + p("세부", '<w:pPr><w:pStyle w:val="Sub"/></w:pPr>')
            + p("직접", '<w:pPr><w:outlineLvl w:val="1"/></w:pPr>') + p("본문"))
    doc = parse(write_docx(tmp_path / "o.docx", body, parts={"word/styles.xml": styles},
                           rels=[("rIdS", "styles", "styles.xml")]))
    assert [(b.text, b.style, b.outline_level) for b in doc.blocks] == [
        ("개요", "Heading 1", 1), ("세부", "하위", 3), ("직접", "Normal", 2),
        ("본문", "Normal", None)]


def test_strict_ooxml_namespace(tmp_path: Path) -> None:
    grid = "<w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
    body = p("엄격 형식") + f"<w:tbl>{grid}<w:tr>{tc('a')}{tc('b')}</w:tr></w:tbl>"
    path = write_docx(tmp_path / "strict.docx", body, w_ns=STRICT_W_NS)
    doc = parse(path)
    assert doc.blocks[0].text == "엄격 형식"
    assert [c.text for c in doc.blocks[1].cells()] == ["a", "b"]


def test_json_round_trip(tmp_path: Path) -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "머리말"
    d.add_heading("제목", 1)
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).text = "값"
    d.save(tmp_path / "j.docx")
    doc = parse(tmp_path / "j.docx")
    again = load_document(doc.to_json())
    assert again == doc
    assert again.to_markdown() == doc.to_markdown()


def test_korean_gongmun_layout(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("행 정 안 전 부")
    d.add_paragraph("수 신  수신자 참조")
    d.add_paragraph("(경 유)")
    d.add_paragraph("제 목  2025년 정보보호 교육 실시 알림")
    d.add_paragraph("1. 관련: 정보보호과-1234(2025. 3. 4.)")
    d.add_paragraph("붙임  교육 계획 1부.  끝.")
    sign = d.add_table(rows=2, cols=4)
    sign.cell(0, 0).merge(sign.cell(1, 0)).text = "결재"
    signers = [("담당", "홍길동"), ("과장", "김영희"), ("국장", "전결")]
    for c, (title, name) in enumerate(signers, 1):
        sign.cell(0, c).text = title
        sign.cell(1, c).text = name
    d.save(tmp_path / "gongmun.docx")
    doc = parse(tmp_path / "gongmun.docx")
    assert "수 신  수신자 참조\n(경 유)\n제 목  2025년 정보보호 교육 실시 알림\n" in doc.text
    assert "붙임  교육 계획 1부.  끝." in doc.text
    tbl = doc.blocks[-1]
    assert isinstance(tbl, Table)
    gyeoljae = tbl.rows[0][0]
    assert (gyeoljae.text, gyeoljae.row_span, gyeoljae.col_span) == ("결재", 2, 1)
    assert [c.text for c in tbl.rows[1]] == ["홍길동", "김영희", "전결"]
    para = doc.paragraph_at(doc.text.index("정보보호 교육"))
    assert para is not None and para.text.startswith("제 목")


# failures and limits --------------------------------------------------------------------------

def test_hostile_xml_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    for dtd in (f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>',
                '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'):
        path = tmp_path / "evil.docx"
        write_docx(path, p("&x;"))
        data = zipfile.ZipFile(path).read("word/document.xml").decode()
        evil = data.replace("?>", "?>" + dtd, 1)
        rebuilt = tmp_path / "evil2.docx"
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(rebuilt, "w") as dst:
            for name in src.namelist():
                dst.writestr(name, evil if name == "word/document.xml" else src.read(name))
        with pytest.raises(CorruptDocument, match="entit"):
            parse(rebuilt)


def test_encrypted_zip_member(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "e.docx", p("x"))
    raw = bytearray(path.read_bytes())
    # Set the "encrypted" flag of word/document.xml in its local and central headers.
    name = b"word/document.xml"
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        pos = raw.find(sig)
        while pos != -1:
            name_at = pos + (30 if sig == b"PK\x03\x04" else 46)
            if raw[name_at:name_at + len(name)] == name:
                raw[pos + flag_at] |= 1
            pos = raw.find(sig, pos + 4)
    with pytest.raises(EncryptedDocument):
        parse(bytes(raw))


def test_password_protected_docx(tmp_path: Path) -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    d = docx.Document()
    d.add_paragraph("대외비")
    plain = io.BytesIO()
    d.save(plain)
    sealed = io.BytesIO()
    ooxml.OOXMLFile(io.BytesIO(plain.getvalue())).encrypt("암호", sealed)
    for fmt in (None, "docx"):  # detected, or forced straight into the DOCX parser
        with pytest.raises(EncryptedDocument, match="password"):
            parse(sealed.getvalue(), format=fmt)


def test_broken_packages_give_typed_errors(tmp_path: Path) -> None:
    with pytest.raises(CorruptDocument):
        parse(b"PK\x03\x04 not really a zip", format="docx")
    no_main = tmp_path / "nomain.docx"
    with zipfile.ZipFile(no_main, "w") as z:
        z.writestr("word/styles.xml", "<x/>")
    with pytest.raises(CorruptDocument, match="main document"):
        parse(no_main, format="docx")
    bad_xml = tmp_path / "bad.docx"
    write_docx(bad_xml, "<w:p><w:r><w:t>unclosed</w:r></w:p>")
    with pytest.raises(CorruptDocument, match="not well-formed"):
        parse(bad_xml)
    wrong_root = write_docx(tmp_path / "root.docx", p("x"), root_tag="w:settings")
    with pytest.raises(CorruptDocument, match="not a WordprocessingML"):
        parse(wrong_root)
    with pytest.raises(CorruptDocument, match="OLE"):
        parse(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, format="docx")


def test_nesting_and_block_limits(tmp_path: Path) -> None:
    nested = p("가장 안")
    for _ in range(5):
        nested = (f"<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>{nested}</w:tc></w:tr>"
                  "</w:tbl>")
    path = write_docx(tmp_path / "deep.docx", nested)
    assert "가장 안" in parse(path).text
    with pytest.raises(LimitExceeded, match="max_nesting"):
        parse(path, limits={"max_nesting": 3})
    many = write_docx(tmp_path / "many.docx", "".join(p(f"문단 {i}") for i in range(50)))
    assert len(parse(many).blocks) == 50
    with pytest.raises(LimitExceeded, match="max_blocks"):
        parse(many, limits={"max_blocks": 20})


def test_empty_paragraphs_are_dropped_but_cells_keep_their_place(tmp_path: Path) -> None:
    grid = "<w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
    body = "<w:p/>" + p("   ") + f"<w:tbl>{grid}<w:tr>{tc('')}{tc('b')}</w:tr></w:tbl>"
    doc = parse(write_docx(tmp_path / "e.docx", body))
    (tbl,) = doc.blocks
    assert [(c.col, c.text) for c in tbl.cells()] == [(0, ""), (1, "b")]
    assert isinstance(tbl.cell(0, 1).blocks[0], Paragraph)


def test_block_builders_give_complete_blocks_that_validate() -> None:
    from docextract.model import Annotation, Paragraph, Provenance
    from docextract.parsers import assembly as build

    ann = build.annotation("hyperlink", "https://www.go.kr/", 0, 2)
    built = build.paragraph("본문", Role.BODY, "Normal", 1, [ann], 2, 3)
    assert built == Paragraph(
        text="본문", role=Role.BODY, style="Normal", outline_level=1,
        annotations=[Annotation(kind="hyperlink", name="https://www.go.kr/", start=0, end=2)],
        prov=Provenance(section=2, page=3))
    assert Paragraph.from_dict(built.to_dict()) == built
