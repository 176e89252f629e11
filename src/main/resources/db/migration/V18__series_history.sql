-- Past counts that exist only as counts (issue 16): the demo writes eight weeks of its region's rhythm here at
-- start, so the tension baselines expect what the live demo sends, without millions of invented message rows.
-- The detector reads these rows beside the message table (tension/TensionRepository). Hourly rows of two kinds:
--   a municipality × category row (topic = ''): counts for that municipality and for the region's category
--     (municipality_id = 'unknown' for messages that would not have been placed: the region's category only);
--   a region × topic row (municipality_id = ''): counts for the region's topic series only.
-- Written idempotently (the primary key; ON CONFLICT DO NOTHING) and never for an hour that has messages.
CREATE TABLE series_history (
    bucket_start     TIMESTAMPTZ NOT NULL,
    municipality_id  TEXT        NOT NULL,
    category_id      TEXT        NOT NULL,
    topic            TEXT        NOT NULL,
    messages         INTEGER     NOT NULL CHECK (messages > 0),
    PRIMARY KEY (bucket_start, municipality_id, category_id, topic)
);
