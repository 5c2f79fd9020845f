"""The persistent regex cache gives exactly what ``re.compile`` gives, and survives bad files.

Each test points the cache at its own ``tmp_path`` folder (the module's ``_FOLDER``) and
starts from an empty in-process state, so a "run" here is: compile some patterns, save
(what ``atexit`` does), forget the in-process state, compile again.
"""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pytest

from docextract.normalize import regex_cache as rc

# Patterns of the kinds the extractors use: Hangul classes, lookbehinds, named groups, flags.
PATTERNS: list[tuple[str, int]] = [
    (r"(?:^|(?<=[\s.)]))끝\s*\.?\s*$", 0),
    (r"^\s*수\s*신(?=\s*(?:수신자\s*참조|내부\s*결재))", 0),
    (r"^[가-힣]{2,5}$|^(?=.{2,4}$)[가-힣]?○{1,3}[가-힣]?$", 0),
    (r"(?:^|(?<=\s))(?P<n>\d{1,2})\s*[.)]\s+", 0),
    (r"((?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(\d{1,2})\s*(?:[.\-/]|월)\s*(\d{1,2})\s*(?:\.|일)?", 0),
    (r"[A-Za-z0-9._%+-]+@[A-Za-z0-9○-]+(?:\.[A-Za-z0-9○-]+)+", 0),
    (r"(?P<area>0\d{1,2})-(?P<mid>\d{3,4})-(?P<last>\d{4})", 0),
    (r"^tel|^fax|e-?mail", re.IGNORECASE | re.MULTILINE),
    (r"(?<=[다람망요함임음])\.(?=\s|$)", 0),
    (r"^(?:시행|접수|전화|전송|FAX|공개구분)[:：]?", re.ASCII),
]

LINES = [
    "수신  수신자 참조",
    "수신내부결재",
    "제목  2026년 디지털정책 추진계획 알림",
    "1. 관련: 디지털정책과-1234(2026. 3. 2.)",
    "2. 2026년 4월 10일까지 제출하여 주시기 바랍니다. 붙임 자료를 참고함.",
    "붙임  1. 추진계획 1부.  2. 참가신청서 1부.  끝.",
    "시행 디지털정책과-1234 (2026. 3. 5.)  접수 총무과-88 (2026.03.06)",
    "전화 02-2133-1234 / 전송 02-2133-0000 / hong.gildong@seoul.go.kr / 대국민 공개",
    "TEL 044-205-1234\nFax 044-205-0000\nE-mail: kim○○@korea.kr",
    "홍길동",
    "김○○",
    "과장 홍길동 전결 03/05",
    "",
]


def outcomes(compiled: re.Pattern[str]) -> list[object]:
    """Everything a caller can observe about a pattern, on every sample line."""
    seen: list[object] = [compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex]
    for line in LINES:
        found = compiled.search(line)
        seen.append(None if found is None else
                    (found.span(), found.group(), found.groups(), found.groupdict(),
                     found.lastindex, found.lastgroup))
        seen.append([m.span() for m in compiled.finditer(line)])
        seen.append(compiled.findall(line))
        seen.append(compiled.sub("<>", line))
        seen.append(compiled.split(line))
        seen.append(bool(compiled.match(line)) and compiled.match(line).span())  # type: ignore[union-attr]
        seen.append(compiled.fullmatch(line) is not None)
    return seen


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """The cache module pointed at an empty folder, with no patterns loaded or pending."""
    folder = tmp_path / "__pycache__"
    monkeypatch.setattr(rc, "_FOLDER", str(folder))
    monkeypatch.setattr(rc, "_loaded", None)
    monkeypatch.setattr(rc, "_added", {})
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    # each fresh "run" would register another exit hook; the tests save explicitly
    monkeypatch.setattr(rc.atexit, "register", lambda fn: fn)
    return folder


def cache_file(folder: Path) -> Path:
    return folder / f"regex.{sys.implementation.cache_tag}.marshal"


def compile_all() -> list[re.Pattern[str]]:
    return [rc.compile_pattern(p, f) for p, f in PATTERNS]


def end_run() -> None:
    """What process exit does (save), then a new process's empty state."""
    rc._save()
    rc._loaded = None
    rc._added.clear()


def assert_like_re(compiled: list[re.Pattern[str]]) -> None:
    for (pattern, flags), got in zip(PATTERNS, compiled):
        assert outcomes(got) == outcomes(re.compile(pattern, flags)), pattern


def write_cache(folder: Path, stamp: object, entries: dict) -> None:
    payload = marshal.dumps((stamp, entries))
    folder.mkdir(parents=True, exist_ok=True)
    cache_file(folder).write_bytes(zlib.crc32(payload).to_bytes(4, "little") + payload)


def test_first_run_compiles_and_writes_the_cache(cache):
    assert_like_re(compile_all())
    assert set(rc._added) == {(p, int(f)) for p, f in PATTERNS}
    end_run()
    assert cache_file(cache).is_file()


def test_cached_patterns_match_like_re_compile(cache):
    compile_all()
    end_run()
    compiled = compile_all()
    # served from the file: every pattern was loaded, none had to be compiled again
    assert {(p, int(f)) for p, f in PATTERNS} <= set(rc._loaded or {})
    assert rc._added == {}
    assert_like_re(compiled)


def test_nothing_is_rewritten_when_every_pattern_was_cached(cache):
    compile_all()
    end_run()
    before = cache_file(cache).stat().st_mtime_ns
    os.utime(cache_file(cache), ns=(before - 10**9, before - 10**9))
    compile_all()
    end_run()
    assert cache_file(cache).stat().st_mtime_ns == before - 10**9


def _assert_bad_file_is_ignored_and_replaced(cache: Path) -> None:
    compiled = compile_all()
    assert rc._loaded == {}  # the bad file contributed nothing
    assert_like_re(compiled)
    end_run()
    # rewritten whole: the next run loads every pattern from it
    compile_all()
    assert {(p, int(f)) for p, f in PATTERNS} <= set(rc._loaded or {})
    assert rc._added == {}


def test_a_truncated_file_falls_back_and_is_rewritten(cache):
    compile_all()
    end_run()
    blob = cache_file(cache).read_bytes()
    cache_file(cache).write_bytes(blob[: len(blob) // 2])
    _assert_bad_file_is_ignored_and_replaced(cache)


def test_a_file_shorter_than_its_checksum_falls_back(cache):
    cache.mkdir()
    cache_file(cache).write_bytes(b"\x01\x02")
    _assert_bad_file_is_ignored_and_replaced(cache)


def test_a_corrupted_file_fails_its_checksum_and_is_rewritten(cache):
    compile_all()
    end_run()
    blob = bytearray(cache_file(cache).read_bytes())
    blob[len(blob) // 2] ^= 0x55
    cache_file(cache).write_bytes(bytes(blob))
    _assert_bad_file_is_ignored_and_replaced(cache)


def test_a_file_from_another_interpreter_build_is_ignored(cache):
    # a valid checksum and real byte code, but written under another stamp
    entries = {(p, int(f)): rc._entry(p, int(f)) for p, f in PATTERNS}
    foreign = list(rc._stamp())
    foreign[2] = foreign[2] + 1  # another _sre.MAGIC
    write_cache(cache, tuple(foreign), entries)
    _assert_bad_file_is_ignored_and_replaced(cache)


def test_an_entry_that_sre_rejects_is_recompiled(cache):
    pattern, flags = PATTERNS[2]
    good = rc._entry(pattern, flags)
    # byte code that _sre's validator refuses (an unknown opcode)
    bad = (good[0], [0xFFFF, 0, 0], good[2], good[3], good[4])
    write_cache(cache, rc._stamp(), {(pattern, flags): bad})
    compiled = rc.compile_pattern(pattern, flags)
    assert outcomes(compiled) == outcomes(re.compile(pattern, flags))
    assert rc._added[(pattern, flags)] == good  # rebuilt, to be rewritten at exit
    end_run()
    rc.compile_pattern(pattern, flags)
    assert rc._loaded[(pattern, flags)] == good


def test_an_unwritable_location_falls_back_silently(tmp_path, cache, monkeypatch):
    # a regular file where the folder's parent should be: no one can create the folder
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    folder = blocker / "__pycache__"
    monkeypatch.setattr(rc, "_FOLDER", str(folder))
    assert_like_re(compile_all())
    end_run()  # must not raise
    assert not folder.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["not-a-folder"]  # no stray temp file
    assert_like_re(compile_all())


def test_nothing_is_written_when_bytecode_writing_is_off(cache, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert_like_re(compile_all())
    assert rc._added == {}
    end_run()
    assert not cache.exists()


def test_a_cached_file_is_still_read_when_bytecode_writing_is_off(cache, monkeypatch):
    compile_all()
    end_run()
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    compiled = compile_all()
    assert {(p, int(f)) for p, f in PATTERNS} <= set(rc._loaded or {})
    assert_like_re(compiled)


def test_bytes_patterns_bypass_the_cache(cache):
    assert rc.compile_pattern(rb"\d+").findall(b"a12b3") == [b"12", b"3"]
    assert rc._added == {}


_RUN = textwrap.dedent("""
    import sys
    from docextract.normalize import regex_cache as rc
    rc._FOLDER = sys.argv[1]
    rc._loaded = None
    rc._added.clear()
    print(rc.compile_pattern(r"(?P<n>\\d{1,2})\\s*[.)]\\s+붙임").search("1. 붙임 2. 붙임").span())
""")


@pytest.mark.parametrize("env_off", [False, True])
def test_a_real_run_saves_at_exit_unless_pythondontwritebytecode(tmp_path, env_off):
    folder = tmp_path / "__pycache__"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if env_off:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run([sys.executable, "-c", _RUN, str(folder)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "(0, 5)"
    assert cache_file(folder).is_file() is (not env_off)
