"""The MCP tools through the SDK's in-memory client: their listing and schemas, and each
tool on the samples, its output checked against its output schema and against what the
library gives for the same file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import docextract

from .talk import call, error_of, listed_tools, output, session

TOOLS = {"list_documents", "read_document", "extract_record", "summarize", "get_tables",
         "get_chunks", "classify", "redact_document"}
SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"


def checked(server, name, args):
    """The tool's output, validated against the output schema the server lists."""
    import jsonschema

    data = output(call(server, name, args))
    jsonschema.validate(data, listed_tools(server)[name].output_schema)
    return data


# ------------------------------------------------------------------------------ listing


def test_the_eight_tools_are_listed_read_only(server):
    tools = listed_tools(server)
    assert set(tools) == TOOLS
    for tool in tools.values():
        assert tool.description and tool.title
        assert tool.annotations.read_only_hint is True
        assert tool.annotations.destructive_hint is False


def test_input_schemas_name_the_arguments_and_refuse_others(server):
    tools = listed_tools(server)
    for name, tool in tools.items():
        schema = tool.input_schema
        assert schema["type"] == "object" and schema["additionalProperties"] is False
        if name != "list_documents":
            assert schema["required"] == ["path"], name
    read = tools["read_document"].input_schema["properties"]
    assert read["format"]["enum"] == ["text", "markdown"]
    assert read["pages"]["anyOf"][0]["items"] == {"type": "integer"}
    chunks = tools["get_chunks"].input_schema["properties"]
    assert chunks["max_chars"]["minimum"] == 40 and chunks["max_chars"]["default"] == 1000
    rules = tools["redact_document"].input_schema["properties"]["rules"]["anyOf"][0]["items"]
    assert {"rrn", "phone", "email", "name"} <= set(rules["enum"])
    assert tools["summarize"].input_schema["properties"]["today"]["anyOf"][0]["format"] == "date"
    assert set(tools["list_documents"].input_schema["properties"]) == {"subdir", "pattern"}


def test_output_schemas_type_every_field(server):
    tools = listed_tools(server)
    for tool in tools.values():
        props = tool.output_schema["properties"]
        assert {"truncated", "note"} <= set(props), tool.name
    summary = tools["summarize"].output_schema
    assert {"deadline", "d_day", "contacts", "attachments"} <= set(
        summary["$defs"]["Summary"]["properties"])
    chunk = tools["get_chunks"].output_schema["$defs"]["Chunk"]["properties"]
    assert {"text", "breadcrumb", "pages", "paths", "span"} <= set(chunk)
    table = tools["get_tables"].output_schema["$defs"]["TableOutput"]["properties"]
    assert {"grid", "spans", "page", "path"} <= set(table)
    record = tools["extract_record"].output_schema["properties"]
    assert record["record"]["type"] == "object"


# ------------------------------------------------------------------------------ each tool


def test_list_documents_lists_what_is_under_the_root(server, served):
    data = checked(server, "list_documents", {})
    paths = [d["path"] for d in data["documents"]]
    assert paths == ["broken.docx", "letter-01.docx", "minutes-01.docx", "press-01.hwp",
                     "three-pages.pdf", "letters/letter-01.hwp", "letters/letter-02.pdf",
                     "letters/letter-03.hwpx"]  # files by name, then subfolders; no notes.txt
    entry = next(d for d in data["documents"] if d["path"] == "letters/letter-02.pdf")
    assert entry["format"] == "pdf" and entry["size"] == (served / "letters/letter-02.pdf").stat().st_size
    assert data["count"] == 8 and data["root"] == str(served.resolve())
    assert data["truncated"] is False


def test_list_documents_by_folder_and_pattern(server):
    sub = checked(server, "list_documents", {"subdir": "letters"})
    assert [d["path"] for d in sub["documents"]] == [
        "letters/letter-01.hwp", "letters/letter-02.pdf", "letters/letter-03.hwpx"]
    hwp = checked(server, "list_documents", {"pattern": "*.hwp"})
    assert [d["path"] for d in hwp["documents"]] == ["press-01.hwp", "letters/letter-01.hwp"]
    named = checked(server, "list_documents", {"pattern": "letter-0[12].*"})
    assert len(named["documents"]) == 3


def test_list_documents_is_bounded(sdk, served):
    from docextract.mcp import build_server, config

    data = output(call(build_server(config(served, max_listed=3)), "list_documents", {}))
    assert data["count"] == 3 and data["truncated"] is True
    assert "first 3 documents" in data["note"]


@pytest.mark.parametrize("name", ["letters/letter-01.hwp", "letters/letter-02.pdf",
                                  "letters/letter-03.hwpx", "letter-01.docx"])
def test_read_document_gives_the_documents_text(server, served, name):
    data = checked(server, "read_document", {"path": name})
    doc = docextract.parse(served / name)
    assert data["text"] == doc.text and data["characters"] == len(doc.text)
    assert data["format"] == doc.format and data["path"] == name
    assert data["pages"] == [1]
    result = call(server, "read_document", {"path": name})
    assert result.content[0].text == doc.text  # the model reads the text itself


def test_read_document_as_markdown(server, served):
    data = checked(server, "read_document", {"path": "press-01.hwp", "format": "markdown"})
    assert data["text"] == docextract.parse(served / "press-01.hwp").to_markdown()
    assert data["output_format"] == "markdown" and data["text"].startswith("# 보도자료")
    assert "<td colspan=\"3\">" in data["text"]  # merged cells as HTML


def test_read_document_by_pages(server):
    whole = checked(server, "read_document", {"path": "three-pages.pdf"})
    assert whole["page_count"] == 3 and whole["pages"] == [1, 2, 3]
    two = checked(server, "read_document", {"path": "three-pages.pdf", "pages": [2]})
    assert two["pages"] == [2]
    assert two["text"] == ("Safety training schedule and venues.\nThis paragraph belongs to "
                           "page 2 and says something different each time, 14 items.\n")
    some = checked(server, "read_document", {"path": "three-pages.pdf", "pages": [3, 1],
                                             "format": "markdown"})
    assert some["pages"] == [1, 3]
    assert "page 1 and" in some["text"] and "page 3 and" in some["text"]
    assert "page 2" not in some["text"] and "\n\n" in some["text"]
    error = error_of(call(server, "read_document", {"path": "three-pages.pdf", "pages": [7]}))
    assert error["code"] == "invalid-argument" and "1-3" in error["message"]


def test_extract_record_gives_the_record_with_evidence(server):
    data = checked(server, "extract_record", {"path": "letters/letter-01.hwp"})
    expected = json.loads((SAMPLES / "expected/letter-01.official_letter.json").read_text("utf-8"))
    record = data["record"]
    assert data["type"] == record["type"] == "official_letter"
    for key in ("title", "issuer", "document_number", "deadline", "recipients"):
        assert record[key] == expected[key], key
    title_evidence = record["_evidence"]["title"][0]
    assert title_evidence["text"] == expected["title"] and title_evidence["path"]


def test_extract_record_of_a_named_type(server):
    data = checked(server, "extract_record", {"path": "letters/letter-01.hwp", "type": "generic"})
    assert data["type"] == data["record"]["type"] == "generic"
    error = error_of(call(server, "extract_record", {"path": "letter-01.docx", "type": "invoice"}))
    assert error["code"] == "extraction" and "auto" in error["message"]


def test_summarize_counts_d_days_from_today(server, served):
    data = checked(server, "summarize", {"path": "letter-01.docx", "today": "2025-09-30"})
    summary = data["summary"]
    expected = docextract.summarize(served / "letter-01.docx", today=date(2025, 9, 30))
    assert summary["deadline"] == expected.deadline == "2025-10-02T18:00"
    assert summary["d_day"]["label"] == "D-2" and summary["today"] == "2025-09-30"
    assert summary["source"] == "letter-01.docx"  # the path as the caller knows it
    error = error_of(call(server, "summarize", {"path": "letter-01.docx", "today": "30/9/2025"}))
    assert error["code"] == "invalid-argument" and "today" in error["message"]


def test_get_tables_gives_grids_with_spans(server, served):
    data = checked(server, "get_tables", {"path": "press-01.hwp"})
    tables = list(docextract.parse(served / "press-01.hwp").tables())
    assert data["count"] == len(tables) == 2
    for got, table in zip(data["tables"], tables):
        assert got["path"] == table.prov.path and got["page"] == 1
        assert len(got["grid"]) == table.n_rows and all(len(r) == table.n_cols for r in got["grid"])
        for cell in table.cells():
            assert got["grid"][cell.row][cell.col] == cell.text
        merged = [c for c in table.cells() if c.row_span > 1 or c.col_span > 1]
        assert [(s["row"], s["col"], s["row_span"], s["col_span"]) for s in got["spans"]] == [
            (c.row, c.col, c.row_span, c.col_span) for c in merged]
        for c in merged:  # the slots a merged cell covers, past its anchor, are null
            assert got["grid"][c.row + c.row_span - 1][c.col + c.col_span - 1] is None
    assert any(t["spans"] for t in data["tables"])


def test_get_chunks_follows_the_library(server, served):
    data = checked(server, "get_chunks", {"path": "press-01.hwp", "max_chars": 200,
                                          "overlap": 20})
    expected = docextract.chunks(docextract.parse(served / "press-01.hwp"), max_chars=200,
                                 overlap=20)
    assert data["count"] == len(expected) > 1
    assert [c["text"] for c in data["chunks"]] == [c.text for c in expected]
    assert all(len(c["text"]) <= 200 for c in data["chunks"])
    error = error_of(call(server, "get_chunks", {"path": "press-01.hwp", "max_chars": 100,
                                                 "overlap": 80}))
    assert error["code"] == "invalid-argument" and "overlap" in error["message"]


def test_classify_scores_the_types(server, served):
    letter = checked(server, "classify", {"path": "letters/letter-01.hwp"})
    assert letter["type"] == "official_letter"
    best = letter["scores"][0]
    assert best["type"] == "official_letter" and best["score"] >= best["threshold"] and best["description"]
    minutes = checked(server, "classify", {"path": "minutes-01.docx"})
    assert minutes["type"] == "minutes" == docextract.classify(served / "minutes-01.docx").chosen
    assert minutes["scores"][0]["type"] == "minutes" and not minutes["warnings"]


def test_redact_document_masks_and_reports_without_the_values(server, served):
    data = checked(server, "redact_document", {"path": "letters/letter-01.hwp"})
    original = docextract.parse(served / "letters/letter-01.hwp").text
    report = data["report"]
    assert report["counts"]["phone"] >= 1 and data["complete"] is True
    assert "●" in data["text"] and data["output_format"] == "markdown"
    whole = json.dumps(data, ensure_ascii=False)
    in_text = [f for f in report["findings"] if f["span"] is not None]
    assert len(in_text) >= 3
    for finding in in_text:
        start, end = finding["span"]
        value = original[start:end]
        assert value and value not in whole, finding  # neither the text nor the report has it
    only_email = checked(server, "redact_document", {"path": "letters/letter-01.hwp",
                                                      "rules": ["email"], "format": "text"})
    assert set(only_email["report"]["counts"]) == {"email"}
    error = error_of(call(server, "redact_document", {"path": "letters/letter-01.hwp",
                                                      "rules": ["hair-colour"]}))
    assert error["code"] == "invalid-argument" and "hair-colour" in error["message"]


def test_every_tool_in_one_session(server):
    """One client session calls every tool; none fails and each output fits its schema
    (the SDK's client checks structured content against the listed output schema)."""
    steps = [("list_documents", {}), ("read_document", {"path": "letter-01.docx"}),
             ("extract_record", {"path": "letter-01.docx"}),
             ("summarize", {"path": "letter-01.docx"}), ("get_tables", {"path": "letter-01.docx"}),
             ("get_chunks", {"path": "letter-01.docx"}), ("classify", {"path": "letter-01.docx"}),
             ("redact_document", {"path": "letter-01.docx"})]
    results = session(server, *steps)
    assert [r.is_error for r in results] == [False] * len(steps)
    assert {name for name, _ in steps} == TOOLS
