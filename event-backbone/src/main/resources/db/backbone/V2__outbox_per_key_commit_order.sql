-- Per-key order by commit, by construction (DESIGN.md §3, issue #15).
--
-- Before: an outbox row's id came from a BIGSERIAL at insert, so two transactions writing events
-- for the same key could commit in the opposite order of their ids, and the relay (which publishes
-- in id order) could publish the later commit first.
--
-- Now every insert into the outbox first takes the row lock of its key's counter (topic, key) and
-- holds it until the transaction ends. A second transaction writing for the same key waits there
-- until the first commits or rolls back; only then does it draw its id and its sequence number.
-- So, for one key, ids and sequence numbers are drawn in commit order, and a transaction's event
-- is visible to the relay only after every earlier-committed event of that key is. The relay keeps
-- publishing in id order, which is therefore commit order per key.
--
-- The sequence number is the CloudEvents `sequence` extension (Kafka header ce_sequence): 1, 2, 3…
-- per (topic, key), without gaps (the counter rolls back with a transaction that rolls back).

CREATE TABLE outbox_key_sequence (
    topic         VARCHAR(128) NOT NULL,
    event_key     VARCHAR(64)  NOT NULL,
    last_sequence BIGINT       NOT NULL,
    PRIMARY KEY (topic, event_key)
);

ALTER TABLE outbox_event ADD COLUMN sequence BIGINT;

-- Events already in the outbox get their numbers in id order (the best order known for them).
UPDATE outbox_event e SET sequence = n.seq
FROM (SELECT id, row_number() OVER (PARTITION BY topic, event_key ORDER BY id) AS seq FROM outbox_event) n
WHERE e.id = n.id;
INSERT INTO outbox_key_sequence (topic, event_key, last_sequence)
SELECT topic, event_key, max(sequence) FROM outbox_event GROUP BY topic, event_key;

ALTER TABLE outbox_event ALTER COLUMN sequence SET NOT NULL;
ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_key_sequence_unique UNIQUE (topic, event_key, sequence);

CREATE FUNCTION outbox_event_order() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    next_sequence BIGINT;
BEGIN
    -- Takes (or waits for) the key's lock; held until this transaction ends.
    INSERT INTO outbox_key_sequence AS s (topic, event_key, last_sequence)
    VALUES (NEW.topic, NEW.event_key, 1)
    ON CONFLICT (topic, event_key) DO UPDATE SET last_sequence = s.last_sequence + 1
    RETURNING s.last_sequence INTO next_sequence;
    NEW.sequence := next_sequence;
    -- The id the column default drew before the lock may be older than an id drawn by a
    -- transaction that committed while this one waited: draw it again, now that the key is ours.
    NEW.id := nextval(pg_get_serial_sequence('outbox_event', 'id'));
    RETURN NEW;
END;
$$;
CREATE TRIGGER outbox_event_order BEFORE INSERT ON outbox_event
    FOR EACH ROW EXECUTE FUNCTION outbox_event_order();
