# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv and install the pinned requirements (and the Debian packages the
# tests need) on first use, so they work on a bare machine.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test fuzz exe exe-check bench system-deps clean

$(STAMP): requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(COMPILE)
	$(PY) -c "from core import segmenter; segmenter.warm(())"
	$(PY) -c "from core.export.pdf_fonts import serif_font; serif_font()"
	touch $(STAMP)

# Bytecode for the application's own modules, written once at install time: where
# PYTHONDONTWRITEBYTECODE is set, Python would otherwise compile every module again on
# every start (about 60 ms of a command-line run). pip compiles the installed packages.
# The lines after it build the segmenter's word index in the user's cache folder, which
# the first comparison would otherwise build (2 to 3 s here, once per installation), and
# keep reportlab's reading of the report faces there (0.35 s of the first PDF report).
COMPILE = $(PY) -m compileall -q -j 0 main.py core cli gui
.PHONY: compile
compile: $(STAMP)
	$(COMPILE)

# $(call apt_ensure,PACKAGES): install the Debian packages that are missing when we are
# root, name them otherwise; does nothing where there is no dpkg.
define apt_ensure
	@command -v dpkg >/dev/null || exit 0; \
	missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "please install:$$missing" >&2; fi; \
	fi
endef

# Qt's offscreen platform needs EGL, xkbcommon and fontconfig; a real window (xcb) needs
# the xcb libraries too; the export tests read PDFs back with poppler (pdffonts, pdftotext)
# and open the Word outputs in LibreOffice, as a drafter without Word would.
QT_PACKAGES := libegl1 libxkbcommon0 libgl1 libfontconfig1 libdbus-1-3
XCB_PACKAGES := libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-xinerama0 libxkbcommon-x11-0
system-deps:
	$(call apt_ensure,poppler-utils libreoffice-writer $(QT_PACKAGES))

run: $(STAMP)
	$(call apt_ensure,$(QT_PACKAGES) $(XCB_PACKAGES))
	$(PY) main.py

# The tests run on every core (pytest-xdist), each file in one process so that its module
# fixtures are built once. `pytest -m "not slow"` is the quick subset.
test: $(STAMP) system-deps
	$(PY) -m ruff check .
	$(PY) -m mypy core cli
	$(PY) -m mypy gui
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n auto --dist loadfile

# The hostile-file suite at ten times the size (the issue's 400 MB PDF stream, 800 MB of
# empty Word paragraphs ...) and with many more random examples (a new seed each run);
# `make test` runs the same tests small, with a fixed seed.
fuzz: $(STAMP)
	DUIZHAO_FUZZ_SCALE=10 DUIZHAO_FUZZ_EXAMPLES=300 $(PY) -m pytest -q tests/test_fuzz.py

# The Windows executable (or its Linux twin): a one-folder build in dist/Duizhao.
exe: $(STAMP)
	$(PY) -m PyInstaller --noconfirm --log-level WARN pyinstaller.spec

# Build, then prove the frozen folder works: CLI with every export, bad input, window.
exe-check: exe system-deps
	DUIZHAO_FROZEN=dist/Duizhao QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/test_frozen.py

# Every budget of DESIGN.md section 11 in one run; writes the table into README.md's Speed
# section and exits 3 when a budget is exceeded. The window rows need a display: without
# DISPLAY, run.py starts them under xvfb-run (Qt's xcb platform, hence these packages).
# The sources are compiled first: where PYTHONDONTWRITEBYTECODE is set, a module edited or
# added since the install would otherwise be compiled again on every timed start.
bench: $(STAMP)
	$(call apt_ensure,xvfb $(QT_PACKAGES) $(XCB_PACKAGES))
	$(COMPILE)
	$(PY) benchmarks/run.py --readme

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .import_linter_cache build dist

# Screenshots of the main window on the sample pair (docs/images), under Xvfb with Qt's real
# xcb platform, which needs these Debian packages besides Xvfb.
.PHONY: screenshots translations
screenshots: $(STAMP)
	$(call apt_ensure,xvfb $(QT_PACKAGES) $(XCB_PACKAGES))
	xvfb-run -a -s "-screen 0 1920x1200x24" env QT_QPA_PLATFORM=xcb $(PY) -m gui.screenshots docs/images

# Compile the English interface translation after editing resources/i18n/duizhao_en.ts.
translations: $(STAMP)
	$(VENV)/bin/pyside6-lrelease resources/i18n/duizhao_en.ts -qm resources/i18n/duizhao_en.qm
