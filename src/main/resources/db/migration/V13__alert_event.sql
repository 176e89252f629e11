-- What operators did to an alert, appended and never overwritten: who acknowledged it, who silenced it
-- (until when, why) and who lifted the silence, in which episode (the alert's starts_at at the time). The
-- alert row keeps only the latest acknowledgement and silence; this keeps them all. Written by the same
-- statement that updates the alert, so the two never disagree.
CREATE TABLE alert_event (
    id             BIGSERIAL   PRIMARY KEY,
    alert_id       TEXT        NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    episode_start  TIMESTAMPTZ NOT NULL,
    action         TEXT        NOT NULL,
    actor          TEXT,
    at             TIMESTAMPTZ NOT NULL,
    silenced_until TIMESTAMPTZ,
    reason         TEXT,
    CONSTRAINT alert_event_action_check CHECK (action IN ('acknowledged', 'silenced', 'unsilenced'))
);

CREATE INDEX alert_event_alert_idx ON alert_event (alert_id, at DESC, id DESC);
