# mmgen: `make generate` writes generated/ from specs/; `make test` runs the test suite.
# Both set up a virtualenv in .venv first (idempotent), so they work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup generate check validate test test-fast acctest lint golden clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

validate: $(STAMP)
	$(BIN)/mmgen validate specs/

generate: $(STAMP)
	$(BIN)/mmgen generate --specs specs/ --out generated/

check: $(STAMP)
	$(BIN)/mmgen generate --specs specs/ --out generated/ --check

lint: $(STAMP)
	$(BIN)/ruff check generator tests templates bench
	$(BIN)/black --check generator tests templates bench
	$(BIN)/mypy

test: $(STAMP)
	$(BIN)/python -m pytest

# Regenerate every golden record (then review `git diff tests/golden`).
golden: $(STAMP)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests -k golden

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
