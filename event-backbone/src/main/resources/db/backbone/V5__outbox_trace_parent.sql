-- Tracing (issue #17): the W3C trace context (traceparent, 55 characters) of the span that wrote the
-- event, captured in the same transaction as the event. The relay publishes it as the CloudEvents
-- distributed-tracing extension (Kafka header ce_traceparent); consumers continue the trace from it.
-- NULL for events written outside any trace, and for those written before this migration.
ALTER TABLE outbox_event ADD COLUMN trace_parent VARCHAR(55);
