# Vitrine: the two commands are `make run` and `make test` (see README.md).
SWIFT ?= swift
CONFIG ?= release
# One release build (rendering in debug is 10-50x slower) with testing enabled serves both
# commands: `make run` after `make test` (or the other way round) rebuilds nothing. The
# benchmark figures in Benchmarks/ were measured with this build.
TEST_FLAGS = -c $(CONFIG) -Xswiftc -enable-testing
PORT ?= 8080
APT_PACKAGES = libpng-dev libjpeg-dev libdeflate-dev pkg-config zlib1g-dev

.PHONY: run test build deps lint clean

## Install the C libraries with apt when they are missing (Debian).
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build $(TEST_FLAGS)

## Run the service on the bundled sample assets (PORT=8080); prints the viewer's address once
## the catalogue is loaded. Ctrl-C stops it gracefully.
run: build
	"$$($(SWIFT) build $(TEST_FLAGS) --show-bin-path)/vitrine" serve --assets assets --port $(PORT)

## Build once, then run every test. The HTTP/service tests run in their own process so that
## long CPU-bound render tests cannot starve their timers of cooperative threads.
test: deps lint
	$(SWIFT) build $(TEST_FLAGS) --build-tests
	@status=0; $(SWIFT) test $(TEST_FLAGS) --skip-build --skip '(PreviewServerTests|ServeCommandTests|ServeViewerBrowserTests)' || status=$$?; \
	echo "artefacts: .build/test-artifacts/contact-sheet/contact-sheet.png + index.json (every shared model);" \
		"golden failure reports (if any): .build/golden-failures/*/index.html"; \
	exit $$status
	$(SWIFT) test $(TEST_FLAGS) --skip-build --filter '(PreviewServerTests|ServeCommandTests|ServeViewerBrowserTests)'

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

clean:
	rm -rf .build out
