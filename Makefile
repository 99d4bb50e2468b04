# Switchboard: every target installs what it needs first. `make help` lists them.
SHELL := /bin/bash
NODE_MODULES := node_modules/.package-lock.json
LIB_SOURCES := $(shell find lib -name '*.ts' 2>/dev/null)
SWITCHBOARD := node bin/switchboard.js

.PHONY: help install build generate check-generated check-breaking lint format typecheck test bench dev mock pack clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

install: $(NODE_MODULES) ## install dependencies from the lockfile (npm ci) when missing or stale

$(NODE_MODULES): package.json package-lock.json
	@node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("switchboard needs Node >= 20.19, found "+process.version); process.exit(1) }'
	@mkdir -p .switchboard
	@echo "installing dependencies from the lockfile (npm ci)…"
	@npm ci --no-audit --no-fund > .switchboard/npm-ci.log 2>&1 || { \
	  cat .switchboard/npm-ci.log; echo "make install: npm ci failed (log above, also in .switchboard/npm-ci.log)"; exit 1; }
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
	@node scripts/run-tests.js --preflight
	$(SWITCHBOARD) generate --check
	npx tsc --noEmit -p tsconfig.json
	node scripts/run-tests.js

bench: build ## run every benchmark suite in bench/ and write bench/results/<suite>.json
	npx tsx bench/run.ts $(SUITES)

dev: generate ## install, generate, start every service on 127.0.0.1 (Ctrl-C stops them); REPLICAS=3 (needs REDIS_URL) runs 3 of each Redis-backed one
	$(if $(REPLICAS),REPLICAS=$(REPLICAS)) node --import tsx scripts/dev.ts

mock: build ## Prism mock of one spec: make mock SERVICE=user-service [PORT=4010]; Ctrl-C stops it
	$(SWITCHBOARD) mock $(SERVICE) $(if $(PORT),--port $(PORT))

pack: $(NODE_MODULES) ## build the npm package (compiled dist/, templates/) into switchboard-<version>.tgz
	npm pack

clean: ## remove build output and caches (never generated/ or specs/)
	rm -rf dist .switchboard coverage switchboard-*.tgz
