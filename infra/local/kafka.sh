# Apache Kafka 4 as a single KRaft node, run from the jars on Maven Central (no tarball, no
# Docker). Sourced by up.sh after lib.sh.

KAFKA_HOME="$STATE/kafka"
KAFKA_LIBS="$KAFKA_HOME/libs"
KAFKA_PROPS="$KAFKA_HOME/server.properties"
KAFKA_DATA="$KAFKA_HOME/data"
# The major version of the Kafka that formatted KAFKA_DATA (absent: Kafka 3, which wrote none).
KAFKA_DATA_MAJOR="$KAFKA_HOME/data.major"
# log4j2 appends here, and so does the JVM's own stdout/stderr (both O_APPEND), so a crash
# before log4j is up also shows in the log that up.sh prints on failure.
KAFKA_LOG="$LOGS/kafka.log"
KAFKA_PID="$RUN/kafka.pid"
# Fixed, so re-formatting an existing data dir is a no-op; any 16-byte base64url UUID would do.
KAFKA_CLUSTER_ID="8eCdx6AKSfKsQ8xmEDA6YA"
KAFKA_POM="$INFRA_DIR/kafka/pom.xml"
# Every JVM started here: log4j2 into $LOGS, a temp dir of our own, the jars Maven copied.
KAFKA_JVM_OPTS=(
  -Dlog4j2.configurationFile="$INFRA_DIR/kafka/log4j2.properties"
  -Dkafka.logs.dir="$LOGS"
  -Djava.io.tmpdir="$KAFKA_HOME/tmp"
  -cp "$KAFKA_LIBS/*"
)

kafka_version() {
  local jar
  jar="$(ls "$KAFKA_LIBS"/kafka_2.13-*.jar 2>/dev/null | head -n 1)"
  jar="${jar##*/kafka_2.13-}"
  printf '%s' "${jar%.jar}"
}

kafka_major() {
  local version
  version="$(kafka_version)"
  printf '%s' "${version%%.*}"
}

# The marker is written only after a complete copy, and names the pom it came from, so an
# interrupted download or a version bump in pom.xml triggers a fresh copy.
kafka_installed() {
  [[ -f $KAFKA_LIBS/.complete ]] && cmp -s "$KAFKA_LIBS/.complete" "$KAFKA_POM"
}

kafka_install() {
  command -v java >/dev/null || apt_install default-jre-headless
  command -v mvn >/dev/null || apt_install maven
  rm -rf "$KAFKA_LIBS"
  mvn -q -B -f "$KAFKA_POM" dependency:copy-dependencies \
    -DoutputDirectory="$KAFKA_LIBS" -DincludeScope=runtime
  cp "$KAFKA_POM" "$KAFKA_LIBS/.complete"
}

kafka_java() {
  java "${KAFKA_JVM_OPTS[@]}" "$@"
}

# Rendered on every start so port changes (KAFKA_PORT, KAFKA_CONTROLLER_PORT) take effect.
kafka_render_config() {
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
    -e "s|@KAFKA_CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@KAFKA_DATA_DIR@|$KAFKA_DATA|g" \
    "$INFRA_DIR/kafka/server.properties.template" >"$KAFKA_PROPS"
}

# A data dir formatted by another major is not reused: Kafka 4 started on Kafka 3's (formatted
# for a static voter list) logs "Starting voters are VoterSet(voters={})" and never elects a
# leader. It holds local test data only, so it is wiped and formatted again.
kafka_drop_other_major() {
  local formatted_by
  [[ -f $KAFKA_DATA/meta.properties ]] || return 0
  formatted_by="$(cat "$KAFKA_DATA_MAJOR" 2>/dev/null || printf '3')"
  [[ $formatted_by == "$(kafka_major)" ]] && return 0
  say "kafka: $KAFKA_DATA was formatted by Kafka $formatted_by; Kafka $(kafka_major) formats it anew (its local topics are dropped)"
  rm -rf "$KAFKA_DATA" "$KAFKA_DATA_MAJOR"
  mkdir -p "$KAFKA_DATA"
}

# KRaft refuses to start on an unformatted log dir; formatting once writes meta.properties.
# --standalone makes this node the first and only voter of the quorum.
kafka_format() {
  [[ -f $KAFKA_DATA/meta.properties ]] && return 0
  kafka_java kafka.tools.StorageTool format --standalone -t "$KAFKA_CLUSTER_ID" -c "$KAFKA_PROPS" \
    >>"$KAFKA_LOG" 2>&1
  kafka_major >"$KAFKA_DATA_MAJOR"
}

kafka_start() {
  mkdir -p "$KAFKA_DATA" "$KAFKA_HOME/tmp"
  kafka_render_config
  kafka_drop_other_major
  kafka_format
  # setsid + nohup: the broker must outlive this script and the terminal that ran it.
  # 9>&-: do not hand up.sh's lock to the broker, or the next up.sh waits on it forever.
  # -XX:-UsePerfData: no jstat counters, which the JVM samples every 50 ms even when idle.
  setsid nohup java -Xms256m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:-UsePerfData \
    -Djava.awt.headless=true "${KAFKA_JVM_OPTS[@]}" kafka.Kafka "$KAFKA_PROPS" \
    >>"$KAFKA_LOG" 2>&1 </dev/null 9>&- &
  echo $! >"$KAFKA_PID"
}

kafka_running() { pid_alive "$KAFKA_PID" kafka.Kafka; }

# The port the running broker was started with (its config is rendered only at start).
kafka_running_port() {
  sed -n 's|^advertised.listeners=PLAINTEXT://[^:]*:\([0-9]*\).*|\1|p' "$KAFKA_PROPS"
}

# Ready = the broker answers a metadata request, not merely a TCP connect (the port opens
# before the KRaft controller has elected itself): the kafkajs probe, ~0.3 s. Before
# `npm install` only the port can be checked: Kafka 4's broker jars hold no command-line client
# (BrokerApiVersionsCommand moved to kafka-tools, which would bring Kafka Connect and Jetty).
kafka_ready() {
  local brokers=$1
  if have_node_module kafkajs; then
    probe kafka "$brokers" >/dev/null
  else
    port_open "${brokers%%:*}" "${brokers##*:}"
  fi
}
