"""Mutation fuzzing of every parser, driven by hypothesis, seeded from the project's samples.

Each example mutates a sample (byte flips, truncation, splices, inserted runs) and, for
zip-based formats, also the XML inside a member, then parses it in-process under a
per-document alarm. Two harnesses are structure-aware: ``pdf-content`` writes PDFs
whose content streams and form XObjects are made of operators (tests/fuzz/pdf_content.py)
and ``hwp-records`` mutates the records of HWP documents built with the test builders
(tests/fuzz/hwp_records.py). The only acceptable outcomes are a Document or a
DocextractError, in this process: PDFium must never take it down. ``make test`` runs a
short pass; ``make fuzz`` sets DOCEXTRACT_FUZZ_EXAMPLES higher. Every crash found becomes
a regression case (tests/hostile, tests/parsers/test_pdf_bounds.py).
"""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import docextract
from docextract.batch.deadline import time_limit
from docextract.errors import DocextractError
from docextract.limits import Limits

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the mutators beside this file
import hwp_records  # noqa: E402
import pdf_content  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
EXAMPLES = int(os.environ.get("DOCEXTRACT_FUZZ_EXAMPLES", "40"))
LIMITS = Limits(max_decompressed_bytes=64 * 1024 * 1024, timeout_seconds=10, max_pages=50)
EXECUTIONS: dict[str, int] = {}


def seeds(ext: str) -> list[bytes]:
    folder = SAMPLES / ext
    return [p.read_bytes() for p in sorted(folder.glob(f"*.{ext}"))[:3]] if folder.is_dir() else []


def mutate(data: bytes, ops: list[tuple[int, int, int]]) -> bytes:
    buf = bytearray(data)
    for kind, pos, value in ops:
        if not buf:
            break
        i = pos % len(buf)
        if kind == 0:
            buf[i] ^= 1 << (value % 8)
        elif kind == 1:
            buf[i] = value % 256
        elif kind == 2:
            del buf[i:]
        elif kind == 3:
            buf[i:i] = bytes([value % 256]) * (value % 64 + 1)
        elif kind == 4:
            j = value % len(buf)
            buf[i:i] = buf[j:j + 256]
        else:
            buf[i:i + 4] = (0xFFFFFFFF - value).to_bytes(4, "little")
    return bytes(buf)


def mutate_zip_member(data: bytes, ops: list[tuple[int, int, int]]) -> bytes:
    """Rewrite the zip with the largest XML member mutated, so the XML readers get exercised."""
    src = zipfile.ZipFile(io.BytesIO(data))
    infos = src.infolist()
    target = max((i for i in infos if i.filename.endswith(".xml")), key=lambda i: i.file_size)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in infos:
            body = src.read(info)
            if info.filename == target.filename:
                body = mutate(body, ops)
            dst.writestr(info.filename, body)
    return out.getvalue()


def mutate_pdf_content(data: bytes, ops: list[tuple[int, int, int]]) -> bytes:
    """A new one-page PDF (``data`` is not used) drawing ``ops`` (see pdf_content)."""
    return pdf_content.content_pdf(ops)


def mutate_hwp_records(data: bytes, ops: list[tuple[int, int, int]]) -> bytes:
    """A new HWP file (``data`` is not used) built and mutated record by record (see hwp_records)."""
    return hwp_records.hwp_document(ops)


def check(fmt: str, data: bytes) -> None:
    EXECUTIONS[fmt] = EXECUTIONS.get(fmt, 0) + 1
    try:
        with time_limit(15):
            docextract.parse(data, limits=LIMITS)
    except DocextractError as error:
        assert error.code != "internal", f"{fmt}: untyped failure {error}"
        assert not error.context.get("unexpected"), f"{fmt}: parser bug: {error}"


OPS = st.lists(st.tuples(st.integers(0, 5), st.integers(0, 2**31), st.integers(0, 2**31)),
               min_size=1, max_size=8)
CONTENT_OPS = st.lists(st.tuples(st.integers(0, 255), st.integers(0, 2**31), st.integers(0, 2**31)),
                       min_size=1, max_size=60)
HWP_RECORD_OPS = st.lists(st.tuples(st.integers(0, 255), st.integers(0, 2**31), st.integers(0, 2**31)),
                          min_size=1, max_size=24)
STRUCTURE_OPS = {"pdf-content": CONTENT_OPS, "hwp-records": HWP_RECORD_OPS}
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=list(HealthCheck))


HARNESSES = [("hwp", mutate), ("hwpx", mutate), ("docx", mutate), ("pdf", mutate),
             ("pdf-content", mutate_pdf_content), ("hwp-records", mutate_hwp_records),
             ("hwpx-xml", mutate_zip_member), ("docx-xml", mutate_zip_member)]


@pytest.mark.parametrize("harness, mutator", HARNESSES, ids=[h for h, _ in HARNESSES])
def test_mutations_never_crash(harness, mutator):
    """Byte mutations of every format, and XML-member mutations of the zip formats."""
    corpus = seeds(harness.split("-")[0])
    if not corpus:
        pytest.skip(f"no samples for {harness} to mutate")

    @FUZZ
    @given(index=st.integers(0, len(corpus) - 1), ops=STRUCTURE_OPS.get(harness, OPS))
    def run(index, ops):
        check(harness, mutator(corpus[index], ops))

    run()


def teardown_module(module):
    if EXECUTIONS:
        print("\nfuzz executions:", ", ".join(f"{k}={v}" for k, v in sorted(EXECUTIONS.items())))
