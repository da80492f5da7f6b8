-- Companies' recruitment needs (DESIGN.md §1). Codes are checked here too, as a last line of defence.
CREATE TABLE recruitment_need (
    id             UUID         PRIMARY KEY,
    siret          VARCHAR(14)  NOT NULL CHECK (siret ~ '^[0-9]{14}$'),
    territory_code VARCHAR(32)  NOT NULL CHECK (territory_code ~ '^ti-[0-9A-Za-z-]+$'),
    commune        VARCHAR(5)   NOT NULL CHECK (commune ~ '^([0-9]{2}|2A|2B)[0-9]{3}$'),
    rome_code      VARCHAR(5)   NOT NULL CHECK (rome_code ~ '^[A-N][0-9]{4}$'),
    job_title      VARCHAR(200) NOT NULL CHECK (length(trim(job_title)) > 0),
    headcount      INTEGER      NOT NULL CHECK (headcount BETWEEN 1 AND 10000),
    contract_type  VARCHAR(24)  NOT NULL CHECK (contract_type IN ('CDI', 'CDD', 'TEMPORARY', 'APPRENTICESHIP',
                                                                 'PROFESSIONALISATION', 'OTHER')),
    status         VARCHAR(20)  NOT NULL CHECK (status IN ('OPEN', 'PARTIALLY_FILLED', 'FILLED', 'CANCELLED', 'EXPIRED')),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version        BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX recruitment_need_territory_idx ON recruitment_need (territory_code);
