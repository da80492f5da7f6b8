-- Consumed-event records are kept for backbone.consumer.retention (30 days by default), then purged
-- like the outbox's published events; the purge looks them up by age.
CREATE INDEX consumed_event_applied_idx ON consumed_event (applied_at);
