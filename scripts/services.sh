#!/usr/bin/env bash
# Makes PostgreSQL and Redis available on this machine for TSUR Pulse, without Docker. Idempotent:
#   1. uses them if they already answer on PULSE_DB_HOST:PULSE_DB_PORT / PULSE_REDIS_HOST:PULSE_REDIS_PORT;
#   2. else starts installed servers;
#   3. else, as root on Debian/Ubuntu, installs them with apt-get and starts them;
# then creates the role and the databases the service and its tests use (pulse / pulse_test);
# then makes the development Keycloak (OIDC identity provider, realm `pulse`) answer on 127.0.0.1:8180
# through scripts/keycloak.sh (needs a Java >= 21 beside the project's 17; PULSE_KEYCLOAK=off skips it);
# with --kafka (or PULSE_KAFKA=on), last makes a development Kafka broker answer on 127.0.0.1:9092 through
# scripts/kafka.sh (the topics of the Kafka binding, issue 18; the service's default binding needs no broker).
#   scripts/services.sh [--kafka]
# With Docker available elsewhere, docker/docker-compose.yml is the alternative.
set -euo pipefail

WITH_KAFKA=${PULSE_KAFKA:-off}
for arg in "$@"; do
  case "$arg" in
    --kafka) WITH_KAFKA=on ;;
    *) echo "usage: $0 [--kafka]" >&2; exit 2 ;;
  esac
done

DB_HOST=${PULSE_DB_HOST:-127.0.0.1}
DB_PORT=${PULSE_DB_PORT:-5432}
DB_USER=${PULSE_DB_USER:-pulse}
DB_PASSWORD=${PULSE_DB_PASSWORD:-pulse}
DB_NAME=${PULSE_DB_NAME:-pulse}
TEST_DB_NAME=${PULSE_TEST_DB_NAME:-pulse_test}
REDIS_HOST=${PULSE_REDIS_HOST:-127.0.0.1}
REDIS_PORT=${PULSE_REDIS_PORT:-6379}

log() { echo "[services] $*"; }
is_root() { [ "$(id -u)" = "0" ]; }
apt_updated=""
apt_install() {
  if ! is_root || ! command -v apt-get >/dev/null; then
    log "cannot install $* (need root on Debian/Ubuntu); install it yourself or use docker/docker-compose.yml"
    exit 1
  fi
  if [ -z "$apt_updated" ]; then DEBIAN_FRONTEND=noninteractive apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_answers() {
  if command -v pg_isready >/dev/null; then pg_isready -q -h "$DB_HOST" -p "$DB_PORT"; else (exec 3<>"/dev/tcp/$DB_HOST/$DB_PORT") 2>/dev/null; fi
}
redis_answers() {
  if command -v redis-cli >/dev/null; then [ "$(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]; else (exec 3<>"/dev/tcp/$REDIS_HOST/$REDIS_PORT") 2>/dev/null; fi
}
wait_for() { # name, check function
  for _ in $(seq 1 60); do if "$2"; then return 0; fi; sleep 0.5; done
  log "$1 did not come up"; exit 1
}

start_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    log "installing PostgreSQL"; apt_install postgresql postgresql-client
  fi
  if command -v pg_ctlcluster >/dev/null; then
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$version" ]; then
      version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
      pg_createcluster "$version" main >/dev/null
    fi
    log "starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  else
    log "no pg_ctlcluster; start PostgreSQL yourself"; exit 1
  fi
}

start_redis() {
  if ! command -v redis-server >/dev/null; then
    log "installing Redis"; apt_install redis-server
  fi
  log "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/pulse.log
}

if pg_answers; then log "PostgreSQL answers on $DB_HOST:$DB_PORT"; else start_postgres; wait_for PostgreSQL pg_answers; fi
if redis_answers; then log "Redis answers on $REDIS_HOST:$REDIS_PORT"; else start_redis; wait_for Redis redis_answers; fi
command -v psql >/dev/null || apt_install postgresql-client

# Role and databases, as the local superuser (peer auth as 'postgres' when root, else the current user).
as_admin() {
  if is_root && id postgres >/dev/null 2>&1 && [ "$DB_HOST" = "127.0.0.1" -o "$DB_HOST" = "localhost" ]; then
    su postgres -c "psql -v ON_ERROR_STOP=1 -q -d postgres $(printf '%q ' "$@")"
  else
    psql -v ON_ERROR_STOP=1 -q -h "$DB_HOST" -p "$DB_PORT" -d postgres "$@"
  fi
}
as_admin -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE \"$DB_USER\" LOGIN PASSWORD '$DB_PASSWORD';
  ELSE
    ALTER ROLE \"$DB_USER\" LOGIN PASSWORD '$DB_PASSWORD';
  END IF;
END \$\$;"
for db in "$DB_NAME" "$TEST_DB_NAME"; do
  if [ "$(as_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
    log "creating database $db"
    as_admin -c "CREATE DATABASE \"$db\" OWNER \"$DB_USER\""
  fi
done
log "ready: postgresql://$DB_USER@$DB_HOST:$DB_PORT/$DB_NAME (tests: $TEST_DB_NAME), redis://$REDIS_HOST:$REDIS_PORT"

# Keycloak, the identity provider for development, tests and the demo (scripts/keycloak.sh says how).
if [ "${PULSE_KEYCLOAK:-on}" = "off" ]; then
  log "Keycloak skipped (PULSE_KEYCLOAK=off)"
else
  bash "$(dirname "$0")/keycloak.sh"
fi

# Kafka, only when asked for: the broker of the Kafka binding (scripts/kafka.sh says how).
if [ "$WITH_KAFKA" = "on" ]; then
  bash "$(dirname "$0")/kafka.sh"
fi
