-- Funding envelopes (DESIGN.md §1, §5): money is NUMERIC(15,2) euros, never a float.
CREATE TABLE envelope (
    id         UUID          PRIMARY KEY,
    funder     VARCHAR(32)   NOT NULL CHECK (funder IN ('STATE_ANCT', 'REGION', 'BPIFRANCE', 'BANQUE_DES_TERRITOIRES',
                                                       'EU_FEDER', 'ADEME', 'OTHER')),
    region     VARCHAR(2)    CHECK (region ~ '^[0-9]{2}$'),
    name       VARCHAR(200)  NOT NULL CHECK (length(trim(name)) > 0),
    priority   VARCHAR(16)   NOT NULL CHECK (priority IN ('RECRUIT', 'INNOVATE', 'ATTRACT', 'SIMPLIFY')),
    ceiling    NUMERIC(15,2) NOT NULL CHECK (ceiling >= 0),
    status     VARCHAR(16)   NOT NULL CHECK (status IN ('OPEN', 'FROZEN', 'CLOSED')),
    created_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version    BIGINT        NOT NULL DEFAULT 0,
    -- A Region's envelope names its region; no other funder does.
    CHECK ((funder = 'REGION') = (region IS NOT NULL))
);
