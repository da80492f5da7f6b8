-- The approval floor's data, on a scratch copy of funding-service's schema (bench/floors.sh applies the
-- migrations first): 50 labelled territories, 51 envelopes of 1,000,000,000,000 € (none refuses for lack of
-- money), 60,000 applications under review on one envelope and one territory (the series 1…60,000) and
-- 60,000 spread round robin on the 50 other envelopes and territories (100,001…160,000), one line of 10,000 €
-- each; pick maps a number drawn from a sequence to the application, its envelope and its territory.
INSERT INTO territory (code, name, status, pilot, updated_at, last_event_id)
  SELECT 'ti-f' || lpad(g::text, 3, '0'), 'Floor ' || g, 'LABELLED', false, now(), 'floor' FROM generate_series(1, 50) g;
INSERT INTO territory_perimeter (territory_code, effective_on, epcis, communes, event_id)
  SELECT code, '-infinity', '{}', '{54431}', 'floor' FROM territory;
CREATE TABLE floor_envelope (n int PRIMARY KEY, id uuid NOT NULL);
INSERT INTO floor_envelope SELECT g, gen_random_uuid() FROM generate_series(0, 50) g;
INSERT INTO envelope (id, funder, name, priority, ceiling, status, scope, first_year, last_year, opened_by)
  SELECT id, 'STATE_ANCT', 'Floor ' || n, 'INNOVATE', 1000000000000, 'OPEN', 'NATIONAL', 2024, 2035, 'floor' FROM floor_envelope;
CREATE TABLE pick (n bigint PRIMARY KEY, app uuid NOT NULL, env uuid NOT NULL, territory text NOT NULL);
INSERT INTO pick SELECT g, gen_random_uuid(), (SELECT id FROM floor_envelope WHERE n = 0), 'ti-f001'
  FROM generate_series(1, 60000) g;
INSERT INTO pick SELECT g, gen_random_uuid(), (SELECT id FROM floor_envelope WHERE n = 1 + g % 50),
  'ti-f' || lpad((1 + g % 50)::text, 3, '0') FROM generate_series(100001, 160000) g;
INSERT INTO application (id, territory_code, owner_siret, owner_name, owner_local_authority, title, eligible_cost,
                         status, created_by, submitted_at)
  SELECT app, territory, '55208131766522', 'Floor', false, 'Floor', 20000, 'UNDER_REVIEW', 'floor', now() FROM pick;
INSERT INTO application_line (application_id, envelope_id, requested) SELECT app, env, 10000 FROM pick;
CREATE SEQUENCE pick_one START 1;
CREATE SEQUENCE pick_fifty START 100001;
-- The two events of an approval (application-decided, funds-committed), at the size funding-service writes them.
CREATE TABLE floor_payload (position int PRIMARY KEY, type text NOT NULL, payload text NOT NULL);
INSERT INTO floor_payload VALUES
  (1, 'fr.territoires.funding.application-decided.v1', '{"territory":"ti-f001","applicationId":"784d41e2-c58d-4366-9fcb-3a0196c866a7","decision":"APPROVED","reason":null,"approved":[{"envelopeId":"6ff5cd59-8fe9-4d71-b503-3b99350c6b62","amount":10000.00}],"decidedOn":"2026-12-07"}'),
  (2, 'fr.territoires.funding.funds-committed.v1', '{"territory":"ti-f001","commitmentId":"16a31dd2-1522-487d-a37e-ca4e51a4a3d8","applicationId":"784d41e2-c58d-4366-9fcb-3a0196c866a7","envelopeId":"6ff5cd59-8fe9-4d71-b503-3b99350c6b62","envelopeName":"Floor 1","funder":"STATE_ANCT","priority":"INNOVATE","amount":10000.00,"title":"Floor","actionSheetId":null,"recruitmentNeeds":[],"committedOn":"2026-12-07"}');
ANALYZE territory, territory_perimeter, envelope, pick, application, application_line, floor_payload;
