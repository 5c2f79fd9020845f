"""Outputs are cut to the size limit with a note; calls are bounded in time and in number,
and a slow call does not hold up the others."""

from __future__ import annotations

import threading

import pytest

from docextract.errors import DocextractError, LimitExceeded
from docextract.mcp.bounds import fit, json_size

from .talk import call, error_of, output, session, size

# --------------------------------------------------------------------- cutting (no SDK)


def test_a_small_output_is_left_alone():
    data = {"path": "a.hwp", "text": "짧은 글"}
    assert fit(data, 2000) == {"path": "a.hwp", "text": "짧은 글", "truncated": False,
                               "note": None}


def test_a_long_text_is_cut_and_the_note_says_how_much():
    data = fit({"path": "a.hwp", "text": "가나다라 " * 10_000}, 2000)
    assert json_size(data) <= 2000
    assert data["truncated"] is True and data["path"] == "a.hwp"
    assert "가나다라 " * 50 in data["text"]
    assert "text: " in data["note"] and "of 50,000 characters kept" in data["note"]


def test_a_list_loses_whole_items_from_its_end():
    items = [{"id": i, "text": f"item {i} " * 20} for i in range(200)]
    data = fit({"count": 200, "chunks": items}, 5000)
    assert json_size(data) <= 5000
    kept = data["chunks"]
    assert kept == items[: len(kept)] and 1 <= len(kept) < 200
    assert f"chunks: {len(kept)} of 200 items kept" in data["note"]


def test_one_huge_item_is_cut_inside():
    data = fit({"tables": [{"path": "s0/b1", "grid": [["x" * 50_000]]}]}, 3000)
    assert json_size(data) <= 3000
    assert data["tables"][0]["path"] == "s0/b1"
    assert "tables[0].grid[0][0]: " in data["note"]


def test_an_output_of_short_fields_only_cannot_be_cut():
    with pytest.raises(LimitExceeded, match="max_output_chars"):
        fit({f"key{i}": i for i in range(2000)}, 2000)


def test_the_note_of_a_listing_that_stopped_early_is_kept():
    data = fit({"documents": [{"path": f"{i:05}.hwp"} for i in range(3000)], "truncated": True,
                "note": "only the first 3,000 documents are listed"}, 5000)
    assert data["note"].startswith("only the first 3,000 documents are listed")
    assert "documents: " in data["note"]


def test_a_listing_stops_after_so_many_folder_entries(tmp_path, monkeypatch):
    import docextract.mcp.workspace as workspace

    for i in range(30):
        (tmp_path / f"{i:02}.hwp").write_bytes(b"")
    monkeypatch.setattr(workspace, "MAX_SCANNED", 10)
    entries, note = workspace.Workspace.at(tmp_path).list_documents()
    assert [e["path"] for e in entries] == [f"{i:02}.hwp" for i in range(10)]
    assert note is not None and "stopped after 10 folder entries" in note


# --------------------------------------------------------------------- through the server


def _long_docx(path):
    """A DOCX of 200 numbered paragraphs and a 60-row table (python-docx writes it)."""
    import docx

    document = docx.Document()
    for i in range(1, 201):
        document.add_paragraph(f"{i}. 본 조항은 {i}번째 문단으로, 기관의 업무 처리 기준을 설명합니다.")
    table = document.add_table(rows=60, cols=3)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"행 {r + 1} 열 {c + 1}"
    document.save(str(path))


def test_an_oversized_output_comes_back_cut(sdk, served):
    from docextract.mcp import build_server, config

    _long_docx(served / "long.docx")
    small = build_server(config(served, max_output_chars=2000))
    text, tables, chunks, fine = session(
        small, ("read_document", {"path": "long.docx"}), ("get_tables", {"path": "long.docx"}),
        ("get_chunks", {"path": "long.docx", "max_chars": 200}),
        ("classify", {"path": "letter-01.docx"}))
    data = output(text)
    assert size(data) <= 2000 and data["truncated"] is True
    assert data["characters"] > len(data["text"]) and data["text"].startswith("1. 본 조항은")
    assert f"text: {len(data['text']):,} of {data['characters']:,} characters kept" in data["note"]
    assert text.content[0].text == data["text"]
    grid = output(tables)
    assert size(grid) <= 2000 and grid["truncated"] is True
    rows = grid["tables"][0]["grid"]
    assert rows[0] == ["행 1 열 1", "행 1 열 2", "행 1 열 3"] and len(rows) < 60
    assert f"tables[0].grid: {len(rows)} of 60 items kept" in grid["note"]
    cut = output(chunks)
    assert size(cut) <= 2000 and len(cut["chunks"]) < cut["count"]
    assert f"chunks: {len(cut['chunks'])} of {cut['count']:,} items kept" in cut["note"]
    assert output(fine)["truncated"] is False  # small enough as it is


def test_a_call_over_the_time_limit_is_a_limit_error(sdk, served):
    from docextract.limits import Limits
    from docextract.mcp import build_server, config

    hurried = build_server(config(served, limits=Limits(timeout_seconds=1e-9)))
    error = error_of(call(hurried, "summarize", {"path": "letters/letter-01.hwp"}))
    assert error["code"] == "limit-exceeded" and "timeout_seconds" in error["message"]


# --------------------------------------------------------------------- the runner


def _blocked(release: threading.Event, started: threading.Event | None = None):
    def work():
        if started is not None:
            started.set()
        release.wait(10)
        return {"done": True}

    return work


def test_the_runner_answers_in_time_and_counts_the_threads_left_behind(sdk):
    import anyio

    from docextract.mcp.server import BUSY, Runner

    runner = Runner(workers=1, seconds=0.05)
    release = threading.Event()

    async def go():
        outcomes = []
        for _ in range(3):
            try:
                await runner.run(_blocked(release))
            except DocextractError as exc:
                outcomes.append(exc.code)
        return outcomes

    try:
        outcomes = anyio.run(go)
    finally:
        release.set()
    # two threads left running (2 x workers): the third call is refused, not queued
    assert outcomes == ["limit-exceeded", "limit-exceeded", BUSY]


def test_a_slow_call_does_not_hold_up_the_event_loop(sdk):
    import anyio

    from docextract.mcp.server import Runner

    runner = Runner(workers=2, seconds=10)
    release, started = threading.Event(), threading.Event()

    async def go():
        async with anyio.create_task_group() as tg:
            results = []

            async def slow():
                results.append(await runner.run(_blocked(release, started)))

            tg.start_soon(slow)
            with anyio.fail_after(10):
                while not started.is_set():
                    await anyio.sleep(0.01)
            quick = await runner.run(lambda: {"quick": True})  # while the slow one runs
            assert not results
            release.set()
        return quick, results

    quick, results = anyio.run(go)
    assert quick == {"quick": True} and results == [{"done": True}]
