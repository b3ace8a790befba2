#!/usr/bin/env bash
# Measures the CPU the running platform uses over a period: the five services of `npm start` and
# the local servers of infra/local (Kafka, FerretDB, PostgreSQL and its workers, Redis), from
# /proc/<pid>/stat. Prints one line per process and the total as a share of one core.
#   bash scripts/idle-cpu.sh [seconds]   (default 60)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PERIOD="${1:-60}"
TICKS=$(getconf CLK_TCK)

# name pid lines: services and servers by their pid files; PostgreSQL's workers are its children.
processes() {
  local file pid
  for file in "$ROOT"/.local/run/services/{candidacy,review,jury,notification,mobility}.pid "$ROOT"/.local/run/{kafka,ferretdb,redis}.pid; do
    [[ -s $file ]] || continue
    pid=$(<"$file")
    [[ -d /proc/$pid ]] && printf '%s %s\n' "$(basename "$file" .pid)" "$pid"
  done
  if [[ -s $ROOT/.local/postgres/postmaster.pid ]]; then
    pid=$(head -n 1 "$ROOT/.local/postgres/postmaster.pid")
    printf 'postgres %s\n' "$pid"
    pgrep -P "$pid" | sed 's/^/postgres-worker /'
  fi
}

# utime + stime of a process, in clock ticks (fields 14 and 15 after the command name).
ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

declare -A before names
while read -r name pid; do
  names[$pid]=$name
  before[$pid]=$(ticks "$pid")
done < <(processes)
((${#names[@]} > 0)) || { echo "idle-cpu: nothing running (npm start, infra/local/up.sh)" >&2; exit 1; }

sleep "$PERIOD"

declare -A used
total=0
for pid in "${!names[@]}"; do
  delta=$(($(ticks "$pid") - before[$pid]))
  ((delta >= 0)) || delta=0
  used[${names[$pid]}]=$((${used[${names[$pid]}]:-0} + delta))
  total=$((total + delta))
done
for name in $(printf '%s\n' "${!used[@]}" | sort); do
  awk -v n="$name" -v t="${used[$name]}" -v hz="$TICKS" -v p="$PERIOD" \
    'BEGIN { printf "%-16s %6.2f %% of a core\n", n, 100 * t / hz / p }'
done
awk -v t="$total" -v hz="$TICKS" -v p="$PERIOD" \
  'BEGIN { printf "total            %6.2f %% of a core over %d s\n", 100 * t / hz / p, p }'
