package fr.territoires.funding.envelope;

import static fr.territoires.funding.FundingFixtures.DB;
import static fr.territoires.funding.FundingFixtures.admin;
import static fr.territoires.funding.FundingFixtures.api;
import static fr.territoires.funding.FundingFixtures.officer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.funding.FundingFixtures;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.SecuredEndpointContract;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class EnvelopeResourceTest extends SecuredEndpointContract {

    @Override
    protected String securedPath() {
        return "/api/funding/envelopes";
    }

    @Test
    void aRegionOpensItsEnvelopeWithYearlyPaymentCeilingsAndItIsAnnounced() {
        String name = "Grand Est industrie " + UUID.randomUUID();
        Map<String, Object> body = Map.of("funder", "REGION", "region", "44", "name", name, "priority", "INNOVATE",
                "scope", "REGION", "scopeRegion", "44", "firstYear", 2025, "lastYear", 2027,
                "ceiling", new BigDecimal("2500000.10"), "yearlyPaymentCeilings", Map.of("2025", 500000, "2026", 1000000));
        String id = api(officer("44")).body(body).when().post("/api/funding/envelopes")
                .then().statusCode(201).body("ceiling", equalTo(new BigDecimal("2500000.10")),
                        "available", equalTo(new BigDecimal("2500000.10")), "yearlyPaymentCeilings.year", contains(2025, 2026))
                .extract().path("id");
        api(TestTokens.partner()).queryParam("q", name).when().get("/api/funding/envelopes")
                .then().statusCode(200).body("total", equalTo(1), "items[0].funder", equalTo("REGION"),
                        "items[0].committed", equalTo(new BigDecimal("0.00")));
        assertEquals(1, DB.count("SELECT count(*) FROM outbox_event WHERE event_key = ? AND event_type = ?", id,
                "fr.territoires.funding.envelope-opened.v1"));
        assertEquals(1, DB.count("SELECT count(*) FROM ledger_entry WHERE envelope_id = ?::uuid AND kind = 'CEILING_SET'", id));

        // Another Region may not open it, nor a national one.
        api(officer("84")).body(body).when().post("/api/funding/envelopes").then().statusCode(403);
        api(officer("44")).body(FundingFixtures.nationalEnvelope("National", "10")).when().post("/api/funding/envelopes")
                .then().statusCode(403);
    }

    @Test
    void inconsistentEnvelopesAreRefusedFieldByField() {
        Map<String, Object> body = new java.util.HashMap<>(FundingFixtures.nationalEnvelope("Bad", "-1"));
        body.put("lastYear", 2020);
        body.put("region", "44");
        api(admin()).body(body).when().post("/api/funding/envelopes")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("ceiling"));
        body.put("ceiling", new BigDecimal("10.123"));
        api(admin()).body(body).when().post("/api/funding/envelopes")
                .then().statusCode(400).body("errors[0].field", equalTo("ceiling"),
                        "errors[0].message", equalTo("must be euros with at most two decimals"));
        body.put("ceiling", 10);
        api(admin()).body(body).when().post("/api/funding/envelopes")
                .then().statusCode(400).body("errors.field", contains("region", "lastYear"));
        Map<String, Object> listed = new java.util.HashMap<>(FundingFixtures.nationalEnvelope("Listed", "10"));
        listed.put("scope", "TERRITORIES");
        api(admin()).body(listed).when().post("/api/funding/envelopes")
                .then().statusCode(400).body("errors[0].field", equalTo("scopeTerritories"));
        assertEquals(0, DB.count("SELECT count(*) FROM envelope WHERE name IN ('Bad', 'Listed')"));
    }

    @Test
    void theCeilingMovesWithAReasonButNeverBelowWhatIsCommitted() {
        UUID id = FundingFixtures.openEnvelope("100000.00");
        DB.rows("UPDATE envelope SET committed = 60000 WHERE id = ?", id); // as if commitments had been made
        api(admin()).body(Map.of("ceiling", new BigDecimal("59999.99"), "reason", "Budget cut"))
                .when().put("/api/funding/envelopes/" + id + "/ceiling")
                .then().statusCode(409).body("errors[0].field", equalTo("ceiling"));
        api(admin()).body(Map.of("ceiling", new BigDecimal("60000.00"), "reason", "Budget cut"))
                .when().put("/api/funding/envelopes/" + id + "/ceiling")
                .then().statusCode(200).body("available", equalTo(new BigDecimal("0.00")));
        api(admin()).body(Map.of("ceiling", 70000)).when().put("/api/funding/envelopes/" + id + "/ceiling")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        List<Map<String, Object>> ledger = DB.rows(
                "SELECT amount, reason FROM ledger_entry WHERE envelope_id = ? ORDER BY id", id);
        assertEquals(List.of(new BigDecimal("100000.00"), new BigDecimal("-40000.00")),
                ledger.stream().map(r -> r.get("amount")).toList());
        assertEquals("Budget cut", ledger.get(1).get("reason"));
        DB.rows("UPDATE envelope SET committed = 0 WHERE id = ?", id);
    }

    @Test
    void aClosedEnvelopeStaysClosed() {
        UUID id = FundingFixtures.openEnvelope("10.00");
        api(admin()).body(Map.of("status", "FROZEN", "reason", "Audit")).when().put("/api/funding/envelopes/" + id + "/status")
                .then().statusCode(200).body("status", equalTo("FROZEN"));
        api(admin()).body(Map.of("status", "CLOSED", "reason", "End")).when().put("/api/funding/envelopes/" + id + "/status")
                .then().statusCode(200);
        api(admin()).body(Map.of("status", "OPEN", "reason", "Again")).when().put("/api/funding/envelopes/" + id + "/status")
                .then().statusCode(409);
        assertEquals(List.of("fr.territoires.funding.envelope-opened.v1", "fr.territoires.funding.envelope-changed.v1",
                "fr.territoires.funding.envelope-closed.v1"), DB.rows(
                        "SELECT event_type FROM outbox_event WHERE event_key = ? ORDER BY id", id.toString()).stream()
                .map(r -> r.get("event_type")).toList());
    }

    @Test
    void readinessCoversTheDatabaseAndTheBackboneNotKafka() {
        // Kafka is not a readiness check: no request needs it (docs/decisions.md #17, KafkaOutageUnderLoadTest).
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check", "Event backbone"),
                        "checks.name", org.hamcrest.Matchers.not(hasItems("Kafka connection health check")));
    }
}
