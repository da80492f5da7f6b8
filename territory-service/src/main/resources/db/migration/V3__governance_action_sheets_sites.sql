-- A territory's governance (DOMAIN.md): the binôme, the project lead and who funds the post.
-- One row per territory; committees and the contract have their own dated records below.
CREATE TABLE governance (
    territory_code          VARCHAR(32)  PRIMARY KEY REFERENCES territory (code),
    elected_name            VARCHAR(200),
    elected_office          VARCHAR(200),
    elected_organisation    VARCHAR(200),
    industrialist_name      VARCHAR(200),
    industrialist_position  VARCHAR(200),
    industrialist_company   VARCHAR(200),
    industrialist_siren     VARCHAR(9)   CHECK (industrialist_siren ~ '^[0-9]{9}$'),
    project_lead_name       VARCHAR(200),
    project_lead_employer   VARCHAR(200),
    project_lead_since      DATE,
    project_lead_funders    TEXT[]       NOT NULL DEFAULT '{}',
    updated_at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by              VARCHAR(200) NOT NULL,
    version                 BIGINT       NOT NULL DEFAULT 0
);

-- Meetings of the local project committee and of the regional steering committee, with their decisions.
CREATE TABLE committee_meeting (
    id             BIGSERIAL    PRIMARY KEY,
    territory_code VARCHAR(32)  NOT NULL REFERENCES territory (code),
    committee      VARCHAR(24)  NOT NULL CHECK (committee IN ('LOCAL_PROJECT', 'REGIONAL_STEERING')),
    held_on        DATE         NOT NULL,
    place          VARCHAR(200),
    chaired_by     VARCHAR(200),
    decisions      TEXT[]       NOT NULL DEFAULT '{}',
    recorded_by    VARCHAR(200) NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX committee_meeting_territory_idx ON committee_meeting (territory_code, held_on, id);

-- The contract's documents: protocole d'accord, then the contrat, then its amendments (avenants).
CREATE TABLE contract_document (
    id             BIGSERIAL    PRIMARY KEY,
    territory_code VARCHAR(32)  NOT NULL REFERENCES territory (code),
    kind           VARCHAR(24)  NOT NULL CHECK (kind IN ('PROTOCOLE_ACCORD', 'CONTRAT', 'AVENANT')),
    reference      VARCHAR(100),
    title          VARCHAR(300) NOT NULL,
    signed_on      DATE         NOT NULL,
    ends_on        DATE         CHECK (ends_on IS NULL OR ends_on > signed_on),
    signatories    TEXT[]       NOT NULL CHECK (cardinality(signatories) > 0),
    summary        VARCHAR(4000),
    recorded_by    VARCHAR(200) NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX contract_document_territory_idx ON contract_document (territory_code, signed_on, id);
-- One protocole and one contrat per territory; amendments are many.
CREATE UNIQUE INDEX contract_document_single_kind_idx ON contract_document (territory_code, kind)
    WHERE kind IN ('PROTOCOLE_ACCORD', 'CONTRAT');

-- Industrial profile: figures with their source year, and the key companies by SIREN.
CREATE TABLE industrial_profile (
    territory_code            VARCHAR(32)  PRIMARY KEY REFERENCES territory (code),
    industrial_jobs_share     NUMERIC(5,2) CHECK (industrial_jobs_share BETWEEN 0 AND 100),
    industrial_establishments INTEGER      CHECK (industrial_establishments >= 0),
    reference_year            INTEGER      CHECK (reference_year BETWEEN 1990 AND 2100),
    source                    VARCHAR(300),
    updated_at                TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by                VARCHAR(200) NOT NULL,
    version                   BIGINT       NOT NULL DEFAULT 0
);
CREATE TABLE key_company (
    territory_code VARCHAR(32)  NOT NULL REFERENCES industrial_profile (territory_code) ON DELETE CASCADE,
    siren          VARCHAR(9)   NOT NULL CHECK (siren ~ '^[0-9]{9}$'),
    name           VARCHAR(200) NOT NULL,
    PRIMARY KEY (territory_code, siren)
);

-- Action sheets (fiches actions): the projects of the territory's contract.
CREATE TABLE action_sheet (
    id             BIGSERIAL     PRIMARY KEY,
    territory_code VARCHAR(32)   NOT NULL REFERENCES territory (code),
    title          VARCHAR(300)  NOT NULL CHECK (length(trim(title)) > 0),
    priority       VARCHAR(16)   NOT NULL CHECK (priority IN ('RECRUIT', 'INNOVATE', 'ATTRACT', 'SIMPLIFY')),
    description    VARCHAR(4000),
    owner          VARCHAR(200)  NOT NULL,
    status         VARCHAR(16)   NOT NULL CHECK (status IN ('IDEA', 'IN_PROGRESS', 'DONE', 'ABANDONED')),
    planned_budget NUMERIC(15,2) CHECK (planned_budget >= 0),
    indicators     TEXT[]        NOT NULL DEFAULT '{}',
    starts_on      DATE,
    ends_on        DATE          CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on),
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by     VARCHAR(200)  NOT NULL,
    version        BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX action_sheet_territory_idx ON action_sheet (territory_code, id);
CREATE INDEX action_sheet_priority_idx ON action_sheet (priority, territory_code);

-- Industrial sites offered to investors: land and brownfields, in a commune of the perimeter.
CREATE TABLE industrial_site (
    id             BIGSERIAL     PRIMARY KEY,
    territory_code VARCHAR(32)   NOT NULL REFERENCES territory (code),
    name           VARCHAR(200)  NOT NULL CHECK (length(trim(name)) > 0),
    commune        VARCHAR(5)    NOT NULL CHECK (commune ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
    area_hectares  NUMERIC(10,2) NOT NULL CHECK (area_hectares > 0),
    status         VARCHAR(16)   NOT NULL CHECK (status IN ('AVAILABLE', 'UNDER_STUDY', 'TAKEN')),
    brownfield     BOOLEAN       NOT NULL DEFAULT FALSE,
    services       TEXT[]        NOT NULL DEFAULT '{}'
                   CHECK (services <@ ARRAY['RAIL', 'WATER', 'POWER', 'GAS', 'FIBRE', 'MOTORWAY', 'PORT']),
    description    VARCHAR(4000),
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by     VARCHAR(200)  NOT NULL,
    version        BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX industrial_site_territory_idx ON industrial_site (territory_code, id);
