# Each target creates .venv on first use, so a fresh clone needs nothing else.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,tone,semantic,parquet,web]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/callscope demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python bench/parse.py

eval: $(STAMP)
	$(BIN)/callscope eval --gold ../shared/gold --fixtures ../shared/fixtures

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
