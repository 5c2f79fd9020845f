# docextract: `make demo` and `make test` each install what they need first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help install demo test check bench fuzz samples clean

help:  ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[nlp,dev]'
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install docextract with its test tools

demo: $(STAMP)  ## summarize the bundled HWP sample letter
	$(BIN)/docextract summarize samples/hwp/letter-01.hwp

test: $(STAMP)  ## run the test suite (corpus tests skip when ../shared is absent)
	$(BIN)/python -m pytest -q

check: $(STAMP)  ## static checks: mypy (types) and pyflakes (unused names) over the library
	$(BIN)/python -m pip install -q -e '.[lint]'
	$(BIN)/python -m mypy docextract
	$(BIN)/python -m pyflakes docextract benches samples

bench: $(STAMP)  ## speed and memory against the reference readers
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python -m benches

fuzz: $(STAMP)  ## longer fuzzing run of every parser
	DOCEXTRACT_FUZZ_EXAMPLES=20000 $(BIN)/python -m pytest -q tests/fuzz

samples: $(STAMP)  ## regenerate samples/ and their expected outputs (PDFs need Debian's fonts-nanum)
	fc-list 2>/dev/null | grep -qi NanumGothic || (apt-get update -qq && apt-get install -y -qq fonts-nanum)
	$(BIN)/python -m samples.generate

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
