#!/usr/bin/env bash
# The demo's bar (issue 16): runs the demo for a few minutes on an empty database of its own and prints every
# tension alert it raised beside the scripted scenes it played. On the warm baseline the demo writes at start,
# every tension alert should be one of the scenes' (README, «The demo»).
#   scripts/demo-bar.sh                          # 5 minutes, St Petersburg, the demo's 5 messages/s
#   MINUTES=10 PULSE_REGION=kursk scripts/demo-bar.sh
# Uses database pulse_demo_bar (dropped and created), Redis database 9 and port 8091, so a running demo is not
# disturbed. Builds the service if target/quarkus-app is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${MINUTES:-5}
db=pulse_demo_bar
port=8091
redis_db=9
bash scripts/services.sh >/dev/null
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

admin() {
  if psql -X -q -h 127.0.0.1 -U postgres -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
    psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d postgres "$@"
  else
    su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -d postgres $(printf '%q ' "$@")"
  fi
}
query() {
  PGCLIENTENCODING=UTF8 psql -X -q -At -F ' | ' -h 127.0.0.1 -U pulse -d "$db" -c "$1"
}
admin -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db OWNER pulse"
redis-cli -n "$redis_db" flushdb >/dev/null

log=$(mktemp /tmp/demo-bar.XXXXXX.log)
PULSE_DB_NAME=$db PULSE_REDIS_DATABASE=$redis_db PULSE_HTTP_PORT=$port \
  java ${JAVA_OPTS:--Xmx512m} -Dquarkus.profile=demo -Dpulse.demo.rate="${PULSE_DEMO_RATE:-5}" \
  -jar target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
started=$(date +%s)
echo "[bar] demo started (log: $log); watching for $minutes min"
while [ $(( $(date +%s) - started )) -lt $(( minutes * 60 )) ]; do
  sleep 30
  kill -0 $pid 2>/dev/null || { echo "[bar] the service stopped; see $log"; exit 1; }
  elapsed=$(( $(date +%s) - started ))
  counts=$(query "SELECT (SELECT count(*) FROM message) || ' messages, ' || (SELECT count(*) FROM series_history) \
    || ' history rows, ' || (SELECT count(*) FROM alert WHERE kind = 'tension') || ' tension alerts'" 2>/dev/null || echo "starting")
  echo "[bar] ${elapsed}s of $(( minutes * 60 ))s: $counts"
done
echo
echo "Scenes the demo played:"
grep -o 'Demo scene begins: .*' "$log" | sed 's/^/  /' || echo "  none"
grep -o 'Demo history written: .*\|Tension baselines warmed from .*' "$log" | sed 's/^/  /'
echo
echo "Tension alerts raised (minutes after start | municipality | category | topic | title):"
query "SELECT round(extract(epoch FROM a.starts_at - m.first) / 60)::int, coalesce(a.labels->>'municipality', 'весь регион'),
         a.labels->>'category', coalesce(a.labels->>'topic', ''), a.title
       FROM alert a, (SELECT min(received_at) AS first FROM message) m
       WHERE a.kind = 'tension' ORDER BY a.starts_at" | sed 's/^/  /'
echo "  ($(query "SELECT count(*) FROM alert WHERE kind = 'tension'") in all)"
echo
echo "Incidents found (minutes after start | municipality | topic | places | messages | cause | alerted):"
query "SELECT round(extract(epoch FROM i.detected_at - m.first) / 60)::int, i.municipality_id, i.topic,
         array_length(i.place_keys, 1), i.message_count, i.cause,
         CASE WHEN EXISTS (SELECT 1 FROM alert a WHERE a.kind = 'incident' AND a.labels->>'incident' = i.id::text)
              THEN 'yes' ELSE 'no (cause undetermined)' END
       FROM incident i, (SELECT min(received_at) AS first FROM message) m ORDER BY i.id" | sed 's/^/  /'
