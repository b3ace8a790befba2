#!/usr/bin/env bash
# `npm run fuzz -- [requests per operation]` (default 10000): the fuzz of e2e/fuzz.e2e-spec.ts, long.
# Starts the servers as `npm test` does; FUZZ_SEED replays a run, FUZZ_SERVICES=jury,mobility
# fuzzes only those. The figures land in .local/fuzz-report.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/node.sh
source scripts/node.sh
bash scripts/install-deps.sh
bash infra/local/up.sh
set -a
# shellcheck disable=SC1091
source .local/env
set +a
export FUZZ_RUNS="${1:-${FUZZ_RUNS:-10000}}"
NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--experimental-vm-modules" npx jest --runInBand --forceExit --testTimeout=86400000 e2e/fuzz.e2e-spec.ts
node -e 'const r = require("./.local/fuzz-report.json"); process.stdout.write(`fuzz: ${r.operations} operations, ${r.requests} requests in ${r.seconds} s, statuses ${JSON.stringify(r.statuses)}, readiness 503s ${r.unready}\n`);'
