-- The revision of the cached public reads (issue #16, platform-commons ReadCache): one counter, bumped once at
-- the commit of every transaction that changed a table those reads come from. A read asks for it (one indexed
-- query) and answers from memory when what it kept was computed at that revision.
--
-- The trigger is a deferred constraint trigger: it fires at commit, after every other lock of the transaction
-- is taken, so the counter's row lock is held only for the commit itself and cannot be part of a deadlock.
-- A transaction-local setting makes it bump once per transaction, however many rows it wrote.
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

CREATE CONSTRAINT TRIGGER territory_read_revision AFTER INSERT OR UPDATE OR DELETE ON territory
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_revision_bump();
CREATE CONSTRAINT TRIGGER territory_epci_read_revision AFTER INSERT OR UPDATE OR DELETE ON territory_epci
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_revision_bump();
CREATE CONSTRAINT TRIGGER territory_label_read_revision AFTER INSERT OR UPDATE OR DELETE ON territory_label
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_revision_bump();
CREATE CONSTRAINT TRIGGER phase1_territory_read_revision AFTER INSERT OR UPDATE OR DELETE ON phase1_territory
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_revision_bump();
CREATE CONSTRAINT TRIGGER phase1_member_read_revision AFTER INSERT OR UPDATE OR DELETE ON phase1_member
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_revision_bump();
CREATE CONSTRAINT TRIGGER phase1_successor_read_revision AFTER INSERT OR UPDATE OR DELETE ON phase1_successor
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_revision_bump();
CREATE CONSTRAINT TRIGGER action_sheet_read_revision AFTER INSERT OR UPDATE OR DELETE ON action_sheet
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_revision_bump();
