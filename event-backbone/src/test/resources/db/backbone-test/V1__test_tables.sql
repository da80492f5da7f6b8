-- What the backbone's tests observe: the order in which writers committed, and what the consumer applied.

-- One counter row: a writer increments it just before committing and holds its lock until then,
-- so the values it draws are in the order of the writers' commits.
CREATE TABLE test_commit_counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL);
INSERT INTO test_commit_counter VALUES (1, 0);

CREATE TABLE test_committed (event_id UUID PRIMARY KEY, event_key TEXT NOT NULL, commit_rank BIGINT NOT NULL);

-- Each event the test consumer applied, in the order it applied them.
CREATE TABLE test_applied (
    applied_order BIGSERIAL PRIMARY KEY,
    event_id      TEXT      NOT NULL,
    event_key     TEXT      NOT NULL,
    sequence      BIGINT,
    reason        TEXT
);

-- Keys whose events the test consumer refuses for now (a transient failure), to park and re-drive them.
CREATE TABLE test_failing_key (event_key TEXT PRIMARY KEY);
