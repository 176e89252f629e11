-- Executors an admin has added beside those of the routing table and the overrides file: a case may be
-- assigned only to an executor the region knows (a typo or a made-up body cannot top the scorecards).
CREATE TABLE known_executor (
    name     text PRIMARY KEY,
    added_by text        NOT NULL,
    added_at timestamptz NOT NULL DEFAULT now()
);
