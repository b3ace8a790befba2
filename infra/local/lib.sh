# Shared helpers for infra/local/*.sh. Sourced, never run: the caller sets `set -euo pipefail`.
# Everything the local servers write (binaries, data, logs, pid files) lives under $STATE, which
# is git-ignored, so `rm -rf .local` after `down.sh` is a full reset.

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INFRA_DIR/../.." && pwd)"
STATE="$REPO_ROOT/.local"
LOGS="$STATE/logs"
RUN="$STATE/run" # pid files

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
MONGO_PORT="${MONGO_PORT:-27017}"
REDIS_PORT="${REDIS_PORT:-6379}"
PG_PORT="${PG_PORT:-5432}"

# Seconds a server gets to become ready before we give up and show its log.
READY_TIMEOUT="${READY_TIMEOUT:-90}"

say() { printf '%s\n' "$*"; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# True when something accepts TCP connections on host:port. Uses bash's /dev/tcp with a 1 s cap
# so a filtered port cannot stall us.
port_open() {
  timeout 1 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

# wait_until <timeout-seconds> <command...>: polls the command every 0.3 s until it succeeds.
# Returns 1 on timeout, never hangs.
wait_until() {
  local limit=$1
  shift
  local deadline=$((SECONDS + limit))
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.3
  done
}

wait_port() { wait_until "$3" port_open "$1" "$2"; }

# pid_alive <pidfile> <pattern>: the pid file names a live process whose command line contains
# <pattern>; the pattern guards against a recycled pid after a reboot or a crash. Only the first
# line counts: PostgreSQL's postmaster.pid goes on with its port, socket directory and state.
pid_alive() {
  local pid
  [[ -s $1 ]] || return 1
  pid="$(head -n 1 "$1")"
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2"
}

# fail_with_log <name> <logfile> [reason]: the server did not come up; show why and stop.
fail_with_log() {
  printf '%s: %s; last 40 lines of %s:\n' "$1" "${3:-not ready after ${READY_TIMEOUT}s}" "$2" >&2
  tail -n 40 "$2" >&2 2>/dev/null || true
  exit 1
}

# Node probes (probe.js) need the client library from the repo's node_modules (kafkajs,
# mongodb); without it up.sh falls back to a weaker check rather than waiting on a probe that
# cannot run.
have_node_module() {
  command -v node >/dev/null && [[ -d $REPO_ROOT/node_modules/$1 ]]
}

# kafkajs 2.2.4 arms a timer with a negative delay when its request queue is idle; Node 24 warns
# about it on stderr once per process (the delay becomes 1 ms, as it always did).
probe() {
  node --disable-warning=TimeoutNegativeWarning "$INFRA_DIR/probe.js" "$@"
}

apt_install() {
  say "apt: installing $*…"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
