-- Actions funded under a commitment that names recruitment needs (funding.events), shown on each
-- need. Written by the consumer only; a commitment that names no need is not kept.
CREATE TABLE funded_action (
    commitment_id   UUID          PRIMARY KEY,
    territory_code  VARCHAR(32)   NOT NULL,
    application_id  UUID          NOT NULL,
    envelope_id     UUID          NOT NULL,
    envelope_name   VARCHAR(200),
    funder          VARCHAR(32)   NOT NULL,
    priority        VARCHAR(16)   NOT NULL,
    title           VARCHAR(300)  NOT NULL,
    action_sheet_id BIGINT,
    amount          NUMERIC(15,2) NOT NULL CHECK (amount > 0),
    remaining       NUMERIC(15,2) NOT NULL CHECK (remaining >= 0),
    committed_on    DATE          NOT NULL,
    status          VARCHAR(16)   NOT NULL CHECK (status IN ('COMMITTED', 'RELEASED')),
    updated_at      TIMESTAMPTZ   NOT NULL,
    last_event_id   VARCHAR(200)  NOT NULL
);

-- Need ids as funding named them: no foreign key, a need unknown here is still recorded as named.
CREATE TABLE funded_action_need (
    commitment_id UUID NOT NULL REFERENCES funded_action (commitment_id),
    need_id       UUID NOT NULL,
    PRIMARY KEY (commitment_id, need_id)
);
CREATE INDEX funded_action_need_need_idx ON funded_action_need (need_id);
