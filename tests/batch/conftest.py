"""Archives for batch tests: many generated good files with corrupt, encrypted and slow
ones mixed in, the test-only jobs, and a way to find processes a run left behind."""

from __future__ import annotations

import importlib
import io
import os
import shutil
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parents[1] / "samples"
FORMATS = ("hwp", "hwpx", "docx", "pdf")
GOOD = sorted(p for fmt in FORMATS for p in (SAMPLES / fmt).glob(f"*.{fmt}"))
MARK = "DOCEXTRACT_TEST_RUN"


def copy_good(folder: Path, count: int) -> list[Path]:
    """``count`` copies of the samples (every format, cycled) under distinct names."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        source = GOOD[i % len(GOOD)]
        target = folder / f"{i:05d}-{source.name}"
        shutil.copyfile(source, target)
        out.append(target)
    return out


def corrupt_files(folder: Path) -> dict[Path, set[str]]:
    """Damaged inputs and the error codes each may give."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[Path, set[str]] = {}
    for fmt in FORMATS:
        data = (SAMPLES / fmt / f"letter-01.{fmt}").read_bytes()
        path = folder / f"truncated.{fmt}"
        path.write_bytes(data[: len(data) // 2])
        out[path] = {"corrupt", "unsupported"}
    noise = folder / "noise.HWP"  # upper-case extension: still picked up from a folder
    noise.write_bytes(os.urandom(4096))
    out[noise] = {"unsupported", "corrupt"}
    empty = folder / "empty.pdf"
    empty.write_bytes(b"")
    out[empty] = {"unsupported"}
    return out


def encrypted_files(folder: Path) -> dict[Path, set[str]]:
    """A password-flagged HWP, a DRM-wrapped file and (with fpdf2) a password PDF."""
    folder.mkdir(parents=True, exist_ok=True)
    data = bytearray((SAMPLES / "hwp" / "letter-01.hwp").read_bytes())
    header = data.find(b"HWP Document File")
    data[header + 36] |= 0x2  # FileHeader property bit 1: the document has a password
    locked = folder / "locked.hwp"
    locked.write_bytes(bytes(data))
    drm = folder / "drm.hwp"
    drm.write_bytes(b"<MARKANY_DOCUMENTSAFER>" + bytes(512))
    out = {locked: {"password"}, drm: {"drm"}}
    try:
        import fpdf
    except ImportError:
        return out
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="secret")
    pdf.set_encryption(owner_password="owner", user_password="12345")
    secret = folder / "secret.pdf"
    pdf.output(str(secret))
    out[secret] = {"encrypted", "password"}
    return out


def slow_docx(path: Path, repeats: int = 3000) -> Path:
    """A sample letter's body repeated ``repeats`` times: a real DOCX that takes seconds
    to read (about 5 s for 3000 repeats), so a short ``--timeout`` stops it."""
    with zipfile.ZipFile(SAMPLES / "docx" / "letter-01.docx") as zin:
        members = {info.filename: zin.read(info) for info in zin.infolist()}
    xml = members["word/document.xml"].decode("utf-8")
    start = xml.index("<w:body>") + len("<w:body>")
    end = xml.rindex("<w:sectPr")
    members["word/document.xml"] = (xml[:start] + xml[start:end] * repeats + xml[end:]).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, content in members.items():
            zout.writestr(name, content)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())
    return path


@pytest.fixture
def batch_jobs(monkeypatch):
    """The test-only ``do`` callables, importable by worker processes too."""
    monkeypatch.syspath_prepend(str(HERE))
    return importlib.import_module("batch_jobs")


def leftover_processes(marker: str) -> list[int]:
    """Processes (other than this one) whose environment carries ``marker``."""
    needle = f"{MARK}={marker}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as fh:
                if needle in fh.read().split(b"\0"):
                    found.append(int(entry))
        except OSError:
            continue
    return found


def wait_for_no_leftovers(marker: str, seconds: float = 15.0) -> list[int]:
    import time

    deadline = time.monotonic() + seconds
    while True:
        left = leftover_processes(marker)
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.1)


@pytest.fixture
def cli_env():
    """Environment for a ``docextract`` subprocess, marked so its children can be found."""
    if not os.path.isdir("/proc"):
        pytest.skip("needs /proc to look for leftover processes")
    marker = uuid.uuid4().hex
    env = dict(os.environ, **{MARK: marker, "PYTHONUNBUFFERED": "1"})
    return marker, env


def docextract_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "docextract", *args]


def run_batch(args: list[str], env: dict[str, str], timeout: float = 240,
              **kw) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(docextract_cmd("batch", *args), env=env, capture_output=True,
                          timeout=timeout, **kw)
    return subprocess.CompletedProcess(proc.args, proc.returncode,
                                       proc.stdout.decode("utf-8", "replace"),
                                       proc.stderr.decode("utf-8", "replace"))


@pytest.fixture
def kit():
    """This module's builders and helpers, for the tests of this folder."""
    return sys.modules[__name__]
