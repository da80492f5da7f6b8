-- The state a request changes together with its event (TracedWrites): one row per write, so that
-- an outage test compares state rows with outbox rows, key by key.
CREATE TABLE test_state (event_key TEXT NOT NULL);
CREATE INDEX test_state_key ON test_state (event_key);
