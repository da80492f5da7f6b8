package fr.territoires.funding.application;

import static fr.territoires.funding.FundingFixtures.DB;
import static fr.territoires.funding.FundingFixtures.admin;
import static fr.territoires.funding.FundingFixtures.api;
import static fr.territoires.funding.FundingFixtures.committed;
import static fr.territoires.funding.FundingFixtures.manager;
import static fr.territoires.funding.FundingFixtures.officer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.funding.FundingFixtures;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** From an application to its last payment: the money rules, who may do what, events and the ledger. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class FundingFlowTest {

    private static List<String> fundingEvents(String territory) {
        return DB.rows("SELECT event_type FROM outbox_event WHERE event_key = ? ORDER BY id", territory).stream()
                .map(r -> ((String) r.get("event_type")).replace("fr.territoires.funding.", "")).toList();
    }

    @Test
    void anApprovedApplicationIsCommittedPaidAndTraceableToTheCent() {
        String territory = FundingFixtures.labelledInGrandEst();
        UUID state = FundingFixtures.openEnvelope("1000000.00");
        UUID region = FundingFixtures.openEnvelope(Map.of("funder", "REGION", "region", "44", "name", "Région " + UUID.randomUUID(),
                "priority", "RECRUIT", "scope", "REGION", "scopeRegion", "44", "firstYear", FundingFixtures.FIRST_YEAR, "lastYear", FundingFixtures.LAST_YEAR,
                "ceiling", new BigDecimal("50000.00")));
        Map<UUID, String> plan = new LinkedHashMap<>();
        plan.put(state, "85000.00");
        plan.put(region, "25000.00");

        // The territory's manager prepares and submits; the Region reviews. Each funder decides its own
        // line (MoneyRules): the Region approves less on its envelope, the programme team the State's.
        String id = api(manager(territory)).body(FundingFixtures.application(territory, new BigDecimal("140000.00"), true, plan))
                .when().post("/api/funding/applications")
                .then().statusCode(201).body("status", equalTo("DRAFT"), "requested", equalTo(new BigDecimal("110000.00")))
                .extract().path("id");
        api(manager(territory)).when().post("/api/funding/applications/" + id + "/submission")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        api(manager(territory)).when().post("/api/funding/applications/" + id + "/review").then().statusCode(403);
        api(officer("84")).when().post("/api/funding/applications/" + id + "/review").then().statusCode(403);
        api(officer("44")).when().post("/api/funding/applications/" + id + "/review")
                .then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        api(officer("44")).header("Idempotency-Key", "approve-" + id)
                .body(Map.of("decision", "APPROVED", "approved", List.of(
                        Map.of("envelopeId", region.toString(), "amount", new BigDecimal("20000.00")))))
                .when().post("/api/funding/applications/" + id + "/decision")
                .then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        api(admin()).header("Idempotency-Key", "approve-state-" + id)
                .body(Map.of("decision", "APPROVED", "approved", List.of(
                        Map.of("envelopeId", state.toString(), "amount", new BigDecimal("85000.00")))))
                .when().post("/api/funding/applications/" + id + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED"), "approved", equalTo(new BigDecimal("105000.00")));
        assertEquals(new BigDecimal("85000.00"), committed(state));
        assertEquals(new BigDecimal("20000.00"), committed(region));

        String commitment = api(TestTokens.partner()).queryParam("application", id).when().get("/api/funding/commitments")
                .then().statusCode(200).body("size()", equalTo(2)).extract().path("find { it.envelopeId == '" + state + "' }.id");

        // Advance (30% at most), instalment, a clawback, then the balance settles and releases the rest:
        // the State's money, moved by the programme team.
        String pay = "/api/funding/commitments/" + commitment + "/payments";
        api(admin()).body(Map.of("kind", "ADVANCE", "amount", new BigDecimal("25500.01"))).when().post(pay)
                .then().statusCode(409).body("type", equalTo("urn:territoires:problem:advance-above-limit"));
        api(admin()).body(Map.of("kind", "ADVANCE", "amount", new BigDecimal("25500.00"))).when().post(pay)
                .then().statusCode(201);
        String instalment = api(admin()).body(Map.of("kind", "INSTALMENT", "amount", new BigDecimal("40000.00")))
                .when().post(pay).then().statusCode(201).extract().path("id");
        api(admin()).body(Map.of("kind", "INSTALMENT", "amount", new BigDecimal("19500.01"))).when().post(pay)
                .then().statusCode(409).body("type", equalTo("urn:territoires:problem:payment-above-commitment"));
        api(admin()).body(Map.of("amount", new BigDecimal("5000.00"), "reason", "Ineligible expenses at audit"))
                .when().post("/api/funding/payments/" + instalment + "/reversals").then().statusCode(201)
                .body("kind", equalTo("REVERSAL"));
        api(admin()).body(Map.of("kind", "BALANCE", "amount", new BigDecimal("10000.00"), "paidOn", FundingFixtures.today().toString()))
                .when().post(pay).then().statusCode(201);
        api(TestTokens.partner()).when().get("/api/funding/commitments/" + commitment)
                .then().statusCode(200).body("status", equalTo("SETTLED"), "paid", equalTo(new BigDecimal("70500.00")),
                        "amount", equalTo(new BigDecimal("70500.00")), "initialAmount", equalTo(new BigDecimal("85000.00")),
                        "payments.kind", contains("ADVANCE", "INSTALMENT", "REVERSAL", "BALANCE"));
        assertEquals(new BigDecimal("70500.00"), committed(state), "the unpaid 14,500 € went back to the envelope");
        api(admin()).body(Map.of("kind", "INSTALMENT", "amount", 1)).when().post(pay)
                .then().statusCode(409).body("type", equalTo("urn:territoires:problem:commitment-not-active"));

        assertEquals(List.of("application-submitted.v1", "funds-committed.v1", "application-decided.v1", "funds-committed.v1",
                "payment-made.v1", "payment-made.v1", "payment-reversed.v1", "payment-made.v1", "funds-decommitted.v1"),
                fundingEvents(territory));
        api(admin()).when().get("/api/funding/ledger/check")
                .then().statusCode(200).body("consistent", equalTo(true), "differences.size()", equalTo(0));
        api(admin()).when().get("/api/funding/ledger/envelopes/" + state)
                .then().statusCode(200).body("kind", contains("CEILING_SET", "COMMITTED", "PAID", "PAID", "REVERSED", "PAID",
                        "DECOMMITTED"));
    }

    @Test
    void anApplicationIsReadBackInTheShapeItIsSentAndTheFirstPublishedShapeIsStillAccepted() {
        String territory = FundingFixtures.labelledInGrandEst();
        UUID envelope = FundingFixtures.openEnvelope("100000.00");
        api(admin()).body(FundingFixtures.application(territory, new BigDecimal("100000.00"), false,
                Map.of(envelope, "2400.50")))
                .when().post("/api/funding/applications")
                .then().statusCode(201)
                .body("plan[0].envelopeId", equalTo(envelope.toString()), "plan[0].requested", equalTo(new BigDecimal("2400.50")));
        Map<String, Object> legacy = FundingFixtures.application(territory, new BigDecimal("100000.00"), false, Map.of());
        legacy.remove("plan");
        legacy.put("requested", List.of(Map.of("envelopeId", envelope.toString(), "amount", new BigDecimal("1000.00"))));
        api(admin()).body(legacy).when().post("/api/funding/applications")
                .then().statusCode(201)
                .body("plan[0].envelopeId", equalTo(envelope.toString()), "plan[0].requested", equalTo(new BigDecimal("1000.00")));
    }

    @Test
    void badApplicationsAreRefusedAndNothingIsStored() {
        String territory = FundingFixtures.labelledInGrandEst();
        UUID envelope = FundingFixtures.openEnvelope("100000.00");
        long before = DB.count("SELECT count(*) FROM application");
        Map<String, Object> tooMuch = FundingFixtures.application(territory, new BigDecimal("100000.00"), true,
                Map.of(envelope, "80000.01"));
        api(admin()).body(tooMuch).when().post("/api/funding/applications")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("plan"));
        Map<String, Object> negative = FundingFixtures.application(territory, new BigDecimal("100000.00"), false,
                Map.of(envelope, "-5"));
        api(admin()).body(negative).when().post("/api/funding/applications")
                .then().statusCode(400).body("errors[0].field", equalTo("plan[0].requested"));
        Map<String, Object> cents = FundingFixtures.application(territory, new BigDecimal("100000.001"), false,
                Map.of(envelope, "5"));
        api(admin()).body(cents).when().post("/api/funding/applications")
                .then().statusCode(400).body("errors[0].field", equalTo("eligibleCost"));
        api(admin()).body(FundingFixtures.application(territory, 1000, false, Map.of(UUID.randomUUID(), "5")))
                .when().post("/api/funding/applications")
                .then().statusCode(400).body("errors[0].field", equalTo("plan[0].envelopeId"));
        api(admin()).body(FundingFixtures.application("ti-unknown", 1000, false, Map.of(envelope, "5")))
                .when().post("/api/funding/applications")
                .then().statusCode(400).body("errors[0].field", equalTo("territory"));
        Map<String, Object> badSiret = FundingFixtures.application(territory, 1000, false, Map.of(envelope, "5"));
        badSiret.put("owner", Map.of("siret", "55208131766523", "name", "X", "localAuthority", false));
        api(admin()).body(badSiret).when().post("/api/funding/applications")
                .then().statusCode(400).body("errors[0].field", equalTo("owner.siret"));
        String left = FundingFixtures.territory("LEFT", FundingFixtures.GRAND_EST_COMMUNES);
        api(admin()).body(FundingFixtures.application(left, 1000, false, Map.of(envelope, "5")))
                .when().post("/api/funding/applications")
                .then().statusCode(409).body("type", equalTo("urn:territoires:problem:territory-not-eligible"));
        api(manager("ti-other")).body(FundingFixtures.application(territory, 1000, false, Map.of(envelope, "5")))
                .when().post("/api/funding/applications").then().statusCode(403);
        api(TestTokens.partner()).body(FundingFixtures.application(territory, 1000, false, Map.of(envelope, "5")))
                .when().post("/api/funding/applications").then().statusCode(403);
        assertEquals(before, DB.count("SELECT count(*) FROM application"));
    }

    @Test
    void decisionsFollowTheWorkflowAndARefusedApprovalCommitsNothing() {
        String territory = FundingFixtures.labelledInGrandEst();
        UUID small = FundingFixtures.openEnvelope("1000.00");
        UUID large = FundingFixtures.openEnvelope("100000.00");
        Map<UUID, String> plan = new LinkedHashMap<>();
        plan.put(large, "5000.00");
        plan.put(small, "2000.00");
        UUID id = FundingFixtures.underReview(FundingFixtures.application(territory, new BigDecimal("20000.00"), false, plan));
        // The small envelope cannot take 2,000 €: the whole approval is refused, the large one commits nothing either.
        api(admin()).body(Map.of("decision", "APPROVED")).when().post("/api/funding/applications/" + id + "/decision")
                .then().statusCode(409).body("type", equalTo("urn:territoires:problem:envelope-exhausted"));
        assertEquals(new BigDecimal("0.00"), committed(large));
        api(admin()).body(Map.of("decision", "APPROVED", "plan", List.of(Map.of("envelopeId", small.toString(),
                "approved", new BigDecimal("2000.01"))))).when().post("/api/funding/applications/" + id + "/decision")
                .then().statusCode(400).body("errors[0].field", equalTo("plan[0].approved"));
        // The first published shape of a decision is still understood.
        api(admin()).body(Map.of("decision", "APPROVED", "approved", List.of(Map.of("envelopeId", small.toString(),
                "amount", new BigDecimal("2000.01"))))).when().post("/api/funding/applications/" + id + "/decision")
                .then().statusCode(400).body("errors[0].field", equalTo("plan[0].approved"));
        api(admin()).body(Map.of("decision", "REJECTED")).when().post("/api/funding/applications/" + id + "/decision")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        api(admin()).body(Map.of("decision", "WITHDRAWN")).when().post("/api/funding/applications/" + id + "/decision")
                .then().statusCode(400).body("errors[0].field", equalTo("decision"));
        api(admin()).body(Map.of("decision", "REJECTED", "reason", "Not industrial"))
                .when().post("/api/funding/applications/" + id + "/decision")
                .then().statusCode(200).body("status", equalTo("REJECTED"), "decisionReason", equalTo("Not industrial"));
        api(admin()).body(Map.of("decision", "APPROVED")).when().post("/api/funding/applications/" + id + "/decision")
                .then().statusCode(409).body("type", equalTo("urn:territoires:problem:status-transition-not-allowed"));
        assertEquals(0, DB.count("SELECT count(*) FROM commitment WHERE application_id = ?", id));
    }

    @Test
    void aRetriedApprovalWithTheSameKeyCommitsOnce() {
        String territory = FundingFixtures.labelledInGrandEst();
        UUID envelope = FundingFixtures.openEnvelope("100000.00");
        UUID id = FundingFixtures.underReview(FundingFixtures.application(territory, new BigDecimal("20000.00"), false,
                Map.of(envelope, "10000.00")));
        String first = api(admin()).header("Idempotency-Key", "retry-" + id).body(Map.of("decision", "APPROVED"))
                .when().post("/api/funding/applications/" + id + "/decision")
                .then().statusCode(200).extract().asString();
        String again = api(admin()).header("Idempotency-Key", "retry-" + id).body(Map.of("decision", "APPROVED"))
                .when().post("/api/funding/applications/" + id + "/decision")
                .then().statusCode(200).header("Idempotent-Replayed", "true").extract().asString();
        assertEquals(first, again);
        assertEquals(new BigDecimal("10000.00"), committed(envelope));
        assertEquals(1, DB.count("SELECT count(*) FROM commitment WHERE application_id = ?", id));
        api(admin()).header("Idempotency-Key", "retry-" + id).body(Map.of("decision", "REJECTED", "reason", "Other"))
                .when().post("/api/funding/applications/" + id + "/decision")
                .then().statusCode(422).body("type", equalTo("urn:territoires:problem:idempotency-key-reused"));
        api(admin()).header("Idempotency-Key", "not a key!").body(Map.of("decision", "APPROVED"))
                .when().post("/api/funding/applications/" + id + "/decision")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));

        String commitment = DB.rows("SELECT id::text AS id FROM commitment WHERE application_id = ?", id).get(0).get("id")
                .toString();
        for (int i = 0; i < 2; i++) {
            api(admin()).header("Idempotency-Key", "advance-" + commitment).body(Map.of("kind", "ADVANCE", "amount", 3000))
                    .when().post("/api/funding/commitments/" + commitment + "/payments").then().statusCode(201);
        }
        assertEquals(1, DB.count("SELECT count(*) FROM payment WHERE commitment_id = ?::uuid", commitment));
    }

    @Test
    void applicationsAreListedByTheCallersScope() {
        String territory = FundingFixtures.labelledInGrandEst();
        UUID envelope = FundingFixtures.openEnvelope("100000.00");
        UUID id = FundingFixtures.underReview(FundingFixtures.application(territory, 1000, false, Map.of(envelope, "100")));
        api(officer("44")).queryParam("territory", territory).when().get("/api/funding/applications")
                .then().statusCode(200).body("items.id", contains(id.toString()), "items[0].territoryLeft", equalTo(false));
        api(officer("84")).queryParam("territory", territory).when().get("/api/funding/applications")
                .then().statusCode(200).body("total", equalTo(0));
        api(manager(territory)).when().get("/api/funding/applications")
                .then().statusCode(200).body("items.territory", hasItems(territory));
        api(TestTokens.user("company").roles("company").siren("552081317").token()).when().get("/api/funding/applications")
                .then().statusCode(403);
    }
}
