#!/usr/bin/env bash
# Runs TSUR Pulse with the built-in demo feed: makes PostgreSQL, Redis and the development Keycloak available
# (scripts/services.sh), builds the service, starts it in the demo profile and prints the wall's URL and the
# demo logins. Ctrl+C stops the service (PostgreSQL, Redis and Keycloak keep running; scripts/keycloak.sh stop).
#   scripts/demo.sh                 # St Petersburg
#   PULSE_REGION=kursk scripts/demo.sh
#   PULSE_DEMO_RATE=50 scripts/demo.sh   # messages per second (mean)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh
./mvnw -B -q package -DskipTests
port=${PULSE_HTTP_PORT:-8080}
echo
echo "  Wall:     http://127.0.0.1:${port}/wall/   (log in as wall / wall-demo: the kiosk user)"
echo "  API docs: http://127.0.0.1:${port}/q/swagger-ui  (OpenAPI: /q/openapi, health: /q/health)"
if [ "${PULSE_KEYCLOAK:-on}" != "off" ]; then
  echo "  Keycloak: http://127.0.0.1:${PULSE_KEYCLOAK_PORT:-8180}/admin/  (realm pulse; master admin: admin / admin, dev only)"
  echo "  Demo logins (password = login + \"-demo\", e.g. operator / operator-demo):"
  echo "    wall (kiosk)  operator  executor-zhks1  executor-zhks2  official  official-kolpino  admin"
  echo "  A token for the API: curl -d grant_type=password -d client_id=pulse-web -d client_secret=pulse-web-secret \\"
  echo "    -d username=operator -d password=operator-demo http://127.0.0.1:${PULSE_KEYCLOAK_PORT:-8180}/realms/pulse/protocol/openid-connect/token"
fi
echo
exec java ${JAVA_OPTS:--Xmx512m} -Dquarkus.profile=demo \
  -Dpulse.demo.rate="${PULSE_DEMO_RATE:-5}" -jar target/quarkus-app/quarkus-run.jar
