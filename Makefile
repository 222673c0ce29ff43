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
	$(BIN)/lint-imports  # the layers and no-cycle contracts of [tool.importlinter] in pyproject.toml

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

# Coverage-guided fuzzing (atheris) of every reader, one after another, FUZZ_SECONDS each: JSON record,
# CSV record, bulk CSV, bulk Parquet, HSDS package, HSDS JSON, the web upload/API body, the signed
# interview state, court papers (RAP sheet text, PA docket lines, the PDF path); scripts/fuzz/, one
# harness per reader. Prints per reader the executions and failures; FUZZ_OUT/<reader>/ keeps stats.json,
# failures.json (tracebacks), crashes/ and corpus/. Then the hypothesis property tests of the same
# readers with FUZZ_EXAMPLES examples each. `make test` runs every harness on its seeds and a few hundred mutations (tests/fuzz) and the property tests with a short budget.
FUZZ_SECONDS ?= 600
FUZZ_OUT ?= fuzz-out
FUZZ_EXAMPLES ?= 2000
fuzz: install
	@if $(BIN)/python -c "import atheris" 2>/dev/null; then \
	  PYTHONPATH=src $(BIN)/python scripts/fuzz/run.py all --seconds $(FUZZ_SECONDS) --out $(FUZZ_OUT); \
	else echo "atheris not installed (x86_64, Python < 3.13): coverage-guided fuzzing skipped"; fi
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -p no:cacheprovider \
	  tests/records/test_bad_input.py tests/web/test_web_robust.py tests/bulk/test_robust.py \
	  -k "never_crashes or answer_or_4xx or result_or_a_documented_error"
