# Berth: `make up` runs a single-host cluster; `make test` runs every check.
SHELL := /bin/bash
.PHONY: deps build docker infra up down test lint typecheck unit integration e2e faults faults-only chaos compat proto-check bench clean

# Two test files at a time (vitest's default on two cores is one): files that share no process,
# nats-server or port, and mostly wait on Docker and the network, finish in about half the time.
# Each test worker's agents take their own block of host ports (testkit's agentPorts), its servers
# free ports from a block of its own above the kernel's ephemeral ports (testkit's freePort), and
# each registry its own docker client configuration.
SIDE_BY_SIDE := --maxWorkers 2 --minWorkers 1 --fileParallelism

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
	@pnpm exec vitest run --project unit $(SIDE_BY_SIDE)

integration: build docker
	@pnpm exec vitest run --project integration $(SIDE_BY_SIDE)

e2e: build docker
	@pnpm exec vitest run --project e2e $(SIDE_BY_SIDE)

faults: build docker
	@$(MAKE) --no-print-directory faults-only

# Fault files run two at a time, each on its own nats-server, processes and agent ports;
# the one that restarts the Docker daemon runs alone, as everything else uses that daemon.
faults-only:
	@pnpm exec vitest run --project faults --exclude '**/docker-restart.test.ts' $(SIDE_BY_SIDE)
	@pnpm exec vitest run --project faults test/faults/docker-restart.test.ts

chaos: build docker
	@pnpm exec vitest run --project chaos

compat: build docker
	@pnpm exec vitest run --project compat $(SIDE_BY_SIDE)

test: deps proto-check typecheck lint docker
	@pnpm exec vitest run --project unit $(SIDE_BY_SIDE)
	@pnpm exec vitest run --project integration --project e2e --project compat $(SIDE_BY_SIDE)
	@$(MAKE) --no-print-directory faults-only
	@pnpm exec vitest run --project chaos

bench: build infra
	@node bench/launch-latency.mjs

clean:
	@rm -rf packages/*/dist services/*/dist packages/*/tsconfig.tsbuildinfo services/*/tsconfig.tsbuildinfo test-results
