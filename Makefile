# Berth: `make up` runs a single-host cluster; `make test` runs every check.
SHELL := /bin/bash
.PHONY: deps build docker infra up down test lint typecheck unit integration e2e faults chaos compat proto-check bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	@pnpm run --silent build

# Tests start their own nats-servers on free ports; they need only Docker and the demo image.
docker: deps
	@bash scripts/start-docker.sh
	@bash scripts/demo-image.sh

infra: docker
	@bash scripts/start-nats.sh

up: build infra
	@node deploy/local/cluster.mjs

down:
	@bash scripts/down.sh

proto-check: deps
	@pnpm run --silent proto:check

typecheck: build
	@pnpm exec tsc -p tsconfig.tests.json

lint: deps
	@node scripts/check-cycles.mjs
	@pnpm exec eslint .
	@pnpm exec prettier --check . --log-level warn

unit: build
	@pnpm exec vitest run --project unit

integration: build docker
	@pnpm exec vitest run --project integration

e2e: build docker
	@pnpm exec vitest run --project e2e

faults: build docker
	@pnpm exec vitest run --project faults

chaos: build docker
	@pnpm exec vitest run --project chaos

compat: build docker
	@pnpm exec vitest run --project compat

test: deps proto-check typecheck lint docker
	@pnpm exec vitest run --project unit --project integration --project e2e --project compat
	@# Fault tests and the seeded fault campaign run alone: they restart the Docker daemon and kill NATS.
	@pnpm exec vitest run --project faults
	@pnpm exec vitest run --project chaos

bench: build infra
	@node bench/launch-latency.mjs

clean:
	@rm -rf packages/*/dist services/*/dist packages/*/tsconfig.tsbuildinfo services/*/tsconfig.tsbuildinfo test-results
