# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv and install the pinned requirements (and the Debian packages the
# tests need) on first use, so they work on a bare machine.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench system-deps clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# Poppler (pdffonts/pdftotext) lets the export tests read PDFs back; Qt's offscreen
# platform needs EGL and xkbcommon. Installed only when missing and when we are root.
SYSTEM_PACKAGES := poppler-utils libegl1 libxkbcommon0 libgl1 libfontconfig1 libdbus-1-3
system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "please install:$$missing" >&2; fi; \
	fi

run: $(STAMP)
	$(PY) main.py

test: $(STAMP) system-deps
	$(PY) -m ruff check .
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m mypy core

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache

# Screenshots of the main window on the sample pair (docs/images), under Xvfb with Qt's real
# xcb platform, which needs these Debian packages besides Xvfb.
.PHONY: screenshots translations
SCREENSHOT_PACKAGES := xvfb libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-xinerama0 libxkbcommon-x11-0 libegl1
screenshots: $(STAMP)
	@missing=""; for p in $(SCREENSHOT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "please install:$$missing" >&2; exit 1; fi; \
	fi
	xvfb-run -a -s "-screen 0 1920x1200x24" env QT_QPA_PLATFORM=xcb $(PY) -m gui.screenshots docs/images

# Compile the English interface translation after editing resources/i18n/duizhao_en.ts.
translations: $(STAMP)
	$(VENV)/bin/pyside6-lrelease resources/i18n/duizhao_en.ts -qm resources/i18n/duizhao_en.qm
