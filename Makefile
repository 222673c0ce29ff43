# secondchance — two commands from a fresh machine: `make demo` and `make test`.
# While working: `make check` (format, lint, strict types, the fast tests; under two minutes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install system-deps demo test check lint format lock bench docs clean fuzz

install: $(STAMP)

# Exact versions from requirements.lock (what CI tested), then the package itself (what the lock pins is
# already there; tests/test_version.py fails when pyproject.toml names a package the lock lacks).
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q -e '.[dev,spark]'
	touch $(STAMP)

# requirements.lock: every dependency of pyproject.toml (with the dev and spark extras) pinned, for any
# platform (markers kept). Run after changing a dependency; `--upgrade` moves every pin to the newest.
LOCK_ARGS ?=
lock: install
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra spark --universal --python-version 3.11 \
	  --custom-compile-command "make lock" --no-annotate $(LOCK_ARGS) -o requirements.lock

# Debian packages the tests use for real: Chromium (browser tests), PostgreSQL, a JRE (Spark).
system-deps:
	bash scripts/install-system-deps.sh

demo: install
	$(BIN)/secondchance demo
	@echo "Next: the web app and API with  $(BIN)/secondchance serve  (http://127.0.0.1:8000)"

PY_DIRS := src tests bench scripts

lint: install
	$(BIN)/ruff format --check $(PY_DIRS)
	$(BIN)/ruff check $(PY_DIRS)
	$(BIN)/mypy
	$(BIN)/lint-imports  # the layers and no-cycle contracts of [tool.importlinter] in pyproject.toml

format: install
	$(BIN)/ruff format $(PY_DIRS)
	$(BIN)/ruff check --fix $(PY_DIRS)

# The fast loop: everything `lint` checks, then every test not marked slow, e2e, spark or postgres
# (pyproject.toml lists the markers; `make test` runs them all, serially, as CI does), on every core
# (pytest-xdist). mypy runs beside the tests: with its cache (.mypy_cache) warm it takes a second,
# cold (a fresh clone) most of a minute. The tests write bytecode (__pycache__, ignored by git) even
# where PYTHONDONTWRITEBYTECODE is set: without it every run compiles the package again and pytest
# rewrites every test module's asserts again (ten seconds and more per worker).
FAST := not slow and not e2e and not spark and not postgres
check: install
	$(BIN)/ruff format --check $(PY_DIRS)
	$(BIN)/ruff check $(PY_DIRS)
	$(BIN)/lint-imports
	@mkdir -p .mypy_cache; $(BIN)/mypy > .mypy_cache/check.log 2>&1 & types=$$!; \
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -m "$(FAST)" -n auto; tests=$$?; \
	wait $$types; typed=$$?; echo "$(BIN)/mypy"; cat .mypy_cache/check.log; rm -f .mypy_cache/check.log; \
	test $$tests -eq 0 -a $$typed -eq 0

test: install system-deps node_modules/axe-core lint
	$(BIN)/python -m pytest

# axe-core (accessibility checks in the browser tests) and htmx, pinned by package-lock.json.
node_modules/axe-core: package-lock.json
	npm ci --no-audit --no-fund
	touch node_modules/axe-core

bench: install
	$(BIN)/python -m bench

# Generated docs: the CLI reference, and the marked blocks (rule tables, case counts, parameter histories,
# result fields) in docs/rules.md, docs/relief-results.md and docs/jurisdictions/*.md; tests check both.
docs: install
	$(BIN)/typer secondchance.cli utils docs --name secondchance > docs/cli.md
	$(BIN)/python -m secondchance.testing.docgen

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
