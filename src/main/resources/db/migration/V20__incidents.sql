-- Incidents with one root cause (prevention/incidents): several nearby places complaining of one topic at once,
-- found by the incident watcher (IncidentFinder over the recent messages); an operator confirms or dismisses an
-- incident, links its cases (problem_case.incident_id) and resolves them together.
CREATE TABLE incident (
    id              BIGSERIAL        PRIMARY KEY,
    topic           TEXT             NOT NULL,
    category_id     TEXT             NOT NULL,
    -- The municipality most of its messages were placed in.
    municipality_id TEXT             NOT NULL,
    cause           TEXT             NOT NULL,
    started_at      TIMESTAMPTZ      NOT NULL,
    ended_at        TIMESTAMPTZ      NOT NULL,
    detected_at     TIMESTAMPTZ      NOT NULL,
    lat             DOUBLE PRECISION NOT NULL,
    lon             DOUBLE PRECISION NOT NULL,
    radius_metres   DOUBLE PRECISION NOT NULL,
    place_keys      TEXT[]           NOT NULL,
    message_count   INT              NOT NULL,
    expected        DOUBLE PRECISION NOT NULL,
    p_value         DOUBLE PRECISION NOT NULL,
    status          TEXT             NOT NULL DEFAULT 'detected'
                    CHECK (status IN ('detected', 'confirmed', 'dismissed', 'resolved')),
    -- Who moved it last, when, and the words they gave (the resolution's answer, the dismissal's reason).
    status_by       TEXT,
    status_at       TIMESTAMPTZ,
    status_note     TEXT,
    created_at      TIMESTAMPTZ      NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ      NOT NULL DEFAULT now()
);

CREATE INDEX incident_started_idx ON incident (started_at);
CREATE INDEX incident_open_idx ON incident (status) WHERE status IN ('detected', 'confirmed');

-- Which messages make an incident; a message found again in a later sweep finds its incident here.
CREATE TABLE incident_message (
    incident_id BIGINT NOT NULL REFERENCES incident (id),
    message_id  BIGINT NOT NULL REFERENCES message (id),
    PRIMARY KEY (incident_id, message_id)
);

CREATE INDEX incident_message_message_idx ON incident_message (message_id);

ALTER TABLE problem_case ADD COLUMN incident_id BIGINT REFERENCES incident (id);
CREATE INDEX problem_case_incident_idx ON problem_case (incident_id) WHERE incident_id IS NOT NULL;
