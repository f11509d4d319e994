PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BASE_IMAGE ?= python:3.11-slim
LOCAL_BASE := briefbot-base:bookworm

.PHONY: install run test image-test base-image bench lint clean clean-data

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: install
	$(BIN)/briefbot run

# One worker per core (pytest-xdist): every test has its own store, schema or database.
test: install
	$(BIN)/python -m pytest -n auto

# Build the image on BASE_IMAGE and smoke-test it for real (needs a Docker daemon);
# with no registry: `make base-image`, then `make image-test BASE_IMAGE=briefbot-base:bookworm`.
image-test: install
	BRIEFBOT_TEST_DOCKER=1 BRIEFBOT_BASE_IMAGE=$(BASE_IMAGE) $(BIN)/python -m pytest -p no:cacheprovider tests/test_image.py -v

base-image:
	tools/local-base-image.sh $(LOCAL_BASE)

lint: install
	$(BIN)/hadolint Dockerfile

bench: install
	$(BIN)/python -m bench

# Build and test leftovers only: never the store in data/ (see clean-data).
clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build *.egg-info
	find bot briefings config tests tools -name __pycache__ -type d -prune -exec rm -rf {} +

# Deletes the local SQLite store: every fact version, admin, subscription and delivery in it.
clean-data:
	@if [ -d data ]; then echo "clean-data: deleting data/ (the local store: $$(ls data | tr '\n' ' '))"; \
	else echo "clean-data: no data/ to delete"; fi
	rm -rf data
