# Apache Kafka 3.9 as a single KRaft node, run from the jars on Maven Central (no tarball, no
# Docker). Sourced by up.sh after lib.sh.

KAFKA_HOME="$STATE/kafka"
KAFKA_LIBS="$KAFKA_HOME/libs"
KAFKA_PROPS="$KAFKA_HOME/server.properties"
# log4j appends here, and so does the JVM's own stdout/stderr (both O_APPEND), so a crash
# before log4j is up also shows in the log that up.sh prints on failure.
KAFKA_LOG="$LOGS/kafka.log"
KAFKA_PID="$RUN/kafka.pid"
# Fixed, so re-formatting an existing data dir is a no-op; any 16-byte base64url UUID would do.
KAFKA_CLUSTER_ID="8eCdx6AKSfKsQ8xmEDA6YA"
KAFKA_POM="$INFRA_DIR/kafka/pom.xml"

kafka_version() {
  local jar
  jar="$(ls "$KAFKA_LIBS"/kafka_2.13-*.jar 2>/dev/null | head -n 1)"
  jar="${jar##*/kafka_2.13-}"
  printf '%s' "${jar%.jar}"
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
  java -Djava.io.tmpdir="$KAFKA_HOME/tmp" -cp "$KAFKA_LIBS/*" "$@"
}

# Rendered on every start so port changes (KAFKA_PORT, KAFKA_CONTROLLER_PORT) take effect.
kafka_render_config() {
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
    -e "s|@KAFKA_CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@KAFKA_DATA_DIR@|$KAFKA_HOME/data|g" \
    "$INFRA_DIR/kafka/server.properties.template" >"$KAFKA_PROPS"
}

# KRaft refuses to start on an unformatted log dir; formatting once writes meta.properties.
kafka_format() {
  [[ -f $KAFKA_HOME/data/meta.properties ]] && return 0
  kafka_java -Dlog4j.configuration="file:$INFRA_DIR/kafka/log4j.properties" \
    -Dkafka.logs.dir="$LOGS" \
    kafka.tools.StorageTool format -t "$KAFKA_CLUSTER_ID" -c "$KAFKA_PROPS" --ignore-formatted \
    >>"$KAFKA_LOG" 2>&1
}

kafka_start() {
  mkdir -p "$KAFKA_HOME/data" "$KAFKA_HOME/tmp"
  kafka_render_config
  kafka_format
  # setsid + nohup: the broker must outlive this script and the terminal that ran it.
  # 9>&-: do not hand up.sh's lock to the broker, or the next up.sh waits on it forever.
  setsid nohup java -Xms256m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$INFRA_DIR/kafka/log4j.properties" \
    -Dkafka.logs.dir="$LOGS" \
    -Djava.io.tmpdir="$KAFKA_HOME/tmp" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_PROPS" \
    >>"$KAFKA_LOG" 2>&1 </dev/null 9>&- &
  echo $! >"$KAFKA_PID"
}

kafka_running() { pid_alive "$KAFKA_PID" kafka.Kafka; }

# The port the running broker was started with (its config is rendered only at start).
kafka_running_port() {
  sed -n 's|^advertised.listeners=PLAINTEXT://[^:]*:\([0-9]*\).*|\1|p' "$KAFKA_PROPS"
}

# Ready = the broker answers a metadata request, not merely a TCP connect (the port opens
# before the KRaft controller has elected itself). The kafkajs probe takes ~0.3 s;
# BrokerApiVersionsCommand (in the kafka_2.13 jar) needs a JVM start (~2 s), so it is only
# the fallback when kafkajs is not installed.
kafka_ready() {
  local brokers=$1
  if have_node_module kafkajs; then
    probe kafka "$brokers" >/dev/null
  elif [[ -d $KAFKA_LIBS ]]; then
    kafka_java kafka.admin.BrokerApiVersionsCommand --bootstrap-server "$brokers" \
      >/dev/null 2>&1
  else
    port_open "${brokers%%:*}" "${brokers##*:}"
  fi
}
