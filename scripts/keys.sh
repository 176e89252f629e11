#!/usr/bin/env bash
# API keys of source systems, through the service's admin API (${PULSE_URL:-http://127.0.0.1:8080}):
#   scripts/keys.sh create NAME SOURCE[,SOURCE…] [--expires 2027-12-31T00:00:00Z]   the key is printed once
#   scripts/keys.sh list
#   scripts/keys.sh revoke ID
# Acts as the admin: takes a token from Keycloak by password grant (client pulse-web; user
# ${PULSE_ADMIN_USER:-admin} / ${PULSE_ADMIN_PASSWORD:-admin-demo}; realm URL from PULSE_KEYCLOAK_URL) and sends
# it as "Authorization: Bearer …". Without a token (Keycloak not running) it warns and sends none.
# Exit code: 0 done, 1 the service refused (its problem detail is printed), 2 wrong usage, 3 no answer.
set -euo pipefail

SERVICE=${PULSE_URL:-http://127.0.0.1:8080}
KEYCLOAK=${PULSE_KEYCLOAK_URL:-http://127.0.0.1:8180/realms/pulse}
ADMIN_USER=${PULSE_ADMIN_USER:-admin}
ADMIN_PASSWORD=${PULSE_ADMIN_PASSWORD:-admin-demo}

usage() {
  sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

token() {
  curl -sf -m 10 -d grant_type=password -d client_id=pulse-web -d client_secret=pulse-web-secret \
    --data-urlencode "username=$ADMIN_USER" --data-urlencode "password=$ADMIN_PASSWORD" \
    "$KEYCLOAK/protocol/openid-connect/token" 2>/dev/null \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])' 2>/dev/null || true
}

# call METHOD PATH [JSON]: prints the answer's body; returns 0 on 2xx, 1 on a refusal, 3 on no answer.
call() {
  local method=$1 path=$2 body=${3:-} bearer
  local args=(-s -m 30 -X "$method" -H "Accept: application/json" -w '\n%{http_code}')
  bearer=$(token)
  if [ -n "$bearer" ]; then
    args+=(-H "Authorization: Bearer $bearer")
  else
    echo "warning: no admin token from $KEYCLOAK; sending the request without one" >&2
  fi
  if [ -n "$body" ]; then
    args+=(-H "Content-Type: application/json" --data-binary "$body")
  fi
  local answer status
  if ! answer=$(curl "${args[@]}" "$SERVICE$path"); then
    echo "no answer from $SERVICE" >&2
    return 3
  fi
  status=${answer##*$'\n'}
  RESPONSE=${answer%$'\n'*}
  if [ "${status:0:1}" = "2" ]; then
    return 0
  fi
  echo "refused ($status):" >&2
  printf '%s' "$RESPONSE" | python3 -c '
import json, sys
try:
    problem = json.load(sys.stdin)
except ValueError:
    sys.exit(0)
print("  " + str(problem.get("detail") or problem.get("title")))
for error in problem.get("errors") or []:
    print("  " + error["field"] + ": " + error["message"])' >&2
  return 1
}

# Prints the keys (one JSON object or an array) as aligned lines.
show() {
  printf '%s' "$RESPONSE" | python3 -c '
import datetime, json, sys
answer = json.load(sys.stdin)
keys = answer if isinstance(answer, list) else [answer]
now = datetime.datetime.now(datetime.timezone.utc)
def state(key):
    if key.get("revokedAt"):
        return "revoked " + key["revokedAt"] + " by " + str(key.get("revokedBy"))
    expires = key.get("expiresAt")
    if expires and datetime.datetime.fromisoformat(expires.replace("Z", "+00:00")) <= now:
        return "expired " + expires
    return "expires " + str(expires)
if not keys:
    print("no keys")
for key in keys:
    print("%-15s %-30s %s" % (key["id"], ",".join(key["sources"]), key["name"]))
    print("%-15s %s; created %s by %s%s" % ("", state(key), key["createdAt"], key["createdBy"],
          "; last used " + key["lastUsedAt"] if key.get("lastUsedAt") else ""))'
}

[ $# -ge 1 ] || usage
command=$1
shift
case "$command" in
  create)
    [ $# -ge 2 ] || usage
    name=$1 sources=$2 expires=""
    shift 2
    while [ $# -gt 0 ]; do
      case "$1" in
        --expires) [ $# -ge 2 ] || usage; expires=$2; shift 2 ;;
        *) usage ;;
      esac
    done
    body=$(python3 -c '
import json, sys
name, sources, expires = sys.argv[1:4]
request = {"name": name, "sources": [s.strip() for s in sources.split(",") if s.strip()]}
if expires:
    request["expiresAt"] = expires
print(json.dumps(request, ensure_ascii=False))' "$name" "$sources" "$expires")
    call POST /api/v1/admin/keys "$body" || exit $?
    printf '%s' "$RESPONSE" | python3 -c '
import json, sys
key = json.load(sys.stdin)
print("created %s (%s) for sources %s, expires %s" % (key["id"], key["name"], ",".join(key["sources"]), key["expiresAt"]))
print()
print("  " + key["key"])
print()
print("This is the only time the key is shown: hand it to the source system now.")'
    ;;
  list)
    [ $# -eq 0 ] || usage
    call GET /api/v1/admin/keys || exit $?
    show
    ;;
  revoke)
    [ $# -eq 1 ] || usage
    call DELETE "/api/v1/admin/keys/$1" || exit $?
    show
    ;;
  *) usage ;;
esac
