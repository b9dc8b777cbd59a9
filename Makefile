# Parley: the two commands a user needs.
#   make site   installs what is missing, builds Parley in release mode, builds the site into public/
#   make test   installs what is missing and runs the whole test suite
SHELL := /bin/bash
SWIFT ?= swift
CONTENT ?= content
TEMPLATES ?= templates
OUTPUT ?= public
PARLEY := .build/release/parley

.PHONY: site test deps build check clean bench

site: deps build
	$(PARLEY) build --content $(CONTENT) --templates $(TEMPLATES) --output $(OUTPUT)

test: deps
	$(SWIFT) test

check: deps build
	$(PARLEY) check --content $(CONTENT) --templates $(TEMPLATES)

build:
	$(SWIFT) build -c release --product parley

# libcmark (the CommonMark C library) and pkg-config, from Debian's packages when absent.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
		echo "Installing libcmark-dev and pkg-config…"; \
		SUDO=""; if [ "$$(id -u)" != "0" ]; then SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libcmark-dev pkg-config >/dev/null; \
	fi
	@pkg-config --exists libcmark || { echo "libcmark is still missing: install libcmark-dev" >&2; exit 1; }

clean:
	rm -rf .build $(OUTPUT)

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
