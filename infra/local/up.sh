#!/usr/bin/env bash
# Installs (when missing) and starts the servers the tests and `npm start` need, without Docker:
# Kafka (KRaft, jars from Maven Central), FerretDB (MongoDB wire, built with Go) over its own
# PostgreSQL cluster (Debian package), and Redis (Debian package). Idempotent: servers already
# running are only checked, so a warm run takes a second or two. Writes .local/env for
# `source .local/env`.
#
# A server named by KAFKA_BROKERS, MONGO_URL or REDIS_URL is used as is: nothing is started for
# it (MONGO_URL: neither FerretDB nor PostgreSQL). Ports: KAFKA_PORT (9092),
# KAFKA_CONTROLLER_PORT (9093), MONGO_PORT (27017), PG_PORT (5432), REDIS_PORT (6379).
# READY_TIMEOUT (90) bounds each wait. See infra/local/README.md.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$INFRA_DIR/kafka.sh"
source "$INFRA_DIR/postgres.sh"
source "$INFRA_DIR/ferretdb.sh"
source "$INFRA_DIR/redis.sh"

# Two concurrent runs (say, two terminals) would race on the installs and the pid files.
# The servers are started with fd 9 closed so they do not inherit (and keep) this lock.
take_lock() {
  exec 9>"$STATE/.up.lock"
  flock -n 9 && return
  say "waiting for another infra/local/up.sh to finish…"
  flock -w 300 9 || die "another infra/local/up.sh is still running after 300 s"
}

# apt runs in the foreground and once: parallel apt-get calls would fight over dpkg's lock.
install_system_packages() {
  local pkgs=()
  if [[ -z ${KAFKA_BROKERS:-} ]] && ! kafka_installed; then
    command -v java >/dev/null || pkgs+=(default-jre-headless)
    command -v mvn >/dev/null || pkgs+=(maven)
  fi
  if [[ -z ${MONGO_URL:-} ]] && ! ferretdb_installed; then
    command -v go >/dev/null || pkgs+=(golang-go)
  fi
  if [[ -z ${MONGO_URL:-} ]] && ! postgres_installed; then
    pkgs+=("$PG_PACKAGE")
  fi
  if [[ -z ${REDIS_URL:-} ]] && ! redis_installed; then
    pkgs+=(redis-server)
  fi
  ((${#pkgs[@]} == 0)) || apt_install "${pkgs[@]}"
}

# The two slow installs (Maven download ~1 min, Go build ~2 min cold) run side by side, each
# logging to its own file; we wait for both and report the first failure with its log.
install_servers() {
  local kafka_job='' ferretdb_job=''
  if [[ -z ${KAFKA_BROKERS:-} ]] && ! kafka_installed; then
    # The broker loads classes lazily: replacing the jars under it would break it mid-run.
    kafka_running && die "kafka: kafka/pom.xml changed while a broker runs from the old jars; run infra/local/down.sh first"
    say "kafka: installing jars with Maven (~1 min)…"
    kafka_install >"$LOGS/kafka-install.log" 2>&1 &
    kafka_job=$!
  fi
  if [[ -z ${MONGO_URL:-} ]] && ! ferretdb_installed; then
    ferretdb_check_go
    say "ferretdb: building $FERRETDB_VERSION with Go (~2 min)…"
    ferretdb_install >"$LOGS/ferretdb-install.log" 2>&1 &
    ferretdb_job=$!
  fi
  [[ -z $kafka_job ]] || wait "$kafka_job" || install_failed kafka "$LOGS/kafka-install.log"
  [[ -z $ferretdb_job ]] || wait "$ferretdb_job" ||
    install_failed ferretdb "$LOGS/ferretdb-install.log"
}

install_failed() {
  printf '%s: install failed; last 40 lines of %s:\n' "$1" "$2" >&2
  tail -n 40 "$2" >&2
  exit 1
}

# await <name> <pidfile> <pattern> <log> <check...>: polls the check until it passes. Fails
# fast, with the log, if the process we started dies; fails with the log after READY_TIMEOUT.
await() {
  local name=$1 pidfile=$2 pattern=$3 log=$4
  shift 4
  local deadline=$((SECONDS + READY_TIMEOUT))
  until "$@"; do
    if [[ -n $pidfile ]] && ! pid_alive "$pidfile" "$pattern"; then
      fail_with_log "$name" "$log" "exited during start-up"
    fi
    ((SECONDS < deadline)) || fail_with_log "$name" "$log"
    sleep 0.3
  done
}

# external <name> <what> <check...>: a server given by URL; it must answer, we start nothing.
external() {
  local name=$1 what=$2
  shift 2
  wait_until "$READY_TIMEOUT" "$@" || die "$name: $what does not answer"
}

# Something we did not start holds the port. If it speaks the right protocol, use it, like an
# explicit URL; otherwise starting ours would only fail on "address already in use".
foreign_port() {
  local name=$1 port=$2
  shift 2
  say "$name: port $port is held by a server this script did not start; checking it"
  "$@" || die "$name: port $port is in use by something else; free it or set another port"
}

# Our server is already running, but maybe on other ports than asked for now: say so plainly
# rather than time out waiting on the new port.
same_port() {
  [[ $2 == "$3" ]] ||
    die "$1: already running on port $2, not $3; run infra/local/down.sh first to change ports"
}

# launch_* start a server when needed and record how we got it in *_MODE: "external" (given by
# URL), "foreign" (someone else's server on our port), "ours" (pid file); await_* then check it.
launch_kafka() {
  if [[ -n ${KAFKA_BROKERS:-} ]]; then
    KAFKA_MODE=external
    return
  fi
  KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
  KAFKA_MODE=ours
  if kafka_running; then
    same_port kafka "$(kafka_running_port)" "$KAFKA_PORT"
  elif port_open 127.0.0.1 "$KAFKA_PORT"; then
    KAFKA_MODE=foreign
    foreign_port kafka "$KAFKA_PORT" kafka_ready "$KAFKA_BROKERS"
  else
    say "kafka: starting…"
    kafka_start
  fi
}

await_kafka() {
  case $KAFKA_MODE in
    external)
      external kafka "KAFKA_BROKERS=$KAFKA_BROKERS" kafka_ready "$KAFKA_BROKERS"
      say "kafka: using $KAFKA_BROKERS (KAFKA_BROKERS)"
      ;;
    *)
      local pidfile=''
      [[ $KAFKA_MODE != ours ]] || pidfile=$KAFKA_PID
      await kafka "$pidfile" kafka.Kafka "$KAFKA_LOG" kafka_ready "$KAFKA_BROKERS"
      say "kafka: ready on $KAFKA_BROKERS ($(kafka_version))"
      ;;
  esac
}

# FerretDB is chosen before it is launched: only our own FerretDB needs our PostgreSQL.
choose_ferretdb() {
  if [[ -n ${MONGO_URL:-} ]]; then
    FERRETDB_MODE=external
    return
  fi
  MONGO_URL="mongodb://127.0.0.1:$MONGO_PORT"
  FERRETDB_MODE=ours
  if ferretdb_running; then
    same_port ferretdb "$(ferretdb_running_port)" "$MONGO_PORT"
    same_storage
  elif port_open 127.0.0.1 "$MONGO_PORT"; then
    FERRETDB_MODE=foreign
    foreign_port ferretdb "$MONGO_PORT" ferretdb_ready "$MONGO_URL"
    return
  fi
  FERRETDB_PG_URL=$PG_URL
}

# A FerretDB started by an older up.sh (SQLite) or for another PG_PORT keeps its storage until
# it is restarted.
same_storage() {
  local url
  url="$(ferretdb_running_flag postgresql-url)"
  [[ $url == "$FERRETDB_STORAGE_URL" ]] ||
    die "ferretdb: already running over ${url:-$(ferretdb_running_flag handler)}, not $FERRETDB_STORAGE_URL;" \
      "run infra/local/down.sh first"
}

# PostgreSQL must answer, and hold FerretDB's database, before FerretDB starts. A server we did
# not start on PG_PORT is refused, not reused: we need trust logins and a database of our own.
up_postgres() {
  [[ $FERRETDB_MODE == ours ]] || return 0
  if postgres_running; then
    same_port postgres "$(postgres_running_port)" "$PG_PORT"
  elif port_open 127.0.0.1 "$PG_PORT"; then
    die "postgres: PG_PORT=$PG_PORT is in use by a server this script did not start;" \
      "free it or set PG_PORT to a free port"
  else
    postgres_initialized || {
      say "postgres: creating a cluster in $PG_DATA…"
      postgres_init
    }
    say "postgres: starting…"
    postgres_start
  fi
  await postgres "$PG_DATA/postmaster.pid" "$PG_DATA" "$PG_LOG" postgres_ready
  postgres_create_db
  postgres_index_ferretdb_tables
  say "postgres: ready on 127.0.0.1:$PG_PORT ($(postgres_version))"
}

launch_ferretdb() {
  if [[ $FERRETDB_MODE == ours ]] && ! ferretdb_running; then
    say "ferretdb: starting…"
    ferretdb_start
  fi
}

await_ferretdb() {
  case $FERRETDB_MODE in
    external)
      external mongo "MONGO_URL=$MONGO_URL" ferretdb_ready "$MONGO_URL"
      say "mongo: using $MONGO_URL (MONGO_URL; $(cat "$RUN/mongo.info" 2>/dev/null))"
      ;;
    *)
      local pidfile=''
      [[ $FERRETDB_MODE != ours ]] || pidfile=$FERRETDB_PID
      await ferretdb "$pidfile" "$FERRETDB_BIN" "$FERRETDB_LOG" ferretdb_ready "$MONGO_URL"
      say "ferretdb: ready on 127.0.0.1:$MONGO_PORT ($(cat "$RUN/mongo.info" 2>/dev/null))"
      ;;
  esac
}

# Redis daemonizes itself and is ready within milliseconds, so one step is enough.
up_redis() {
  if [[ -n ${REDIS_URL:-} ]]; then
    external redis "REDIS_URL=$REDIS_URL" redis_url_ready "$REDIS_URL"
    say "redis: using $REDIS_URL (REDIS_URL; $(redis_version -u "$REDIS_URL"))"
    return
  fi
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
  local pidfile=$REDIS_PID
  if redis_running; then
    same_port redis "$(redis_running_port)" "$REDIS_PORT"
  elif redis_ready; then
    say "redis: port $REDIS_PORT is held by a server this script did not start; reusing it"
    redis_reuse
    pidfile=''
  else
    say "redis: starting…"
    redis_start
  fi
  await redis "$pidfile" redis-server "$REDIS_LOG" redis_ready
  say "redis: ready on 127.0.0.1:$REDIS_PORT ($(redis_version -h 127.0.0.1 -p "$REDIS_PORT"))"
}

# Written last, so its presence means all the servers answered. %q keeps URLs with ? or &
# sourceable. FERRETDB_PG_URL: our PostgreSQL, or as given with MONGO_URL, or none.
write_env() {
  local env="$STATE/env"
  {
    printf 'export KAFKA_BROKERS=%q\n' "$KAFKA_BROKERS"
    printf 'export MONGO_URL=%q\n' "$MONGO_URL"
    [[ -z ${FERRETDB_PG_URL:-} ]] || printf 'export FERRETDB_PG_URL=%q\n' "$FERRETDB_PG_URL"
    printf 'export REDIS_URL=%q\n' "$REDIS_URL"
    # The ports as well: a test that stops a server and runs up.sh again (servers-away, chaos)
    # brings it back where it was, not on the default port another checkout may be using.
    printf 'export KAFKA_PORT=%q KAFKA_CONTROLLER_PORT=%q MONGO_PORT=%q PG_PORT=%q REDIS_PORT=%q\n' \
      "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$MONGO_PORT" "$PG_PORT" "$REDIS_PORT"
  } >"$env.tmp"
  mv "$env.tmp" "$env"
  cat "$env"
}

main() {
  mkdir -p "$STATE" "$LOGS" "$RUN"
  take_lock
  rm -f "$STATE/env" # stale until this run proves the servers answer
  install_system_packages
  install_servers
  # Kafka takes longest to become ready, so it starts first and is awaited while the others
  # come up.
  launch_kafka
  choose_ferretdb
  up_postgres
  launch_ferretdb
  up_redis
  await_ferretdb
  await_kafka
  write_env
}

main "$@"
