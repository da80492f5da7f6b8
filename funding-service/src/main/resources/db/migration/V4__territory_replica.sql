-- funding-service keeps the same territory replica as recruitment-service (the territory-replica
-- module): a perimeter is dated, so that a perimeter change announced for a later day takes effect on
-- that day and not when the event arrives. eligible_territory's rows move over, their perimeter held
-- since always (-infinity: the replica kept no earlier history); its change log is kept as it is.
CREATE TABLE territory (
    code          VARCHAR(32)  PRIMARY KEY CHECK (code ~ '^ti-[0-9A-Za-z-]+$'),
    name          VARCHAR(200) NOT NULL,
    status        VARCHAR(16)  NOT NULL CHECK (status IN ('CANDIDATE', 'LABELLED', 'LEFT')),
    pilot         BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at    TIMESTAMPTZ  NOT NULL,
    last_event_id VARCHAR(200) NOT NULL
);

-- A territory's perimeter from a date on; the perimeter on a date is the row with the latest
-- effective_on on or before it.
CREATE TABLE territory_perimeter (
    territory_code VARCHAR(32)  NOT NULL REFERENCES territory (code),
    effective_on   DATE         NOT NULL,
    epcis          TEXT[]       NOT NULL,
    communes       TEXT[]       NOT NULL,
    event_id       VARCHAR(200) NOT NULL,
    PRIMARY KEY (territory_code, effective_on)
);
CREATE INDEX territory_perimeter_communes_idx ON territory_perimeter USING GIN (communes);

INSERT INTO territory (code, name, status, pilot, updated_at, last_event_id)
SELECT code, name, status, pilot, updated_at, last_event_id FROM eligible_territory;
INSERT INTO territory_perimeter (territory_code, effective_on, epcis, communes, event_id)
SELECT code, '-infinity', epcis, communes, last_event_id FROM eligible_territory;

ALTER TABLE eligible_territory_change RENAME TO territory_change;
ALTER INDEX eligible_territory_change_code_idx RENAME TO territory_change_code_idx;
DROP TABLE eligible_territory;
