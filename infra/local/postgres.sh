# PostgreSQL 15 from Debian's postgresql-15 package, run as a cluster of our own under .local
# (not Debian's system cluster): FerretDB's storage. Sourced by up.sh and down.sh after lib.sh.

PG_PACKAGE="postgresql-15"
PG_BIN="/usr/lib/postgresql/15/bin"
PG_DATA="$STATE/postgres"
PG_LOG="$LOGS/postgres.log"
# FerretDB keeps each MongoDB database as a schema of this one PostgreSQL database.
PG_DATABASE="ferretdb"
PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/$PG_DATABASE"
# Room for FerretDB's pool (ferretdb.sh) plus a few clients of our own (GIN indexes, psql).
PG_MAX_CONNECTIONS=500

postgres_installed() { [[ -x $PG_BIN/initdb && -x $PG_BIN/pg_ctl && -x $PG_BIN/pg_isready ]]; }

# initdb and pg_ctl refuse to run as root; the package creates the postgres user.
as_postgres() { runuser -u postgres -- "$@"; }

postgres_psql() { "$PG_BIN/psql" -X -w -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

postgres_initialized() { [[ -s $PG_DATA/PG_VERSION ]]; }

# The repo belongs to root: only the cluster's own directory is handed to the postgres user.
# UTF8 and the C.UTF-8 collation: FerretDB refuses other encodings and most collations.
# Trust authentication: the server listens on 127.0.0.1 only and holds test data.
postgres_init() {
  mkdir -p "$PG_DATA"
  chown postgres:postgres "$PG_DATA"
  as_postgres test -w "$PG_DATA" ||
    die "postgres: the postgres user cannot write $PG_DATA; is one of its parent directories private?"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -E UTF8 --locale=C.UTF-8 -A trust -U postgres \
    >>"$PG_LOG" 2>&1 || fail_with_log postgres "$PG_LOG" "initdb failed"
}

# The socket goes into the data directory: Debian's default, /var/run/postgresql, belongs to the
# system cluster. Without -l the server writes to the log we opened, as the other servers do.
# force_custom_plan: FerretDB runs prepared statements whose field name is a parameter
# (`_jsonb->$1 @> $2`); the generic plan PostgreSQL may settle on after five runs can use no
# index, and would keep a connection scanning even after a GIN index exists.
# -W: return at once; wait only for postmaster.pid so the caller can tell "starting" from "died".
# 9>&-: do not hand up.sh's lock to the server, or the next up.sh waits on it forever.
postgres_start() {
  local settings="-p $PG_PORT -c listen_addresses=127.0.0.1 -c max_connections=$PG_MAX_CONNECTIONS"
  settings+=" -c plan_cache_mode=force_custom_plan"
  as_postgres "$PG_BIN/pg_ctl" start -W -D "$PG_DATA" -o "$settings -c unix_socket_directories='$PG_DATA'" \
    >>"$PG_LOG" 2>&1 </dev/null 9>&- || fail_with_log postgres "$PG_LOG" "pg_ctl start failed"
  wait_until 5 test -s "$PG_DATA/postmaster.pid" ||
    fail_with_log postgres "$PG_LOG" "exited during start-up"
}

postgres_running() { pid_alive "$PG_DATA/postmaster.pid" "$PG_DATA"; }

# postmaster.pid: pid, data directory, start time, port, …
postgres_running_port() { sed -n 4p "$PG_DATA/postmaster.pid"; }

postgres_ready() { "$PG_BIN/pg_isready" -q -t 1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres; }

# createdb has no "if not exists": ask first, so that a second run changes nothing.
postgres_create_db() {
  [[ "$(postgres_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")" == 1 ]] ||
    "$PG_BIN/createdb" -w -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DATABASE"
}

# FerretDB's tables get the GIN indexes its finds can use as they are created (ferretdb-gin.sql).
postgres_index_ferretdb_tables() {
  postgres_psql -d "$PG_DATABASE" -q -v ON_ERROR_STOP=1 -f "$(dirname "${BASH_SOURCE[0]}")/ferretdb-gin.sql" \
    >>"$PG_LOG" 2>&1 || fail_with_log postgres "$PG_LOG" "could not install the GIN index trigger"
}

postgres_version() { postgres_psql -d postgres -tAc 'SHOW server_version'; }

# postgres_stop <mode> <seconds>: pg_ctl waits for the shutdown checkpoint; "fast" ends the
# open sessions, "immediate" skips the checkpoint (crash recovery at the next start).
postgres_stop() {
  as_postgres "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m "$1" -t "$2" >>"$PG_LOG" 2>&1
}
