-- The deadline watcher looks up a case's firing alerts by their "case" label after every move.
CREATE INDEX alert_case_label_idx ON alert ((labels->>'case')) WHERE state = 'firing';
