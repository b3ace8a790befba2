#!/usr/bin/env bash
# `npm start`: the servers (infra/local/up.sh), a fresh build, then the five services and the
# gateway (the portal, with its development identity provider), each on its own port with its log
# in .local/logs/<name>.log. Returns once all answer /health/ready with one line per service and
# the demo logins, then stays in the foreground: Ctrl-C or SIGTERM stops what it started (the
# servers keep running; `npm run infra:down` stops them).
#
# Ports: GATEWAY_PORT (3000), CANDIDACY_PORT (3001), REVIEW_PORT (3002), JURY_PORT (3003),
# NOTIFICATION_PORT (3004), MOBILITY_PORT (3005). READY_TIMEOUT (120 s) bounds the wait for readiness.
# Unless OIDC_ISSUER_URL names another identity provider, the services are told to trust the
# gateway's development provider (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL), beside the issuer
# `npm run token` signs for: both sign with the development key pair, so both kinds of token pass.
# <SERVICE>_CLOCK_SHIFT_DAYS moves one service's clock ahead (CLOCK_SHIFT_DAYS for that service),
# e.g. JURY_CLOCK_SHIFT_DAYS=45 lets a December run hold January's juries (see docs/season.md).
# A local mail catcher (MailDev) receives the notification service's emails on SMTP port
# MAIL_CATCHER_SMTP_PORT (1025, the service's default) and shows them on MAIL_CATCHER_WEB_PORT (1080).
# A service that exits during start-up is started again (START_ATTEMPTS, 3), saying why.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# The gateway last: it forwards to the others.
SERVICES=(candidacy review jury notification mobility gateway)
declare -A DEFAULT_PORTS=([candidacy]=3001 [review]=3002 [jury]=3003 [notification]=3004 [mobility]=3005 [gateway]=3000)
READY_TIMEOUT="${READY_TIMEOUT:-120}"
START_ATTEMPTS="${START_ATTEMPTS:-3}"
MAIL_CATCHER_SMTP_PORT="${MAIL_CATCHER_SMTP_PORT:-1025}"
MAIL_CATCHER_WEB_PORT="${MAIL_CATCHER_WEB_PORT:-1080}"
LOG_DIR="$ROOT/.local/logs"
PID_DIR="$ROOT/.local/run/services"

say() { printf '%s\n' "$*"; }
die() { printf 'start: %s\n' "$*" >&2; exit 1; }

port_of() {
  local var="${1^^}_PORT"
  printf '%s' "${!var:-${DEFAULT_PORTS[$1]}}"
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A pid file only counts if its process is still one of our services: pids get reused.
our_pid() {
  local name=$1 pid_file="$PID_DIR/$1.pid" pid
  [[ -f $pid_file ]] || return 1
  pid=$(<"$pid_file")
  [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "dist/apps/$name/src/main.js" || return 1
  printf '%s' "$pid"
}

stop_pid() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  # Nest drains in-flight requests and closes its clients; give it a bounded moment.
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# An earlier `npm start` still in the foreground is asked to stop its services itself; then any
# service left over from a run that died (its terminal went away) is stopped through its pid file.
stop_previous() {
  local name pid
  if [[ -f $PID_DIR/start.pid ]]; then
    pid=$(<"$PID_DIR/start.pid")
    if [[ $pid != "$$" && -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'scripts/start.sh'; then
      say "stopping the services of the previous npm start (pid $pid)"
      stop_pid "$pid"
    fi
  fi
  for name in "${SERVICES[@]}"; do
    if pid=$(our_pid "$name"); then stop_pid "$pid" & fi
  done
  wait
  for name in "${SERVICES[@]}"; do rm -f "$PID_DIR/$name.pid"; done
  if [[ -f $PID_DIR/mail-catcher.pid ]]; then
    pid=$(<"$PID_DIR/mail-catcher.pid")
    [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q maildev && stop_pid "$pid"
    rm -f "$PID_DIR/mail-catcher.pid"
  fi
}

# Only what this run started: a later `npm start` may have replaced some of them already.
declare -A MINE=()
declare -A ATTEMPTS=()
MAIL_CATCHER_PID=''
stop_mine() {
  local name
  for name in "${!MINE[@]}"; do stop_pid "${MINE[$name]}" & done
  [[ -n $MAIL_CATCHER_PID ]] && stop_pid "$MAIL_CATCHER_PID" &
  wait
  for name in "${!MINE[@]}"; do
    [[ $(cat "$PID_DIR/$name.pid" 2>/dev/null) == "${MINE[$name]}" ]] && rm -f "$PID_DIR/$name.pid"
  done
  return 0
}

alive() { kill -0 "${MINE[$1]}" 2>/dev/null; }

ready() {
  local url="http://127.0.0.1:$1/health/ready"
  if command -v curl >/dev/null; then
    curl -fsS -o /dev/null --max-time 3 "$url" 2>/dev/null
  else
    node -e "fetch('$url',{signal:AbortSignal.timeout(3000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
  fi
}

# The line of a service's log that says why it stopped: the last error, else the last line.
last_error() {
  grep -E '"level":(50|60)|"level":"(error|fatal)"|Error' "$LOG_DIR/$1.log" | tail -n 1 | cut -c1-300 ||
    tail -n 1 "$LOG_DIR/$1.log"
}

start_service() {
  local name=$1 shift_var="${1^^}_CLOCK_SHIFT_DAYS"
  ATTEMPTS[$name]=$((${ATTEMPTS[$name]:-0} + 1))
  PORT=$(port_of "$name") env ${!shift_var:+CLOCK_SHIFT_DAYS=${!shift_var}} \
    node "dist/apps/$name/src/main.js" >>"$LOG_DIR/$name.log" 2>&1 &
  MINE[$name]=$!
  printf '%s' "$!" >"$PID_DIR/$name.pid"
}

# A local SMTP server with a web page, so that a newcomer sees the platform's emails. An SMTP
# server already on the port (someone's own catcher) is left to do the job.
start_mail_catcher() {
  if port_busy "$MAIL_CATCHER_SMTP_PORT"; then
    say "mail: port $MAIL_CATCHER_SMTP_PORT already answers; the notification service sends there"
    return
  fi
  "$ROOT/node_modules/.bin/maildev" --smtp "$MAIL_CATCHER_SMTP_PORT" --web "$MAIL_CATCHER_WEB_PORT" --ip 127.0.0.1 --web-ip 127.0.0.1 \
    --mail-directory "$ROOT/.local/mail" \
    >"$LOG_DIR/mail-catcher.log" 2>&1 &
  MAIL_CATCHER_PID=$!
  printf '%s' "$!" >"$PID_DIR/mail-catcher.pid"
  # The notification service sends there unless told otherwise.
  export SMTP_HOST="${SMTP_HOST:-127.0.0.1}" SMTP_PORT="${SMTP_PORT:-$MAIL_CATCHER_SMTP_PORT}"
}

fail_service() {
  local name=$1 why=$2
  printf 'start: %s %s; last lines of %s:\n' "$name" "$why" "$LOG_DIR/$name.log" >&2
  tail -n 40 "$LOG_DIR/$name.log" >&2 || true
  stop_mine
  exit 1
}

# 1. Node 24, servers, dependencies, build.
# shellcheck source=scripts/node.sh
source scripts/node.sh
bash scripts/install-deps.sh
bash infra/local/up.sh
npm run build

set -a
# shellcheck disable=SC1091
source .local/env
set +a
export NODE_ENV="${NODE_ENV:-development}"
# The demo catalogue and partners are loaded once: the seeders skip what is already there.
export SEED_DEMO_CATALOGUE="${SEED_DEMO_CATALOGUE:-true}" SEED_DEMO_PARTNERS="${SEED_DEMO_PARTNERS:-true}"

# The gateway finds the services here; the services trust the gateway's development provider.
GATEWAY_URL="http://localhost:$(port_of gateway)"
for name in candidacy review jury notification mobility; do
  export "${name^^}_URL=http://127.0.0.1:$(port_of "$name")"
done
if [[ -z ${OIDC_ISSUER_URL:-} ]]; then
  export AUTH_ISSUER="${AUTH_ISSUER:-$GATEWAY_URL/oidc,admissions-dev}" AUTH_AUDIENCE="${AUTH_AUDIENCE:-admissions-api}"
  export AUTH_JWKS_URL="${AUTH_JWKS_URL:-http://127.0.0.1:$(port_of gateway)/oidc/jwks}"
fi

# 2. Our services from a previous run give their ports back; anything else on a port is an error.
mkdir -p "$LOG_DIR" "$PID_DIR"
stop_previous
printf '%s' "$$" >"$PID_DIR/start.pid"
for name in "${SERVICES[@]}"; do
  port=$(port_of "$name")
  port_busy "$port" && die "port $port ($name) is taken by another program; set ${name^^}_PORT to move it"
done

# 3. The mail catcher and the five services, then wait for each to be ready.
start_mail_catcher
for name in "${SERVICES[@]}"; do
  : >"$LOG_DIR/$name.log"
  start_service "$name"
done

trap 'say "stopping the services…"; stop_mine; exit 0' INT TERM

deadline=$((SECONDS + READY_TIMEOUT))
for name in "${SERVICES[@]}"; do
  port=$(port_of "$name")
  until ready "$port"; do
    if ! alive "$name"; then
      wait "${MINE[$name]}" && code=0 || code=$?
      ((${ATTEMPTS[$name]} < START_ATTEMPTS)) || fail_service "$name" "exited during start-up ${START_ATTEMPTS} times"
      say "start: $name exited during start-up (exit code $code): $(last_error "$name")"
      say "start: starting $name again (attempt $((${ATTEMPTS[$name]} + 1)) of $START_ATTEMPTS)"
      start_service "$name"
    fi
    ((SECONDS < deadline)) || fail_service "$name" "was not ready within ${READY_TIMEOUT}s"
    sleep 1
  done
done

for name in "${SERVICES[@]}"; do
  [[ $name == gateway ]] && continue
  port=$(port_of "$name")
  printf '%-13s http://localhost:%s   docs http://localhost:%s/docs\n' "$name" "$port" "$port"
done
printf '%-13s %s   (the portal: sign in there)\n' "portal" "$GATEWAY_URL"
if [[ -z ${OIDC_ISSUER_URL:-} ]]; then
  # From the gateway's own list, so that what is printed is what signs in.
  node -e '
    const { DEMO_ACCOUNTS, DEMO_PASSWORD } = require("./dist/apps/gateway/src/dev-identity/demo-accounts.js");
    const rows = DEMO_ACCOUNTS.map((a) => `  ${a.login.padEnd(10)} ${a.roles.join(", ")}`);
    process.stdout.write(`demo logins (password "${DEMO_PASSWORD}"):\n${rows.join("\n")}\n`);'
  say "tokens for the services: npm run token -- <role> <subject>"
fi
if [[ -n $MAIL_CATCHER_PID ]]; then
  printf '%-13s http://localhost:%s   (the emails the platform sends)\n' "mail" "$MAIL_CATCHER_WEB_PORT"
fi
say "logs in .local/logs/; Ctrl-C stops the services (the servers keep running)"

# 4. Stay up; if one service dies on its own, say which and stop the rest.
while true; do
  wait -n || true
  for name in "${SERVICES[@]}"; do
    alive "$name" && continue
    if [[ $(cat "$PID_DIR/$name.pid" 2>/dev/null) != "${MINE[$name]}" ]]; then
      say "the services were restarted by another npm start; this one steps aside"
      exit 0
    fi
    fail_service "$name" "stopped unexpectedly"
  done
done
