# Two commands: `make run` (the app on a demo profile) and `make test` (everything).
SHELL := /bin/bash
# Python 3.12 or newer where the machine has one (installer/find-python.sh says why)
PYTHON ?= $(shell bash installer/find-python.sh)
ifeq ($(strip $(PYTHON)),)
$(error officer-app needs Python 3.12 or newer: see installer/find-python.sh)
endif
PYVER := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.python-$(PYVER)
DEMO_DIR ?= .demo-profile
DEMO_CASES ?= 300
DEMO_PASSPHRASE := demo-caseload-2026
export LANG ?= C.UTF-8

.PHONY: run run-central test lint typecheck pytest bench debian-run debian-test clean smoke ui

# A venv made with another Python (an older checkout's) is made again.
$(STAMP):
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	touch $@

$(VENV)/.installed: pyproject.toml $(STAMP)
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(STAMP)
	$(BIN)/python -m pip install -q -e '.[dev,central]'
	touch $@ $(VENV)/.installed

debian-run:
	@bash installer/linux/debian-packages.sh run

debian-test:
	@bash installer/linux/debian-packages.sh test

run: $(VENV)/.installed debian-run
	@if [ ! -f $(DEMO_DIR)/key.json ]; then \
	  OFFICER_APP_PASSPHRASE=$(DEMO_PASSPHRASE) $(BIN)/officer-app --data-dir $(DEMO_DIR) demo --cases $(DEMO_CASES); \
	fi
	@echo "Demo profile: $(DEMO_DIR)   passphrase: $(DEMO_PASSPHRASE)"
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
	  echo "No display found: run 'xvfb-run -a make run' or set QT_QPA_PLATFORM=offscreen" >&2; exit 1; fi
	$(BIN)/officer-app --data-dir $(DEMO_DIR)

# A central store with a demo LA, no set-up: the first run prints each user's enrolment code.
CENTRAL_DIR ?= .central-demo
run-central: $(VENV)/.installed-dev
	@mkdir -p $(CENTRAL_DIR)
	@if [ ! -f $(CENTRAL_DIR)/central.sqlite3 ]; then \
	  $(BIN)/officer-app central --db sqlite:///$(CENTRAL_DIR)/central.sqlite3 demo --cases 60; \
	else echo "Central store: $(CENTRAL_DIR)/central.sqlite3 (new codes: officer-app central --db sqlite:///$(CENTRAL_DIR)/central.sqlite3 enrolment-code USER_ID)"; fi
	$(BIN)/officer-app central --db sqlite:///$(CENTRAL_DIR)/central.sqlite3 serve

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check officer_app tests bench ui
	$(BIN)/lint-imports
	$(BIN)/python ui/build.py --check

# The dialogs drawn in ui/*.ui, compiled into officer_app/gui/generated/ (never edited by hand)
ui: $(VENV)/.installed-dev
	$(BIN)/python ui/build.py

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy officer_app

# Two workers, one per core here; a file's tests stay together so its fixtures are built once.
PYTEST_WORKERS ?= 2
pytest: $(VENV)/.installed-dev debian-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) --dist loadfile

test: lint typecheck pytest

smoke: $(VENV)/.installed
	@rm -rf /tmp/officer-app-smoke && \
	OFFICER_APP_PASSPHRASE=$(DEMO_PASSPHRASE) $(BIN)/officer-app --data-dir /tmp/officer-app-smoke demo --cases 100 && \
	OFFICER_APP_PASSPHRASE=$(DEMO_PASSPHRASE) QT_QPA_PLATFORM=offscreen $(BIN)/officer-app --data-dir /tmp/officer-app-smoke --smoke-test

bench: $(VENV)/.installed-dev debian-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

clean:
	rm -rf $(VENV) $(DEMO_DIR) $(CENTRAL_DIR) .pytest_cache .mypy_cache .ruff_cache
