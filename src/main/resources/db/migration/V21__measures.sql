-- Measures (issue 17, "what worked"): what the control room or a municipality did against a recurring
-- problem — where (a municipality, or one place in it), when, for which category or topic — entered by an
-- operator. Their effect is computed when read (prevention.measures.MeasureEffect), never stored: it keeps
-- changing as after-time passes.
CREATE TABLE measure (
    id               BIGSERIAL   PRIMARY KEY,
    -- What was done, one line; details in the description.
    title            TEXT        NOT NULL,
    description      TEXT,
    municipality_id  TEXT        NOT NULL,
    category_id      TEXT        NOT NULL,
    -- One topic of the category, or NULL for the whole category.
    topic            TEXT,
    -- One place (prevention.Place: 'building:<normal address>' or 'cell:<row>:<column>') when the measure
    -- targets it rather than the whole municipality; its label as a person reads it.
    place_key        TEXT,
    place_label      TEXT,
    -- When it was done: the effect compares the weeks before this instant with the weeks after it.
    taken_at         TIMESTAMPTZ NOT NULL,
    -- Who entered it (from the identity, never from the body) and when.
    created_by       TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    -- The client's key of the request: a retried POST finds the measure it already made.
    idempotency_key  TEXT        NOT NULL,
    CONSTRAINT measure_idempotency_key UNIQUE (created_by, idempotency_key),
    CONSTRAINT measure_place_labelled CHECK ((place_key IS NULL) = (place_label IS NULL))
);

CREATE INDEX measure_municipality_idx ON measure (municipality_id, taken_at);
CREATE INDEX measure_category_idx ON measure (category_id, taken_at);
