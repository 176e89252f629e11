-- Operators' work on the console (issue 15).
--
-- correction: a triaged message confirmed or corrected by an operator, kept as a labelled example for the
-- next training run (scripts/train.sh --with-corrections). The text is the masked one the operator saw —
-- never the original with personal data. One row per message: a second correction replaces the first.
CREATE TABLE correction (
    id               BIGSERIAL   PRIMARY KEY,
    message_id       BIGINT      NOT NULL UNIQUE REFERENCES message (id),
    region           TEXT        NOT NULL,
    masked_text      TEXT        NOT NULL,
    municipality_id  TEXT        NOT NULL,
    category_before  TEXT        NOT NULL,
    topic_before     TEXT,
    category_id      TEXT        NOT NULL,
    topic            TEXT,
    executor         TEXT,
    -- true when the operator kept the model's answer (a confirmation is a label too)
    confirmed        BOOLEAN     NOT NULL,
    corrected_by     TEXT        NOT NULL,
    corrected_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX correction_region_idx ON correction (region, corrected_at);

-- merge: a case found to be the same problem as another points at the survivor, which took its messages.
ALTER TABLE problem_case ADD COLUMN merged_into BIGINT REFERENCES problem_case (id);
CREATE INDEX problem_case_merged_into_idx ON problem_case (merged_into) WHERE merged_into IS NOT NULL;
