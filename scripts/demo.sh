#!/usr/bin/env bash
# Runs TSUR Pulse with the built-in demo feed: makes PostgreSQL and Redis available (scripts/services.sh),
# builds the service, starts it in the demo profile and prints the wall's URL. Ctrl+C stops it.
#   scripts/demo.sh                 # St Petersburg
#   PULSE_REGION=kursk scripts/demo.sh
#   PULSE_DEMO_RATE=50 scripts/demo.sh   # messages per second (mean)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh
./mvnw -B -q package -DskipTests
port=${PULSE_HTTP_PORT:-8080}
echo
echo "  Wall:     http://127.0.0.1:${port}/wall/"
echo "  API docs: http://127.0.0.1:${port}/q/swagger-ui  (OpenAPI: /q/openapi, health: /q/health)"
echo
exec java ${JAVA_OPTS:--Xmx512m} -Dquarkus.profile=demo \
  -Dpulse.demo.rate="${PULSE_DEMO_RATE:-5}" -jar target/quarkus-app/quarkus-run.jar
