-- Phases of the programme a territory belongs to (phase 1: 2019-2022, phase 2: 2023-2027).
ALTER TABLE territory ADD COLUMN phases TEXT[] NOT NULL DEFAULT ARRAY['2023-2027'];
ALTER TABLE territory ADD CONSTRAINT territory_phases_check
    CHECK (cardinality(phases) > 0 AND phases <@ ARRAY['2019-2022', '2023-2027']);

-- A territory's perimeter is a set of EPCIs, dated: one row per membership period [valid_from, valid_to).
-- Communes, population, départements and regions are derived from the reference data, never stored.
CREATE TABLE territory_epci (
    territory_code VARCHAR(32) NOT NULL REFERENCES territory (code),
    epci_siren     VARCHAR(9)  NOT NULL CHECK (epci_siren ~ '^[0-9]{9}$'),
    valid_from     DATE        NOT NULL,
    valid_to       DATE        CHECK (valid_to IS NULL OR valid_to > valid_from),
    PRIMARY KEY (territory_code, epci_siren, valid_from)
);
CREATE INDEX territory_epci_siren_idx ON territory_epci (epci_siren);

-- Every perimeter change, who made it and why: the history partners and auditors read.
CREATE TABLE perimeter_change (
    id             BIGSERIAL     PRIMARY KEY,
    territory_code VARCHAR(32)   NOT NULL REFERENCES territory (code),
    effective_on   DATE          NOT NULL,
    epcis          TEXT[]        NOT NULL,
    previous_epcis TEXT[]        NOT NULL,
    reason         VARCHAR(1000),
    changed_by     VARCHAR(200)  NOT NULL,
    changed_at     TIMESTAMPTZ   NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX perimeter_change_territory_idx ON perimeter_change (territory_code, effective_on, id);
