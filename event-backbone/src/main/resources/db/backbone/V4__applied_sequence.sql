-- For replicas that must never go back in time: per consumer, topic, key and part of the state
-- (e.g. a territory's status, its perimeter), the ce_sequence of the last event applied to it.
CREATE TABLE applied_sequence (
    consumer      VARCHAR(100) NOT NULL,
    topic         VARCHAR(128) NOT NULL,
    event_key     VARCHAR(200) NOT NULL,
    aspect        VARCHAR(64)  NOT NULL,
    last_sequence BIGINT       NOT NULL,
    applied_at    TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer, topic, event_key, aspect)
);
