# Two commands from a fresh clone: `make run` and `make test`. Needs Python 3.11+.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TEMPLATE_DIRS := $(wildcard */templates)

.PHONY: run test lint format install install-dev bench bench-http bench-submissions

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 atau lebih baru diperlukan.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

## Serve the demo site on http://127.0.0.1:8000 (SQLite).
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_data
	$(BIN)/python manage.py runserver 127.0.0.1:8000

## Run the test suite (SQLite unless DATABASE_URL is set).
test: install-dev
	$(BIN)/pytest -n auto

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $(TEMPLATE_DIRS)
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $(TEMPLATE_DIRS)

## Print benchmark figures (not tests).
bench: install
	$(BIN)/python manage.py migrate --noinput -v0
	cd bench && ../$(BIN)/python working_days.py && ../$(BIN)/python reference_api.py && ../$(BIN)/python catalogue_and_services.py && ../$(BIN)/python public_pages.py

## HTTP load of the public pages: gunicorn, PostgreSQL, Redis and wrk; own database.
## Options in BENCH_HTTP_ARGS, e.g. "--before /tmp/before --duration 5".
bench-http: install
	$(BIN)/python bench/http_load.py $(BENCH_HTTP_ARGS)

## Submissions under load over HTTP: gunicorn, PostgreSQL, Redis, the task worker;
## own database. Options in BENCH_SUBMIT_ARGS, e.g. "--tree before=/tmp/before --tree after=.".
bench-submissions: install
	$(BIN)/python bench/submissions.py $(BENCH_SUBMIT_ARGS)
