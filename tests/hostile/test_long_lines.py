"""Lines of 200,000 characters through every command: the CLI's ``summarize``, ``extract``,
``chunks`` and ``redact``, and the library's ``parse``, ``classify``, ``extract`` of every
type, ``summarize``, ``chunks`` and ``redact`` under ``timeout_seconds``.

The regular expressions that read document text must be linear: a run of blanks or
letters that a pattern tries from every position, backtracking each time, is quadratic
(one line of 200,000 spaces made ``summarize`` run for ever, in the sentence splitter's
end-mark pattern; a blank run after "바람" or "끝" made ``redact`` run for ever in the phone
pattern; one line of 200,000 syllables made ``--type auto`` take minutes, in a notice
signal). Each line below once hung a command or a pattern it reaches.
"""

from __future__ import annotations

import json
import os

import pytest

from .bounded import run_child
from .test_hostile_files import docx_body, docx_bytes

N = 200_000
LINES = {
    "spaces": " " * N,
    "tabs and spaces": "\t " * (N // 2),
    "ideographic spaces": "\u3000" * N,
    # the notice type's history_number signal tried its agency prefix from every syllable
    "syllables": "가" * N,
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


# One document per kind for the library: a line that reaches one pattern of one type only
# (``extract --type official_letter`` alone took hours on the amount lines) must be read by
# every type, not only the type that ``auto`` picks for the mixture above.
LIBRARY_LINES = {name: LINES[name] for name in ("spaces", "syllables", "numbers")}
LIBRARY_LINES.update({
    # an amount's number chain, rescanned from every number in it when no 원 followed
    "amount chain": "1조" * (N // 2),
    # amounts with an open Hangul reading: its blanks were rescanned, and each amount's
    # evidence collapsed the whole item again
    "amount readings": "1원( " * (N // 4),
    "syllables and hyphens": "가-" * (N // 2),
    "address-like @": "@a." * (N // 3),
    "articles": "제1조" * (N // 3),
    "attachments": "붙임 " * (N // 3),
    "hyphens": "-" * N,
    "mixture": ("가 1. 제1조 붙임 1조 02-1234 a@b. " * (N // 30))[:N],
})


@pytest.mark.parametrize("name", list(LIBRARY_LINES))
def test_200k_character_line_through_every_library_call(tmp_path, name):
    path = tmp_path / "line.docx"
    line = LIBRARY_LINES[name]
    path.write_bytes(docx_bytes(docx_body(["제목 안내", line.replace("<", "&lt;"), "끝."])))
    # a bound, not a speed check: each call must end with its result inside the library's
    # own time limit (a Timeout fails the test), where one quadratic pattern takes hours
    limits = {"timeout_seconds": 60, "max_compression_ratio": 1_000_000}
    result = run_child("every", path, limits=limits, wall=600)
    assert result["outcome"] == "ok", result
    # the line is in the text (blanks may be collapsed or dropped)
    assert result["chars"] >= len("".join(line.split())), result
    assert "auto" in result["extracted"], result
    assert len(result["extracted"]) >= 7 and result["chunks"] > 0, result
    assert result["peak_mib"] < 1024, result


# Document numbers after runs of characters a department may start with: the number pattern
# tried from every "(", ")", "·" or "○" read the rest of the run each time (18-37 s at 40,000
# characters, hours at 200,000). The 관련 items and the 시행 slot both read numbers.
NUMBER_RUNS = ["(", ")", "·", "○"]


def test_document_numbers_after_200k_character_runs(tmp_path):
    related = [f"{i + 1}. 관련: {run * N} 서울특별시 자원순환과-{8328 + i}호(2019.5.{15 + i}.)"
               for i, run in enumerate(NUMBER_RUNS)]
    paragraphs = ["환경부", "수신 수신자참조", "제목 정산 보고서 제출 안내", *related,
                  "5. 정산 보고서를 2026. 9. 7.(월)까지 제출 바람.  끝.", "환경부장관",
                  "시행 자원순환정책과-3854 (2026. 8. 24.) " + "(" * N, "접수"]
    path = tmp_path / "numbers.docx"
    path.write_bytes(docx_bytes(docx_body(paragraphs)))
    env = dict(os.environ, DOCEXTRACT_MAX_COMPRESSION_RATIO="1000000")
    result = run_child("cli", argv=["extract", "--type", "official_letter", "--timeout", "120",
                                    str(path)], env=env, wall=180)
    assert result["exit"] in (0, None), result["stderr"]
    record = json.loads(result["stdout"])
    assert record["related"] == [
        {"organization": "서울특별시", "number": f"자원순환과-{8328 + i}", "date": f"2019-05-{15 + i}"}
        for i in range(len(NUMBER_RUNS))]
    assert (record["document_number"], record["enforcement_date"]) == (
        "자원순환정책과-3854", "2026-08-24")
    assert result["peak_mib"] < 1024, result


def test_address_values_of_200k_characters_are_read_in_linear_time(tmp_path):
    # the address hint read a road name from every letter of a run to its end in search of
    # 로/길/동 (18 s of CPU at 20,000 letters): a value with no road is left alone, one that
    # ends in a road and number is masked whole
    path = tmp_path / "address.docx"
    path.write_bytes(docx_bytes(docx_body(["제목 안내", "주소: " + "가" * N,
                                           "주소: " + "가" * N + "로 12", "끝."])))
    env = dict(os.environ, DOCEXTRACT_MAX_COMPRESSION_RATIO="1000000")
    result = run_child("cli", argv=["redact", "--dry-run", "--report", "-", "--timeout", "120",
                                    str(path)], env=env, wall=180)
    assert result["exit"] in (0, None), result["stderr"]
    report = json.loads(result["stdout"])
    assert report["counts"] == {"address": 1}, report["counts"]
    (finding,) = report["findings"]
    assert finding["span"][1] - finding["span"][0] == N + len("로 12"), finding


def test_agenda_and_attachment_lines_of_200k_characters(tmp_path):
    # an unmarked line under 안건 was searched for a running page head from every character
    # (cubic: 83 s of CPU at 4,000 characters); the count of an attachment was read from
    # every digit of a run to its end (quadratic)
    minutes = tmp_path / "minutes.docx"
    minutes.write_bytes(docx_bytes(docx_body(["회의록", "회의 안건", "1. 예산안", "가" * N,
                                              "1" * N, "끝."])))
    letter = tmp_path / "letter.docx"
    letter.write_bytes(docx_bytes(docx_body(["제목 안내", "1. 협조 바랍니다.",
                                             "붙임  1. 서식" + "1" * N + " 2부.  끝.", "환경부장관"])))
    env = dict(os.environ, DOCEXTRACT_MAX_COMPRESSION_RATIO="1000000")
    found = {}
    for kind, path in (("minutes", minutes), ("official_letter", letter)):
        result = run_child("cli", argv=["extract", "--type", kind, "--timeout", "120", str(path)],
                           env=env, wall=180)
        assert result["exit"] in (0, None), result["stderr"]
        found[kind] = json.loads(result["stdout"])
    # the line of syllables is the agenda item's wrapped title
    (item,) = found["minutes"]["agenda"]
    assert item["title"] == "예산안 " + "가" * N
    (attachment,) = found["official_letter"]["attachments"]
    assert attachment["copies"] == 2 and attachment["title"] == "서식" + "1" * N
