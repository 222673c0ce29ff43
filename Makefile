# secondchance — two commands from a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install system-deps demo test lint bench docs clean fuzz

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,spark]'
	touch $(STAMP)

# Debian packages the tests use for real: Chromium (browser tests), PostgreSQL, a JRE (Spark).
system-deps:
	bash scripts/install-system-deps.sh

demo: install
	$(BIN)/secondchance demo
	@echo "Next: the web app and API with  $(BIN)/secondchance serve  (http://127.0.0.1:8000)"

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/mypy

test: install system-deps node_modules/axe-core lint
	$(BIN)/python -m pytest

# axe-core (accessibility checks in the browser tests) and htmx, pinned by package-lock.json.
node_modules/axe-core: package-lock.json
	npm ci --no-audit --no-fund
	touch node_modules/axe-core

bench: install
	$(BIN)/python -m bench

docs: install
	$(BIN)/typer secondchance.cli utils docs --name secondchance > docs/cli.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# Property tests of every reader (JSON record, CSV record, bulk CSV, API body) with a long budget;
# `make test` runs the same tests with a short one. FUZZ_EXAMPLES is hypothesis examples per test.
FUZZ_EXAMPLES ?= 20000
fuzz: install
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -p no:cacheprovider \
	  tests/records/test_bad_input.py tests/web/test_web_robust.py tests/bulk/test_robust.py \
	  -k "never_crashes or answer_or_4xx or result_or_a_documented_error"
	@if $(BIN)/python -c "import atheris" 2>/dev/null; then \
	  $(BIN)/python scripts/fuzz_atheris.py -max_total_time=600; \
	else echo "atheris not installed: coverage-guided fuzzing skipped (pip install atheris)"; fi
