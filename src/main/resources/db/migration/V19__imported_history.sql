-- History loaded in bulk by scripts/import-history.sh (issue 16): past messages stored, counted and read by
-- the tension detector's warm-up like any other, but no work for anyone now — the case intake gives them no
-- case (so no deadlines and no deadline alerts) and they never wait for triage (stored with triage = false).
ALTER TABLE message ADD COLUMN imported BOOLEAN NOT NULL DEFAULT false;

-- The intake claims what still needs a case; imported rows never do.
DROP INDEX message_uncased_idx;
CREATE INDEX message_uncased_idx ON message (id) WHERE case_id IS NULL AND NOT imported;
