"""Format-neutral blocks (paragraphs and tables with merged cells) that every writer renders the
same way, so one letter in HWP, HWPX, DOCX and PDF carries the same text in the same structure.
"""

from __future__ import annotations

from dataclasses import dataclass

from .spec import (LetterSpec, Signer, attachment_line, fmt_date, print_phone, signer_text,
                   spaced)


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

    title: str
    blocks: list[Block]
    author: str = "docextract samples"
    created: str = "2025-01-01T00:00:00Z"
    header: str | None = None      # page header and footer text, on every page
    footer: str | None = None
    company: str | None = None     # the DOCX Company property (docProps/app.xml)


GAP = "  "  # 2타 between a label and its value, as the 편람 asks


def _label(name: str, spec: LetterSpec) -> str:
    text = " ".join(name) if spec.layout.spaced_labels and len(name) == 2 else name
    return text + (":" if spec.layout.label_colon else "")


def _head(spec: LetterSpec) -> list[Block]:
    rows = [(_label("수신", spec), spec.recipient), ("(경유)", spec.via or ""),
            (_label("제목", spec), spec.title)]
    if spec.layout.head_table:
        cells = []
        for r, (label, value) in enumerate(rows):
            cells.append(Cell(r, 0, [Para(label, bold=r == 2)]))
            cells.append(Cell(r, 1, [Para(value, bold=r == 2)]))
        return [Table(3, 2, cells, [0.14, 0.86], borders=False)]
    return [Para(f"{label}{GAP}{value}".rstrip(), bold=i == 2) for i, (label, value) in enumerate(rows)]


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
    atts = spec.attachments
    if not atts:
        return []
    label = _label("붙임", spec)
    if len(atts) == 1:
        return [Para(f"{label}{GAP}{attachment_line(atts[0])}{GAP}끝.", space_before=True)]
    out = []
    for i, a in enumerate(atts, 1):
        tail = f"{GAP}끝." if i == len(atts) else ""
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


def _approval(spec: LetterSpec) -> list[Block]:
    signers = _signers(spec)
    mode = spec.layout.approval_table
    coop = _cooperator_text(spec)
    if mode == "lines":
        return [Para("   ".join(signer_text(s) for s in signers), space_before=True),
                Para(f"협조자{GAP}{coop}".rstrip())]
    n = len(signers)
    cells: list[Cell] = []
    if mode == "grid":
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
    phone = f"{lay.phone_label} {print_phone(spec.phone, lay.phone_form)}"
    if spec.fax:
        phone += f"{GAP}{lay.fax_label} {print_phone(spec.fax, lay.phone_form)}"
    contact = f"{phone} / {spec.email_printed} / {spec.disclosure}"
    return production, receipt, post, contact


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


def letter_doc(spec: LetterSpec) -> Doc:
    """The blocks of one letter, top to bottom: 두문, 본문, 붙임, 결문."""
    blocks: list[Block] = []
    if spec.slogan:
        blocks.append(Para(spec.slogan, align="center", size="small"))
    issuer = spaced(spec.issuer) if spec.layout.spaced_issuer else spec.issuer
    blocks.append(Para(issuer, align="center", size="large", bold=True))
    blocks += _head(spec)
    blocks += _body(spec)
    blocks += _attachments(spec)
    if spec.sender:
        sender = spaced(spec.sender) if spec.layout.spaced_sender else spec.sender
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
