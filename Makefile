PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench clean provision

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

## Install and start the service (embedded SQLite + local Dask), or the CLI demo until the service lands.
run: $(STAMP)
	$(BIN)/python -m app

## What the tests need on this machine: Debian's Chromium, the local PostgreSQL started.
provision:
	bash .ci/provision.sh

## Install, provision and run the whole test suite.
test: $(STAMP) provision
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

## Benchmark against the official Infomap and igraph (see bench/README.md).
bench: $(STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
