-- The event backbone's tables, migrated with their own history (backbone_schema_history) so that
-- the library evolves independently of each service's own migrations.

-- Events written in the same transaction as the state change, published by the relay in id order.
CREATE TABLE outbox_event (
    id           BIGSERIAL    PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        VARCHAR(128) NOT NULL,
    event_key    VARCHAR(64)  NOT NULL,
    event_type   VARCHAR(160) NOT NULL,
    source       VARCHAR(200) NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    payload      TEXT         NOT NULL,
    correlation_id VARCHAR(64),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    published_at TIMESTAMPTZ,
    attempts     INTEGER      NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX outbox_event_pending_idx ON outbox_event (id) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_idx ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Wakes the relay as soon as a transaction that wrote events commits (NOTIFY is delivered at commit).
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();

-- Each event a consumer applied, recorded in the same transaction as its effect.
CREATE TABLE consumed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     VARCHAR(200) NOT NULL,
    event_type   VARCHAR(160) NOT NULL,
    topic        VARCHAR(128) NOT NULL,
    kafka_partition INTEGER   NOT NULL,
    kafka_offset BIGINT       NOT NULL,
    applied_at   TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, event_id)
);

-- Messages a consumer could not apply, as sent to <topic>.dlq.<service>, for listing and re-drive.
CREATE TABLE dead_letter (
    id              BIGSERIAL    PRIMARY KEY,
    consumer        VARCHAR(100) NOT NULL,
    topic           VARCHAR(128) NOT NULL,
    kafka_partition INTEGER      NOT NULL,
    kafka_offset    BIGINT       NOT NULL,
    event_key       VARCHAR(200),
    headers         TEXT         NOT NULL,
    payload         TEXT,
    error_class     VARCHAR(300) NOT NULL,
    error_message   TEXT         NOT NULL,
    attempts        INTEGER      NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('PARKED', 'REDRIVEN')),
    failed_at       TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    redriven_at     TIMESTAMPTZ,
    UNIQUE (consumer, topic, kafka_partition, kafka_offset)
);
CREATE INDEX dead_letter_parked_idx ON dead_letter (id) WHERE status = 'PARKED';
