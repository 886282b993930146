# govsim developer tasks. Override the interpreter with: make PYTHON=/path/to/python3.12
PYTHON ?= $(shell scripts/find-python)

VENV  := .venv
BIN   := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv run test lint format bench validation clean

venv: $(STAMP)

# Rebuilt only when pyproject.toml changes. An existing .venv is reused if its
# interpreter is still >= 3.12; otherwise it is recreated.
$(STAMP): pyproject.toml
	@py='$(PYTHON)'; \
	if [ -z "$$py" ]; then echo "make: no Python >= 3.12 (see message above)" >&2; exit 1; fi; \
	py=$$(GOVSIM_PYTHON="$$py" scripts/find-python) || exit 1; \
	if [ -x $(BIN)/python ] && GOVSIM_PYTHON=$(BIN)/python scripts/find-python >/dev/null 2>&1; then \
		echo "Reusing $(VENV) ($$($(BIN)/python --version))"; \
	else \
		rm -rf $(VENV); \
		echo "Creating $(VENV) with $$py ($$("$$py" --version))"; \
		"$$py" -m venv $(VENV) || exit 1; \
	fi
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# The main job: police alone against the one-stop centre, with a report. Repeatable: each
# `make run` replaces its own results.
run: venv
	$(BIN)/govsim compare scenarios/police_only.yaml scenarios/multi_party_hub.yaml \
		--replications 4 --workers 2 --out results/compare_police_only_vs_multi_party_hub --force

# Locally, `make test` leaves out the long statistical tests (marked slow); in CI (CI=true, as
# .ci/run sets) or with `make test SLOW=1` it runs them too.
ifeq ($(filter true 1 yes,$(CI) $(SLOW)),)
TEST_SELECTION := -m "not slow"
endif

test: venv
	$(BIN)/python -m pytest -n auto --durations=25 $(TEST_SELECTION)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: venv
	$(BIN)/ruff check --select I --fix .
	$(BIN)/ruff format .

bench: venv
	$(BIN)/python benchmarks/bench_model.py

# Regenerates docs/validation.md (stylized facts and calibration targets against the model).
validation: venv
	$(BIN)/python -m govsim.validation --write

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .hypothesis
	find . -name '*.egg-info' -prune -exec rm -rf {} +
	find . -name __pycache__ -prune -exec rm -rf {} +
