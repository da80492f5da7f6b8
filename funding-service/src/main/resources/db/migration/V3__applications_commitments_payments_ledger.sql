-- Envelopes: scope, fiscal years, yearly payment ceilings, and their running balances. The
-- balances are a cache of the ledger below, kept in the same transaction as each movement; the
-- CHECKs are the last line of defence of the rule "never over-committed, never over-paid".
ALTER TABLE envelope
    ADD COLUMN scope             VARCHAR(16)   NOT NULL DEFAULT 'NATIONAL'
                                 CHECK (scope IN ('NATIONAL', 'REGION', 'TERRITORIES')),
    ADD COLUMN scope_region      VARCHAR(2)    CHECK (scope_region ~ '^[0-9]{2}$'),
    ADD COLUMN scope_territories TEXT[]        NOT NULL DEFAULT '{}',
    ADD COLUMN first_year        INTEGER       NOT NULL DEFAULT 2023 CHECK (first_year BETWEEN 2018 AND 2100),
    ADD COLUMN last_year         INTEGER       NOT NULL DEFAULT 2027 CHECK (last_year BETWEEN 2018 AND 2100),
    ADD COLUMN committed         NUMERIC(15,2) NOT NULL DEFAULT 0,
    ADD COLUMN paid              NUMERIC(15,2) NOT NULL DEFAULT 0,
    ADD COLUMN opened_by         VARCHAR(200)  NOT NULL DEFAULT 'migration',
    ADD COLUMN funder_siret      VARCHAR(14)   CHECK (funder_siret ~ '^[0-9]{14}$'),
    ADD CONSTRAINT envelope_years_check CHECK (last_year >= first_year),
    ADD CONSTRAINT envelope_committed_check CHECK (committed >= 0 AND committed <= ceiling),
    ADD CONSTRAINT envelope_paid_check CHECK (paid >= 0 AND paid <= committed),
    ADD CONSTRAINT envelope_scope_target_check CHECK ((scope = 'REGION') = (scope_region IS NOT NULL)
        AND (scope = 'TERRITORIES') = (cardinality(scope_territories) > 0));
ALTER TABLE envelope ALTER COLUMN opened_by DROP DEFAULT;

-- Optional payment ceilings (crédits de paiement) per fiscal year, with what was paid that year.
CREATE TABLE envelope_year (
    envelope_id UUID          NOT NULL REFERENCES envelope (id),
    fiscal_year INTEGER       NOT NULL,
    cp_ceiling  NUMERIC(15,2) NOT NULL CHECK (cp_ceiling >= 0),
    paid        NUMERIC(15,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (envelope_id, fiscal_year),
    CHECK (paid >= 0 AND paid <= cp_ceiling)
);

-- Applications of territories' projects for money from one or several envelopes.
CREATE TABLE application (
    id                   UUID          PRIMARY KEY,
    territory_code       VARCHAR(32)   NOT NULL CHECK (territory_code ~ '^ti-[0-9A-Za-z-]+$'),
    action_sheet_id      BIGINT        CHECK (action_sheet_id > 0),
    owner_siret          VARCHAR(14)   NOT NULL CHECK (owner_siret ~ '^[0-9]{14}$'),
    owner_name           VARCHAR(200)  NOT NULL,
    owner_local_authority BOOLEAN      NOT NULL,
    title                VARCHAR(300)  NOT NULL CHECK (length(trim(title)) > 0),
    description          VARCHAR(4000),
    eligible_cost        NUMERIC(15,2) NOT NULL CHECK (eligible_cost > 0),
    jobs_created         INTEGER       NOT NULL DEFAULT 0 CHECK (jobs_created >= 0),
    jobs_kept            INTEGER       NOT NULL DEFAULT 0 CHECK (jobs_kept >= 0),
    private_investment   NUMERIC(15,2) NOT NULL DEFAULT 0 CHECK (private_investment >= 0),
    recruitment_needs    TEXT[]        NOT NULL DEFAULT '{}',
    status               VARCHAR(16)   NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'APPROVED',
                                                                  'REJECTED', 'WITHDRAWN')),
    territory_left       BOOLEAN       NOT NULL DEFAULT FALSE,
    decision_reason      VARCHAR(1000),
    decided_by           VARCHAR(200),
    decided_at           TIMESTAMPTZ,
    submitted_at         TIMESTAMPTZ,
    created_by           VARCHAR(200)  NOT NULL,
    created_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version              BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX application_territory_idx ON application (territory_code, created_at);
CREATE INDEX application_status_idx ON application (status);

-- The co-financing plan: what is asked of each envelope, and what was approved.
CREATE TABLE application_line (
    application_id UUID          NOT NULL REFERENCES application (id),
    envelope_id    UUID          NOT NULL REFERENCES envelope (id),
    requested      NUMERIC(15,2) NOT NULL CHECK (requested > 0),
    approved       NUMERIC(15,2) CHECK (approved >= 0 AND approved <= requested),
    PRIMARY KEY (application_id, envelope_id)
);

-- A legal commitment (AE consumed) of one envelope for one approved application.
CREATE TABLE commitment (
    id             UUID          PRIMARY KEY,
    application_id UUID          NOT NULL REFERENCES application (id),
    envelope_id    UUID          NOT NULL REFERENCES envelope (id),
    territory_code VARCHAR(32)   NOT NULL,
    initial_amount NUMERIC(15,2) NOT NULL CHECK (initial_amount > 0),
    amount         NUMERIC(15,2) NOT NULL CHECK (amount >= 0 AND amount <= initial_amount),
    paid           NUMERIC(15,2) NOT NULL DEFAULT 0 CHECK (paid >= 0 AND paid <= amount),
    committed_on   DATE          NOT NULL,
    status         VARCHAR(16)   NOT NULL CHECK (status IN ('ACTIVE', 'SETTLED', 'CANCELLED')),
    version        BIGINT        NOT NULL DEFAULT 0,
    UNIQUE (application_id, envelope_id)
);
CREATE INDEX commitment_envelope_idx ON commitment (envelope_id);
CREATE INDEX commitment_territory_idx ON commitment (territory_code);

-- Payments (crédits de paiement) on a commitment; a reversal is a payment of its own, never a deletion.
CREATE TABLE payment (
    id            UUID          PRIMARY KEY,
    commitment_id UUID          NOT NULL REFERENCES commitment (id),
    kind          VARCHAR(16)   NOT NULL CHECK (kind IN ('ADVANCE', 'INSTALMENT', 'BALANCE', 'REVERSAL')),
    amount        NUMERIC(15,2) NOT NULL CHECK (amount > 0),
    reverses      UUID          REFERENCES payment (id),
    paid_on       DATE          NOT NULL,
    fiscal_year   INTEGER       NOT NULL,
    reason        VARCHAR(1000),
    recorded_by   VARCHAR(200)  NOT NULL,
    recorded_at   TIMESTAMPTZ   NOT NULL DEFAULT clock_timestamp(),
    CHECK ((kind = 'REVERSAL') = (reverses IS NOT NULL))
);
CREATE INDEX payment_commitment_idx ON payment (commitment_id, recorded_at);

-- Every movement of money, append-only: who, when, why, how much. Balances are recomputed from it.
CREATE TABLE ledger_entry (
    id             BIGSERIAL     PRIMARY KEY,
    recorded_at    TIMESTAMPTZ   NOT NULL DEFAULT clock_timestamp(),
    actor          VARCHAR(200)  NOT NULL,
    kind           VARCHAR(24)   NOT NULL CHECK (kind IN ('CEILING_SET', 'COMMITTED', 'DECOMMITTED', 'PAID', 'REVERSED')),
    envelope_id    UUID          NOT NULL REFERENCES envelope (id),
    commitment_id  UUID          REFERENCES commitment (id),
    payment_id     UUID          REFERENCES payment (id),
    fiscal_year    INTEGER,
    -- The change it makes: to the ceiling (CEILING_SET), to what is committed, or to what is paid.
    amount         NUMERIC(15,2) NOT NULL,
    reason         VARCHAR(1000) NOT NULL
);
CREATE INDEX ledger_entry_envelope_idx ON ledger_entry (envelope_id, id);
CREATE INDEX ledger_entry_commitment_idx ON ledger_entry (commitment_id, id);

CREATE FUNCTION ledger_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_is_append_only();

-- Envelopes that existed before the ledger: their ceiling is its first entry.
INSERT INTO ledger_entry (actor, kind, envelope_id, amount, reason)
SELECT 'migration', 'CEILING_SET', id, ceiling, 'Ceiling when the ledger started' FROM envelope;

-- Idempotency-Key of money-moving requests: the first answer is stored with the effect, in the
-- same transaction, and replayed to a retry with the same key.
CREATE TABLE idempotent_request (
    caller        VARCHAR(200) NOT NULL,
    idem_key      VARCHAR(100) NOT NULL,
    operation     VARCHAR(200) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    status        INTEGER,
    response      TEXT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, idem_key)
);
