-- Cases: one problem each; messages attach to it (message.case_id). NULL case_id = still to be given a
-- case, so the intake can always catch up from here.
CREATE TABLE problem_case (
    id               BIGSERIAL        PRIMARY KEY,
    status           TEXT             NOT NULL,
    municipality_id  TEXT             NOT NULL,
    category_id      TEXT             NOT NULL,
    topic            TEXT,
    -- What "the same problem" compares: the topic, or the category when there is no topic.
    topic_key        TEXT             NOT NULL,
    executor         TEXT,
    deadline_class   TEXT             NOT NULL,
    lat              DOUBLE PRECISION,
    lon              DOUBLE PRECISION,
    summary          TEXT             NOT NULL,
    created_at       TIMESTAMPTZ      NOT NULL,
    opened_at        TIMESTAMPTZ      NOT NULL DEFAULT now(),
    last_message_at  TIMESTAMPTZ      NOT NULL,
    message_count    INT              NOT NULL DEFAULT 1,
    first_reply_due  TIMESTAMPTZ      NOT NULL,
    resolution_due   TIMESTAMPTZ      NOT NULL,
    first_answer_at  TIMESTAMPTZ,
    answer_text      TEXT,
    answer_flags     TEXT[]           NOT NULL DEFAULT '{}',
    resolved_at      TIMESTAMPTZ,
    confirmed_at     TIMESTAMPTZ,
    reopened_count   INT              NOT NULL DEFAULT 0,
    rejected_reason  TEXT,
    repeat_of        BIGINT           REFERENCES problem_case (id),
    came_back        BOOLEAN          NOT NULL DEFAULT false,
    updated_at       TIMESTAMPTZ      NOT NULL DEFAULT now()
);

CREATE INDEX problem_case_match_idx ON problem_case (municipality_id, topic_key, last_message_at);
CREATE INDEX problem_case_open_idx ON problem_case (status)
    WHERE status IN ('new', 'assigned', 'in_progress', 'answered', 'reopened', 'rejected');
CREATE INDEX problem_case_executor_idx ON problem_case (executor);
CREATE INDEX problem_case_opened_at_idx ON problem_case (opened_at);

-- Every transition and every joined message, with who and when.
CREATE TABLE case_event (
    id           BIGSERIAL   PRIMARY KEY,
    case_id      BIGINT      NOT NULL REFERENCES problem_case (id),
    at           TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    actor        TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    from_status  TEXT,
    to_status    TEXT,
    detail       TEXT
);
CREATE INDEX case_event_case_idx ON case_event (case_id, id);

-- Answers as given, for the boilerplate check and the per-executor counts.
CREATE TABLE case_answer (
    id        BIGSERIAL   PRIMARY KEY,
    case_id   BIGINT      NOT NULL REFERENCES problem_case (id),
    executor  TEXT,
    text      TEXT        NOT NULL,
    flags     TEXT[]      NOT NULL,
    at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER TABLE message ADD COLUMN case_id BIGINT REFERENCES problem_case (id);
CREATE INDEX message_case_idx ON message (case_id);
CREATE INDEX message_uncased_idx ON message (id) WHERE case_id IS NULL;

-- Leases for jobs that must run on one replica at a time (the deadline watcher).
CREATE TABLE job_lease (
    name    TEXT        PRIMARY KEY,
    holder  TEXT        NOT NULL,
    until   TIMESTAMPTZ NOT NULL
);
