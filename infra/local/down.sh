#!/usr/bin/env bash
# Stops the servers infra/local/up.sh started, found by their pid files under .local/run (and
# PostgreSQL's own postmaster.pid): SIGTERM first (Kafka shuts down cleanly, Redis flushes its
# AOF), SIGKILL after a grace period; PostgreSQL with `pg_ctl stop -m fast`.
# Servers it did not start (a URL from the environment, a reused Redis) are left alone.
# Data stays in .local; `rm -rf .local` afterwards for a clean slate. `down.sh redis` (or kafka,
# mongo, postgres) stops only the servers named.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$INFRA_DIR/postgres.sh"

# Kafka's controlled shutdown can take ~10 s; past this we stop asking.
STOP_GRACE="${STOP_GRACE:-30}"

gone() { ! kill -0 "$1" 2>/dev/null; }

# stop <name> <pidfile> <pattern>: the pattern must appear in the process's command line, so a
# stale pid file never gets an unrelated process killed.
stop() {
  local name=$1 pidfile=$2 pattern=$3 pid
  if ! pid_alive "$pidfile" "$pattern"; then
    rm -f "$pidfile"
    say "$name: not running"
    return
  fi
  pid="$(<"$pidfile")"
  say "$name: stopping (pid $pid)…"
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_until "$STOP_GRACE" gone "$pid"; then
    say "$name: still running after ${STOP_GRACE}s; killing"
    kill -KILL "$pid" 2>/dev/null || true
    wait_until 5 gone "$pid" || die "$name: pid $pid survived SIGKILL"
  fi
  rm -f "$pidfile"
  say "$name: stopped"
}

# pg_ctl rather than a signal: it waits for the shutdown checkpoint. Immediate mode (crash
# recovery at the next start) only when the fast shutdown does not finish in time.
stop_postgres() {
  if ! postgres_running; then
    say "postgres: not running"
    return
  fi
  say "postgres: stopping (pid $(head -n 1 "$PG_DATA/postmaster.pid"))…"
  if ! postgres_stop fast "$STOP_GRACE"; then
    say "postgres: still running after ${STOP_GRACE}s; immediate shutdown"
    postgres_stop immediate 10 || die "postgres: pg_ctl stop -m immediate failed; see $PG_LOG"
  fi
  say "postgres: stopped"
}

# With names (kafka, mongo, postgres, redis), stops only those, leaving .local/env in place: the
# tests that take a server away from running services use it, then up.sh brings it back.
stop_named() {
  local name
  for name in "$@"; do
    case $name in
      kafka) stop kafka "$RUN/kafka.pid" kafka.Kafka ;;
      mongo) stop ferretdb "$RUN/ferretdb.pid" "$STATE/bin/ferretdb" ;;
      postgres) stop ferretdb "$RUN/ferretdb.pid" "$STATE/bin/ferretdb" && stop_postgres ;;
      redis) stop redis "$RUN/redis.pid" redis-server ;;
      *) die "unknown server '$name' (kafka, mongo, postgres, redis)" ;;
    esac
  done
}

main() {
  if (($# > 0)); then
    stop_named "$@"
    return
  fi
  # Stop in parallel: Kafka's shutdown dominates and the others do not depend on it, except
  # PostgreSQL, which goes after FerretDB so that no request is cut off halfway.
  stop kafka "$RUN/kafka.pid" kafka.Kafka &
  { stop ferretdb "$RUN/ferretdb.pid" "$STATE/bin/ferretdb" && stop_postgres; } &
  stop redis "$RUN/redis.pid" redis-server &
  local failed=0 job
  for job in $(jobs -p); do
    wait "$job" || failed=1
  done
  rm -f "$STATE/env" # the servers it names are gone
  return "$failed"
}

main "$@"
