# Switchboard: every target installs what it needs first. `make help` lists them.
SHELL := /bin/bash
NODE_MODULES := node_modules/.package-lock.json
LIB_SOURCES := $(shell find lib -name '*.ts' 2>/dev/null)
SWITCHBOARD := node bin/switchboard.js

.PHONY: help install build generate check-generated check-breaking lint format typecheck test bench dev mock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

install: $(NODE_MODULES) ## install dependencies from the lockfile (npm ci) when missing or stale

$(NODE_MODULES): package.json package-lock.json
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("switchboard needs Node >= 20.19, found "+process.version); process.exit(1) }'
	@# npm 11 `ci` insists on lock entries for every platform's optional binaries (e.g. rollup's), which a
	@# registry serving only this platform cannot provide (npm/cli#4828); then install from the lockfile as is.
	@mkdir -p .switchboard
	@npm ci --no-audit --no-fund > .switchboard/npm-ci.log 2>&1 || { \
	  echo "npm ci refused the lockfile (see .switchboard/npm-ci.log); installing from it with npm install --no-save"; \
	  npm install --no-save --no-audit --no-fund; }
	@touch $(NODE_MODULES)

build: dist/.stamp ## compile lib/ to dist/ so the CLI starts fast (used automatically when fresh)

dist/.stamp: $(NODE_MODULES) $(LIB_SOURCES) tsconfig.json tsconfig.build.json
	@rm -rf dist
	npx tsc -p tsconfig.build.json
	@touch dist/.stamp

generate: build ## generate types, clients, route tables and fakes from specs/ into generated/
	$(SWITCHBOARD) generate

check-generated: build ## fail when generated/ is not what specs/ generates (the drift check)
	$(SWITCHBOARD) generate --check

BASE ?= HEAD~1
check-breaking: build ## the breaking-change gate: specs/ at $(BASE) (default HEAD~1) against the working tree
	$(SWITCHBOARD) diff --base $(BASE)

typecheck: $(NODE_MODULES) ## type-check everything, generated code and type tests included
	npx tsc --noEmit -p tsconfig.json

lint: build ## biome (code) + the house OpenAPI lint (specs) + type-check
	npx biome check .
	$(SWITCHBOARD) lint
	npx tsc --noEmit -p tsconfig.json

format: $(NODE_MODULES) ## apply biome's formatting and safe fixes
	npx biome check --write .

test: build ## everything: drift check, type tests, unit, integration and contract tests
	$(SWITCHBOARD) generate --check
	npx tsc --noEmit -p tsconfig.json
	node scripts/run-tests.js

bench: build ## run every benchmark suite in bench/ and write bench/results/<suite>.json
	npx tsx bench/run.ts $(SUITES)

dev: generate ## install, generate, start all five services on 127.0.0.1:3001-3005 (Ctrl-C stops them)
	node --import tsx scripts/dev.ts

mock: $(NODE_MODULES) ## Prism mock of one spec: make mock SERVICE=user-service [PORT=4010]; Ctrl-C stops it
	node --import tsx scripts/mock.ts $(SERVICE) $(PORT)

clean: ## remove build output and caches (never generated/ or specs/)
	rm -rf dist .switchboard coverage
