# registre — make targets. `make demo` runs the main job on examples/,
# `make test` runs the whole test suite (what CI runs).
GO       ?= go
BIN      := bin/registre
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -s -w -X github.com/registre-qc/registre/pkg/cli.Version=$(VERSION)
TESTJSON ?= $(or $(TMPDIR),/tmp)/registre-test.json
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: all build test legal legal-prune demo bench schemas golden fuzz a11y-deps screenshots lint-go clean docs

all: build

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/registre

## demo: lint the bundled example and build its website into _site/
demo: build
	./$(BIN) lint examples
	./$(BIN) build examples --out _site
	@echo "Site : _site/index.html"

## test: the whole suite (unit, golden, fixtures, end-to-end scripts, PDF and browser checks)
# Progress is printed per package as each finishes (gotestsum, pinned in go.mod as a Go tool), so a slow or
# loaded machine never looks stuck; the slowest tests are listed at the end.
test: a11y-deps
	$(GO) vet ./...
	$(GO) tool gotestsum --format pkgname --format-hide-empty-pkg --jsonfile $(TESTJSON) -- -race -count=1 ./...
	@$(GO) tool gotestsum tool slowest --jsonfile $(TESTJSON) --threshold 5s | sed -n 1,15p

## legal: lint the legal corpus (testdata/legal) and print its confusion matrix (README, « Corpus juridique »)
legal:
	$(GO) test ./pkg/lint -run '^TestLegalCorpus' -count=1 -v

## legal-prune: drop from testdata/legal/KNOWN_DISAGREEMENTS.txt the cases that agree now (after merging rule fixes)
legal-prune:
	$(GO) test ./pkg/lint -run '^TestLegalCorpus$$' -count=1 -prune-known

a11y-deps:
	@if [ -f tools/a11y/package.json ] && command -v npm >/dev/null 2>&1 && [ ! -d tools/a11y/node_modules ]; then \
		cd tools/a11y && npm ci --no-audit --no-fund; fi

## schemas: regenerate schemas/*.schema.json from pkg/model
schemas:
	$(GO) run ./internal/genschemas

## golden: rewrite golden files (review the diff like code)
golden:
	$(GO) test ./pkg/rule ./pkg/format ./pkg/render/... ./pkg/cmd/rules ./pkg/importer ./pkg/regdiff ./pkg/stats -update

## fuzz: run each fuzz target briefly (FUZZTIME=5m for a longer run)
FUZZTIME ?= 30s
fuzz:
	$(GO) test ./pkg/source -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime $(FUZZTIME)
	$(GO) test ./pkg/source -run '^$$' -fuzz '^FuzzDecodeEncodingFirst$$' -fuzztime $(FUZZTIME)
	$(GO) test ./pkg/citation -run '^$$' -fuzz FuzzParseCell -fuzztime $(FUZZTIME)
	$(GO) test ./pkg/pii -run '^$$' -fuzz FuzzPII -fuzztime $(FUZZTIME)
	$(GO) test ./pkg/model -run '^$$' -fuzz FuzzPublishable -fuzztime $(FUZZTIME)
	$(GO) test ./pkg/model -run '^$$' -fuzz FuzzMentions -fuzztime $(FUZZTIME)
	$(GO) test ./pkg/format -run '^$$' -fuzz FuzzLineStart -fuzztime $(FUZZTIME)
	$(GO) test ./pkg/importer -run '^$$' -fuzz FuzzImportCSV -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
	$(GO) test ./pkg/fsutil -run '^$$' -fuzz FuzzGuard -fuzztime $(FUZZTIME)

## bench: speed and memory goals (see README, « Performances »)
bench: build
	@if command -v npm >/dev/null 2>&1 && [ ! -d tools/bench/node_modules ]; then \
		cd tools/bench && npm ci --no-audit --no-fund || echo "ajv-cli indisponible : comparaison sans ajv"; fi
	$(GO) run ./internal/bench

## screenshots: PNGs of the demo site pages and PDF pages, for a person to look at
screenshots: demo a11y-deps
	node tools/a11y/screenshots.mjs _site _screenshots
	node tools/a11y/screenshots.mjs --readme _site docs/capture-communications.png
	for f in _site/*.pdf; do pdftoppm -png -r 60 "$$f" _screenshots/$$(basename $$f .pdf); done
	@echo "Captures : _screenshots/"

## docs: regenerate the command reference (docs/reference, docs/man)
docs:
	$(GO) run ./internal/gendocs

clean:
	rm -rf bin _site _screenshots
