"""PDFs that declare huge structures in a few bytes: PDFium must never take the process
down, run past the limits, or lose text without saying so.

Each file is generated here (a tiny PDF writer: raw objects and an xref) and parsed in a
child interpreter, so that its wall time and peak memory (the child's and its sandbox
worker's, from ``wait4``) can be bounded. Before the pre-flight and the sandbox, the
form XObject case aborted the interpreter (SIGABRT), the Flate bomb reached 2.1 GB and
dropped the text after it, the inline-image bomb reached 844 MB and the page of 10^6
text operations lost 800,000 characters without a warning. Found later by the
content-stream fuzzer (tests/fuzz): a form XObject that draws itself twice (PDFium
follows it 40 levels deep: 2^40 objects) and marked content nested 40,000 deep (its
memory grows with the square of the depth) both aborted the interpreter.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zlib

import pytest
from pdf_builder import flate_stream, pdf_file

from docextract.parsers.pdf.preflight import (INPROCESS_MARK_OPENS, MAX_MARK_DEPTH,
                                              MAX_PAGE_INLINE_BYTES, MAX_PAGE_OBJECTS,
                                              MAX_STREAM_BYTES, PDFIUM_FORM_LEVELS, plan_document)

pytestmark = pytest.mark.skipif(not hasattr(os, "wait4"), reason="needs wait4 for peak memory")

MiB = 1024 * 1024
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def text(words: bytes, y: int = 720) -> bytes:
    return b"BT /F1 12 Tf 72 %d Td (%s) Tj ET\n" % (y, words)


def write_pdf(pages: list[bytes], xobjects: list[bytes] = ()) -> bytes:
    """A PDF of ``pages`` (each a finished content stream object) sharing one font and the
    form XObjects ``xobjects`` (named /X1, /X2, ...)."""
    n_pages = len(pages)
    first_page, first_content = 3, 3 + n_pages
    font = first_content + n_pages
    first_xobject = font + 1
    names = b" ".join(b"/X%d %d 0 R" % (i + 1, first_xobject + i) for i in range(len(xobjects)))
    resources = b"<< /Font << /F1 %d 0 R >> /XObject << %s >> >>" % (font, names)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
                   b" ".join(b"%d 0 R" % (first_page + i) for i in range(n_pages)), n_pages)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents %d 0 R >>"
                % (resources, first_content + i) for i in range(n_pages)]
    objects += list(pages) + [FONT] + list(xobjects)
    return pdf_file(objects)


def form(body: bytes) -> bytes:
    return flate_stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] ")


def flate_bomb(inflated: int) -> bytes:
    """A content stream: text, then ``inflated`` bytes of spaces, then more text."""
    packer = zlib.compressobj(9)
    parts = [packer.compress(text(b"Before the bomb"))]
    block = b" " * MiB
    parts += [packer.compress(block) for _ in range(inflated // MiB)]
    parts += [packer.compress(text(b"After the bomb", 700)), packer.flush()]
    packed = b"".join(parts)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"


def inline_image(side: int) -> bytes:
    """A content stream drawing a ``side`` x ``side`` grey inline image (Flate, all black)."""
    packer = zlib.compressobj(9)
    row = b"\0" * side
    pixels = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    body = (text(b"Before the image") + b"q 100 0 0 100 0 0 cm BI /W %d /H %d /CS /G /BPC 8 /F /Fl "
            b"/L %d ID " % (side, side, len(pixels)) + pixels + b"\nEI Q\n" + text(b"After the image", 700))
    return b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream"


CHILD = """
import json, sys
import docextract
from docextract.parsers.pdf import sandbox
options = json.loads(sys.argv[2])
if "worker_memory" in options:
    sandbox.WORKER_MEMORY = options.pop("worker_memory")
try:
    doc = docextract.parse(sys.argv[1], format="pdf", limits=options or None)
    out = {"text": " ".join(p.text for p in doc.paragraphs()),
           "warnings": [[w.code, w.message] for w in doc.warnings]}
except docextract.DocextractError as exc:
    out = {"error": type(exc).__name__, "message": str(exc)}
# this process's own peak (VmHWM starts afresh at exec; ru_maxrss would carry the forking
# test runner's peak over) and the peak of its sandbox worker, in MiB
with open("/proc/self/status") as fh:
    own = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
import resource
worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
out["_peak_mib"] = max(own, worker) / 1024
print(json.dumps(out))
"""


def parse_in_child(path, **options):
    """(result, wall seconds, peak RSS in MiB of the child and its worker)."""
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path), json.dumps(options)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, _ = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    proc.stderr.close()
    seconds = time.monotonic() - started
    assert proc.returncode == 0, f"the parse died ({proc.returncode}): {err.decode()[-2000:]}"
    result = json.loads(out)
    return result, seconds, result.pop("_peak_mib")


def codes(result) -> list[str]:
    return [code for code, _ in result.get("warnings", [])]


def test_form_drawn_50000_times_is_refused_and_the_next_page_read(tmp_path):
    # each use of /X1 draws 1,000 paths: 50 million objects, which made PDFium abort
    heavy = flate_stream(text(b"Page one") + b"/X1 Do\n" * 50_000)
    plain = flate_stream(text(b"Page two"))
    path = tmp_path / "forms.pdf"
    path.write_bytes(write_pdf([heavy, plain], [form(b"0 0 m 100 0 l S\n" * 1000)]))
    assert path.stat().st_size < 4096
    result, seconds, peak = parse_in_child(path)
    assert result["text"] == "Page two"
    assert codes(result) == ["pdf-page-skipped"]
    message = result["warnings"][0][1]
    assert "page 1" in message and "/X1" in message and f"{MAX_PAGE_OBJECTS:,}" in message
    assert seconds < 20 and peak < 250, (seconds, peak)


def test_form_drawn_50000_times_cheaply_is_read_whole(tmp_path):
    # 50,000 uses of a one-path form: 100,000 objects, in-process and complete
    page = flate_stream(text(b"Before") + b"/X1 Do\n" * 50_000 + text(b"After", 700))
    path = tmp_path / "cheap-forms.pdf"
    path.write_bytes(write_pdf([page], [form(b"0 0 m 100 0 l S")]))
    result, seconds, peak = parse_in_child(path)
    assert "Before" in result["text"] and "After" in result["text"]
    assert "pdf-page-skipped" not in codes(result)
    assert seconds < 20 and peak < 250, (seconds, peak)


def test_flate_bomb_page_is_refused_without_inflating_it(tmp_path):
    # 1 GiB of content from a 1 MB file; page 2 is ordinary
    path = tmp_path / "bomb.pdf"
    path.write_bytes(write_pdf([flate_bomb(1024 * MiB), flate_stream(text(b"Page two"))]))
    assert path.stat().st_size < 2 * MiB
    result, seconds, peak = parse_in_child(path)
    assert result["text"] == "Page two"
    assert codes(result) == ["pdf-page-skipped"]
    assert "page 1" in result["warnings"][0][1]
    assert f"{MAX_STREAM_BYTES // MiB} MiB" in result["warnings"][0][1]
    # streamed, never held: memory stays far below the bytes it inflated
    assert seconds < 20 and peak < 250, (seconds, peak)


def test_flate_bombs_past_the_document_budget_are_a_typed_error(tmp_path):
    path = tmp_path / "bombs.pdf"
    path.write_bytes(write_pdf([flate_bomb(48 * MiB), flate_bomb(48 * MiB)]))
    result, seconds, peak = parse_in_child(path, max_decompressed_bytes=64 * MiB)
    assert result["error"] == "LimitExceeded"
    assert "max_decompressed_bytes" in result["message"]
    assert seconds < 20 and peak < 250, (seconds, peak)


def test_inline_image_bomb_is_refused(tmp_path):
    side = 30_000  # 858 MiB of grey pixels in about 900 KB
    path = tmp_path / "inline.pdf"
    path.write_bytes(write_pdf([inline_image(side), flate_stream(text(b"Page two"))]))
    assert side * side > MAX_PAGE_INLINE_BYTES
    result, seconds, peak = parse_in_child(path)
    assert result["text"] == "Page two"
    assert codes(result) == ["pdf-page-skipped"]
    assert "inline images" in result["warnings"][0][1]
    assert seconds < 20 and peak < 250, (seconds, peak)


def test_large_inline_image_is_read_in_the_sandbox(tmp_path):
    side = 7_000  # 47 MiB: too much for this process, fine for the worker
    path = tmp_path / "inline-large.pdf"
    path.write_bytes(write_pdf([inline_image(side)]))
    result, seconds, peak = parse_in_child(path)
    assert "Before the image" in result["text"] and "After the image" in result["text"]
    assert seconds < 20 and peak < 600, (seconds, peak)


@pytest.fixture(scope="module")
def million_shows(tmp_path_factory):
    path = tmp_path_factory.mktemp("shows") / "shows.pdf"
    page = flate_stream(b"BT /F1 1 Tf 10 10 Td " + b"(a) Tj\n" * 1_000_000 + b"ET")
    path.write_bytes(write_pdf([page, flate_stream(text(b"Page two"))]))
    return path


def test_million_text_operations_keep_what_fits_and_warn(million_shows):
    result, seconds, peak = parse_in_child(million_shows)
    assert result["text"].split(" ")[0] == "a" * 200_000
    assert "Page two" in result["text"]
    assert codes(result) == ["pdf-chars-truncated"]
    assert "1,000,000 characters" in result["warnings"][0][1]
    assert seconds < 40 and peak < 1300, (seconds, peak)


def test_worker_out_of_memory_costs_only_its_page(million_shows):
    result, seconds, peak = parse_in_child(million_shows, worker_memory=64 * MiB)
    assert result["text"] == "Page two"
    assert codes(result) == ["pdf-page-failed"]
    assert "page 1" in result["warnings"][0][1] and "64 MiB" in result["warnings"][0][1]
    assert seconds < 20 and peak < 250, (seconds, peak)


def test_worker_past_the_deadline_is_a_typed_error_naming_the_page(million_shows):
    result, seconds, peak = parse_in_child(million_shows, timeout_seconds=1.5)
    assert result["error"] == "LimitExceeded"
    assert "page 1" in result["message"] and "timeout_seconds" in result["message"]
    assert seconds < 10, seconds


def plan(data: bytes):
    return plan_document(data, 1 << 30, lambda: None).pages


@pytest.mark.parametrize("forms", [
    [b"0 0 m 100 0 l S /X1 Do /X1 Do"],  # a form drawing itself twice
    [b"0 0 m 100 0 l S /X2 Do /X2 Do", b"/X1 Do"],  # two forms drawing each other
], ids=["self", "mutual"])
def test_form_cycle_that_branches_is_refused_and_the_next_page_read(tmp_path, forms):
    # before: 2^40 objects in PDFium, SIGABRT (the fuzzer's 9 crashes of 150 files)
    path = tmp_path / "cycle.pdf"
    path.write_bytes(write_pdf([flate_stream(text(b"Page one") + b"/X1 Do"),
                                flate_stream(text(b"Page two"))], [form(f) for f in forms]))
    result, seconds, peak = parse_in_child(path)
    assert result["text"] == "Page two"
    assert codes(result) == ["pdf-page-skipped"]
    message = result["warnings"][0][1]
    assert "page 1" in message and "draws itself" in message and f"{PDFIUM_FORM_LEVELS} levels" in message
    assert seconds < 20 and peak < 250, (seconds, peak)


def test_form_drawing_itself_once_is_read_in_the_sandbox(tmp_path):
    data = write_pdf([flate_stream(text(b"Before") + b"/X1 Do\n" + text(b"After", 600))],
                     [form(b"0 0 m 100 0 l S /X1 Do")])
    [page] = plan(data)
    assert page.verdict == "heavy" and page.cost.form_cycle
    path = tmp_path / "cycle-once.pdf"
    path.write_bytes(data)
    result, seconds, peak = parse_in_child(path)
    assert "Before" in result["text"] and "After" in result["text"]
    assert codes(result) == []
    assert seconds < 20 and peak < 600, (seconds, peak)


@pytest.mark.parametrize("forms, resources", [
    ([b"0 0 m 1 1 l S /X%d Do" % (i + 2) for i in range(50)], None),  # a chain deeper than PDFium goes
    ([b"0 0 m 1 1 l S /X1 Do"], None),  # a form drawing itself once
    ([b"0 0 m 1 1 l S /X2 Do", b"/X1 Do"], None),  # two forms drawing each other once
    ([b"0 0 m 1 1 l S /X1 Do"], b"/Resources << /Font << >> >> "),  # names from the page's
], ids=["chain", "self", "mutual", "page-fallback"])
def test_form_estimate_is_what_pdfium_builds(forms, resources):
    """The pre-flight's object count equals PDFium's where PDFium can be asked safely:
    it stops 40 levels down, follows cycles, and looks names up in the page's /XObject
    when a form's own resources have none."""
    import pypdfium2 as pdfium

    extra = b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] " + (resources or b"")
    data = write_pdf([flate_stream(b"/X1 Do")], [flate_stream(f, extra) for f in forms])
    pdf = pdfium.PdfDocument(data)
    try:
        built = len(list(pdf[0].get_objects(max_depth=4 * PDFIUM_FORM_LEVELS)))
    finally:
        pdf.close()
    assert plan(data)[0].cost.objects == built
    assert built > PDFIUM_FORM_LEVELS  # the estimate is tested where forms nest


def test_deep_marked_content_is_refused(tmp_path):
    # before: 40,000 open BMCs made PDFium abort; 20,000 cost it 1.8 GB
    path = tmp_path / "marks.pdf"
    path.write_bytes(write_pdf([flate_stream(b"/P BMC " * 40_000 + text(b"Page one")),
                                flate_stream(text(b"Page two"))]))
    result, seconds, peak = parse_in_child(path)
    assert result["text"] == "Page two"
    assert codes(result) == ["pdf-page-skipped"]
    message = result["warnings"][0][1]
    assert "page 1" in message and "40,000 levels" in message and f"{MAX_MARK_DEPTH:,}" in message
    assert seconds < 20 and peak < 250, (seconds, peak)


def test_marked_content_a_string_hides_closes_in_is_never_read_in_process():
    # the depth counted token by token thinks "(EMC)" closes; only the opens bound it
    fooled = write_pdf([flate_stream(b"BT /F1 1 Tf " + b"/P BMC (EMC) Tj " * 20_000 + b"ET")])
    [page] = plan(fooled)
    assert page.cost.mark_opens == 20_000 and page.verdict == "heavy"


@pytest.mark.parametrize("body", [
    b"/P BMC " * 5_000,  # 180 MB in PDFium: the sandbox's
    b"/Span <</MCID 1>> BDC 0 0 m 1 1 l S EMC\n" * (INPROCESS_MARK_OPENS + 1),  # tagged, balanced
], ids=["deep", "balanced"])
def test_marked_content_past_the_inprocess_bound_is_read_in_the_sandbox(tmp_path, body):
    data = write_pdf([flate_stream(text(b"Before") + body + text(b"After", 600))])
    assert plan(data)[0].verdict == "heavy"
    path = tmp_path / "marks-sandbox.pdf"
    path.write_bytes(data)
    result, seconds, peak = parse_in_child(path)
    assert "Before" in result["text"] and "After" in result["text"]
    assert codes(result) == []
    assert seconds < 20 and peak < 600, (seconds, peak)


def type3_pdf(glyph: bytes, form_body: bytes) -> bytes:
    """Page 1 shows "aaa" in a Type3 font whose glyph 'a' runs ``glyph``, with form /X1
    (``form_body``) in the font's resources; page 2 is plain text."""
    glyph_stream = flate_stream(b"1000 0 0 0 750 750 d1 " + glyph)
    font3 = (b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] /FontMatrix [0.001 0 0 0.001 0 0] "
             b"/CharProcs << /a 8 0 R >> /Encoding << /Differences [97 /a] >> /FirstChar 97 /LastChar 97 "
             b"/Widths [1000] /Resources << /XObject << /X1 9 0 R >> >> >>")
    resources = b"/Resources << /Font << /F1 7 0 R /F3 10 0 R >> >>"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] %s /Contents %d 0 R >>"
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        page % (resources, 5), page % (resources, 6),
        flate_stream(b"BT /F3 12 Tf 72 720 Td (aaa) Tj ET\n" + text(b"Page one", 700)),
        flate_stream(text(b"Page two")), FONT, glyph_stream,
        flate_stream(form_body, b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                     b"/Resources << /XObject << /X1 9 0 R >> >> "), font3])


def test_type3_glyph_drawing_a_branching_form_cycle_is_refused(tmp_path):
    # before: PDFium parses the glyph when the page loads, 2^40 objects, SIGABRT
    path = tmp_path / "type3.pdf"
    path.write_bytes(type3_pdf(b"/X1 Do", b"0 0 m 1 1 l S /X1 Do /X1 Do"))
    result, seconds, peak = parse_in_child(path)
    assert result["text"] == "Page two"
    assert codes(result) == ["pdf-page-skipped"]
    assert "page 1" in result["warnings"][0][1] and "Type3" in result["warnings"][0][1]
    assert seconds < 20 and peak < 250, (seconds, peak)


def test_type3_glyphs_that_only_paint_stay_in_process(tmp_path):
    data = type3_pdf(b"0 0 750 750 re f", b"0 0 m 1 1 l S")
    assert [p.verdict for p in plan(data)] == ["ok", "ok"]
    path = tmp_path / "type3-plain.pdf"
    path.write_bytes(data)
    result, seconds, peak = parse_in_child(path)
    assert "Page one" in result["text"] and "Page two" in result["text"]
    assert codes(result) == []


def test_type3_glyph_drawing_a_form_is_read_in_the_sandbox():
    data = type3_pdf(b"/X1 Do", b"0 0 m 1 1 l S")
    assert [p.verdict for p in plan(data)] == ["heavy", "ok"]
