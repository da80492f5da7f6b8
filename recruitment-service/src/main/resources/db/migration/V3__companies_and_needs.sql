-- Companies that declare needs: one establishment (SIRET) each, in a labelled territory.
CREATE TABLE company (
    siret          VARCHAR(14)  PRIMARY KEY CHECK (siret ~ '^[0-9]{14}$'),
    siren          VARCHAR(9)   NOT NULL CHECK (siren = substr(siret, 1, 9)),
    name           VARCHAR(200) NOT NULL CHECK (length(trim(name)) > 0),
    naf_code       VARCHAR(6)   NOT NULL CHECK (naf_code ~ '^[0-9]{2}\.[0-9]{2}[A-Z]$'),
    commune        VARCHAR(5)   NOT NULL CHECK (commune ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
    territory_code VARCHAR(32)  NOT NULL REFERENCES territory (code),
    region         VARCHAR(2)   NOT NULL,
    size_band      VARCHAR(16)  NOT NULL CHECK (size_band IN ('MICRO', 'SMALL', 'MEDIUM', 'INTERMEDIATE', 'LARGE')),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL,
    updated_by     VARCHAR(200) NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX company_siren_idx ON company (siren);
CREATE INDEX company_territory_idx ON company (territory_code);
CREATE INDEX company_region_idx ON company (region);

-- V1 created the need table with no way to write to it (a list only): it holds no rows, so the
-- new mandatory columns need no default.
ALTER TABLE recruitment_need
    ADD COLUMN siren               VARCHAR(9)   NOT NULL,
    ADD COLUMN departement         VARCHAR(3)   NOT NULL,
    ADD COLUMN region              VARCHAR(2)   NOT NULL,
    ADD COLUMN epci                VARCHAR(9),
    ADD COLUMN filled_count        INTEGER      NOT NULL DEFAULT 0,
    ADD COLUMN qualification_level VARCHAR(24)  NOT NULL CHECK (qualification_level IN ('UNSKILLED_WORKER',
        'SEMI_SKILLED_WORKER', 'SKILLED_WORKER', 'HIGHLY_SKILLED_WORKER', 'UNSKILLED_EMPLOYEE', 'SKILLED_EMPLOYEE',
        'TECHNICIAN', 'SUPERVISOR', 'MANAGER')),
    ADD COLUMN skills              TEXT[]       NOT NULL DEFAULT '{}',
    ADD COLUMN work_study          BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN start_date          DATE         NOT NULL,
    ADD COLUMN deadline            DATE         NOT NULL,
    ADD COLUMN hours_per_week      NUMERIC(4,1) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 48),
    ADD COLUMN difficult           BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN difficulty_reasons  TEXT[]       NOT NULL DEFAULT '{}',
    ADD COLUMN difficulty_comment  VARCHAR(1000),
    ADD COLUMN cancel_reason       VARCHAR(1000),
    ADD COLUMN declared_on         DATE         NOT NULL,
    ADD COLUMN closed_on           DATE,
    ADD COLUMN updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ADD COLUMN updated_by          VARCHAR(200) NOT NULL,
    ADD CONSTRAINT recruitment_need_company_fk FOREIGN KEY (siret) REFERENCES company (siret),
    ADD CONSTRAINT recruitment_need_siren_check CHECK (siren = substr(siret, 1, 9)),
    ADD CONSTRAINT recruitment_need_dates_check CHECK (deadline >= start_date),
    ADD CONSTRAINT recruitment_need_difficulty_check CHECK (difficult OR cardinality(difficulty_reasons) = 0),
    -- The status follows the filled count; closed needs carry the day they closed.
    ADD CONSTRAINT recruitment_need_status_filled_check CHECK (
        (status = 'OPEN' AND filled_count = 0)
        OR (status = 'PARTIALLY_FILLED' AND filled_count > 0 AND filled_count < headcount)
        OR (status = 'FILLED' AND filled_count = headcount)
        OR (status IN ('CANCELLED', 'EXPIRED') AND filled_count >= 0 AND filled_count < headcount)),
    ADD CONSTRAINT recruitment_need_closed_check CHECK (
        (status IN ('OPEN', 'PARTIALLY_FILLED')) = (closed_on IS NULL));

CREATE INDEX recruitment_need_siren_idx ON recruitment_need (siren);
CREATE INDEX recruitment_need_region_idx ON recruitment_need (region);
CREATE INDEX recruitment_need_due_idx ON recruitment_need (deadline) WHERE status IN ('OPEN', 'PARTIALLY_FILLED');

-- Each need's state after every change, dated: what the monthly indicators are computed from
-- (a need's state at the end of any month), and the need's history.
CREATE TABLE need_change (
    id           BIGSERIAL    PRIMARY KEY,
    need_id      UUID         NOT NULL REFERENCES recruitment_need (id),
    changed_on   DATE         NOT NULL,
    changed_at   TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    kind         VARCHAR(16)  NOT NULL CHECK (kind IN ('PUBLISHED', 'UPDATED', 'FILLED', 'CANCELLED', 'EXPIRED')),
    status       VARCHAR(20)  NOT NULL,
    rome_code    VARCHAR(5)   NOT NULL,
    headcount    INTEGER      NOT NULL,
    filled_count INTEGER      NOT NULL,
    difficult    BOOLEAN      NOT NULL,
    work_study   BOOLEAN      NOT NULL,
    changed_by   VARCHAR(200) NOT NULL
);
CREATE INDEX need_change_need_idx ON need_change (need_id, changed_on, id);
