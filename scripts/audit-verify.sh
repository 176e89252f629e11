#!/usr/bin/env bash
# Verifies the audit trail's hash chain straight from PostgreSQL with psql, without the service: an auditor's
# independent check. Connects like scripts/services.sh (PULSE_DB_HOST/PORT/USER/NAME, password from
# PGPASSWORD or PULSE_DB_PASSWORD):
#   scripts/audit-verify.sh
# Prints the rows checked and OK, or the first broken row and why. Exit code: 0 the chain holds, 1 it is
# broken, 2 it could not be checked (no connection, no audit table, or a hash function that is not the one
# defined in V14__audit.sql).
#
# The query below is plain SQL over audit_event, in id order (PostgreSQL streams it; nothing is held in memory
# beyond a row). It relies on one function of the database, audit_event_hash (the single definition of the
# canonical form), and first checks that function against a known answer computed outside PostgreSQL (the
# README gives the canonical text), so a replaced function cannot pass for the real one. The service's own
# verification (AuditRepository) runs the same check in chunks; AuditTamperTest holds both to the same answers.
set -euo pipefail

DB_HOST=${PULSE_DB_HOST:-127.0.0.1}
DB_PORT=${PULSE_DB_PORT:-5432}
DB_USER=${PULSE_DB_USER:-pulse}
DB_NAME=${PULSE_DB_NAME:-pulse}
export PGPASSWORD=${PGPASSWORD:-${PULSE_DB_PASSWORD:-pulse}}

# SHA-256 of ["000…000", 1, "2026-01-01T00:00:00.000000Z", "аудитор", ["admin"], null, "known.answer",
# "test:1", null, "{\"a\": \"б\"}", "127.0.0.1"] (64 zeros), the canonical text of that row.
KNOWN_ANSWER=737eedb28f3973b47c26fcf4d6dc46e97027c97406989fe392b60e9401b2b633

run_sql() {
  PGCLIENTENCODING=UTF8 psql -X -q -v ON_ERROR_STOP=1 -At -F '|' -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -c "$1"
}

if ! answer=$(run_sql "SELECT audit_event_hash(repeat('0', 64), 1, '2026-01-01T00:00:00Z', 'аудитор', '{admin}',
                       NULL, 'known.answer', 'test:1', NULL, '{\"a\": \"б\"}', '127.0.0.1')" 2>&1); then
  echo "audit chain: cannot check $DB_NAME on $DB_HOST:$DB_PORT: $answer" >&2
  exit 2
fi
if [ "$answer" != "$KNOWN_ANSWER" ]; then
  echo "audit chain: cannot check: audit_event_hash is not the function of V14__audit.sql (known answer differs)" >&2
  exit 2
fi

if ! result=$(run_sql "
WITH chain AS (
    SELECT id, previous_hash, hash,
           lag(id) OVER (ORDER BY id) AS previous_id,
           coalesce(lag(hash) OVER (ORDER BY id), repeat('0', 64)) AS expected_previous_hash,
           audit_event_hash(previous_hash, id, at, subject, roles, key_id, action, target, before, after,
                            remote_address) AS recomputed_hash
    FROM audit_event
), broken AS (
    SELECT id, CASE
        WHEN hash IS DISTINCT FROM recomputed_hash
            THEN 'hash не совпадает с содержимым строки: строка изменена'
        WHEN previous_id IS NULL
            THEN 'previous_hash не равен началу цепочки: удалены первые строки'
        ELSE 'previous_hash не совпадает с hash строки ' || previous_id
            || ': между ними удалены или вставлены строки, либо строка ' || previous_id
            || ' изменена вместе со своим hash'
        END AS reason
    FROM chain
    WHERE hash IS DISTINCT FROM recomputed_hash OR previous_hash IS DISTINCT FROM expected_previous_hash
    ORDER BY id LIMIT 1
)
SELECT (SELECT count(*) FROM chain WHERE id <= coalesce((SELECT id FROM broken), id)),
       coalesce((SELECT id::text FROM broken), ''),
       coalesce((SELECT reason FROM broken), ''),
       coalesce((SELECT hash FROM chain ORDER BY id DESC LIMIT 1), repeat('0', 64))" 2>&1); then
  echo "audit chain: cannot check $DB_NAME on $DB_HOST:$DB_PORT: $result" >&2
  exit 2
fi

IFS='|' read -r rows broken_id reason last_hash <<<"$result"
if [ -z "$broken_id" ]; then
  echo "audit chain of $DB_NAME: $rows rows checked, OK (last hash $last_hash)"
  exit 0
fi
echo "audit chain of $DB_NAME: BROKEN at row $broken_id ($rows rows checked): $reason"
exit 1
