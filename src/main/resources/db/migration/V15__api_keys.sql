-- API keys of source systems (portals, bots, hotline software): each may post messages only as its own
-- `source` values, until it expires or is revoked. The key itself (pulse_<id>_<secret>) is shown once, at
-- creation; only the SHA-256 of its secret is kept (see keys.KeyFormat for why a fast hash is right here).
-- Rows are never deleted: a revoked key stays, with who revoked it and when, for the audit trail.
CREATE TABLE api_key (
    -- Public id: 'k_' and 12 base32 characters; part of the key and of audit targets ('key:k_…').
    id           TEXT        PRIMARY KEY CHECK (id ~ '^k_[a-z2-7]{12}$'),
    -- Lowercase hex SHA-256 of the secret part of the key.
    secret_hash  TEXT        NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
    name         TEXT        NOT NULL,
    -- The `source` values the key may post as (the ingest pattern, checked by the service).
    sources      TEXT[]      NOT NULL CHECK (cardinality(sources) >= 1),
    created_at   TIMESTAMPTZ NOT NULL,
    created_by   TEXT        NOT NULL,
    expires_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    revoked_by   TEXT,
    -- Stamped at most once a minute per key and replica, off the request path.
    last_used_at TIMESTAMPTZ,
    CONSTRAINT api_key_revoked_together CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

CREATE INDEX api_key_created_at_idx ON api_key (created_at DESC);
