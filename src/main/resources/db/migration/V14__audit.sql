-- The audit trail: who did what to which thing, when and from where. Every action that changes something
-- (a case move, an acknowledgement, a silence, a key change, a counter rebuild) and every read of unmasked
-- personal data appends one row. Rows are only ever appended, and each carries the hash of the row before
-- it, so a deleted, edited or inserted row breaks the chain where it happened.
--
-- The canonical form of a row and its hash are defined once, here (audit_event_hash), so the chain can be
-- checked by the service (POST /api/v1/audit/verify) and by an auditor with psql alone
-- (scripts/audit-verify.sh), without trusting the service's code.

-- Ids come from this sequence only after the chain lock is held (see audit_event_chain below), so id order
-- is chain order; a bigserial default would hand out ids before the lock, in arrival order.
CREATE SEQUENCE audit_event_id_seq;

CREATE TABLE audit_event (
    id             BIGINT      PRIMARY KEY,
    -- When it happened, at microsecond precision (PostgreSQL's own), as the service's clock saw it.
    at             TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    -- A user name, an API key id, or a system actor such as 'deadline-watcher'.
    subject        TEXT        NOT NULL,
    roles          TEXT[]      NOT NULL DEFAULT '{}',
    key_id         TEXT,
    -- e.g. 'case.accept', 'alert.silence', 'key.create', 'personal-data.read'.
    action         TEXT        NOT NULL,
    -- e.g. 'case:42', 'alert:3f…', 'key:k_ab12…', 'message:812'.
    target         TEXT        NOT NULL,
    -- JSON as the service wrote it; text, not jsonb, so the hashed characters are exactly the stored ones.
    before         TEXT,
    after          TEXT,
    remote_address TEXT,
    previous_hash  TEXT        NOT NULL,
    hash           TEXT        NOT NULL,
    CONSTRAINT audit_event_hash_unique UNIQUE (hash),
    -- Two rows chaining from the same row would be a fork: impossible by construction, refused if attempted.
    CONSTRAINT audit_event_previous_hash_unique UNIQUE (previous_hash)
);

ALTER SEQUENCE audit_event_id_seq OWNED BY audit_event.id;

CREATE INDEX audit_event_subject_idx ON audit_event (subject, id);
CREATE INDEX audit_event_action_idx ON audit_event (action, id);
CREATE INDEX audit_event_target_idx ON audit_event (target, id);
CREATE INDEX audit_event_at_idx ON audit_event (at);

-- The one definition of a row's hash: lowercase hex SHA-256 of the UTF-8 bytes of the canonical text, which
-- is PostgreSQL's json_build_array rendering of
--   [previous_hash, id, at, subject, roles, key_id, action, target, before, after, remote_address]
-- with `at` written in UTC as YYYY-MM-DDTHH:MM:SS.ffffffZ. For example
--   ["000…000", 1, "2026-01-02T00:04:05.123456Z", "admin", ["admin"], null, "key.create", "key:k_…", null, "{…}", "127.0.0.1"]
-- (elements separated by ", ", the roles as a JSON array without spaces, strings JSON-escaped).
-- The first row chains from the genesis value, 64 zeros.
CREATE FUNCTION audit_event_hash(previous_hash TEXT, row_id BIGINT, happened_at TIMESTAMPTZ, subject TEXT,
                                 roles TEXT[], key_id TEXT, action TEXT, target TEXT, before TEXT, after TEXT,
                                 remote_address TEXT)
    RETURNS TEXT
    LANGUAGE sql STABLE
AS $$
    SELECT encode(sha256(convert_to(json_build_array(
        previous_hash, row_id,
        to_char(happened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        subject, roles, key_id, action, target, before, after, remote_address)::text, 'UTF8')), 'hex')
$$;

-- Chains every inserted row, whoever inserts it: takes the chain's transaction-scoped advisory lock (held
-- until the inserting transaction commits or rolls back, so appends are serialised and a rolled-back
-- append leaves nothing behind), reads the last row's hash, assigns the next id and computes the hash.
-- Values a client gives for id, previous_hash or hash are overwritten. The lock is taken by a separate
-- statement from the read (this function is VOLATILE), so under READ COMMITTED the read sees every row
-- committed before the lock was granted; under REPEATABLE READ it might not, and the previous_hash unique
-- constraint then refuses the insert rather than forking the chain.
CREATE FUNCTION audit_event_chain() RETURNS trigger
    LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    last_hash TEXT;
BEGIN
    PERFORM pg_advisory_xact_lock(7143205);  -- the audit chain's lock number; nothing else uses it
    SELECT e.hash INTO last_hash FROM audit_event e ORDER BY e.id DESC LIMIT 1;
    NEW.id := nextval('audit_event_id_seq');
    NEW.roles := coalesce(NEW.roles, '{}');
    NEW.previous_hash := coalesce(last_hash, repeat('0', 64));
    NEW.hash := audit_event_hash(NEW.previous_hash, NEW.id, NEW.at, NEW.subject, NEW.roles, NEW.key_id,
                                 NEW.action, NEW.target, NEW.before, NEW.after, NEW.remote_address);
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

-- Append-only at the database level: UPDATE, DELETE and TRUNCATE are refused. The table owner can still
-- disable these triggers (ALTER TABLE … DISABLE TRIGGER), which is why the chain exists; in production the
-- service should connect as a role that does not own the table.
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();

CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
