# The two commands of the README's quick start: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup build test lint bench bench-html screenshot clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed

build: setup
	$(BIN)/stancegraph build seeds --out exports

lint: setup
	$(BIN)/ruff check src tests scripts benchmarks

test: setup lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/run.py

bench-html: setup
	$(BIN)/python benchmarks/html_scale.py

screenshot: setup
	STANCEGRAPH_SCREENSHOT=1 $(BIN)/python -m pytest tests/test_browser.py -k screenshot

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
