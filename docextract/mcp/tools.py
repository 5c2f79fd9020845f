"""The MCP tools as plain functions: a :class:`~.workspace.Workspace` and validated
arguments in, the output's JSON-ready data out. They know nothing of the protocol
(:mod:`.server` does), read only files under the workspace's root and parse them under
its limits. Failures are :class:`docextract.errors.DocextractError` with their codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from pydantic import BaseModel

from ..errors import ExtractionError, LimitExceeded
from . import schemas as s
from .workspace import Workspace, invalid_argument

if TYPE_CHECKING:
    from ..model import Document, Table

MAX_GRID_SLOTS = 1_000_000
"""Slots (rows x columns) of the largest table grid ``get_tables`` builds."""


def _open(ws: Workspace, path: str) -> tuple["Document", str]:
    """The parsed document ``path`` names (from the workspace's cache when its bytes have
    been parsed before) and its name relative to the root."""
    from ..api import parse

    data, shown = ws.read(path)
    doc = ws.cache.get_or_parse(data, shown, lambda: parse(data, limits=ws.limits, name=shown))
    return doc, shown


def _top(path: str) -> str:
    """The top-level block a block path belongs to (``s0/b3/r1c0/b0`` → ``s0/b3``)."""
    return "/".join(path.split("/")[:2])


def read_document(ws: Workspace, args: s.ReadDocumentArguments) -> dict[str, Any]:
    from ..markdown import render

    doc, shown = _open(ws, args.path)
    blocks = doc.blocks
    if args.pages:
        wanted = set(args.pages)
        blocks = [b for b in doc.blocks if b.prov.page in wanted]
        if not blocks:
            known = sorted({b.prov.page for b in doc.blocks if b.prov.page is not None})
            raise invalid_argument(f"{shown} has no text on page(s) {sorted(wanted)[:20]} "
                                   f"(pages with text: {_ranges(known) or 'none'})")
    if args.format == "markdown":
        text = render(blocks)
    elif blocks is doc.blocks:
        text = doc.text
    else:
        chosen = {b.prov.path for b in blocks}
        lines = [p.text for p in doc.paragraphs() if _top(p.prov.path) in chosen]
        text = "\n".join(lines) + "\n" if lines else ""
    return {"path": shown, "format": doc.format, "output_format": args.format,
            "page_count": doc.metadata.page_count,
            "pages": sorted({b.prov.page for b in blocks if b.prov.page is not None}),
            "characters": len(text), "text": text,
            "warnings": [{"code": w.code, "message": w.message} for w in doc.warnings]}


def _ranges(pages: list[int]) -> str:
    out: list[str] = []
    for page in pages:
        if out and out[-1].split("-")[-1] == str(page - 1):
            out[-1] = f"{out[-1].split('-')[0]}-{page}"
        else:
            out.append(str(page))
    return ", ".join(out)


def extract_record(ws: Workspace, args: s.ExtractRecordArguments) -> dict[str, Any]:
    from ..extraction import extract
    from ..registry import extractors

    known = extractors().names()
    if args.type != "auto" and args.type not in known:
        raise ExtractionError(f"unknown record type {args.type!r} "
                              f"(known: auto, {', '.join(sorted(known))})")
    doc, shown = _open(ws, args.path)
    record = extract(doc, type=args.type)
    return {"path": shown, "format": doc.format, "type": record.record_type,
            "record": record.to_dict(evidence=True), "warnings": list(record.warnings)}


def summarize(ws: Workspace, args: s.SummarizeArguments) -> dict[str, Any]:
    from ..serialize import to_jsonable
    from ..summaries import summarize as make_summary

    doc, shown = _open(ws, args.path)
    summary = make_summary(doc, today=args.today)
    return {"path": shown, "format": doc.format, "summary": to_jsonable(summary)}


def get_tables(ws: Workspace, args: s.DocumentArguments) -> dict[str, Any]:
    doc, shown = _open(ws, args.path)
    tables = [_table(t) for t in doc.tables()]
    return {"path": shown, "format": doc.format, "count": len(tables), "tables": tables}


def _table(table: "Table") -> dict[str, Any]:
    slots = table.n_rows * table.n_cols
    if slots > MAX_GRID_SLOTS:
        raise LimitExceeded(f"table {table.prov.path} has {table.n_rows:,} x {table.n_cols:,} "
                            f"slots, past the {MAX_GRID_SLOTS:,} a grid is built for",
                            limit="max_grid_slots")
    grid: list[list[str | None]] = []
    for r, row in enumerate(table.grid()):
        line: list[str | None] = []
        for k, cell in enumerate(row):
            if cell is None:
                line.append("")
            elif (cell.row, cell.col) == (r, k):
                line.append(cell.text)
            else:
                line.append(None)  # covered by a merged cell anchored elsewhere
        grid.append(line)
    spans = [{"row": c.row, "col": c.col, "row_span": c.row_span, "col_span": c.col_span}
             for c in table.cells() if c.row_span > 1 or c.col_span > 1]
    return {"path": table.prov.path, "page": table.prov.page,
            "role": str(getattr(table.role, "value", table.role)),
            "nested": "/r" in table.prov.path, "n_rows": table.n_rows, "n_cols": table.n_cols,
            "grid": grid, "spans": spans}


def get_chunks(ws: Workspace, args: s.GetChunksArguments) -> dict[str, Any]:
    from ..chunking import chunks

    doc, shown = _open(ws, args.path)
    found = chunks(doc, max_chars=args.max_chars, overlap=args.overlap)
    return {"path": shown, "format": doc.format, "count": len(found),
            "chunks": [c.to_dict() for c in found]}


def classify(ws: Workspace, args: s.DocumentArguments) -> dict[str, Any]:
    from ..extraction import classify as classify_document
    from ..registry import extractors

    doc, shown = _open(ws, args.path)
    found = classify_document(doc)
    return {"path": shown, "format": doc.format, "type": found.chosen,
            "scores": [{"type": t.type, "score": round(t.score, 4), "threshold": t.threshold,
                        "description": extractors().get(t.type).description or ""}
                       for t in found.scores],
            "warnings": found.warnings}


def redact_document(ws: Workspace, args: s.RedactArguments) -> dict[str, Any]:
    from ..redact import redact

    data, shown = ws.read(args.path)
    result = redact(data, output_format=args.format, rules=args.rules,
                    keep_agency_contacts=args.keep_agency_contacts, limits=ws.limits, name=shown)
    return {"path": shown, "format": result.format, "output_format": args.format,
            "complete": result.complete, "text": result.output, "report": result.report()}


def list_documents(ws: Workspace, args: s.ListDocumentsArguments) -> dict[str, Any]:
    entries, note = ws.list_documents(args.subdir, args.pattern)
    return {"root": str(ws.root), "count": len(entries), "documents": entries,
            "truncated": note is not None, "note": note}


@dataclass(frozen=True)
class ToolSpec:
    """One tool: its name, what it does, its argument and output models and its function."""

    name: str
    title: str
    description: str
    arguments: type[BaseModel]
    output: type[BaseModel]
    run: Callable[[Workspace, Any], dict[str, Any]]
    text_key: str | None = None
    """The output field that is the tool's text for the model to read (else its JSON)."""


TOOLS: tuple[ToolSpec, ...] = (
    ToolSpec("list_documents", "List documents",
             "List the documents (HWP, HWPX, DOCX, PDF) under the served folder, or under one "
             "of its subfolders, optionally filtered by a wildcard.",
             s.ListDocumentsArguments, s.ListOutput, list_documents),
    ToolSpec("read_document", "Read a document",
             "The text of a Korean government document (HWP, HWPX, DOCX or PDF) as plain text "
             "or Markdown with headings and tables, whole or only some pages.",
             s.ReadDocumentArguments, s.ReadDocumentOutput, read_document, text_key="text"),
    ToolSpec("extract_record", "Extract a typed record",
             "The document's typed record (공문: 제목, 수신자, 기한, 붙임, 담당자 ...; 보도자료: "
             "보도일시, 담당 부서 ...; 공고/고시: 공고번호, 기한 ...; 회의록: 일시, 장소, 결정사항; "
             "보고서: □ outline; else the generic record), each field with the evidence it was "
             "read from.",
             s.ExtractRecordArguments, s.RecordOutput, extract_record),
    ToolSpec("summarize", "Summarize a document",
             "What the document asks, by when (deadline and D-day), its attachments, whom to "
             "contact, and its key sentences.",
             s.SummarizeArguments, s.SummaryOutput, summarize),
    ToolSpec("get_tables", "Get the tables",
             "Every table of the document as a grid of cell texts, with its merged cells, page "
             "and block path.",
             s.DocumentArguments, s.TablesOutput, get_tables),
    ToolSpec("get_chunks", "Cut into chunks",
             "The document cut into retrieval chunks that follow its structure, each with its "
             "breadcrumb of headings, pages, block paths and span in the text.",
             s.GetChunksArguments, s.ChunksOutput, get_chunks),
    ToolSpec("classify", "Classify a document",
             "Which document type the document is: every registered type's score and the type "
             "extract_record picks for it.",
             s.DocumentArguments, s.ClassifyOutput, classify),
    ToolSpec("redact_document", "Mask personal data",
             "The document with personal data masked (주민등록번호, phones, e-mail, names and "
             "addresses in labelled fields, account and card numbers ...) as Markdown or text, "
             "and a report of what was masked (never the original values).",
             s.RedactArguments, s.RedactOutput, redact_document, text_key="text"),
)


__all__ = ["MAX_GRID_SLOTS", "TOOLS", "ToolSpec"]
