#!/usr/bin/env bash
# `npm run bench`: starts the servers if needed, then measures the event-sourcing core against
# raw driver calls in the same run (see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/node.sh
source scripts/node.sh
bash scripts/install-deps.sh
bash infra/local/up.sh >/dev/null
set -a
# shellcheck disable=SC1091
source .local/env
set +a
node -r @swc-node/register bench/event-sourcing.bench.ts
