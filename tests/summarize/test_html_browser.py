"""The HTML summary in headless Chromium: every extracted field's highlight is there and visible.

Chromium comes from the Debian packages ``chromium`` and ``chromium-driver``; the
session fixture installs them with apt-get when they are missing and skips, saying why,
when that is impossible. The page forbids scripts by its Content-Security-Policy, so the
test copy swaps ``script-src 'none'`` for ``'unsafe-inline'`` and appends a probe that
writes each ``<mark>``'s box and computed style into the DOM, read back by ``--dump-dom``.
"""

import html
import json
import os
import re
import shutil
import subprocess

import pytest

from docextract.cli import cli

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
PROBE = """<script>
const marks = [...document.querySelectorAll("mark")].map(m => {
  const r = m.getBoundingClientRect(), cs = getComputedStyle(m);
  return {field: m.dataset.field, w: r.width, h: r.height, bg: cs.backgroundColor,
          visibility: cs.visibility, display: cs.display, opacity: cs.opacity};
});
const out = document.createElement("pre");
out.id = "probe";
out.textContent = JSON.stringify(marks);
document.body.appendChild(out);
</script>"""


def _find_browser():
    return next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)


@pytest.fixture(scope="session")
def chromium():
    found = _find_browser()
    if found:
        return found
    if not shutil.which("apt-get") or os.geteuid() != 0:
        pytest.skip("chromium is not installed and apt-get is unavailable (needs root)")
    try:
        subprocess.run(["apt-get", "update"], capture_output=True, timeout=600, check=True)
        subprocess.run(["apt-get", "install", "-y", "chromium", "chromium-driver"],
                       capture_output=True, timeout=1200, check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    except (subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"chromium could not be installed with apt-get: {exc}")
    found = _find_browser()
    if not found:
        pytest.skip("apt-get finished but no chromium binary is on PATH")
    return found


def _dump_dom(browser, page, tmp_path):
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,900",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    match = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    assert match, f"no probe output from chromium: {done.stderr[-500:]}"
    return json.loads(html.unescape(match.group(1)))


@pytest.mark.slow
def test_every_field_highlight_is_present_and_visible(chromium, runner, letter_docx, tmp_path):
    import docextract
    from docextract.extraction import extract

    record = extract(docextract.parse(letter_docx))
    page = tmp_path / "summary.html"
    result = runner.invoke(cli, ["summarize", "-f", "html", "-o", str(page), str(letter_docx)],
                           standalone_mode=False)
    assert result.return_value == 0, result.output
    text = page.read_text(encoding="utf-8")
    assert "script-src 'none'" in text
    probed = page.with_name("probed.html")
    probed.write_text(text.replace("script-src 'none'", "script-src 'unsafe-inline'")
                      .replace("</body>", PROBE + "</body>"), encoding="utf-8")
    marks = _dump_dom(chromium, probed, tmp_path)
    assert record.evidence, "the extractor reported no evidence"
    for field in [*record.evidence, "summary"]:
        shown = [m for m in marks if m["field"] == field]
        assert shown, f"no <mark> for {field}"
        visible = [m for m in shown if m["w"] > 0 and m["h"] > 0 and m["visibility"] == "visible"
                   and m["display"] != "none" and m["opacity"] != "0"
                   and m["bg"] not in ("rgba(0, 0, 0, 0)", "transparent")]
        assert visible, f"the {field} highlight is not visible: {shown[:2]}"
