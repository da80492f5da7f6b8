package fr.territoires.funding.application;

import static fr.territoires.funding.FundingFixtures.DB;
import static fr.territoires.funding.FundingFixtures.admin;
import static fr.territoires.funding.FundingFixtures.api;
import static fr.territoires.funding.FundingFixtures.committed;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.funding.FundingFixtures;
import fr.territoires.testing.RawHttp;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The core promise under load: 200 approvals of 10,000 € sent at once against a 1,000,000 €
 * envelope. Exactly 100 commit; the others get a 409 problem; the envelope holds exactly its ceiling.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ConcurrentApprovalsTest {

    @TestHTTPResource("/api/funding/applications/")
    URL applications;

    @Test
    void twoHundredSimultaneousApprovalsNeverOverCommit() {
        String territory = FundingFixtures.labelledInGrandEst();
        UUID envelope = FundingFixtures.openEnvelope("1000000.00");
        // 200 applications under review, written directly (their workflow is tested elsewhere).
        List<UUID> ids = underReview(territory, envelope, 200);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String token = admin();
        List<CompletableFuture<HttpResponse<String>>> calls = ids.stream().map(id -> send(http, token,
                applications + id.toString() + "/decision", "{\"decision\":\"APPROVED\"}", "load-" + id)).toList();
        Map<Integer, Long> byStatus = calls.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));

        assertEquals(Map.of(200, 100L, 409, 100L), byStatus);
        assertEquals(new BigDecimal("1000000.00"), committed(envelope));
        assertEquals(100, DB.count("SELECT count(*) FROM commitment WHERE envelope_id = ?", envelope));
        assertEquals(100, DB.count("SELECT count(*) FROM application WHERE territory_code = ? AND status = 'APPROVED'",
                territory));
        assertEquals(100, DB.count("SELECT count(*) FROM application WHERE territory_code = ? AND status = 'UNDER_REVIEW'",
                territory), "a refused approval leaves its application as it was");
        assertEquals(1, DB.count("SELECT count(*) FROM outbox_event WHERE event_key = ? AND event_type = ?",
                envelope.toString(), "fr.territoires.funding.envelope-exhausted.v1"));
        api(admin()).when().get("/api/funding/ledger/check").then().statusCode(200).body("consistent", equalTo(true));
    }

    /**
     * Approvals and decommitments on one envelope of one territory at once. An approval used to take the
     * territory's event lock before the envelope's row, a decommitment the envelope's first: two such
     * transactions could deadlock, and PostgreSQL would abort one. Every movement now takes the envelope
     * first and the event key last.
     */
    @Test
    void approvalsAndDecommitmentsOnOneEnvelopeAtOnceAllGoThrough() {
        String territory = FundingFixtures.labelledInGrandEst();
        UUID envelope = FundingFixtures.openEnvelope("10000000.00");
        List<UUID> approved = underReview(territory, envelope, 30);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String token = admin();
        approved.forEach(id -> assertEquals(200, send(http, token, applications + id.toString() + "/decision",
                "{\"decision\":\"APPROVED\"}", "first-" + id).join().statusCode()));
        List<String> commitments = DB.rows("SELECT id FROM commitment WHERE envelope_id = ? ORDER BY id", envelope).stream()
                .map(r -> r.get("id").toString()).toList();
        List<UUID> toApprove = underReview(territory, envelope, 30);

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(send(http, token, applications + toApprove.get(i).toString() + "/decision",
                    "{\"decision\":\"APPROVED\"}", "race-" + toApprove.get(i)));
            calls.add(send(http, token, applications.toString().replace("applications/", "commitments/")
                    + commitments.get(i) + "/decommitments", "{\"amount\":1000,\"reason\":\"Devis révisé\"}",
                    "release-" + commitments.get(i)));
        }
        Map<Integer, Long> byStatus = calls.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));

        assertEquals(Map.of(200, 60L), byStatus);
        // 60 approvals of 10,000 €, 30 releases of 1,000 €.
        assertEquals(new BigDecimal("570000.00"), committed(envelope));
        api(admin()).when().get("/api/funding/ledger/check").then().statusCode(200).body("consistent", equalTo(true));
    }

    /**
     * A caller that hangs up right after sending its approval (a closed browser tab, a proxy's timeout) does not
     * cancel it halfway: a write that reached the service runs to its commit or its refusal (issue #16: when
     * wrk closed its connections, cancelled approvals logged Hibernate Reactive's "HHH000099 possible
     * non-threadsafe access to the session" and "HR000090 live transaction" as they were rolled back).
     */
    @Test
    void approvalsWhoseCallersHangUpAreMadeWhole() throws Exception {
        String territory = FundingFixtures.labelledInGrandEst();
        UUID envelope = FundingFixtures.openEnvelope("1000000.00");
        List<UUID> ids = underReview(territory, envelope, 12);
        String token = admin();
        byte[] body = "{\"decision\":\"APPROVED\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (UUID id : ids) {
            try (RawHttp caller = new RawHttp()) {
                caller.head("POST " + applications.getPath() + id + "/decision HTTP/1.1", "Authorization: Bearer " + token,
                        "Content-Type: application/json", "Content-Length: " + body.length);
                caller.send(body);
            } // closed before any answer
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (approved(territory) < ids.size() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(ids.size(), approved(territory), "every approval sent is made, though its caller hung up");
        assertEquals(new BigDecimal("120000.00"), committed(envelope));
        assertEquals(ids.size(), DB.count("SELECT count(*) FROM commitment WHERE envelope_id = ?", envelope));
        api(admin()).when().get("/api/funding/ledger/check").then().statusCode(200).body("consistent", equalTo(true));
    }

    private static long approved(String territory) {
        return DB.count("SELECT count(*) FROM application WHERE territory_code = ? AND status = 'APPROVED'", territory);
    }

    private static List<UUID> underReview(String territory, UUID envelope, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            DB.rows("""
                    INSERT INTO application (id, territory_code, owner_siret, owner_name, owner_local_authority, title,
                        eligible_cost, status, created_by, submitted_at)
                    VALUES (?, ?, '55208131766522', 'Exemple Industries', false, ?, 20000, 'UNDER_REVIEW', 'test', now());
                    INSERT INTO application_line (application_id, envelope_id, requested) VALUES (?, ?, 10000)""",
                    id, territory, "Project " + i, id, envelope);
        }
        return ids;
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpClient http, String token, String url, String body,
            String key) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
