PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test bench lint clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: install
	$(BIN)/briefbot run

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/hadolint Dockerfile

bench: install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) data .pytest_cache
