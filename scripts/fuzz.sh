#!/usr/bin/env bash
# `npm run fuzz -- [requests per operation]` (default 10000): the fuzz of e2e/fuzz.e2e-spec.ts, long.
# Starts the servers as `npm test` does, then fuzzes the services in two jest processes side by
# side (one process keeps one core busy; FUZZ_GROUPS="mobility,jury candidacy,review,notification"
# is the split, balanced by operation count), printing each operation as it ends. FUZZ_SEED replays
# a run; FUZZ_RESUME_AT='GET /v1/me/data' (with FUZZ_GROUPS=<service>) resumes one at an operation.
# The figures land in .local/fuzz-report.json; a process's failures in its own output.
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
export FUZZ_RUNS="${1:-${FUZZ_RUNS:-10000}}" FUZZ_PROGRESS=1
export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--experimental-vm-modules"
read -r -a groups <<< "${FUZZ_GROUPS:-mobility,jury candidacy,review,notification}"
started=$(date +%s)
pids=() reports=()
for group in "${groups[@]}"; do
  report=".local/fuzz-report.${group//,/-}.json"
  rm -f "$report"
  reports+=("$report")
  FUZZ_SERVICES="$group" FUZZ_REPORT="$report" \
    npx jest --runInBand --forceExit --testTimeout=86400000 e2e/fuzz.e2e-spec.ts > ".local/logs/fuzz.${group//,/-}.log" 2>&1 &
  pids+=($!)
  echo "fuzz: $group in process $!, output in .local/logs/fuzz.${group//,/-}.log"
done
tail -q -n 0 -F --pid=$$ .local/logs/fuzz.*.log 2>/dev/null | grep --line-buffered '^fuzz ' &
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
written=()
for report in "${reports[@]}"; do [ -f "$report" ] && written+=("$report"); done
[ "${#written[@]}" -eq 0 ] || node -r @swc-node/register scripts/fuzz-report.ts "$(($(date +%s) - started))" "${written[@]}"
if [ "$failed" -ne 0 ]; then
  echo "fuzz: a process failed; its output is in .local/logs/fuzz.*.log" >&2
  exit 1
fi
