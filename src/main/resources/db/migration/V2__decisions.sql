-- What the classify, locate and route stages decided, and the display copy with personal data masked.
ALTER TABLE message
    ADD COLUMN display_text   TEXT,
    ADD COLUMN executor       TEXT,
    ADD COLUMN deadline_class TEXT,
    ADD COLUMN route_rule     TEXT,
    ADD COLUMN triage         BOOLEAN NOT NULL DEFAULT false;

UPDATE message SET display_text = text_normalized WHERE display_text IS NULL;
ALTER TABLE message ALTER COLUMN display_text SET NOT NULL;

CREATE INDEX message_triage_idx ON message (received_at) WHERE triage;
