# ContactDesk: `make run` opens the app on a demo store, `make test` runs every check.
# Both install what they need first (Debian packages, then a virtualenv in .venv).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_STORE ?= demo/contactdesk-demo.db

.PHONY: install system-packages run test lint typecheck bench screenshots clean bundle translations

system-packages:
	@packaging/install-system-packages.sh

$(BIN)/.installed: pyproject.toml | system-packages
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: system-packages $(BIN)/.installed

run: install
	@mkdir -p $(dir $(DEMO_STORE))
	@test -f $(DEMO_STORE) || $(BIN)/contactdesk demo --store $(DEMO_STORE) --contacts 5000 --seed 1
	$(BIN)/contactdesk --store $(DEMO_STORE)

lint: install
	$(BIN)/ruff check contactdesk ui screenshots tests bench migrations
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

test: install lint typecheck
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/run_bench.py

# On Qt's real X11 platform under a private Xvfb where the machine allows, else offscreen.
screenshots: install
	packaging/with-xvfb.sh $(BIN)/python -m screenshots --out docs/screenshots

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# The desktop bundle: dist/contactdesk/ (PyInstaller, packaging/contactdesk.spec).
# Needs PyInstaller in the venv (pip install 'pyinstaller>=6.10'); see packaging/README.md.
bundle: install
	$(BIN)/python -m pip install --quiet 'pyinstaller>=6.10'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller packaging/contactdesk.spec

# Re-extract every user-visible string of ui/ into the German catalogue and compile it.
# New strings arrive unfinished: translate them in resources/translations/contactdesk_de.ts
# (pyside6-linguist, or a text editor), then run this again.
translations: install
	$(BIN)/pyside6-lupdate -locations none $$(git ls-files --cached --others --exclude-standard 'ui/*.py') \
		-ts resources/translations/contactdesk_de.ts
	$(BIN)/pyside6-lrelease resources/translations/contactdesk_de.ts \
		-qm resources/translations/contactdesk_de.qm
