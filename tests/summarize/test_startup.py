"""Start-up stays light: the summarize command loads no NLP or PDF library unless needed."""

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "kiwipiepy", "pdfplumber", "numpy")

PROBE = """
import sys
from docextract.cli import cli
rv = cli.main(args=sys.argv[1:], prog_name="docextract", standalone_mode=False)
print("HEAVY:" + ",".join(m for m in {heavy!r} if m in sys.modules))
print("RV:" + str(rv))
"""


def probe(*args):
    done = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *map(str, args)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    heavy = done.stdout.split("HEAVY:")[1].splitlines()[0]
    return [m for m in heavy.split(",") if m], done.stdout


def test_importing_the_command_loads_nothing_heavy():
    code = ("import sys, docextract.cli.summarize_cmd, docextract.summaries;"
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60).stdout
    assert out.strip() == "[]"


def test_summarizing_a_short_letter_loads_no_nlp_library(letter_docx):
    heavy, out = probe("summarize", "--today", "2025-07-06", letter_docx)
    assert heavy == []
    assert "RV:0" in out and "D-5" in out


def test_light_mode_can_be_forced_for_any_length(letter_docx):
    heavy, out = probe("summarize", "--nlp", "light", "-f", "json", letter_docx)
    assert heavy == [] and '"tokenizer": "light' in out


@pytest.mark.slow
def test_without_kiwipiepy_the_summary_still_comes_with_a_warning(letter_docx):
    code = ("import sys, json; sys.modules['kiwipiepy'] = None\n"
            "from docextract.cli import cli\n"
            "cli.main(args=sys.argv[1:], prog_name='docextract', standalone_mode=False)\n")
    done = subprocess.run([sys.executable, "-c", code, "summarize", "--nlp", "kiwi", "-f", "json",
                           str(letter_docx)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert "kiwipiepy" not in summary["tokenizer"]
    assert any("kiwipiepy" in w and "not installed" in w for w in summary["warnings"])
    assert len(summary["sentences"]) == 3
