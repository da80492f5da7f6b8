-- The registry's territories (DESIGN.md §1). The code is the official `id_ti`, never changed.
CREATE TABLE territory (
    code       VARCHAR(32)  PRIMARY KEY CHECK (code ~ '^ti-[0-9A-Za-z-]+$'),
    name       VARCHAR(200) NOT NULL CHECK (length(trim(name)) > 0),
    status     VARCHAR(16)  NOT NULL CHECK (status IN ('CANDIDATE', 'LABELLED', 'LEFT')),
    pilot      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version    BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX territory_name_idx ON territory (lower(name));
