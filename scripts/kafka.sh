#!/usr/bin/env bash
# Makes a development Apache Kafka broker answer on 127.0.0.1:${PULSE_KAFKA_PORT:-9092} with the topics TSUR
# Pulse's Kafka binding uses (issue 18): `messages` (ingest, keyed by municipality; PULSE_KAFKA_PARTITIONS,
# default 6), `messages-dead-letter` (dead letters, kept 14 days) and the screens' fan-out to every replica,
# `pulse-screens-counts`, `pulse-screens-tension`, `pulse-screens-feed` (prefix PULSE_KAFKA_SCREENS_PREFIX; one
# partition each keeps the order; kept 1 hour). The same names and partitions as k8s/overlays/kafka/topics.yaml
# and docker/docker-compose.replicas.yml. No Docker and no Kafka tarball: Apache Kafka's own broker from Maven
# Central.
# Called by `scripts/services.sh --kafka`; idempotent like it:
#   1. if a broker this script started answers on the port, only creates the topics that are missing;
#   2. if another Kafka answers there, uses it as it is (creates the missing topics);
#   3. else resolves the classpath of tools/kafka/pom.xml (kafka_2.13 + kafka-tools 4.1.1, the version the
#      Quarkus BOM gives kafka-clients, and Log4j 2) with Maven into a cache folder outside the repository
#      (once, ~40 MB of jars in ~/.m2), formats a KRaft log folder (one node that is both broker and
#      controller, a static quorum of one voter), starts `kafka.Kafka` in the background with a pid file and a
#      log file, waits until it answers, then creates the topics.
# DEVELOPMENT ONLY: plaintext listeners on the loopback, replication factor 1, no authentication.
#   scripts/kafka.sh          # ensure it runs (what services.sh --kafka does); prints the bootstrap address
#   scripts/kafka.sh stop     # stop the broker this script started (its data stays)
#   scripts/kafka.sh restart  # stop, then start on the same data
#   scripts/kafka.sh reset    # stop, delete its data (topics and offsets), start afresh
#   scripts/kafka.sh topics|console-producer|console-consumer ARGS...  # Kafka's own command-line tools on the
#       same classpath (kafka-topics.sh, kafka-console-producer.sh, kafka-console-consumer.sh of a distribution),
#       e.g. scripts/kafka.sh topics --bootstrap-server 127.0.0.1:9092 --describe --topic messages
# Environment: PULSE_KAFKA_PORT (9092), PULSE_KAFKA_CONTROLLER_PORT (the port after it), PULSE_KAFKA_PARTITIONS
# (partitions of `messages`, 6), PULSE_KAFKA_SCREENS_PREFIX (pulse-screens, as the service), PULSE_KAFKA_HOME (cache folder), PULSE_KAFKA_JAVA_HOME (a JDK/JRE >= 17; default
# JAVA_HOME, else the java on PATH), PULSE_KAFKA_HEAP (default -Xms128m -Xmx512m),
# PULSE_KAFKA_START_TIMEOUT (seconds, default 90).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KAFKA_VERSION=4.1.1
HOST=127.0.0.1
PORT=${PULSE_KAFKA_PORT:-9092}
CONTROLLER_PORT=${PULSE_KAFKA_CONTROLLER_PORT:-$(( PORT + 1 ))}
PARTITIONS=${PULSE_KAFKA_PARTITIONS:-6}
SCREENS_PREFIX=${PULSE_KAFKA_SCREENS_PREFIX:-pulse-screens}
CACHE=${PULSE_KAFKA_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/tsur-pulse/kafka-$KAFKA_VERSION}
POM=$ROOT/tools/kafka/pom.xml
CLASSPATH_FILE=$CACHE/classpath.txt   # the jars of tools/kafka/pom.xml, as Maven resolved them
POM_SUM_FILE=$CACHE/pom.sha256        # checksum of the pom that classpath came from
BROKER=$CACHE/broker-$PORT            # one folder per port: server.properties, data/, the log, the pid file
DATA=$BROKER/data
LOG=$BROKER/kafka.log
PID_FILE=$BROKER/kafka.pid
BOOTSTRAP=$HOST:$PORT
TIMEOUT=${PULSE_KAFKA_START_TIMEOUT:-90}
NODE_ID=1
# topic:partitions:configs (configs comma-separated, or empty)
TOPICS=(
  "messages:$PARTITIONS:"
  "messages-dead-letter:1:retention.ms=1209600000"
  "$SCREENS_PREFIX-counts:1:retention.ms=3600000"
  "$SCREENS_PREFIX-tension:1:retention.ms=3600000"
  "$SCREENS_PREFIX-feed:1:retention.ms=3600000"
)

log() { echo "[services] $*"; }
fail() { log "$*"; exit 1; }

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
our_pid() { # prints the pid of the broker this script started on this port, if it still runs
  local pid
  [ -f "$PID_FILE" ] || return 1
  pid=$(cat "$PID_FILE")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# A Java >= 17 (Kafka 4.x brokers need it): PULSE_KAFKA_JAVA_HOME, else JAVA_HOME, else the java on PATH.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}'; }
require_java() { # sets JAVA
  local major
  if [ -n "${PULSE_KAFKA_JAVA_HOME:-}" ]; then JAVA=$PULSE_KAFKA_JAVA_HOME/bin/java
  elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA=$JAVA_HOME/bin/java
  else JAVA=$(command -v java || true); fi
  [ -n "$JAVA" ] && [ -x "$JAVA" ] || fail "no java found; Kafka $KAFKA_VERSION needs a JDK/JRE 17 or newer (set PULSE_KAFKA_JAVA_HOME)"
  major=$(java_major "$JAVA"); major=${major%%.*}
  [ -n "$major" ] && [ "$major" -ge 17 ] 2>/dev/null || fail "$JAVA is Java $major; Kafka $KAFKA_VERSION needs 17 or newer (set PULSE_KAFKA_JAVA_HOME)"
}

# The broker's classpath, resolved by Maven from tools/kafka/pom.xml (again only when the pom changed or a jar
# went missing from ~/.m2).
classpath_ok() {
  local jar
  [ -s "$CLASSPATH_FILE" ] && [ "$(cat "$POM_SUM_FILE" 2>/dev/null)" = "$(sha256sum "$POM" | cut -d' ' -f1)" ] || return 1
  for jar in $(tr ':' ' ' <"$CLASSPATH_FILE"); do [ -f "$jar" ] || return 1; done
}
resolve_classpath() {
  local start
  classpath_ok && return 0
  start=$(date +%s)
  log "resolving the Kafka $KAFKA_VERSION broker's classpath (tools/kafka/pom.xml) with Maven into $CLASSPATH_FILE"
  (cd "$ROOT" && ./mvnw -B -q -f "$POM" org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.outputFile="$CLASSPATH_FILE.new" -Dmdep.includeScope=runtime)
  [ -s "$CLASSPATH_FILE.new" ] || fail "Maven did not write $CLASSPATH_FILE.new"
  mv "$CLASSPATH_FILE.new" "$CLASSPATH_FILE"
  sha256sum "$POM" | cut -d' ' -f1 >"$POM_SUM_FILE"
  log "classpath ready: $(tr ':' '\n' <"$CLASSPATH_FILE" | wc -l) jars ($(( $(date +%s) - start )) s)"
}

# Runs one of Kafka's command-line tools (a short-lived JVM, quiet logging).
kafka_tool() { # main class, arguments...
  local main=$1; shift
  "$JAVA" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile="$BROKER/log4j2-tools.properties" \
    -cp "$(cat "$CLASSPATH_FILE")" "$main" "$@"
}

write_config() {
  mkdir -p "$BROKER" "$DATA"
  cat >"$BROKER/server.properties" <<EOF
# Written by scripts/kafka.sh on every start (edit the script, not this file).
# One KRaft node that is both broker and controller; a static quorum of one voter.
process.roles=broker,controller
node.id=$NODE_ID
controller.quorum.voters=$NODE_ID@$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA
# Topics are created by the script, named ones only: a misspelt topic fails instead of appearing.
auto.create.topics.enable=false
num.partitions=$PARTITIONS
# One broker: every internal topic with one replica.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1
# A consumer group forms at once (tests, replicas starting one after the other).
group.initial.rebalance.delay.ms=0
log.retention.hours=168
log.segment.bytes=104857600
EOF
  cat >"$BROKER/log4j2.properties" <<'EOF'
# The broker's logging (scripts/kafka.sh): INFO to the console, which the script sends to kafka.log.
status = warn
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.controller.name = org.apache.kafka.controller
logger.controller.level = INFO
EOF
  cat >"$BROKER/log4j2-tools.properties" <<'EOF'
# The command-line tools' logging (scripts/kafka.sh): warnings only, to stderr.
status = warn
appender.console.type = Console
appender.console.name = STDERR
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.stderr.ref = STDERR
EOF
}

format_storage() {
  local cluster_id
  [ -f "$DATA/meta.properties" ] && return 0
  if [ -s "$BROKER/cluster.id" ]; then cluster_id=$(cat "$BROKER/cluster.id")
  else cluster_id=$(kafka_tool kafka.tools.StorageTool random-uuid | tail -n 1); echo "$cluster_id" >"$BROKER/cluster.id"; fi
  log "formatting the KRaft log folder $DATA (cluster id $cluster_id, node $NODE_ID)"
  kafka_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$BROKER/server.properties" --ignore-formatted >/dev/null
}

wait_until_ready() { # pid, started-at
  local pid=$1 start=$2 elapsed=0 next=10
  until port_open "$PORT" && grep -q "Kafka Server started" "$LOG" 2>/dev/null; do
    elapsed=$(( $(date +%s) - start ))
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$LOG" >&2 || true
      fail "Kafka exited during start-up (log: $LOG)"
    fi
    if [ "$elapsed" -ge "$TIMEOUT" ]; then
      tail -n 30 "$LOG" >&2 || true
      fail "Kafka did not answer within $TIMEOUT s (pid $pid still runs; log: $LOG)"
    fi
    if [ "$elapsed" -ge "$next" ]; then log "waiting for Kafka … ${elapsed} s"; next=$(( next + 10 )); fi
    sleep 0.5
  done
  log "Kafka up in $(( $(date +%s) - start )) s"
}

start_kafka() {
  local start pid
  if port_open "$PORT"; then fail "port $PORT is taken by another process; set PULSE_KAFKA_PORT"; fi
  if port_open "$CONTROLLER_PORT"; then fail "controller port $CONTROLLER_PORT is taken; set PULSE_KAFKA_CONTROLLER_PORT"; fi
  write_config
  format_storage
  log "starting Kafka $KAFKA_VERSION (KRaft, broker+controller, $(basename "$(dirname "$(dirname "$(readlink -f "$JAVA")")")")) on $BOOTSTRAP, controller on $HOST:$CONTROLLER_PORT; log: $LOG"
  start=$(date +%s)
  # setsid: its own session and process group, so Ctrl+C in a terminal running demo.sh does not reach it and
  # `stop` can end it; JAVA_OPTS belongs to the service, not here; fd 9 (the lock below) is closed.
  (cd "$BROKER" && exec 9>&- && exec env -u JAVA_OPTS setsid nohup "$JAVA" ${PULSE_KAFKA_HEAP:--Xms128m -Xmx512m} \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$BROKER/log4j2.properties" -Dkafka.logs.dir="$BROKER" \
    -cp "$(cat "$CLASSPATH_FILE")" kafka.Kafka "$BROKER/server.properties") >"$LOG" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"
  wait_until_ready "$pid" "$start"
}

stop_kafka() {
  local pid
  if ! pid=$(our_pid); then rm -f "$PID_FILE"; log "no Kafka started by this script runs on port $PORT"; return 0; fi
  log "stopping Kafka (pid $pid)"
  # SIGTERM: the broker shuts down cleanly (flushes its logs, so the next start needs no recovery).
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then log "Kafka did not stop within 30 s; killing it"; kill -KILL -- "-$pid" 2>/dev/null || true; fi
  rm -f "$PID_FILE"
}

ensure_topics() {
  local existing entry name partitions configs args
  local have
  # One JVM for all: "name partitions" of every topic the broker has.
  existing=$(kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --describe --exclude-internal \
    | awk -F'\t' '/^Topic: / { name = $1; sub(/^Topic: /, "", name); for (i = 2; i <= NF; i++) if ($i ~ /^PartitionCount: /) { count = $i; sub(/^PartitionCount: /, "", count) } print name, count }') \
    || fail "the broker on $BOOTSTRAP does not answer a topic listing (log: $LOG)"
  for entry in "${TOPICS[@]}"; do
    IFS=: read -r name partitions configs <<<"$entry"
    have=$(awk -v n="$name" '$1 == n { print $2 }' <<<"$existing")
    if [ -n "$have" ]; then
      if [ "$have" = "$partitions" ]; then log "topic $name exists ($have partition(s))"
      else log "topic $name exists with $have partition(s), not $partitions; left as it is (more partitions would move keys; 'reset' recreates it)"; fi
      continue
    fi
    args=(--bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$name" --partitions "$partitions" --replication-factor 1)
    if [ -n "$configs" ]; then
      IFS=, read -ra pairs <<<"$configs"
      for pair in "${pairs[@]}"; do args+=(--config "$pair"); done
    fi
    log "creating topic $name ($partitions partition(s)${configs:+, $configs})"
    kafka_tool org.apache.kafka.tools.TopicCommand "${args[@]}" >/dev/null
  done
}

ensure_kafka() {
  local pid
  if pid=$(our_pid); then
    if ! port_open "$PORT"; then log "Kafka (pid $pid) runs but does not answer yet; waiting"; wait_until_ready "$pid" "$(date +%s)"; fi
    log "Kafka started by this script runs (pid $pid)"
  elif port_open "$PORT"; then
    log "a Kafka not started by this script listens on $BOOTSTRAP; using it as it is"
  else
    start_kafka
  fi
  ensure_topics
  log "Kafka answers on $BOOTSTRAP (bootstrap servers; topics: ${TOPICS[*]%%:*})"
}

# Kafka's command-line tools, without the lock (a console consumer may run for long).
case "${1:-}" in
  topics|console-producer|console-consumer)
    case "$1" in
      topics) main=org.apache.kafka.tools.TopicCommand ;;
      console-producer) main=org.apache.kafka.tools.ConsoleProducer ;;
      console-consumer) main=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
    esac
    shift
    require_java
    mkdir -p "$CACHE"; resolve_classpath >&2
    [ -f "$BROKER/log4j2-tools.properties" ] || write_config
    kafka_tool "$main" "$@"
    exit $?
    ;;
esac

mkdir -p "$CACHE"
# One run at a time (services.sh may run from several worktrees at once).
exec 9>"$CACHE/.lock"
if command -v flock >/dev/null; then flock -w 600 9 || fail "another scripts/kafka.sh holds $CACHE/.lock"; fi

case "${1:-ensure}" in
  ensure) require_java; resolve_classpath; mkdir -p "$BROKER"; write_config; ensure_kafka ;;
  stop) stop_kafka ;;
  restart) require_java; resolve_classpath; stop_kafka; ensure_kafka ;;
  reset) require_java; resolve_classpath; stop_kafka; log "deleting $DATA"; rm -rf "$DATA" "$BROKER/cluster.id"; ensure_kafka ;;
  *) echo "usage: $0 [ensure|stop|restart|reset] | $0 topics|console-producer|console-consumer ARGS..." >&2; exit 2 ;;
esac
