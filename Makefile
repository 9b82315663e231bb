# Two commands do all the set-up: `make run` (serve the demo) and `make test` (run the tests); `make lint` is the
# tooling gate CI runs before the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=
# the packages that pass mypy --strict; a package joins when its errors are fixed
TYPED := domain routing wfm bus api assist voice service store

.PHONY: run test lint bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,lint,voice]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/tawasol demo

test: $(BIN)/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/mypy $(addprefix src/tawasol/,$(TYPED))

bench: $(BIN)/.installed
	$(BIN)/tawasol bench all

clean:
	rm -rf $(VENV) build *.egg-info
