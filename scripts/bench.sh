#!/usr/bin/env bash
# Ingest benchmark: starts the built service (target/quarkus-app) on its own port, database and Redis
# database, runs the load generator (src/test/java/ru/tsur/pulse/bench/IngestBench.java) against it on
# 127.0.0.1, stops it, and prints one table plus one `bench key=value …` line. Bounded: a few minutes.
#   scripts/bench.sh                              # the full run (about 5 minutes)
#   scripts/bench.sh --clients 100 --ramp 1000,2000,4000 --latency-rates 500,2000
# Options are documented in BenchOptions.java. Environment: BENCH_PORT (8189), BENCH_DB (pulse_bench),
# BENCH_REDIS_DB (12), BENCH_JAVA_OPTS (the service's JVM options, default -Xmx512m), PULSE_DB_*/PULSE_REDIS_*.
# The bench database and Redis database are emptied at the start: never point them at real data.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-8189}
db=${BENCH_DB:-pulse_bench}
redis_db=${BENCH_REDIS_DB:-12}
db_host=${PULSE_DB_HOST:-127.0.0.1}
db_port=${PULSE_DB_PORT:-5432}
redis_host=${PULSE_REDIS_HOST:-127.0.0.1}
redis_port=${PULSE_REDIS_PORT:-6379}
mkdir -p target/bench
log=target/bench/service.log

PULSE_DB_NAME="$db" bash scripts/services.sh >/dev/null

# Build when the service or the load generator is missing or older than the sources.
if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ ! -f target/test-classes/ru/tsur/pulse/bench/IngestBench.class ] \
   || [ ! -f target/test-classpath.txt ] || [ pom.xml -nt target/test-classpath.txt ] \
   || [ -n "$(find src -newer target/quarkus-app/quarkus-run.jar -type f -print -quit)" ]; then
  echo "[bench] building" >&2
  ./mvnw -B -q package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
fi
classpath="target/test-classes:target/classes:$(cat target/test-classpath.txt)"

# A clean slate: no messages and no counters from an earlier run (the latency probes need a known start).
java -cp "$classpath" ru.tsur.pulse.bench.BenchReset "jdbc:postgresql://$db_host:$db_port/$db" \
  "${PULSE_DB_USER:-pulse}" "${PULSE_DB_PASSWORD:-pulse}" "$redis_host" "$redis_port" "$redis_db"

echo "[bench] starting the service on 127.0.0.1:$port (database $db, Redis db $redis_db); log: $log" >&2
# The production build needs an identity provider: the development Keycloak that services.sh started.
PULSE_OIDC_URL=${PULSE_OIDC_URL:-http://127.0.0.1:8180/realms/pulse} PULSE_OIDC_SECRET=${PULSE_OIDC_SECRET:-pulse-web-secret} \
PULSE_HTTP_PORT=$port PULSE_DB_NAME=$db PULSE_REDIS_DATABASE=$redis_db PULSE_COUNTERS_KEY_PREFIX=pulse-bench \
  java ${BENCH_JAVA_OPTS:--Xmx512m} -Dquarkus.http.host=127.0.0.1 -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
java -Xmx1g -cp "$classpath" ru.tsur.pulse.bench.IngestBench --url "http://127.0.0.1:$port" --pid $pid \
  --jdbc "jdbc:postgresql://$db_host:$db_port/$db" --db-user "${PULSE_DB_USER:-pulse}" \
  --db-password "${PULSE_DB_PASSWORD:-pulse}" --redis-host "$redis_host" --redis-port "$redis_port" \
  --redis-db "$redis_db" --report target/bench/report.txt "$@"
