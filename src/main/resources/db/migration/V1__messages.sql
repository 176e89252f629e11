-- Messages: the source of truth. Everything downstream (counters, pushes) is rebuilt from this table.
CREATE TABLE message (
    id                 BIGSERIAL PRIMARY KEY,
    source             TEXT             NOT NULL,
    external_id        TEXT             NOT NULL,
    created_at         TIMESTAMPTZ      NOT NULL,
    received_at        TIMESTAMPTZ      NOT NULL DEFAULT now(),
    text               TEXT             NOT NULL,
    text_normalized    TEXT             NOT NULL,
    lat                DOUBLE PRECISION,
    lon                DOUBLE PRECISION,
    address            TEXT,
    municipality_hint  TEXT,
    source_category    TEXT,
    topic              TEXT,
    author             TEXT,
    municipality_id    TEXT             NOT NULL,
    locate_method      TEXT             NOT NULL,
    category_id        TEXT             NOT NULL,
    classify_method    TEXT             NOT NULL,
    classify_confidence DOUBLE PRECISION NOT NULL,
    -- Set when the message's increments reached Redis; NULL means "still to count" (Redis was down).
    counted_at         TIMESTAMPTZ,
    CONSTRAINT message_idempotency_key UNIQUE (source, external_id)
);

CREATE INDEX message_created_at_idx ON message (created_at);
CREATE INDEX message_municipality_category_idx ON message (municipality_id, category_id, created_at);
CREATE INDEX message_uncounted_idx ON message (id) WHERE counted_at IS NULL;
