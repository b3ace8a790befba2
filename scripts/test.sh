#!/usr/bin/env bash
# `npm test`: installs what is missing, starts the three servers (infra/local/up.sh), then runs
# the static checks and every test, unit and integration, against those real servers.
# Arguments go to jest (e.g. `npm test -- apps/jury`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/node.sh
source scripts/node.sh
printf 'node: %s (%s)\n' "$(node -v)" "$(command -v node)"

bash scripts/install-deps.sh
bash scripts/install-browser.sh
bash infra/local/up.sh
set -a
# shellcheck disable=SC1091
source .local/env
set +a
# Consumers heartbeat every second (10 s by default): the replicas the tests start and stop
# rebalance their groups within a second rather than ten.
export KAFKA_HEARTBEAT_MS="${KAFKA_HEARTBEAT_MS:-1000}"

printf 'checks: lint, formatting, import rules, types…\n'
npx eslint .
npx prettier --check --log-level warn .
npx depcruise apps libs --config .dependency-cruiser.cjs --output-type err
npx tsc --noEmit -p tsconfig.json
# The web app: type-checked and built into dist/web, which the browser journey is served from
# (the build prints the first page's compressed JavaScript and fails beyond 250 KB).
npm run build:web

# The Helm chart: lint, render and validate offline (installs helm and kubernetes-validate into
# .local/ the first time: several minutes of CPU for helm, then seconds).
bash infra/helm/validate.sh

# The services under test record their replies in .local/openapi-observations; after the tests,
# scripts/check-openapi.ts holds each against its OpenAPI document (this run's replies only).
rm -rf .local/openapi-observations

# One test file at a time (--maxWorkers=1): some integration tests pause the broker or wipe a
# Redis database. In a worker rather than in jest's own process, so that what the in-process
# services and browsers leave behind does not pile up: the worker is replaced after any file that
# leaves more than 1 GB of heap (in one process, jest's default 4 GB heap ran out at file 137 of
# 155 on 2026-12-02).
# --forceExit: kafkajs and BullMQ keep timers after their clients close; a test run must end.
# --experimental-vm-modules: the @nestjs packages are ESM-only since Nest 12, and jest loads an
# ES module required from CommonJS (require(esm)) only with Node's vm modules.
NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--experimental-vm-modules" \
  npx jest --maxWorkers=1 --workerIdleMemoryLimit=1GB --forceExit "$@"
node -r @swc-node/register scripts/check-openapi.ts
