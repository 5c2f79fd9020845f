"""HWPX (OWPML) rendering: a zip with ``mimetype`` stored first, version.xml, META-INF, the OPF
package (Contents/content.hpf), Contents/header.xml (fonts, borderFills, charPr, paraPr, styles)
and Contents/section0.xml (hp:p / hp:run / hp:t, tables as hp:tbl with cellAddr/cellSpan/subList),
shaped after files saved by Hancom Office.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from ..layout import Cell, Doc, Para, Table
from .zipfix import build_zip

NS = ('xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" '
      'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
      'xmlns:hp10="http://www.hancom.co.kr/hwpml/2016/paragraph" '
      'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
      'xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core" '
      'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head" '
      'xmlns:hhs="http://www.hancom.co.kr/hwpml/2011/history" '
      'xmlns:hm="http://www.hancom.co.kr/hwpml/2011/master-page" '
      'xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:opf="http://www.idpf.org/2007/opf/" '
      'xmlns:ooxmlchart="http://www.hancom.co.kr/hwpml/2016/ooxmlchart" '
      'xmlns:hwpunitchar="http://www.hancom.co.kr/hwpml/2016/HwpUnitChar" '
      'xmlns:epub="http://www.idpf.org/2007/ops" '
      'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"')
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>'

PAGE_W, PAGE_H, MARGIN_LR = 59528, 84188, 8504
TEXT_W = PAGE_W - 2 * MARGIN_LR
CHAR_W = 1000            # one 타 at 10 pt, in HWPUNIT
LANGS = ("HANGUL", "LATIN", "HANJA", "JAPANESE", "OTHER", "SYMBOL", "USER")
# charPr ids: (size, bold) → id
CHAR_SHAPES = {("normal", False): 0, ("normal", True): 1, ("large", True): 2, ("large", False): 3,
               ("small", False): 4, ("small", True): 5}
SIZE_HWP = {"normal": 1000, "large": 1600, "small": 900}
ALIGN_HWP = {"left": "JUSTIFY", "center": "CENTER", "right": "RIGHT"}


class _ParaShapes:
    """Paragraph shapes are collected while writing the section, then listed in header.xml."""

    def __init__(self) -> None:
        self.keys: list[tuple[str, int, int, bool]] = [("left", 0, 0, False)]

    def id_for(self, para: Para) -> int:
        key = (para.align, para.indent, para.hanging, para.space_before)
        if key not in self.keys:
            self.keys.append(key)
        return self.keys.index(key)


def _char_pr(cid: int, size: str, bold: bool) -> str:
    langs = " ".join(f'{k}="{v}"' for k, v in zip(
        ("hangul", "latin", "hanja", "japanese", "other", "symbol", "user"), ["0"] * 7))
    hundred = langs.replace('"0"', '"100"')
    return (f'<hh:charPr id="{cid}" height="{SIZE_HWP[size]}" textColor="#000000" shadeColor="none" '
            f'useFontSpace="0" useKerning="0" symMark="NONE" borderFillIDRef="2">'
            f'<hh:fontRef {langs}/><hh:ratio {hundred}/><hh:spacing {langs}/>'
            f'<hh:relSz {hundred}/><hh:offset {langs}/>' + ("<hh:bold/>" if bold else "") +
            '<hh:underline type="NONE" shape="SOLID" color="#000000"/>'
            '<hh:strikeout shape="NONE" color="#000000"/><hh:outline type="NONE"/>'
            '<hh:shadow type="NONE" color="#B2B2B2" offsetX="10" offsetY="10"/></hh:charPr>')


def _para_pr(pid: int, key: tuple[str, int, int, bool]) -> str:
    align, indent, hanging, before = key
    left = (indent + hanging) * CHAR_W
    first = -hanging * CHAR_W
    prev = 800 if before else 0
    margin = (f'<hh:margin><hc:intent value="{first}" unit="HWPUNIT"/>'
              f'<hc:left value="{left}" unit="HWPUNIT"/><hc:right value="0" unit="HWPUNIT"/>'
              f'<hc:prev value="{prev}" unit="HWPUNIT"/><hc:next value="0" unit="HWPUNIT"/>'
              f'</hh:margin><hh:lineSpacing type="PERCENT" value="160" unit="HWPUNIT"/>')
    return (f'<hh:paraPr id="{pid}" tabPrIDRef="0" condense="0" fontLineHeight="0" snapToGrid="1" '
            f'suppressLineNumbers="0" checked="0"><hh:align horizontal="{ALIGN_HWP[align]}" '
            f'vertical="BASELINE"/><hh:heading type="NONE" idRef="0" level="0"/>'
            f'<hh:breakSetting breakLatinWord="KEEP_WORD" breakNonLatinWord="KEEP_WORD" '
            f'widowOrphan="0" keepWithNext="0" keepLines="0" pageBreakBefore="0" lineWrap="BREAK"/>'
            f'<hh:autoSpacing eAsianEng="0" eAsianNum="0"/>'
            f'<hp:switch><hp:case hp:required-namespace="http://www.hancom.co.kr/hwpml/2016/HwpUnitChar">'
            f'{margin}</hp:case><hp:default>{margin}</hp:default></hp:switch>'
            f'<hh:border borderFillIDRef="2" offsetLeft="0" offsetRight="0" offsetTop="0" '
            f'offsetBottom="0" connect="0" ignoreMargin="0"/></hh:paraPr>')


def _border_fill(bid: int, solid: bool) -> str:
    kind = "SOLID" if solid else "NONE"
    sides = "".join(f'<hh:{side}Border type="{kind}" width="0.12 mm" color="#000000"/>'
                    for side in ("left", "right", "top", "bottom"))
    return (f'<hh:borderFill id="{bid}" threeD="0" shadow="0" centerLine="NONE" '
            f'breakCellSeparateLine="0"><hh:slash type="NONE" Crooked="0" isCounter="0"/>'
            f'<hh:backSlash type="NONE" Crooked="0" isCounter="0"/>{sides}'
            f'<hh:diagonal type="SOLID" width="0.1 mm" color="#000000"/></hh:borderFill>')


def _header(shapes: _ParaShapes) -> str:
    font = ('<hh:font id="0" face="함초롬바탕" type="TTF" isEmbedded="0"><hh:typeInfo '
            'familyType="FCAT_GOTHIC" weight="6" proportion="4" contrast="0" strokeVariation="1" '
            'armStyle="1" letterform="1" midline="1" xHeight="1"/></hh:font>')
    faces = "".join(f'<hh:fontface lang="{lang}" fontCnt="1">{font}</hh:fontface>' for lang in LANGS)
    chars = "".join(_char_pr(cid, size, bold) for (size, bold), cid in CHAR_SHAPES.items())
    paras = "".join(_para_pr(i, key) for i, key in enumerate(shapes.keys))
    return (f'{XML_DECL}<hh:head {NS} version="1.4" secCnt="1">'
            '<hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" equation="1"/>'
            f'<hh:refList><hh:fontfaces itemCnt="{len(LANGS)}">{faces}</hh:fontfaces>'
            f'<hh:borderFills itemCnt="3">{_border_fill(1, False)}{_border_fill(2, False)}'
            f'{_border_fill(3, True)}</hh:borderFills>'
            f'<hh:charProperties itemCnt="{len(CHAR_SHAPES)}">{chars}</hh:charProperties>'
            '<hh:tabProperties itemCnt="1"><hh:tabPr id="0" autoTabLeft="0" autoTabRight="0"/>'
            '</hh:tabProperties><hh:numberings itemCnt="0"/>'
            f'<hh:paraProperties itemCnt="{len(shapes.keys)}">{paras}</hh:paraProperties>'
            '<hh:styles itemCnt="1"><hh:style id="0" type="PARA" name="바탕글" engName="Normal" '
            'paraPrIDRef="0" charPrIDRef="0" nextStyleIDRef="0" langID="1042" lockForm="0"/>'
            '</hh:styles></hh:refList><hh:compatibleDocument targetProgram="HWP201X">'
            '<hh:layoutCompatibility/></hh:compatibleDocument><hh:docOption>'
            '<hh:linkinfo path="" pageInherit="0" footnoteInherit="0"/></hh:docOption>'
            '<hh:trackchageConfig flags="56"/></hh:head>')


SEC_PR = ('<hp:secPr id="" textDirection="HORIZONTAL" spaceColumns="1134" tabStop="8000" '
          'tabStopVal="4000" tabStopUnit="HWPUNIT" outlineShapeIDRef="0" memoShapeIDRef="0" '
          'textVerticalWidthHead="0" masterPageCnt="0"><hp:grid lineGrid="0" charGrid="0" '
          'wonggojiFormat="0"/><hp:startNum pageStartsOn="BOTH" page="0" pic="0" tbl="0" equation="0"/>'
          '<hp:visibility hideFirstHeader="0" hideFirstFooter="0" hideFirstMasterPage="0" '
          'border="SHOW_ALL" fill="SHOW_ALL" hideFirstPageNum="0" hideFirstEmptyLine="0" '
          'showLineNumber="0"/><hp:lineNumberShape restartType="0" countBy="0" distance="0" '
          f'startNumber="0"/><hp:pagePr landscape="WIDELY" width="{PAGE_W}" height="{PAGE_H}" '
          f'gutterType="LEFT_ONLY"><hp:margin header="4252" footer="4252" gutter="0" '
          f'left="{MARGIN_LR}" right="{MARGIN_LR}" top="5668" bottom="4252"/></hp:pagePr>'
          '<hp:pageBorderFill type="BOTH" borderFillIDRef="1" textBorder="PAPER" headerInside="0" '
          'footerInside="0" fillArea="PAPER"><hp:offset left="1417" right="1417" top="1417" '
          'bottom="1417"/></hp:pageBorderFill></hp:secPr>'
          '<hp:ctrl><hp:colPr id="" type="NEWSPAPER" layout="LEFT" colCount="1" sameSz="1" '
          'sameGap="0"/></hp:ctrl>')


class _Section:
    def __init__(self, shapes: _ParaShapes) -> None:
        self.shapes = shapes
        self.next_id = 1
        self.notes = 0

    def _pid(self) -> int:
        self.next_id += 1
        return self.next_id

    def para(self, para: Para, width: int, prefix: str = "", suffix: str = "") -> str:
        """``prefix`` and ``suffix`` are run content (controls, objects) around the text."""
        cid = CHAR_SHAPES[(para.size, para.bold)]
        text = f"<hp:t>{escape(para.text)}</hp:t>" if para.text else ""
        if para.footnote:
            self.notes += 1
            text += (f'<hp:ctrl><hp:footNote number="{self.notes}" suffixChar="41" '
                     f'instId="{1000 + self.notes}">{self.sub_list(Para(para.footnote, size="small"), width)}'
                     '</hp:footNote></hp:ctrl>')
        return (f'<hp:p id="{self._pid()}" paraPrIDRef="{self.shapes.id_for(para)}" styleIDRef="0" '
                f'pageBreak="0" columnBreak="0" merged="0"><hp:run charPrIDRef="{cid}">{prefix}{text}'
                f'{suffix}</hp:run>{_lineseg(width, para.size)}</hp:p>')

    def sub_list(self, para: Para, width: int) -> str:
        """A one-paragraph list, as headers, footers and notes hold their text."""
        return ('<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="TOP" '
                'linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" hasTextRef="0" '
                f'hasNumRef="0">{self.para(para, width)}</hp:subList>')

    def page_furniture(self, doc: Doc) -> str:
        """Header and footer controls for the first paragraph (none for most samples)."""
        out = ""
        for kind, text in (("header", doc.header), ("footer", doc.footer)):
            if text:
                out += (f'<hp:ctrl><hp:{kind} id="{self._pid()}" applyPageType="BOTH">'
                        f'{self.sub_list(Para(text, size="small"), TEXT_W)}</hp:{kind}></hp:ctrl>')
        return out

    def table(self, table: Table) -> str:
        widths = [int(TEXT_W * f) for f in table.widths]
        bf = 3 if table.borders else 1
        row_h = 1800
        rows = []
        for r in range(table.n_rows):
            cells = "".join(self._cell(c, widths, bf, row_h) for c in table.cells if c.row == r)
            rows.append(f"<hp:tr>{cells}</hp:tr>")
        return (f'<hp:tbl id="{self._pid()}" zOrder="0" numberingType="TABLE" textWrap="TOP_AND_BOTTOM" '
                f'textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" pageBreak="CELL" repeatHeader="0" '
                f'rowCnt="{table.n_rows}" colCnt="{table.n_cols}" cellSpacing="0" borderFillIDRef="{bf}" '
                f'noAdjust="0"><hp:sz width="{sum(widths)}" widthRelTo="ABSOLUTE" '
                f'height="{row_h * table.n_rows}" heightRelTo="ABSOLUTE" protect="0"/>'
                '<hp:pos treatAsChar="1" affectLSpacing="0" flowWithText="1" allowOverlap="0" '
                'holdAnchorAndSO="0" vertRelTo="PARA" horzRelTo="COLUMN" vertAlign="TOP" '
                'horzAlign="LEFT" vertOffset="0" horzOffset="0"/>'
                '<hp:outMargin left="0" right="0" top="0" bottom="0"/>'
                '<hp:inMargin left="510" right="510" top="141" bottom="141"/>'
                + "".join(rows) + "</hp:tbl>")

    def _cell(self, cell: Cell, widths: list[int], bf: int, row_h: int) -> str:
        width = sum(widths[cell.col:cell.col + cell.col_span])
        paras = "".join(self.para(p, width - 1020) for p in cell.paras)
        return (f'<hp:tc name="" header="0" hasMargin="0" protect="0" editable="0" dirty="0" '
                f'borderFillIDRef="{bf}"><hp:subList id="" textDirection="HORIZONTAL" '
                f'lineWrap="BREAK" vertAlign="CENTER" linkListIDRef="0" linkListNextIDRef="0" '
                f'textWidth="0" textHeight="0" hasTextRef="0" hasNumRef="0">{paras}</hp:subList>'
                f'<hp:cellAddr colAddr="{cell.col}" rowAddr="{cell.row}"/>'
                f'<hp:cellSpan colSpan="{cell.col_span}" rowSpan="{cell.row_span}"/>'
                f'<hp:cellSz width="{width}" height="{row_h * cell.row_span}"/>'
                '<hp:cellMargin left="510" right="510" top="141" bottom="141"/></hp:tc>')


def _lineseg(width: int, size: str) -> str:
    h = SIZE_HWP[size]
    return (f'<hp:linesegarray><hp:lineseg textpos="0" vertpos="0" vertsize="{h}" textheight="{h}" '
            f'baseline="{int(h * 0.85)}" spacing="{int(h * 0.6)}" horzpos="0" horzsize="{width}" '
            'flags="393216"/></hp:linesegarray>')


def _section(doc: Doc, shapes: _ParaShapes) -> str:
    sec = _Section(shapes)
    parts = []
    first = True
    for block in doc.blocks:
        prefix = SEC_PR + sec.page_furniture(doc) if first else ""
        if isinstance(block, Para):
            parts.append(sec.para(block, TEXT_W, prefix))
        elif block.lead is None:
            # A table sits in a run of its own anchoring paragraph, as Hancom writes it.
            anchor = Para("")
            parts.append(sec.para(anchor, TEXT_W, prefix + sec.table(block)))
        else:  # the table typed at the end of its introducing paragraph's text
            table = sec.table(block)
            parts.append(sec.para(block.lead, TEXT_W, prefix, suffix=table))
        first = False
    return f'{XML_DECL}<hs:sec {NS}>' + "".join(parts) + "</hs:sec>"


def _content_hpf(doc: Doc) -> str:
    return (f'{XML_DECL}<opf:package {NS} version="" unique-identifier="" id=""><opf:metadata>'
            f'<opf:title>{escape(doc.title)}</opf:title><opf:language>ko</opf:language>'
            f'<opf:meta name="creator" content="text">{escape(doc.author)}</opf:meta>'
            f'<opf:meta name="CreatedDate" content="text">{doc.created}</opf:meta>'
            f'<opf:meta name="ModifiedDate" content="text">{doc.created}</opf:meta>'
            '</opf:metadata><opf:manifest>'
            '<opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>'
            '<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/>'
            '<opf:item id="settings" href="settings.xml" media-type="application/xml"/>'
            '</opf:manifest><opf:spine><opf:itemref idref="header" linear="yes"/>'
            '<opf:itemref idref="section0" linear="yes"/></opf:spine></opf:package>')


VERSION_XML = (f'{XML_DECL}<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" '
               'tagetApplication="WORDPROCESSOR" major="5" minor="1" micro="0" buildNumber="1" '
               'os="1" xmlVersion="1.4" application="Hancom Office Hangul" '
               'appVersion="11, 0, 0, 0 WIN32LEWindows_10"/>')
CONTAINER_XML = (f'{XML_DECL}<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container" '
                 'xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf"><ocf:rootfiles>'
                 '<ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/>'
                 '<ocf:rootfile full-path="Preview/PrvText.txt" media-type="text/plain"/>'
                 '</ocf:rootfiles></ocf:container>')
MANIFEST_XML = (f'{XML_DECL}<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')
SETTINGS_XML = (f'{XML_DECL}<ha:HWPApplicationSetting xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" '
                'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0">'
                '<ha:CaretPosition listIDRef="0" paraIDRef="0" pos="0"/></ha:HWPApplicationSetting>')


def _preview(doc: Doc) -> str:
    from ..layout import plain_lines
    return "\r\n".join(plain_lines(doc))[:1024]


def render(doc: Doc) -> bytes:
    """The document as HWPX bytes."""
    shapes = _ParaShapes()
    section = _section(doc, shapes)      # first: it registers the paragraph shapes
    header = _header(shapes)
    return build_zip([
        ("mimetype", b"application/hwp+zip", False),
        ("version.xml", VERSION_XML.encode(), False),
        ("Contents/header.xml", header.encode(), True),
        ("Contents/section0.xml", section.encode(), True),
        ("Preview/PrvText.txt", _preview(doc).encode("utf-8"), True),
        ("settings.xml", SETTINGS_XML.encode(), True),
        ("META-INF/container.xml", CONTAINER_XML.encode(), True),
        ("Contents/content.hpf", _content_hpf(doc).encode(), True),
        ("META-INF/manifest.xml", MANIFEST_XML.encode(), True),
    ])
