-- One approval as funding-service runs it (its statements, in its order, read off PostgreSQL's statement log of a
-- real approval on 2026-12-07), replayed by pgbench: no HTTP, no Java, no relay, no consumer. PICK is the sequence.
SELECT app AS app, env AS env, territory AS t FROM pick WHERE n = (SELECT nextval('PICK')) \gset
BEGIN;
SELECT id, status, territory_code, eligible_cost, version FROM application WHERE id = :app FOR UPDATE;
SELECT t.code, t.name, t.status, t.pilot, coalesce(array_to_string(cur.epcis, ','), ''), coalesce(array_to_string(cur.communes, ','), '') FROM territory t LEFT JOIN LATERAL (SELECT p.epcis, p.communes FROM territory_perimeter p WHERE p.territory_code = t.code AND p.effective_on <= current_date ORDER BY p.effective_on DESC LIMIT 1) cur ON TRUE WHERE t.code IN (:t);
SELECT application_id, envelope_id, approved, requested FROM application_line WHERE application_id = :app ORDER BY envelope_id;
SELECT id, ceiling, committed, first_year, funder, last_year, name, opened_by, paid, priority, region, scope, scope_region, scope_territories, status, version FROM envelope WHERE id IN (:env);
UPDATE application SET decided_at = now(), decided_by = 'admin.programme', status = 'APPROVED', updated_at = now(), version = version + 1 WHERE id = :app AND version = 0;
UPDATE application_line SET approved = 10000, requested = 10000 WHERE application_id = :app AND envelope_id = :env;
SELECT id, name, funder, region, priority, scope, scope_region, array_to_string(scope_territories, ','), first_year, last_year, ceiling, committed, paid, status FROM envelope WHERE id IN (:env) ORDER BY id;
INSERT INTO commitment (amount, application_id, committed_on, envelope_id, initial_amount, paid, status, territory_code, version, id) VALUES (10000, :app, current_date, :env, 10000, 0, 'ACTIVE', :t, 0, gen_random_uuid());
INSERT INTO ledger_entry (actor, kind, envelope_id, commitment_id, payment_id, fiscal_year, amount, reason) VALUES ('admin.programme', 'COMMITTED', :env, NULL, NULL, NULL, 10000, 'Application approved: Floor');
WITH guard AS (UPDATE envelope SET committed = committed + 10000, version = version + 1 WHERE id IN (:env) AND status = 'OPEN' AND committed + 10000 <= ceiling RETURNING id, committed), written AS (INSERT INTO outbox_event (event_id, topic, event_key, event_type, source, occurred_at, payload, correlation_id, trace_parent) SELECT gen_random_uuid(), 'funding.events', :t, v.type, '/territoires/funding-service', now(), v.payload, NULL, '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' FROM floor_payload v WHERE EXISTS (SELECT 1 FROM guard) ORDER BY v.position RETURNING 1) SELECT guard.*, (SELECT count(*) FROM written) FROM guard;
COMMIT;
