-- The territories recruitment-service knows from territory.events (event-carried state transfer):
-- a company's establishment must lie in a labelled territory's perimeter. Written by the consumer only.
CREATE TABLE territory (
    code          VARCHAR(32)  PRIMARY KEY CHECK (code ~ '^ti-[0-9A-Za-z-]+$'),
    name          VARCHAR(200) NOT NULL,
    status        VARCHAR(16)  NOT NULL CHECK (status IN ('CANDIDATE', 'LABELLED', 'LEFT')),
    pilot         BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at    TIMESTAMPTZ  NOT NULL,
    last_event_id VARCHAR(200) NOT NULL
);

-- A territory's perimeter from a date on, as the events carried it: labelled.v1 gives today's
-- perimeter, perimeter-changed.v1 the one from its effectiveOn (possibly in the future). The
-- perimeter on a date is the row with the latest effective_on on or before it.
CREATE TABLE territory_perimeter (
    territory_code VARCHAR(32)  NOT NULL REFERENCES territory (code),
    effective_on   DATE         NOT NULL,
    epcis          TEXT[]       NOT NULL,
    communes       TEXT[]       NOT NULL,
    event_id       VARCHAR(200) NOT NULL,
    PRIMARY KEY (territory_code, effective_on)
);
CREATE INDEX territory_perimeter_communes_idx ON territory_perimeter USING GIN (communes);
