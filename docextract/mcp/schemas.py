"""What each MCP tool takes and gives back, as Pydantic models: their JSON Schemas are the
tools' ``inputSchema`` and ``outputSchema``, and arguments are validated against them.

Every path is relative to the served folder (absolute paths inside it work too). Every
output has ``truncated`` and ``note``: the server cuts outputs to its size limit
(:mod:`.bounds`) and says there what it cut.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator, model_validator

from ..chunking import DEFAULT_MAX_CHARS, MIN_MAX_CHARS, Chunk
from ..redact import select_rules
from ..redact.lexicon import RULES
from ..summaries.summary import Summary

PATH = Field(description="The document's path, relative to the served folder.")
MAX_PAGES_ASKED = 1000


class Arguments(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocumentArguments(Arguments):
    path: str = PATH


class ReadDocumentArguments(DocumentArguments):
    format: Literal["text", "markdown"] = Field(
        "text", description="text: one line per paragraph (cells row by row); markdown: "
                            "headings and tables (GFM, or HTML where cells are merged).")
    pages: list[int] | None = Field(
        None, max_length=MAX_PAGES_ASKED,
        description="Only these pages (1-based); all pages when omitted.")

    @field_validator("pages")
    @classmethod
    def _positive(cls, pages: list[int] | None) -> list[int] | None:
        if pages is not None and any(p < 1 for p in pages):
            raise ValueError("pages are numbered from 1")
        return pages


class ExtractRecordArguments(DocumentArguments):
    type: str = Field("auto", description="A record type (see classify), or auto: the type "
                                          "that fits best, else the generic record.")


class SummarizeArguments(DocumentArguments):
    today: date | None = Field(None, description="Count D-days from this date (YYYY-MM-DD) "
                                                 "instead of the server's current date.")


class GetChunksArguments(DocumentArguments):
    max_chars: int = Field(DEFAULT_MAX_CHARS, ge=MIN_MAX_CHARS, le=100_000,
                           description="Longest chunk text, in characters.")
    overlap: int = Field(0, ge=0, description="Characters of the previous chunk repeated at "
                                              "the start of a text chunk (at most max_chars/2).")

    @model_validator(mode="after")
    def _overlap_fits(self) -> "GetChunksArguments":
        if self.overlap > self.max_chars // 2:
            raise ValueError(f"overlap must be at most max_chars/2 ({self.max_chars // 2})")
        return self


class RedactArguments(DocumentArguments):
    rules: list[Annotated[str, WithJsonSchema({"type": "string", "enum": list(RULES)})]] | None = \
        Field(None, description="The kinds of personal data to mask; all when omitted.")
    format: Literal["markdown", "text"] = Field("markdown", description="The masked document as "
                                                                        "Markdown or text.")
    keep_agency_contacts: bool = Field(
        False, description="Keep the issuing agency's landlines and official e-mail addresses "
                           "(mobiles are always masked).")

    @field_validator("rules")
    @classmethod
    def _known(cls, rules: list[str] | None) -> list[str] | None:
        if rules is not None:
            select_rules(rules)  # ValueError naming the unknown rules
        return rules


class ListDocumentsArguments(Arguments):
    subdir: str | None = Field(None, description="A folder under the served folder; the served "
                                                 "folder itself when omitted.")
    pattern: str | None = Field(None, description="A shell wildcard matched against the path "
                                                  "relative to the served folder or the file "
                                                  "name (*.hwp, 2025/*공문*).")


# ------------------------------------------------------------------------------ outputs


class Output(BaseModel):
    truncated: bool = Field(False, description="True when the output was cut to the server's "
                                               "size limit.")
    note: str | None = Field(None, description="What was cut, when truncated.")


class DocumentOutput(Output):
    path: str = Field(description="The document's path relative to the served folder.")
    format: str = Field(description="hwp, hwpx, docx or pdf (as read from the content).")


class ParseWarning(BaseModel):
    code: str
    message: str


class ReadDocumentOutput(DocumentOutput):
    output_format: Literal["text", "markdown"]
    page_count: int | None = Field(description="Pages of the document, where the format says.")
    pages: list[int] = Field(description="The pages the text comes from.")
    characters: int = Field(description="Length of the text before any cut.")
    text: str
    warnings: list[ParseWarning] = Field(description="What the reader skipped or doubted.")


class RecordOutput(DocumentOutput):
    type: str = Field(description="The record type extracted.")
    record: dict[str, Any] = Field(description="The record's fields; _evidence gives, for each "
                                               "field, the text, block path, span and page it "
                                               "was read from.")
    warnings: list[str]


class SummaryOutput(DocumentOutput):
    summary: Summary


class Span(BaseModel):
    row: int
    col: int
    row_span: int
    col_span: int


class TableOutput(BaseModel):
    path: str = Field(description="The table's block path (s0/b3; nested: s0/b3/r1c0/b0).")
    page: int | None
    role: str
    nested: bool = Field(description="True for a table inside another table's cell.")
    n_rows: int
    n_cols: int
    grid: list[list[str | None]] = Field(
        description="n_rows x n_cols cell texts: a merged cell's text is at its top-left slot, "
                    "null in the other slots it covers.")
    spans: list[Span] = Field(description="The merged cells (row_span or col_span over 1).")


class TablesOutput(DocumentOutput):
    count: int = Field(description="Tables in the document, nested ones included.")
    tables: list[TableOutput]


class ChunksOutput(DocumentOutput):
    count: int = Field(description="Chunks in the document.")
    chunks: list[Chunk]


class TypeScore(BaseModel):
    type: str
    score: float = Field(description="0 (does not fit) to 1 (certainly this type).")
    threshold: float = Field(description="The score the type must reach to be chosen.")
    description: str


class ClassifyOutput(DocumentOutput):
    type: str = Field(description="The type extract_record with type=auto uses (generic when "
                                  "none fits).")
    scores: list[TypeScore] = Field(description="Every registered type's score, best first "
                                        "(generic, the fallback, is not scored).")
    warnings: list[str]


class RedactOutput(DocumentOutput):
    output_format: Literal["markdown", "text"]
    complete: bool = Field(description="False when something found could not be masked.")
    text: str = Field(description="The masked document.")
    report: dict[str, Any] = Field(description="What was masked: rule, place and masked form "
                                               "of each finding, never the original value.")


class DocumentEntry(BaseModel):
    path: str
    size: int
    format: str | None = Field(description="The format its extension names.")
    modified: str = Field(description="Last modification, ISO 8601 (UTC).")


class ListOutput(Output):
    root: str = Field(description="The served folder.")
    count: int = Field(description="Documents listed.")
    documents: list[DocumentEntry]


__all__ = [
    "ClassifyOutput", "ChunksOutput", "DocumentArguments", "ExtractRecordArguments",
    "GetChunksArguments", "ListDocumentsArguments", "ListOutput", "ReadDocumentArguments",
    "ReadDocumentOutput", "RecordOutput", "RedactArguments", "RedactOutput", "SummarizeArguments",
    "SummaryOutput", "TablesOutput",
]
