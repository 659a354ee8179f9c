# Every target installs what it needs into .venv first, so each works on a clean clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test migrate check lint typecheck eval bench serve clean-db

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

test: $(STAMP)
	$(BIN)/pytest -q

migrate: $(STAMP)
	$(BIN)/timeline migrate

run: $(STAMP)
	$(BIN)/timeline migrate
	$(BIN)/timeline ingest examples/
	$(BIN)/timeline serve --host $(HOST) --port $(PORT) --dev

lint: $(STAMP)
	$(BIN)/ruff check timeline api tests migrations eval bench
	$(BIN)/ruff format --check timeline api tests migrations eval bench

typecheck: $(STAMP)
	$(BIN)/mypy timeline api

check: lint typecheck test

eval: $(STAMP)
	$(BIN)/python -m eval.run_eval

bench: $(STAMP)
	$(BIN)/python -m bench.extraction_speed
	$(BIN)/python -m bench.run_bench

clean-db:
	-$(BIN)/timeline db stop
	rm -rf .timeline/pg
