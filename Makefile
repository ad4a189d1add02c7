# pricewar — two commands set everything up:  make run  ·  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: run test fuzz bench lint validate screenshots clean help
.DEFAULT_GOAL := help

help:
	@echo "make run          create .venv, install, snapshot the data, start the dashboard on http://127.0.0.1:$(PORT)"
	@echo "make test         install test needs (chromium, fonts-noto-cjk when root) and run every test"
	@echo "make fuzz         thousands of broken data files, hundreds of URLs on every page (not in make test)"
	@echo "make bench        measurements that print tables (see bench/README.md); not part of make test"
	@echo "make validate     check the shipped data files"
	@echo "make lint         ruff"
	@echo "make screenshots  PNGs of every page (zh/en, 1280/390 px) into screenshots/"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "pricewar needs Python 3.11 or newer (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check uv || true

# Installs are stamped so that a second `make run` starts at once; editing pyproject.toml reinstalls.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/uv pip install -q --python $(BIN)/python -e . 2>/dev/null || $(BIN)/python -m pip install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/uv pip install -q --python $(BIN)/python -e '.[test]' 2>/dev/null || $(BIN)/python -m pip install -q -e '.[test]'
	@touch $@ $(VENV)/.installed-run

# The snapshot of the data (pricewar warm) lets the server start without reading the files; a failure (invalid
# data) is not fatal here: the dashboard then shows what is wrong.
run: $(VENV)/.installed-run
	-$(BIN)/pricewar warm
	$(BIN)/streamlit run serve.py --server.address 127.0.0.1 --server.port $(PORT)

# As root (CI), missing browser packages are installed and a skipped browser test is a failure.
test: $(VENV)/.installed-test
	@bash scripts/ensure-browser.sh
	$(BIN)/ruff check .
	PRICEWAR_REQUIRE_BROWSER=$$([ "$$(id -u)" = 0 ] && echo 1 || echo 0) $(BIN)/python -m pytest

fuzz: $(VENV)/.installed-test
	PRICEWAR_FUZZ_EXAMPLES=$${EXAMPLES:-3000} $(BIN)/python -m pytest tests/test_fuzz_load.py -q
	PRICEWAR_FUZZ_URLS=$${URLS:-300} $(BIN)/python -m pytest tests/test_app.py -q -k any_url_on_any_page

bench: $(VENV)/.installed-test
	@bash scripts/ensure-browser.sh
	$(BIN)/python bench/cold_start.py
	$(BIN)/python bench/rerun.py
	$(BIN)/python bench/data_scale.py
	$(BIN)/python bench/export_images.py
	$(BIN)/python bench/readers.py

validate: $(VENV)/.installed-run
	$(BIN)/pricewar validate

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

screenshots: $(VENV)/.installed-test
	@bash scripts/ensure-browser.sh
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache screenshots
