"""Lines of 200,000 characters through ``summarize``, ``extract``, ``chunks`` and ``redact``.

The regular expressions that read document text must be linear: a run of blanks or
letters that a pattern tries from every position, backtracking each time, is quadratic
(one line of 200,000 spaces made ``summarize`` run for ever, in the sentence splitter's
end-mark pattern; a blank run after "바람" or "끝" made ``redact`` run for ever in the phone
pattern). Each line below once hung a command or a pattern it reaches.
"""

from __future__ import annotations

import os

import pytest

from .bounded import run_child
from .test_hostile_files import docx_body, docx_bytes

N = 200_000
LINES = {
    "spaces": " " * N,
    "tabs and spaces": "\t " * (N // 2),
    "ideographic spaces": "\u3000" * N,
    # not yet: "가" * N, which the 'auto' scoring of a type merged with the new specs
    # (engine/extractor.py, _line_shows) takes minutes over; see the hardening report
    "end mark, then blanks": "끝" + " " * N + "x",
    "request, then blanks": "바람" + " " * N + "x",
    "labels": "수신 " * (N // 3),
    "address-like": "a.b" * (N // 3),
    "numbers": "1. " * (N // 3),
    "dates": "2024. " * (N // 6),
    "phones": "02-" * (N // 3),
    "periods": "." * N,
    "brackets": "(" * N,
}


@pytest.fixture(scope="module")
def long_lines(tmp_path_factory):
    path = tmp_path_factory.mktemp("long") / "long-lines.docx"
    paragraphs = ["제목 안내"] + [line.replace("<", "&lt;") for line in LINES.values()] + ["끝."]
    path.write_bytes(docx_bytes(docx_body(paragraphs)))
    return path


@pytest.mark.parametrize("command", [["summarize", "--today", "2025-01-01"], ["extract"],
                                     ["chunks"], ["redact", "--dry-run", "--report", "-"]],
                         ids=lambda c: c[0])
def test_200k_character_lines_end_within_bounds(long_lines, command):
    # the repeated lines compress far past max_compression_ratio: let them through
    env = dict(os.environ, DOCEXTRACT_MAX_COMPRESSION_RATIO="1000000")
    result = run_child("cli", argv=[*command, "--timeout", "120", str(long_lines)], env=env,
                       wall=180)
    assert result["exit"] in (0, None), result["stderr"]
    assert result["stdout"].strip()
    # linear work on 2.6 million characters: about 10 s on an idle machine, where one
    # quadratic pattern alone would take hours
    assert result["seconds"] < 90 and result["peak_mib"] < 1024, result
