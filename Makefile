PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The web page's node packages, among them the official Infomap parser the tests read our files with.
WEB_STAMP := web/node_modules/.installed

.PHONY: run test test-slow bench clean provision

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

$(WEB_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $(WEB_STAMP)

## Install and start the service (embedded SQLite + local Dask), or the CLI demo until the service lands.
run: $(STAMP)
	$(BIN)/python -m app

## What the tests need on this machine: Debian's Chromium, the local PostgreSQL started.
provision:
	bash .ci/provision.sh

## Install, provision and run the test suite (npm ci in web/ too: node and npm must be installed).
## The tests marked slow (scale and repeated-draw runs, minutes each) are left out and counted as
## "deselected"; `make test-slow` runs them, with the benchmark.
test: $(STAMP) $(WEB_STAMP) provision
	$(BIN)/python -m pytest -q -m "not slow" $(PYTEST_ARGS)

## The slow tests only (the same provisioning).
test-slow: $(STAMP) $(WEB_STAMP) provision
	$(BIN)/python -m pytest -q -m slow $(PYTEST_ARGS)

## Benchmark against the official Infomap and igraph (see bench/README.md).
bench: $(STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
