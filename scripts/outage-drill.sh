#!/usr/bin/env bash
# Outage drill: runs the built service (target/quarkus-app) against PostgreSQL through a TCP relay on
# 127.0.0.1, keeps a bounded load of ingest and read requests on it, cuts the relay for OUTAGE seconds,
# restores it, and prints what clients were answered and what the log holds — to check that an outage is
# answered 503 with Retry-After, logged once when it starts and once when it ends, and never as a stack
# trace per request. Loopback only; every loop is bounded in time. Needs socat (installed if missing, as root).
#   scripts/outage-drill.sh [OUTAGE_SECONDS=16]
set -euo pipefail
cd "$(dirname "$0")/.."
outage=${1:-16}
port=${PULSE_DRILL_PORT:-8090}
relay=${PULSE_DRILL_RELAY_PORT:-5499}
work=$(mktemp -d /tmp/pulse-drill.XXXXXX)
log() { echo "[drill] $*"; }
[ -f target/quarkus-app/quarkus-run.jar ] || { log "build first: ./mvnw -B package -DskipTests"; exit 1; }
command -v socat >/dev/null || { apt-get update -qq && apt-get install -y -qq socat >/dev/null; }
createdb -h "${PULSE_DB_HOST:-127.0.0.1}" -U postgres -O "${PULSE_DB_USER:-pulse}" pulse_drill 2>/dev/null || true
relay_up() { socat "TCP-LISTEN:$relay,fork,reuseaddr,bind=127.0.0.1" "TCP:${PULSE_DB_HOST:-127.0.0.1}:${PULSE_DB_PORT:-5432}" & echo $! > "$work/relay.pid"; }
relay_down() { pkill -f "TCP-LISTEN:$relay" || true; }
cleanup() { relay_down; [ -f "$work/java.pid" ] && kill "$(cat "$work/java.pid")" 2>/dev/null || true; }
trap cleanup EXIT
relay_up
PULSE_DB_PORT=$relay PULSE_DB_NAME=pulse_drill PULSE_HTTP_PORT=$port PULSE_REDIS_DATABASE=6 PULSE_DEMO_RATE=50 \
  java -Xmx512m -Dquarkus.profile=demo -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1 &
echo $! > "$work/java.pid"
for i in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 1; done
# An operator's token from the development Keycloak (scripts/services.sh): the API asks who calls.
token=$(curl -s -d grant_type=password -d client_id=pulse-web -d client_secret=pulse-web-secret \
  -d username=operator -d password=operator-demo \
  "http://127.0.0.1:${PULSE_KEYCLOAK_PORT:-8180}/realms/pulse/protocol/openid-connect/token" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { log "no token from Keycloak (scripts/services.sh starts it)"; exit 1; }
log "service ready; load for $((outage + 50)) s, outage of $outage s after 10 s (log: $work/service.log)"
load() {
  local end=$((SECONDS + $1)) n=0
  while [ $SECONDS -lt $end ]; do
    n=$((n + 1))
    echo "ingest $(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
      -d "{\"source\":\"portal\",\"externalId\":\"drill-$$-$n\",\"text\":\"Яма на дороге $n\"}" "http://127.0.0.1:$port/api/v1/messages")"
    for path in api/v1/cases api/v1/alerts api/v1/messages/recent api/v1/deadlines/summary; do
      echo "read $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://127.0.0.1:$port/$path")"
    done
    sleep 0.05
  done
}
load $((outage + 50)) > "$work/answers.txt" &
loader=$!
sleep 10; relay_down; log "relay cut at $(date +%T)"
for s in $(seq "$outage" -1 1); do printf '\r[drill] outage: %3d s left' "$s"; sleep 1; done; echo
relay_up; log "relay back at $(date +%T); waiting 40 s for delayed failures"
wait "$loader"
log "answers:"; sort "$work/answers.txt" | uniq -c | sed 's/^/        /'
log "log: $(grep -c ' ERROR ' "$work/service.log") ERROR lines, $(grep -c ' WARN ' "$work/service.log") WARN lines, $(grep -c '^\s*at ' "$work/service.log") stack frames"
grep -E 'Outages' "$work/service.log" | cut -c1-200 | sed 's/^/        /'
metrics_token=$(curl -s -d grant_type=client_credentials -d client_id=pulse-prometheus -d client_secret=pulse-prometheus-secret \
  "http://127.0.0.1:${PULSE_KEYCLOAK_PORT:-8180}/realms/pulse/protocol/openid-connect/token" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
curl -s -H "Authorization: Bearer $metrics_token" "http://127.0.0.1:$port/q/metrics" | grep -E '^pulse_(vertx_pool_timer|requests_refused|postgres_failures_total\{operation="persist")' | sed 's/^/        /'
