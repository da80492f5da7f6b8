-- The territories funding knows from territory events (event-carried state transfer): a territory
-- must be labelled to apply for money. Kept up to date by the territory.events consumer only.
CREATE TABLE eligible_territory (
    code          VARCHAR(32)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    status        VARCHAR(16)  NOT NULL CHECK (status IN ('CANDIDATE', 'LABELLED', 'LEFT')),
    pilot         BOOLEAN      NOT NULL DEFAULT FALSE,
    epcis         TEXT[]       NOT NULL DEFAULT '{}',
    communes      TEXT[]       NOT NULL DEFAULT '{}',
    updated_at    TIMESTAMPTZ  NOT NULL,
    last_event_id VARCHAR(200) NOT NULL
);

-- Every change applied to the replica, with the event that caused it: the replica is traceable.
CREATE TABLE eligible_territory_change (
    id         BIGSERIAL    PRIMARY KEY,
    code       VARCHAR(32)  NOT NULL,
    event_id   VARCHAR(200) NOT NULL,
    event_type VARCHAR(160) NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    event_time TIMESTAMPTZ,
    applied_at TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX eligible_territory_change_code_idx ON eligible_territory_change (code, id);
