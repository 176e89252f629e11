-- The prevention report reads cases by the time of their first message (the weekly repeat rate) and by the
-- time they were resolved (the executors whose resolutions come back): both over a period of up to a year,
-- so both by index rather than by a scan of every case.
CREATE INDEX problem_case_created_at_idx ON problem_case (created_at);
CREATE INDEX problem_case_resolved_at_idx ON problem_case (resolved_at) WHERE resolved_at IS NOT NULL;
