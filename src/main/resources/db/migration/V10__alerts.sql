-- Alerts (deadline, tension): one row per fingerprint of kind and labels; raising again updates the row.
CREATE TABLE alert (
    id               TEXT        PRIMARY KEY,
    kind             TEXT        NOT NULL,
    labels           JSONB       NOT NULL,
    severity         TEXT        NOT NULL,
    state            TEXT        NOT NULL,
    title            TEXT        NOT NULL,
    summary          TEXT        NOT NULL,
    details          JSONB       NOT NULL DEFAULT '{}'::jsonb,
    group_key        TEXT,
    parent           TEXT,
    starts_at        TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    ends_at          TIMESTAMPTZ,
    acknowledged_by  TEXT,
    acknowledged_at  TIMESTAMPTZ,
    silenced_until   TIMESTAMPTZ,
    silence_reason   TEXT,
    silenced_by      TEXT,
    CONSTRAINT alert_state_check CHECK (state IN ('firing', 'resolved')),
    CONSTRAINT alert_severity_check CHECK (severity IN ('info', 'warning', 'critical'))
);

CREATE INDEX alert_firing_idx ON alert (kind) WHERE state = 'firing';
CREATE INDEX alert_updated_at_idx ON alert (updated_at);
