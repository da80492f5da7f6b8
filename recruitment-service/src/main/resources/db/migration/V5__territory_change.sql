-- Every change the territory replica applies, with the event that caused it (territory-replica's
-- TerritoryReplica writes it): the replica is traceable, as funding-service's is.
CREATE TABLE territory_change (
    id         BIGSERIAL    PRIMARY KEY,
    code       VARCHAR(32)  NOT NULL REFERENCES territory (code),
    event_id   VARCHAR(200) NOT NULL,
    event_type VARCHAR(160) NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    event_time TIMESTAMPTZ,
    applied_at TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX territory_change_code_idx ON territory_change (code, id);
