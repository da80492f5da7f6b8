-- The revision of recruitment-service's cached reads (issue #16, platform-commons ReadCache): one counter, bumped
-- once at the commit of every transaction that changed a table those reads come from. A read asks for it (one
-- indexed query) and answers from memory when what it kept was computed at that revision.
--
-- The table and function are territory-service's V7, copied on purpose (docs/decisions.md #16): each service's
-- database has its own Flyway history, a migration once applied never changes, and a shared file in a second
-- Flyway location would make a second history whose order against this one is not defined (the triggers below
-- need the tables of V1-V3).
--
-- What is cached: the monthly indicators (Indicators.rows, which shortage-jobs ranks): needs and their changes,
-- and the names of territories from the replica's territory table. The replica's perimeters are not read by them.
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

CREATE CONSTRAINT TRIGGER recruitment_need_read_revision AFTER INSERT OR UPDATE OR DELETE ON recruitment_need
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_revision_bump();
CREATE CONSTRAINT TRIGGER need_change_read_revision AFTER INSERT OR UPDATE OR DELETE ON need_change
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_revision_bump();
CREATE CONSTRAINT TRIGGER territory_read_revision AFTER INSERT OR UPDATE OR DELETE ON territory
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION read_revision_bump();
