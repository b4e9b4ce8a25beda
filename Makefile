# sleuth's developer commands. `make test` is the test command: CI runs it
# through .ci/run, and README.md documents it.

GO       ?= go
FUZZTIME ?= 10m
# staticcheck is run at a pinned version so lint results do not change
# under us; bump it deliberately.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

CORPUS       := testdata/corpus
FUZZ_TARGETS := FuzzLex FuzzLexerMatchesANTLR FuzzParse FuzzLoad
# Everything but the ANTLR-generated code, which is not ours to lint.
LINT_PKGS     = $(shell $(GO) list ./... | grep -v '/parser/gen$$')

.PHONY: build test corpus solcjs bench fuzz lint generate docs scan-examples triage-eval clean

build:
	$(GO) build -o bin/sleuth .

# SLEUTH_REQUIRE_CORPUS makes the corpus tests fail, not skip, when the
# corpora are missing, so a broken install cannot pass unnoticed.
# -timeout: the packages that talk to a real model (llm, internal/cli) take
# minutes on two CPU cores; go test's default of 10 minutes per package is
# too close for a loaded machine.
test: corpus solcjs
	SLEUTH_REQUIRE_CORPUS=1 $(GO) test -race -timeout 40m ./...

# Real-world Solidity for the parser's tests and benchmarks, pinned by
# package-lock.json. The stamp makes reinstalling happen only when the
# pins change.
corpus: $(CORPUS)/node_modules/.sleuth-installed

$(CORPUS)/node_modules/.sleuth-installed: $(CORPUS)/package.json $(CORPUS)/package-lock.json
	npm ci --prefix $(CORPUS) --no-audit --no-fund
	touch $@

# solc-js compilers (several versions side by side, through npm aliases) for
# the symbolic engine's tests, pinned by package-lock.json; same stamp scheme.
SOLCJS := testdata/solc

solcjs: $(SOLCJS)/node_modules/.sleuth-installed

$(SOLCJS)/node_modules/.sleuth-installed: $(SOLCJS)/package.json $(SOLCJS)/package-lock.json
	npm ci --prefix $(SOLCJS) --no-audit --no-fund
	touch $@

# Go benchmarks (warm, in-process), then the cold wall time a user sees:
# five fresh `sleuth scan` processes over all of OpenZeppelin.
bench: corpus build
	SLEUTH_REQUIRE_CORPUS=1 $(GO) test -run '^$$' -bench . -benchmem ./parser/... ./analyzers/...
	@for i in 1 2 3 4 5; do \
		bash -c 'TIMEFORMAT="cold scan of @openzeppelin/contracts: %R s wall"; time ./bin/sleuth scan --quiet --format json -o /dev/null --fail-on none $(CORPUS)/node_modules/@openzeppelin/contracts'; \
	done

# Runs each fuzz target in turn for FUZZTIME (make fuzz FUZZTIME=30s).
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		echo "== $$t for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10s ./parser || exit 1; \
	done

lint:
	@unformatted="$$(gofmt -l .)"; \
	if [ -n "$$unformatted" ]; then echo "gofmt -l: not formatted:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet $(LINT_PKGS)
	$(GO) run $(STATICCHECK) $(LINT_PKGS)

generate:
	$(GO) generate ./parser/...

# docs/detectors.md is generated from the detectors' own metadata; a test
# (internal/cli TestDetectorsDoc) fails when it is out of date.
docs:
	$(GO) run . detectors --format markdown > docs/detectors.md.tmp
	mv docs/detectors.md.tmp docs/detectors.md

# The examples are buggy on purpose: --fail-on none keeps their findings
# from failing the target.
scan-examples:
	$(GO) run . scan --fail-on none examples/

# Precision and recall of a model's verdicts on the findings judged by hand
# in testdata/triage/labels.json: make triage-eval MODEL=qwen2.5-coder:7b.
# Needs Ollama (OLLAMA_HOST) with the model pulled; verdicts are not cached.
triage-eval: corpus
	@test -n "$(MODEL)" || { echo "usage: make triage-eval MODEL=<ollama model> [OLLAMA_HOST=host:port]"; exit 2; }
	SLEUTH_EVAL_MODEL='$(MODEL)' SLEUTH_REQUIRE_CORPUS=1 $(GO) test ./llm -run '^TestTriageEval$$' -count=1 -timeout 0 -v

clean:
	rm -rf bin
