-- The revision of funding-service's cached reads (issue #16, platform-commons ReadCache): one counter, bumped once
-- at the commit of every transaction that changed a table those reads come from. A read asks for it (one indexed
-- query) and answers from memory when what it kept was computed at that revision.
--
-- The table and function are territory-service's V7, copied on purpose (docs/decisions.md #16): each service's
-- database has its own Flyway history, a migration once applied never changes, and a shared file in a second
-- Flyway location would make a second history whose order against this one is not defined (the triggers below
-- need the tables of V1-V3).
--
-- What is cached: a territory's figures by priority (ReportQueries.facts: approved applications, their
-- commitments and payments, their envelopes' funder and priority). The replica's territory and perimeter are
-- read again at every request (the access check) and are not part of what is kept, so they have no trigger.
CREATE TABLE read_revision (
    id       SMALLINT PRIMARY KEY CHECK (id = 1),
    revision BIGINT NOT NULL
);
-- A random start: a database made again (tests, a new environment) does not repeat the revisions of another.
INSERT INTO read_revision (id, revision) VALUES (1, (random() * 1e15)::bigint);

CREATE FUNCTION read_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('read_revision.bumped_in', true) IS DISTINCT FROM txid_current()::text THEN
        PERFORM set_config('read_revision.bumped_in', txid_current()::text, true);
        UPDATE read_revision SET revision = revision + 1 WHERE id = 1;
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER application_read_revision AFTER INSERT OR UPDATE OR DELETE ON application
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_revision_bump();
CREATE CONSTRAINT TRIGGER commitment_read_revision AFTER INSERT OR UPDATE OR DELETE ON commitment
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_revision_bump();
CREATE CONSTRAINT TRIGGER payment_read_revision AFTER INSERT OR UPDATE OR DELETE ON payment
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_revision_bump();
CREATE CONSTRAINT TRIGGER envelope_read_revision AFTER INSERT OR UPDATE OR DELETE ON envelope
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_revision_bump();
