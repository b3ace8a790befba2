# FerretDB 1.x: a MongoDB-wire server over PostgreSQL (our cluster, postgres.sh), built from
# source with the Go module proxy. Sourced by up.sh after lib.sh and postgres.sh.

FERRETDB_VERSION="v1.24.2"
FERRETDB_MODULE="github.com/FerretDB/FerretDB"
FERRETDB_HOME="$STATE/ferretdb"
FERRETDB_BIN="$STATE/bin/ferretdb"
FERRETDB_LOG="$LOGS/ferretdb.log"
FERRETDB_PID="$RUN/ferretdb.pid"
# FerretDB 1.24 keeps a pooled PostgreSQL connection for the query of an update or findAndModify
# while it takes a second one for the write. Once every connection of its pool is held that way,
# every request waits forever, ping included: seen with the default pool (50) under the jury's
# seat race. Keep the pool above the MongoDB connections that can be busy at once (a driver opens
# up to 100 per client); PG_MAX_CONNECTIONS leaves room for it.
FERRETDB_PG_POOL=400
FERRETDB_STORAGE_URL="$PG_URL?pool_max_conns=$FERRETDB_PG_POOL"

# No VCS stamping (the module cache copy is not a git checkout) and never switch toolchains:
# the proxy may not serve golang.org/toolchain here.
export GOTOOLCHAIN=local GOFLAGS=-buildvcs=false

# Captured, not piped into `grep -q`: grep exits at the first match, ferretdb gets SIGPIPE, and
# pipefail turns that into "not installed".
ferretdb_installed() {
  [[ -x $FERRETDB_BIN ]] || return 1
  local out
  out="$("$FERRETDB_BIN" --version 2>/dev/null)" || return 1
  [[ $out == *"version: $FERRETDB_VERSION"* ]]
}

# go.mod says `go 1.24`; Debian bookworm's golang-go (1.19) is too old to build it.
ferretdb_check_go() {
  command -v go >/dev/null || apt_install golang-go
  local minor
  minor="$(go env GOVERSION | sed -nE 's/^go1\.([0-9]+).*/\1/p')"
  [[ ${minor:-0} -ge 24 ]] ||
    die "ferretdb: needs Go >= 1.24 to build, found $(go env GOVERSION); install a newer Go"
}

# Fill the module cache. `go install …@version` fails here: it asks the proxy for the module's
# version list (deprecation check) and the proxy refuses it; `go get` in a scratch module does
# not. Retry without the checksum database if sum.golang.org is unreachable.
ferretdb_download() {
  local scratch
  scratch="$(mktemp -d)"
  (
    cd "$scratch"
    go mod init local/ferretdb-build >/dev/null 2>&1
    go get "$FERRETDB_MODULE/cmd/ferretdb@$FERRETDB_VERSION" ||
      GOSUMDB=off go get "$FERRETDB_MODULE/cmd/ferretdb@$FERRETDB_VERSION"
  )
  rm -rf "$scratch"
}

# The module cache path escapes capitals as !lowercase.
ferretdb_module_dir() {
  printf '%s/github.com/!ferret!d!b/!ferret!d!b@%s' "$(go env GOMODCACHE)" "$FERRETDB_VERSION"
}

# Build inside a writable copy: FerretDB panics at start unless build/version/version.txt
# holds a "v…" version, a file its release tooling generates and the module zip lacks.
ferretdb_install() {
  ferretdb_check_go
  [[ -f "$(ferretdb_module_dir)/go.mod" ]] || ferretdb_download
  local src="$FERRETDB_HOME/src"
  rm -rf "$src"
  mkdir -p "$FERRETDB_HOME" "$(dirname "$FERRETDB_BIN")"
  cp -r "$(ferretdb_module_dir)" "$src"
  chmod -R u+w "$src"
  printf '%s\n' "$FERRETDB_VERSION" >"$src/build/version/version.txt"
  printf 'source\n' >"$src/build/version/package.txt"
  (cd "$src" && { go build -o "$FERRETDB_BIN" ./cmd/ferretdb ||
    GOSUMDB=off go build -o "$FERRETDB_BIN" ./cmd/ferretdb; })
  rm -rf "$src" # 40 MB of sources we no longer need; the binary is self-contained
}

ferretdb_start() {
  mkdir -p "$FERRETDB_HOME/state"
  # PostgreSQL, not SQLite: SQLite pushes only an exact {_id} filter down and scans for any
  # other; PostgreSQL pushes equality on top-level fields down, which a GIN index then serves.
  # Log level error: at warn it dumps a full request/response for every unsupported command,
  # and the Node driver sends one (endSessions) on every client close.
  # --debug-addr=-: no metrics/pprof HTTP listener; its fixed default port (8088) clashes with
  # a second instance or anything else there, and FerretDB then exits.
  # GOGC=400: a collection every fivefold growth of the live heap instead of every twofold; the
  # collector took about a third of FerretDB's CPU under load, and the heap stays near 100 MB
  # (P1 at saturation +18 %, docs/benchmarks.md, 2026-12-04).
  # 9>&-: do not hand up.sh's lock to the server, or the next up.sh waits on it forever.
  GOGC=400 setsid nohup "$FERRETDB_BIN" \
    --handler=postgresql \
    --postgresql-url="$FERRETDB_STORAGE_URL" \
    --listen-addr="127.0.0.1:$MONGO_PORT" \
    --state-dir="$FERRETDB_HOME/state" \
    --telemetry=disable \
    --log-level=error \
    --debug-addr=- \
    >>"$FERRETDB_LOG" 2>&1 </dev/null 9>&- &
  echo $! >"$FERRETDB_PID"
}

ferretdb_running() { pid_alive "$FERRETDB_PID" "$FERRETDB_BIN"; }

# ferretdb_running_flag <name>: the value of --<name>=… the running server was started with.
ferretdb_running_flag() {
  tr '\0' '\n' <"/proc/$(<"$FERRETDB_PID")/cmdline" | sed -n "s|^--$1=||p"
}

ferretdb_running_port() {
  local addr
  addr="$(ferretdb_running_flag listen-addr)"
  printf '%s\n' "${addr##*:}"
}

# Ready = ping answers and the wire version suits the driver. probe.js prints
# "MongoDB <compat version> FerretDB <version> wire <maxWireVersion>" and exits 2 when the wire
# version is below 9, which is fatal rather than "not yet".
ferretdb_ready() {
  have_node_module mongodb || {
    port_open 127.0.0.1 "$MONGO_PORT"
    return
  }
  local rc=0
  probe mongo "$1" >"$RUN/mongo.info" || rc=$?
  ((rc != 2)) || die "mongo: $(<"$RUN/mongo.info"): wire version < 9, the MongoDB driver refuses it"
  return "$rc"
}
