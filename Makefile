# Each target creates .venv on first use, so a fresh clone needs nothing else.
# The interpreter .venv is made with (`make PY=python3.12 test` picks another). The
# distribution's /usr/bin/python3 is preferred where it is 3.11 or newer with venv: Debian's is
# an optimised build (profile-guided, libpython linked in), pyenv's default is a shared-library
# build without PGO, and callscope needed a fifth less CPU time on Debian's (bench/README.md).
PY ?= $(shell /usr/bin/python3 -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && echo /usr/bin/python3 || echo python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,tone,semantic,parquet,web,postgres]'
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
