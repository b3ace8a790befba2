#!/usr/bin/env bash
# `npm run load [-- --quick]`: admission-day peaks against the services `npm start` runs (start
# them first, in another terminal), each scenario beside its raw baseline (docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/node.sh
source scripts/node.sh
set -a
# shellcheck disable=SC1091
source .local/env
set +a
exec node -r @swc-node/register bench/load/load.ts "$@"
