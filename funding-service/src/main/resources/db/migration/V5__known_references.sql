-- Issue 14: an application may name an action sheet (territory-service) and recruitment needs
-- (recruitment-service). funding-service learns from their events which territory each belongs to,
-- so that an application can only name its own territory's: another territory's is a 403 naming the
-- field, one it has not heard of a 400. Action sheet ids are the registry's BIGSERIAL, need ids UUIDs.
CREATE TABLE known_reference (
    kind           VARCHAR(16)  NOT NULL CHECK (kind IN ('ACTION_SHEET', 'NEED')),
    ref            VARCHAR(64)  NOT NULL,
    territory_code VARCHAR(32)  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    last_event_id  VARCHAR(200) NOT NULL,
    PRIMARY KEY (kind, ref)
);
