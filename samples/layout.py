"""Format-neutral blocks (paragraphs and tables with merged cells) that every writer renders the
same way, so one letter in HWP, HWPX, DOCX and PDF carries the same text in the same structure.
"""

from __future__ import annotations

from dataclasses import dataclass

from .spec import (LetterSpec, Signer, attachment_line, fmt_date, print_phone,
                   printed_footer_value, signed_name, signer_text, spaced)


@dataclass
class Para:
    """One paragraph. ``indent`` is the left indent in 타 (Hangul character widths); wrapped lines
    of an item are indented by ``hanging`` more, the way HWP aligns text after an item marker."""

    text: str
    align: str = "left"        # left | center | right
    size: str = "normal"       # normal | large | small
    bold: bool = False
    indent: int = 0
    hanging: int = 0
    space_before: bool = False
    footnote: str | None = None   # a footnote anchored at the end of the paragraph
    comment: str | None = None    # a reviewer's comment on the paragraph (DOCX only)


@dataclass
class Cell:
    row: int
    col: int
    paras: list[Para]
    row_span: int = 1
    col_span: int = 1


@dataclass
class Table:
    """A grid; ``cells`` are the anchors in row-major order, merged cells spanning several slots.

    ``lead`` is the paragraph that introduces the table (``붙임 1. 현황표``). HWP and HWPX keep
    the table inside it, after its text, as Hangul does for a table typed at the end of a line;
    DOCX and PDF print it as a paragraph of its own just before the table."""

    n_rows: int
    n_cols: int
    cells: list[Cell]
    widths: list[float]            # column widths as fractions of the text width
    borders: bool = True
    lead: Para | None = None


Block = Para | Table


@dataclass
class Doc:
    """What a writer gets: blocks in reading order and the metadata every format records."""

    title: str                     # the metadata title
    blocks: list[Block]
    # the title printed in the body when the metadata holds another one (a stale title kept
    # from the file the document was copied from); by default the metadata title is printed
    printed_title: str | None = None
    author: str = "docextract samples"
    created: str = "2025-01-01T00:00:00Z"
    header: str | None = None      # page header and footer text, on every page
    footer: str | None = None
    company: str | None = None     # the DOCX Company property (docProps/app.xml)


GAP = "  "  # 2타 between a label and its value, as the 편람 asks


def _label(name: str, spec: LetterSpec) -> str:
    text = " ".join(name) if spec.layout.spaced_labels and len(name) == 2 else name
    return text + (":" if spec.layout.label_colon else "")


def _top(spec: LetterSpec) -> tuple[Para, Para, Para]:
    """The lines above 수신: slogan, 행정기관명 and the document code line (empty when not printed)."""
    lay = spec.layout
    issuer = spaced(spec.issuer, lay.issuer_gap) if lay.spaced_issuer else spec.issuer
    return (Para(spec.slogan or "", align="center", size="small"),
            Para(issuer, align="center", size="large", bold=True),
            Para(spec.doc_code or "", size="small"))


def _head(spec: LetterSpec) -> list[Block]:
    """Slogan, 행정기관명, code line, then 수신/(경유)/제목; with ``head_table_top`` all in the
    Seoul head table, the 행정기관명 centred between empty cells."""
    rows = [(_label(spec.layout.recipient_label, spec), spec.recipient), ("(경유)", spec.via or ""),
            (_label("제목", spec), spec.title)]
    slogan, issuer, code = _top(spec)
    if spec.layout.head_table and spec.layout.head_table_top:
        cells = [Cell(0, 0, [slogan], col_span=3), Cell(1, 0, [Para("")]), Cell(1, 1, [issuer]),
                 Cell(1, 2, [Para("")]), Cell(2, 0, [code], col_span=3)]
        for r, (label, value) in enumerate(rows, 3):
            cells.append(Cell(r, 0, [Para(label, bold=r == 5)]))
            cells.append(Cell(r, 1, [Para(value, bold=r == 5)], col_span=2))
        return [Table(6, 3, cells, [0.14, 0.72, 0.14], borders=False)]
    top: list[Block] = [p for p in (slogan, issuer, code) if p.text]
    if spec.layout.head_table:
        cells = []
        for r, (label, value) in enumerate(rows):
            cells.append(Cell(r, 0, [Para(label, bold=r == 2)]))
            cells.append(Cell(r, 1, [Para(value, bold=r == 2)]))
        return top + [Table(3, 2, cells, [0.14, 0.86], borders=False)]
    return top + [Para(f"{label}{GAP}{value}".rstrip(), bold=i == 2) for i, (label, value) in enumerate(rows)]


def _body(spec: LetterSpec) -> list[Para]:
    out = []
    for i, item in enumerate(spec.items):
        text = item.line
        if i == len(spec.items) - 1 and not spec.attachments:
            text += GAP + "끝."
        marker_width = (len(item.marker) + 1) // 2 + 1 if item.marker else 0
        out.append(Para(text, indent=item.level * 2, hanging=marker_width,
                        space_before=i == 0))
    return out


def _attachments(spec: LetterSpec) -> list[Para]:
    """The 붙임 list, ended by ``끝.``; or, with ``signers_after_attachments``, by the 결재 line
    run on after the last item (no ``끝.``), as some 결재문서 print it."""
    atts = spec.attachments
    if not atts:
        return []
    label = _label("따로붙임" if spec.separate_list else "붙임", spec)
    end = f"{GAP}끝."
    if spec.layout.signers_after_attachments:
        end = " " + _signers_line(spec)
    if len(atts) == 1:
        return [Para(f"{label}{GAP}{attachment_line(atts[0])}{end}", space_before=True)]
    out = []
    for i, a in enumerate(atts, 1):
        tail = end if i == len(atts) else ""
        line = f"{i}. {attachment_line(a)}{tail}"
        if i == 1:
            out.append(Para(f"{label}{GAP}{line}", space_before=True))
        else:
            out.append(Para(line, indent=3))
    return out


def _signers(spec: LetterSpec) -> list[Signer]:
    return [spec.drafter, *spec.reviewers, spec.approver]


def _cooperator_text(spec: LetterSpec) -> str:
    return ", ".join(f"{c.position} {c.name}" for c in spec.cooperators)


def _signers_line(spec: LetterSpec) -> str:
    return "   ".join(signer_text(s) for s in _signers(spec))


def _position(s: Signer) -> Para:
    return Para(("★" if s.initiator else "") + s.position, align="center")


def _dated_grid(spec: LetterSpec) -> tuple[list[Cell], int, int]:
    """A positions row above a names row whose approver's MM/DD is a cell of its own: beside
    the name in the names row (``name_row``: the approver's position spans both), or in a row
    of its own between the position and the name (``own_cell``: the other names span it).
    Returns (cells, the 협조자 row, the number of columns)."""
    signers = _signers(spec)
    *others, approver = signers
    n = len(others)
    cells = [Cell(0, c, [_position(s)]) for c, s in enumerate(others)]
    name = Para(signer_text(approver, with_position=False, with_date=False), align="center")
    date = Para(approver.mmdd or "", align="center")
    if spec.layout.approver_date == "name_row":
        cells.append(Cell(0, n, [_position(approver)], col_span=2))
        cells += [Cell(1, c, [Para(signer_text(s, with_position=False), align="center")])
                  for c, s in enumerate(others)]
        cells += [Cell(1, n, [date]), Cell(1, n + 1, [name])]
        return cells, 2, n + 2
    cells.append(Cell(0, n, [_position(approver)]))
    cells += [Cell(1, c, [Para(signer_text(s, with_position=False), align="center")], row_span=2)
              for c, s in enumerate(others)]
    cells += [Cell(1, n, [date]), Cell(2, n, [name])]
    return cells, 3, n + 1


def _approval(spec: LetterSpec) -> list[Block]:
    signers = _signers(spec)
    mode = spec.layout.approval_table
    coop = _cooperator_text(spec)
    if mode == "lines":
        if spec.layout.signers_after_attachments:   # the 결재 line is on the 붙임 line
            return [Para(f"협조자{GAP}{coop}".rstrip(), space_before=True)]
        return [Para(_signers_line(spec), space_before=True),
                Para(f"협조자{GAP}{coop}".rstrip())]
    n = len(signers)
    cells: list[Cell] = []
    if mode == "grid" and spec.layout.approver_date != "inline":
        cells, coop_row, n = _dated_grid(spec)
    elif mode == "grid":
        for c, s in enumerate(signers):
            cells.append(Cell(0, c, [Para(("★" if s.initiator else "") + s.position, align="center")]))
        for c, s in enumerate(signers):
            cells.append(Cell(1, c, [Para(signer_text(s, with_position=False), align="center")]))
        coop_row = 2
    else:
        for c, s in enumerate(signers):
            cells.append(Cell(0, c, [Para(("★" if s.initiator else "") + s.position, align="center"),
                                     Para(signer_text(s, with_position=False), align="center")]))
        coop_row = 1
    if n > 1:
        cells.append(Cell(coop_row, 0, [Para("협조자", align="center")]))
        cells.append(Cell(coop_row, 1, [Para(coop)], col_span=n - 1))
    else:
        cells.append(Cell(coop_row, 0, [Para(f"협조자 {coop}".rstrip())]))
    return [Table(coop_row + 1, n, cells, [1.0 / n] * n, borders=True)]


def _footer_parts(spec: LetterSpec) -> tuple[str, str, str, str]:
    """The 시행 value, the 접수 value, the 우 line and the 전화 line, as printed."""
    lay = spec.layout
    production = f"{spec.printed_document_number} ({fmt_date(spec.enforcement)})"
    receipt = ""
    if spec.receipt:
        dept, serial, d = spec.receipt
        receipt = f"{dept}-{serial} ({fmt_date(d)})"
    post = f"우 {spec.postal_code}{GAP}{spec.address}" + (f" / {spec.homepage}" if spec.homepage else "")
    phone = f"{lay.phone_label} {_printed_phone(spec, 'phone')}"
    if spec.fax:
        phone += f"{GAP}{lay.fax_label} {_printed_phone(spec, 'fax')}"
    contact = f"{phone} / {spec.email_printed} / {spec.disclosure}"
    return production, receipt, post, contact


def _printed_phone(spec: LetterSpec, name: str) -> str:
    number = getattr(spec, name)
    return printed_footer_value(spec, name, print_phone(number, spec.layout.phone_form)) if number else ""


def _footer(spec: LetterSpec) -> list[Block]:
    production, receipt, post, contact = _footer_parts(spec)
    if not spec.layout.footer_table:
        return [Para(f"시행{GAP}{production}   접수{(GAP + receipt) if receipt else ''}", size="small"),
                Para(post, size="small"), Para(contact, size="small")]
    cells = [Cell(0, 0, [Para("시행", size="small")]), Cell(0, 1, [Para(production, size="small")]),
             Cell(0, 2, [Para("접수", size="small")]), Cell(0, 3, [Para(receipt, size="small")]),
             Cell(1, 0, [Para(post, size="small")], col_span=4),
             Cell(2, 0, [Para(contact, size="small")], col_span=4)]
    return [Table(3, 4, cells, [0.1, 0.4, 0.1, 0.4], borders=True)]


# ------------------------------------------------------------------ the Seoul 결문 template

# Cell widths are sized for their text the way a template's author sizes them: Hangul about
# one em wide, Latin letters and digits about 0.6 em, a space about 0.3 em (NanumGothic and
# 함초롬바탕 are close to that), plus the cell's padding; in per mille of the text width (170 mm).
_PT_MM = 25.4 / 72
_TEXT_MM = 170.0
_PAD_MM = 4.0
_POINTS = {"normal": 11, "large": 16, "small": 9}


def _needed(text: str, size: str) -> int:
    """Per mille of the text width a cell needs to hold ``text`` on one line."""
    ems = sum(0.3 if ch == " " else 0.95 if ord(ch) >= 0x1100 else 0.62 for ch in text)
    return int((ems * _POINTS[size] * _PT_MM + _PAD_MM) / _TEXT_MM * 1000) + 1


class _Placed:
    """Cells placed by their left edge and width (per mille): the table's columns are the union
    of all edges, as in a 결재 template whose rows are cut into cells of different widths."""

    def __init__(self) -> None:
        self.cells: list[tuple[int, int, int, int, list[Para]]] = []   # row, x0, x1, row span, paras

    def add(self, row: int, x0: int, width: int, text: str = "", size: str = "normal", *,
            row_span: int = 1, align: str = "center", bold: bool = False) -> int:
        self.cells.append((row, x0, x0 + width, row_span, [Para(text, align=align, size=size, bold=bold)]))
        return x0 + width

    def row(self, row: int, texts: list[tuple[str, int]], size: str = "small") -> None:
        """One row left to right, each cell ``(text, width)``; the last cell takes the rest."""
        x = 0
        for text, width in texts[:-1]:
            x = self.add(row, x, width, text, size)
        if x >= 1000:
            raise ValueError(f"row {row} of the 결문 table is wider than the page: {texts}")
        self.add(row, x, 1000 - x, texts[-1][0], size)

    def table(self) -> Table:
        edges = sorted({0, 1000} | {x for c in self.cells for x in c[1:3]})
        if edges[-1] != 1000:
            raise ValueError("a 결문 table cell reaches past the right margin")
        cells = [Cell(r, edges.index(x0), paras, row_span=rs, col_span=edges.index(x1) - edges.index(x0))
                 for r, x0, x1, rs, paras in self.cells]
        cells.sort(key=lambda c: (c.row, c.col))
        n_rows = max(c.row + c.row_span for c in cells)
        return Table(n_rows, len(edges) - 1, cells,
                     [(b - a) / 1000 for a, b in zip(edges, edges[1:])], borders=True)


def _sized(text: str, size: str = "small", narrow: bool = False) -> tuple[str, int]:
    """A cell just wide enough for ``text``; ``narrow``: too narrow, so the PDF wraps inside it."""
    need = _needed(text, size)
    return text, (need * 11 // 20 if narrow else need)


def _seoul_closing(spec: LetterSpec) -> Table:
    """The Seoul template's 결문, one ruled table: 발신명의; ``수신자 | list``; the 결재란, each
    signer's position and name cells side by side spanning two rows, the final approver's
    column a date cell above the name cell; the 협조자 row; then ``시행 | 번호 | ( | 날짜 | )
    | 접수 | …``, ``우 | 우편번호 | 주소 | / | 홈페이지`` and ``전화 | … | /전송 | … | / |
    e-mail | / | 공개구분``, every value in a cell of its own."""
    lay = spec.layout
    grid = _Placed()
    sender = spaced(spec.sender, lay.sender_gap) if spec.sender and lay.spaced_sender else spec.sender or ""
    x = grid.add(0, 0, 200)
    x = grid.add(0, x, 600, sender, "large", bold=True)
    grid.add(0, x, 1000 - x)
    listed = ", ".join(spec.recipient_list)
    x = grid.add(1, 0, 120, "수신자" if listed else "")
    grid.add(1, x, 1000 - x, listed, align="left")
    grid.row(2, [("", 0)])
    # the 결재란: rows 3 and 4
    *others, approver = _signers(spec)
    x = 0
    for s in others:
        position = ("★" if s.initiator else "") + s.position
        name = signed_name(s)
        x = grid.add(3, x, _needed(position, "normal"), position, row_span=2)
        x = grid.add(3, x, _needed(name, "normal"), name, row_span=2)
        x = grid.add(3, x, 15, row_span=2)
    x = grid.add(3, x, _needed(approver.position, "normal"), approver.position, row_span=2)
    name = signer_text(approver, with_position=False, with_date=False)
    width = max(_needed(name, "normal"), _needed(approver.mmdd or "", "normal"))
    grid.add(3, x, width, approver.mmdd or "")
    grid.add(4, x, width, name)
    if x + width < 1000:
        grid.add(3, x + width, 1000 - x - width, row_span=2)
    elif x + width > 1000:
        raise ValueError("the 결재란 is wider than the page")
    coop = [("협조자", 100)]
    for c in spec.cooperators:
        coop += [(c.position, _needed(c.position, "normal")),
                 (signed_name(c), _needed(signed_name(c), "normal"))]
    grid.row(5, coop + [("", 0)], "normal")
    grid.row(6, [("", 0)])
    production = [("시행", 60), _sized(spec.printed_document_number), ("(", 25),
                  _sized(fmt_date(spec.enforcement)), (")", 25)]
    receipt_no, receipt_date = "", ""
    if spec.receipt:
        dept, serial, d = spec.receipt
        receipt_no, receipt_date = f"{dept}-{serial}", fmt_date(d)
    receipt = [("접수", 60), (receipt_no, max(_needed(receipt_no, "small"), 150)), ("(", 25),
               (receipt_date, max(_needed(receipt_date, "small"), 100)), (")", 0)]
    grid.row(7, production + receipt)
    narrow = lay.narrow_footer
    post = [("우", 40), _sized(spec.postal_code, narrow=narrow), _sized(spec.address, narrow=narrow),
            ("/", 30)]
    homepage = spec.homepage or ""
    grid.row(8, post + ([_sized(homepage, narrow=True), ("", 0)] if narrow else [(homepage, 0)]))
    phone = [(lay.phone_label, 60), _sized(_printed_phone(spec, "phone")), ("/" + lay.fax_label, 70),
             _sized(_printed_phone(spec, "fax")), ("/", 30), _sized(spec.email_printed, narrow=narrow),
             ("/", 30), (spec.disclosure, 0)]
    grid.row(9, phone)
    return grid.table()


def letter_doc(spec: LetterSpec) -> Doc:
    """The blocks of one letter, top to bottom: 두문, 본문, 붙임, 결문."""
    blocks: list[Block] = []
    blocks += _head(spec)
    blocks += _body(spec)
    blocks += _attachments(spec)
    if spec.layout.closing == "seoul":
        blocks.append(_seoul_closing(spec))
        return Doc(title=spec.title, blocks=blocks)
    if spec.sender:
        sender = spaced(spec.sender, spec.layout.sender_gap) if spec.layout.spaced_sender else spec.sender
        blocks.append(Para(sender, align="center", size="large", bold=True, space_before=True))
    if spec.recipient_list:
        blocks.append(Para(f"수신자{GAP}" + ", ".join(spec.recipient_list)))
    blocks += _approval(spec)
    blocks += _footer(spec)
    return Doc(title=spec.title, blocks=blocks)


def plain_lines(doc: Doc) -> list[str]:
    """Every paragraph's text in reading order (cells row by row): what a reader should find."""
    out = []
    for block in doc.blocks:
        if isinstance(block, Para):
            out.append(block.text)
        else:
            if block.lead is not None:
                out.append(block.lead.text)
            for cell in block.cells:
                out += [p.text for p in cell.paras]
    return out
