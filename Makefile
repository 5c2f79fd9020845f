# docextract: `make demo` and `make test` each install what they need first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
BASE   := $(VENV)/.installed-base
STAMP  := $(VENV)/.installed
# An editable install that type checkers see: setuptools' default editable mode loads the
# package through an import hook that mypy and other checkers cannot follow.
EDITABLE := --config-settings editable_mode=compat

.PHONY: help install fonts demo test check bench fuzz samples schemas clean

help:  ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(BASE): setup.cfg pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e . $(EDITABLE)
	touch $(BASE)

$(STAMP): setup.cfg pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e '.[nlp,dev,dask,mcp]' $(EDITABLE)
	touch $(STAMP) $(BASE)

install: $(STAMP)  ## create .venv and install docextract with the NLP extra and the test tools

demo: $(BASE)  ## summarize the bundled HWP sample letter (installs docextract alone)
	$(BIN)/docextract summarize samples/hwp/letter-01.hwp

# The Korean PDF tests and samples draw text in Debian's Nanum Gothic. Installed when apt
# can do it (CI runs as root); elsewhere the tests that need it skip and say why.
fonts:  ## install Debian's fonts-nanum when missing and possible
	@fc-list 2>/dev/null | grep -qi NanumGothic || ls /usr/share/fonts/truetype/nanum/NanumGothic.ttf >/dev/null 2>&1 || \
	  { command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
	    { apt-get update -qq && apt-get install -y -qq fonts-nanum >/dev/null; } ; } || \
	  echo "fonts-nanum not installed: the Korean PDF tests will skip"

test: $(STAMP) fonts  ## run the test suite (corpus tests skip when ../shared is absent)
	$(BIN)/python -m pytest -q

check: $(STAMP)  ## static checks: mypy, import contracts, a user script under mypy --strict, pyflakes
	$(BIN)/python -m pip install -q -e '.[lint]' $(EDITABLE)
	$(BIN)/python -m mypy docextract
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q tests/typing
	$(BIN)/python -m pyflakes docextract benches samples

bench: $(STAMP)  ## speed and memory against the reference readers
	$(BIN)/python -m pip install -q -e '.[bench]' $(EDITABLE)
	$(BIN)/python -m benches

# examples per harness; FUZZ_ONLY picks harnesses, e.g. FUZZ_ONLY="pdf-content or hwp-records"
FUZZ_EXAMPLES ?= 20000
FUZZ_ONLY ?=
fuzz: $(STAMP)  ## longer fuzzing run of every parser (byte, XML, PDF content and HWP record mutators)
	DOCEXTRACT_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -s tests/fuzz $(if $(FUZZ_ONLY),-k "$(FUZZ_ONLY)")

samples: $(STAMP) fonts  ## regenerate samples/ and their expected outputs (PDFs need Debian's fonts-nanum)
	$(BIN)/python -m samples.generate

schemas: $(BASE)  ## regenerate schemas/<type>.schema.json of every built-in type from its record
	$(BIN)/docextract schema --builtin --write schemas

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
