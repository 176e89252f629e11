#!/usr/bin/env bash
# Makes a development Keycloak (the identity provider of TSUR Pulse's OIDC login) answer on
# 127.0.0.1:${PULSE_KEYCLOAK_PORT:-8180} with the realm `pulse` from config/keycloak/pulse-realm.json.
# Called by scripts/services.sh after PostgreSQL and Redis; idempotent like them:
#   1. if the realm answers and the realm file has not changed since it was imported, does nothing;
#   2. if it answers but the realm file changed, re-imports it through the admin REST API (a second or two),
#      or, if that fails and this script started the server, restarts it;
#   3. else finds a Java >= 21 (Keycloak 26 needs it; the project itself stays on 17), fetches
#      org.keycloak:keycloak-quarkus-dist:26.7.3 (zip, Maven Central) with Maven into a cache folder outside
#      the repository (once), and starts `kc.sh start-dev` in the background with a fresh dev-file (H2)
#      store and --import-realm, then waits until the realm answers.
# DEVELOPMENT ONLY: http, dev mode, a master-realm admin admin/admin, demo users with known passwords.
# Production points quarkus-oidc at a real provider by configuration instead.
#   scripts/keycloak.sh          # ensure it runs (what services.sh does)
#   scripts/keycloak.sh stop     # stop the instance this script started
#   scripts/keycloak.sh restart  # stop, then start with a fresh store
# Environment: PULSE_KEYCLOAK_PORT (8180), PULSE_KEYCLOAK_MANAGEMENT_PORT (9180, health on /health/ready),
# PULSE_KEYCLOAK_HOME (cache folder), PULSE_KEYCLOAK_JAVA_HOME (a JDK/JRE >= 21), PULSE_KEYCLOAK_HEAP
# (JVM heap options, default -Xms64m -Xmx512m), PULSE_KEYCLOAK_START_TIMEOUT (seconds, default 150).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KC_VERSION=26.7.3
HOST=127.0.0.1
PORT=${PULSE_KEYCLOAK_PORT:-8180}
MGMT_PORT=${PULSE_KEYCLOAK_MANAGEMENT_PORT:-9180}
CACHE=${PULSE_KEYCLOAK_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/tsur-pulse/keycloak-$KC_VERSION}
DIST=$CACHE/dist            # the unpacked distribution; its data/ holds the H2 store and the import folder
LOG=$CACHE/keycloak.log
PID_FILE=$CACHE/keycloak.pid
SUM_FILE=$CACHE/realm.sha256 # checksum of the realm file the running instance imported
REALM_FILE=$ROOT/config/keycloak/pulse-realm.json
REALM=pulse
BASE=http://$HOST:$PORT
TIMEOUT=${PULSE_KEYCLOAK_START_TIMEOUT:-150}
# Dev-only credentials of the master realm's bootstrap admin (used for re-imports through the admin API).
ADMIN_USER=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}
ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}

log() { echo "[services] $*"; }
fail() { log "$*"; exit 1; }
is_root() { [ "$(id -u)" = "0" ]; }

realm_answers() { curl -sf -m 3 -o /dev/null "$BASE/realms/$REALM/.well-known/openid-configuration"; }
port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
our_pid() { # prints the pid of the instance this script started, if it still runs
  local pid
  [ -f "$PID_FILE" ] || return 1
  pid=$(cat "$PID_FILE")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}
realm_sum() { sha256sum "$REALM_FILE" | cut -d' ' -f1; }
recorded_sum() { cat "$SUM_FILE" 2>/dev/null || true; }

# The newest Java >= 21: PULSE_KEYCLOAK_JAVA_HOME if set, else JAVA_HOME, /usr/lib/jvm/*, the java on PATH.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}'; }
find_java() {
  local candidates=() d best="" best_major=0 major seen=" "
  if [ -n "${PULSE_KEYCLOAK_JAVA_HOME:-}" ]; then
    candidates=("$PULSE_KEYCLOAK_JAVA_HOME")
  else
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    for d in /usr/lib/jvm/*; do candidates+=("$d"); done
    if command -v java >/dev/null; then candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"); fi
  fi
  for d in "${candidates[@]}"; do
    [ -x "$d/bin/java" ] || continue
    d=$(readlink -f "$d")
    case "$seen" in *" $d "*) continue ;; esac
    seen="$seen$d "
    major=$(java_major "$d")
    major=${major%%.*}
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best=$d; best_major=$major
    fi
  done
  [ -n "$best" ] && echo "$best"
}
install_java() { # Debian/Ubuntu, as root: a headless JRE >= 21 if the distribution has one (bookworm has not)
  local pkg candidate
  if ! is_root || ! command -v apt-get >/dev/null; then return 1; fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  for pkg in openjdk-25-jre-headless openjdk-21-jre-headless; do
    candidate=$(apt-cache policy "$pkg" 2>/dev/null | awk '/Candidate:/ {print $2}')
    if [ -n "$candidate" ] && [ "$candidate" != "(none)" ]; then
      log "installing $pkg $candidate for Keycloak"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null
      return 0
    fi
  done
  return 1
}
require_java() { # sets KC_JAVA_HOME
  KC_JAVA_HOME=$(find_java || true)
  if [ -z "$KC_JAVA_HOME" ] && install_java; then KC_JAVA_HOME=$(find_java || true); fi
  if [ -z "$KC_JAVA_HOME" ]; then
    local codename
    codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-unknown}")
    fail "Keycloak $KC_VERSION needs Java 21 or newer; found none (${PULSE_KEYCLOAK_JAVA_HOME:-JAVA_HOME, /usr/lib/jvm/*, PATH})" \
      "and this system ($codename) offers no openjdk-21/25 package (Debian bookworm ships only 17)." \
      "Install a JDK 21+ (e.g. Temurin) under /usr/lib/jvm or set PULSE_KEYCLOAK_JAVA_HOME."
  fi
}

# The distribution, fetched with Maven at set-up time (once) and unpacked into the cache folder.
fetch_dist() {
  [ -x "$DIST/bin/kc.sh" ] && return 0
  local staging=$CACHE/download zip start
  start=$(date +%s)
  rm -rf "$staging" "$CACHE/unpack"
  mkdir -p "$staging" "$CACHE/unpack"
  log "fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION (zip, ~177 MB, once) with Maven into $CACHE"
  (cd "$ROOT" && ./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$staging" -Dtransitive=false)
  zip=$staging/keycloak-quarkus-dist-$KC_VERSION.zip
  [ -f "$zip" ] || fail "Maven did not produce $zip"
  if command -v unzip >/dev/null; then
    unzip -q "$zip" -d "$CACHE/unpack"
  else
    python3 -m zipfile -e "$zip" "$CACHE/unpack/"
    chmod +x "$CACHE/unpack/keycloak-$KC_VERSION"/bin/*.sh
  fi
  rm -rf "$DIST"
  mv "$CACHE/unpack/keycloak-$KC_VERSION" "$DIST"
  rm -rf "$staging" "$CACHE/unpack"   # the zip stays in ~/.m2 only
  log "Keycloak $KC_VERSION unpacked in $DIST ($(( $(date +%s) - start )) s)"
}

wait_until_ready() { # pid, started-at
  local pid=$1 start=$2 elapsed=0 next=10
  while ! realm_answers; do
    elapsed=$(( $(date +%s) - start ))
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$LOG" >&2 || true
      fail "Keycloak exited during start-up (log: $LOG)"
    fi
    if [ "$elapsed" -ge "$TIMEOUT" ]; then
      tail -n 30 "$LOG" >&2 || true
      fail "Keycloak did not answer within $TIMEOUT s (pid $pid still runs; log: $LOG)"
    fi
    if [ "$elapsed" -ge "$next" ]; then log "waiting for Keycloak … ${elapsed} s"; next=$(( next + 10 )); fi
    sleep 1
  done
  log "Keycloak up in $(( $(date +%s) - start )) s"
}

start_keycloak() {
  local start pid sum
  require_java
  fetch_dist
  if port_open "$PORT"; then fail "port $PORT is taken by another process (not Keycloak with realm $REALM); set PULSE_KEYCLOAK_PORT"; fi
  if port_open "$MGMT_PORT"; then fail "management port $MGMT_PORT is taken; set PULSE_KEYCLOAK_MANAGEMENT_PORT"; fi
  # A fresh dev-file store on every start, so the realm is exactly the project's file (the store holds only
  # sessions worth nothing in development); the import folder gets a copy of the file whose checksum we keep.
  rm -rf "$DIST/data/h2" "$DIST/data/import" "$DIST/data/transaction-logs"
  mkdir -p "$DIST/data/import"
  cp "$REALM_FILE" "$DIST/data/import/$REALM-realm.json"
  sum=$(sha256sum "$DIST/data/import/$REALM-realm.json" | cut -d' ' -f1)
  log "starting Keycloak $KC_VERSION (dev mode, $(basename "$KC_JAVA_HOME")) on $BASE, management on $HOST:$MGMT_PORT; log: $LOG"
  start=$(date +%s)
  # setsid: its own session and process group, so Ctrl+C in a terminal running demo.sh does not reach it and
  # `stop` can end the whole group (kc.sh and its java). JAVA_OPTS belongs to the service (demo.sh), not here;
  # fd 9 (the lock below) is closed so the server does not hold it.
  (cd "$DIST" && exec 9>&- && exec env -u JAVA_OPTS JAVA_HOME="$KC_JAVA_HOME" PATH="$KC_JAVA_HOME/bin:$PATH" \
    JAVA_OPTS_KC_HEAP="${PULSE_KEYCLOAK_HEAP:--Xms64m -Xmx512m}" \
    KC_BOOTSTRAP_ADMIN_USERNAME="$ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    setsid nohup bin/kc.sh start-dev \
      --http-host="$HOST" --http-port="$PORT" --hostname="$BASE" \
      --health-enabled=true --http-management-host="$HOST" --http-management-port="$MGMT_PORT" \
      --import-realm) >"$LOG" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PID_FILE"
  rm -f "$SUM_FILE"
  wait_until_ready "$pid" "$start"
  echo "$sum" >"$SUM_FILE"
}

stop_keycloak() {
  local pid
  if ! pid=$(our_pid); then rm -f "$PID_FILE"; log "no Keycloak started by this script runs"; return 0; fi
  log "stopping Keycloak (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
  rm -f "$PID_FILE" "$SUM_FILE"
}

# Replaces the realm in a running instance with the project's file: delete it, create it from the file.
reimport_realm() {
  local token code
  token=$(curl -sf -m 10 -d grant_type=password -d client_id=admin-cli \
    --data-urlencode "username=$ADMIN_USER" --data-urlencode "password=$ADMIN_PASSWORD" \
    "$BASE/realms/master/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p') || return 1
  [ -n "$token" ] || return 1
  code=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -X DELETE -H "Authorization: Bearer $token" "$BASE/admin/realms/$REALM")
  case "$code" in 204|404) ;; *) return 1 ;; esac
  code=$(curl -s -m 60 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data-binary "@$REALM_FILE" "$BASE/admin/realms")
  [ "$code" = "201" ]
}

ensure_keycloak() {
  local pid sum
  if ! realm_answers; then
    if pid=$(our_pid); then
      log "Keycloak (pid $pid) runs but realm $REALM does not answer yet; waiting"
      wait_until_ready "$pid" "$(date +%s)"
      sha256sum "$DIST/data/import/$REALM-realm.json" | cut -d' ' -f1 >"$SUM_FILE"
    else
      start_keycloak
    fi
  fi
  sum=$(realm_sum)
  if [ "$(recorded_sum)" != "$sum" ]; then
    if ! our_pid >/dev/null && [ ! -f "$SUM_FILE" ]; then
      log "a Keycloak not started by this script serves realm $REALM on $BASE; leaving it as it is"
    else
      log "config/keycloak/$REALM-realm.json changed since it was imported; re-importing"
      if reimport_realm; then
        cp "$REALM_FILE" "$DIST/data/import/$REALM-realm.json"
        echo "$sum" >"$SUM_FILE"
      elif our_pid >/dev/null; then
        log "re-import through the admin API failed; restarting with a fresh store"
        stop_keycloak; start_keycloak
      else
        fail "could not re-import realm $REALM into the Keycloak on $BASE"
      fi
    fi
  fi
  log "Keycloak answers on $BASE (realm $REALM)"
}

mkdir -p "$CACHE"
# One run at a time (services.sh may run from several worktrees at once).
exec 9>"$CACHE/.lock"
if command -v flock >/dev/null; then flock -w 600 9 || fail "another scripts/keycloak.sh holds $CACHE/.lock"; fi

case "${1:-ensure}" in
  ensure) ensure_keycloak ;;
  stop) stop_keycloak ;;
  restart) stop_keycloak; start_keycloak; log "Keycloak answers on $BASE (realm $REALM)" ;;
  *) echo "usage: $0 [ensure|stop|restart]" >&2; exit 2 ;;
esac
