-- The official lists of the programme (issue #13). Codes are per phase, and ANCT reused many
-- phase-1 codes for other places in phase 2 (ti-7506 is Libournais in phase 1, Creuse Industrie in
-- phase 2): phase 2 is the live registry (table territory), phase 1 (2019-2022) is a closed list,
-- kept as published, each territory linked to its phase-2 successor when it has one.
CREATE TABLE phase1_territory (
    code           VARCHAR(32)  PRIMARY KEY CHECK (code ~ '^ti-[0-9A-Za-z-]+$'),
    name           VARCHAR(200) NOT NULL CHECK (length(trim(name)) > 0),
    successor_code VARCHAR(32)  CHECK (successor_code ~ '^ti-[0-9A-Za-z-]+$')
);
CREATE INDEX phase1_territory_successor_idx ON phase1_territory (successor_code);

-- A phase-1 member by its SIREN: an EPCI, an EPT or a single commune. A SIREN absent from the
-- reference data (a group merged since) is kept as published and shown as such, never dropped.
CREATE TABLE phase1_member (
    territory_code VARCHAR(32) NOT NULL REFERENCES phase1_territory (code),
    siren          VARCHAR(9)  NOT NULL CHECK (siren ~ '^[0-9]{9}$'),
    PRIMARY KEY (territory_code, siren)
);
CREATE INDEX phase1_member_siren_idx ON phase1_member (siren);

-- Which official list was loaded when, from which source: what every number shown traces back to.
CREATE TABLE official_list_load (
    phase       VARCHAR(9)   PRIMARY KEY CHECK (phase IN ('2019-2022', '2023-2027')),
    source      VARCHAR(500) NOT NULL,
    territories INTEGER      NOT NULL,
    members     INTEGER      NOT NULL,
    loaded_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
