#!/usr/bin/env bash
# `npm run chaos [-- --short | --minutes <n>]`: the chaos suite (chaos/, docs/operations.md). Starts
# from nothing: dependencies, the servers (infra/local/up.sh), a build of the services; then two
# instances of each service under load while faults are injected, and the invariants checked.
# The instances listen on free ports the system gives; the report lands in .local/chaos/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/node.sh
source scripts/node.sh
bash scripts/install-deps.sh
bash infra/local/up.sh
npm run build
set -a
# shellcheck disable=SC1091
source .local/env
set +a
exec node -r @swc-node/register chaos/main.ts "$@"
