package fr.territoires.funding.access;

import fr.territoires.commons.time.BusinessDates;
import static fr.territoires.funding.FundingFixtures.DB;
import static fr.territoires.funding.FundingFixtures.admin;
import static fr.territoires.funding.FundingFixtures.api;
import static fr.territoires.funding.FundingFixtures.committed;
import static fr.territoires.funding.FundingFixtures.officer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.funding.FundingFixtures;
import fr.territoires.funding.envelope.MoneyRules;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's findings on public money, each as a regression: who may move which money
 * (MoneyRules), payment dates and yearly ceilings, and what a company may read of funding.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class HostileCallerFundingTest {

    /** Today as the services see it: in Paris (BusinessDates), not in the JVM's zone. */
    private static final BusinessDates DATES = new BusinessDates();

    private static final String DECISION = "/api/funding/applications/%s/decision";

    private static long outbox(String territory) {
        return DB.count("SELECT count(*) FROM outbox_event WHERE event_key = ?", territory);
    }

    private static UUID regionEnvelope(String region, String scope, String territory, String ceiling) {
        Map<String, Object> body = new HashMap<>(Map.of("funder", "REGION", "region", region, "name",
                "Région " + region + " " + UUID.randomUUID(), "priority", "RECRUIT", "firstYear", 2024, "lastYear", 2030,
                "ceiling", new BigDecimal(ceiling)));
        if (scope.equals("REGION")) {
            body.put("scope", "REGION");
            body.put("scopeRegion", region);
        } else {
            body.put("scope", "TERRITORIES");
            body.put("scopeTerritories", List.of(territory));
        }
        return FundingFixtures.openEnvelope(body);
    }

    private static String commitment(UUID application, UUID envelope) {
        return DB.rows("SELECT id::text AS id FROM commitment WHERE application_id = ? AND envelope_id = ?", application,
                envelope).get(0).get("id").toString();
    }

    /** A State-funded application approved by the programme team: its commitment. */
    private static String stateCommitment(String territory, UUID state) {
        UUID id = FundingFixtures.underReview(FundingFixtures.application(territory, new BigDecimal("100000.00"), false,
                Map.of(state, "50000.00")));
        api(admin()).body(Map.of("decision", "APPROVED")).when().post(DECISION.formatted(id)).then().statusCode(200);
        return commitment(id, state);
    }

    @Test
    void aRegionsOfficerCannotApproveAnApplicationDrawingOnTheStatesEnvelope() {
        String territory = FundingFixtures.labelledInGrandEst();
        UUID state = FundingFixtures.openEnvelope("1000000.00");
        UUID id = FundingFixtures.underReview(FundingFixtures.application(territory, new BigDecimal("100000.00"), false,
                Map.of(state, "50000.00")));
        long events = outbox(territory);
        api(officer("44")).body(Map.of("decision", "APPROVED")).when().post(DECISION.formatted(id))
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:territoires:problem:envelope-not-yours"), "detail", containsString(state.toString()));
        api(officer("44")).body(Map.of("decision", "APPROVED", "approved", List.of(Map.of("envelopeId", state.toString(),
                "amount", 1000)))).when().post(DECISION.formatted(id))
                .then().statusCode(403).body("detail", containsString(state.toString()));
        api(officer("44")).body(Map.of("decision", "REJECTED", "reason", "Not ours but we try"))
                .when().post(DECISION.formatted(id)).then().statusCode(403);
        assertEquals(new BigDecimal("0.00"), committed(state));
        assertEquals(events, outbox(territory), "nothing published");
        api(admin()).when().get("/api/funding/applications/" + id).then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
    }

    @Test
    void eachLineOfAMultiFunderPlanIsDecidedByTheOwnerOfItsEnvelope() {
        // Pont-à-Mousson (Grand Est, 44) and Bourg-en-Bresse (Auvergne-Rhône-Alpes, 84).
        String border = FundingFixtures.territory("LABELLED", List.of("54431", "01053"));
        UUID grandEst = regionEnvelope("44", "REGION", border, "100000.00");
        UUID aura = regionEnvelope("84", "REGION", border, "100000.00");
        UUID state = FundingFixtures.openEnvelope("1000000.00");
        Map<UUID, String> plan = new LinkedHashMap<>();
        plan.put(grandEst, "10000.00");
        plan.put(aura, "5000.00");
        plan.put(state, "20000.00");
        UUID id = FundingFixtures.underReview(FundingFixtures.application(border, new BigDecimal("100000.00"), false, plan));

        // Another Region's money, named in the decision: refused, naming the envelope; nothing committed.
        api(officer("44")).body(Map.of("decision", "APPROVED", "approved", List.of(
                        Map.of("envelopeId", grandEst.toString(), "amount", 10000),
                        Map.of("envelopeId", aura.toString(), "amount", 5000))))
                .when().post(DECISION.formatted(id)).then().statusCode(403)
                .body("detail", containsString(aura.toString()), "errors[0].field", equalTo("plan[1].envelopeId"));
        assertEquals(new BigDecimal("0.00"), committed(grandEst));
        // The programme team does not commit a Region's money either.
        api(admin()).body(Map.of("decision", "APPROVED", "approved", List.of(Map.of("envelopeId", aura.toString(),
                "amount", 5000)))).when().post(DECISION.formatted(id)).then().statusCode(403);

        api(officer("44")).body(Map.of("decision", "APPROVED")).when().post(DECISION.formatted(id))
                .then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        api(officer("44")).body(Map.of("decision", "APPROVED")).when().post(DECISION.formatted(id))
                .then().statusCode(409).body("type", equalTo("urn:territoires:problem:lines-already-decided"));
        api(officer("84")).body(Map.of("decision", "REJECTED", "reason", "late")).when().post(DECISION.formatted(id))
                .then().statusCode(409).body("type", equalTo("urn:territoires:problem:application-partly-decided"));
        api(officer("84")).body(Map.of("decision", "APPROVED", "approved", List.of(Map.of("envelopeId", aura.toString(),
                "amount", 4000)))).when().post(DECISION.formatted(id)).then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        api(admin()).body(Map.of("decision", "APPROVED")).when().post(DECISION.formatted(id))
                .then().statusCode(200).body("status", equalTo("APPROVED"), "approved", equalTo(new BigDecimal("34000.00")));
        assertEquals(new BigDecimal("10000.00"), committed(grandEst));
        assertEquals(new BigDecimal("4000.00"), committed(aura));
        assertEquals(new BigDecimal("20000.00"), committed(state));
        assertEquals(1, DB.count("SELECT count(*) FROM outbox_event WHERE event_key = ? AND event_type LIKE '%application-decided%'",
                border), "decided once, when every line is");
    }

    @Test
    void aRegionsOfficerCannotPayReleaseOrTakeBackTheStatesMoney() {
        String territory = FundingFixtures.labelledInGrandEst();
        UUID state = FundingFixtures.openEnvelope("1000000.00");
        String commitment = stateCommitment(territory, state);
        String payment = api(admin()).body(Map.of("kind", "ADVANCE", "amount", 1000))
                .when().post("/api/funding/commitments/" + commitment + "/payments").then().statusCode(201).extract().path("id");
        long payments = DB.count("SELECT count(*) FROM payment");
        api(officer("44")).body(Map.of("kind", "INSTALMENT", "amount", 1000))
                .when().post("/api/funding/commitments/" + commitment + "/payments")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString(state.toString()));
        api(officer("44")).body(Map.of("amount", 1000, "reason", "x"))
                .when().post("/api/funding/commitments/" + commitment + "/decommitments").then().statusCode(403);
        api(officer("44")).body(Map.of("amount", 500, "reason", "x"))
                .when().post("/api/funding/payments/" + payment + "/reversals").then().statusCode(403);
        assertEquals(payments, DB.count("SELECT count(*) FROM payment"));
        assertEquals(new BigDecimal("50000.00"), committed(state));
    }

    @Test
    void aPaymentDatedOutsideTheEnvelopesFiscalYearsOrAheadIsRefused() {
        String territory = FundingFixtures.labelledInGrandEst();
        UUID state = FundingFixtures.openEnvelope("1000000.00");
        String pay = "/api/funding/commitments/" + stateCommitment(territory, state) + "/payments";
        long payments = DB.count("SELECT count(*) FROM payment");
        for (String on : List.of("2019-06-01", "2031-01-01", "9999-12-31", "0001-01-01", DATES.today().plusDays(1).toString())) {
            api(admin()).body(Map.of("kind", "INSTALMENT", "amount", 100, "paidOn", on)).when().post(pay)
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("paidOn"));
        }
        assertEquals(payments, DB.count("SELECT count(*) FROM payment"));
    }

    @Test
    void aYearWithoutACpLineIsNotUnlimited() {
        String territory = FundingFixtures.labelledInGrandEst();
        int year = DATES.fiscalYear();
        Map<String, Object> body = FundingFixtures.nationalEnvelope("CP " + UUID.randomUUID(), "1000000.00");
        body.put("yearlyPaymentCeilings", Map.of(String.valueOf(year), 100000));
        UUID envelope = FundingFixtures.openEnvelope(body);
        String pay = "/api/funding/commitments/" + stateCommitment(territory, envelope) + "/payments";
        api(admin()).body(Map.of("kind", "INSTALMENT", "amount", 100, "paidOn", (year - 1) + "-06-01")).when().post(pay)
                .then().statusCode(409).body("type", equalTo("urn:territoires:problem:payment-ceiling-reached"));
        api(admin()).body(Map.of("kind", "INSTALMENT", "amount", 100)).when().post(pay).then().statusCode(201);
    }

    @Test
    void aCompanyReadsNothingOfFunding() {
        UUID envelope = FundingFixtures.openEnvelope("1000.00");
        String company = TestTokens.user("company").roles("company").siren("552081317").token();
        for (String path : List.of("/api/funding/envelopes", "/api/funding/envelopes/" + envelope, "/api/funding/territories")) {
            api(company).when().get(path).then().statusCode(403).contentType("application/problem+json");
            api(TestTokens.partner()).when().get(path).then().statusCode(200);
        }
    }

    /** A misspelt or invented field is refused and named, never silently dropped: nothing is stored. */
    @Test
    void anUnknownFieldIsRefusedAndNamed() {
        Map<String, Object> envelope = FundingFixtures.nationalEnvelope("Unknown field " + UUID.randomUUID(), "1000.00");
        envelope.put("ceilling", new BigDecimal("9999999.00"));
        long before = DB.count("SELECT count(*) FROM envelope");
        api(admin()).body(envelope).when().post("/api/funding/envelopes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("ceilling"), "errors[0].message", equalTo("is not a field of this request"));
        UUID id = FundingFixtures.openEnvelope("1000.00");
        api(admin()).body(Map.of("ceiling", new BigDecimal("2000.00"), "reason", "More", "approvedBy", "me"))
                .when().put("/api/funding/envelopes/" + id + "/ceiling")
                .then().statusCode(400).body("errors[0].field", equalTo("approvedBy"));
        assertEquals(before + 1, DB.count("SELECT count(*) FROM envelope"));
        assertEquals(new BigDecimal("1000.00"), DB.rows("SELECT ceiling FROM envelope WHERE id = ?", id).get(0).get("ceiling"));
    }

    /** A Region's officer lists the applications of its Region's territories only (by their perimeter today). */
    @Test
    void aRegionsOfficerListsOnlyItsRegionsApplications() {
        UUID envelope = FundingFixtures.openEnvelope("100000.00");
        String grandEst = FundingFixtures.labelledInGrandEst();
        String oyonnax = FundingFixtures.territory("LABELLED", List.of("01283"));
        for (String territory : List.of(grandEst, oyonnax)) {
            api(admin()).body(FundingFixtures.application(territory, 1000, false, Map.of(envelope, "100")))
                    .when().post("/api/funding/applications").then().statusCode(201);
        }
        api(officer("44")).queryParam("territory", grandEst).when().get("/api/funding/applications")
                .then().statusCode(200).body("total", equalTo(1));
        api(officer("44")).queryParam("territory", oyonnax).when().get("/api/funding/applications")
                .then().statusCode(200).body("total", equalTo(0));
        api(officer("84")).queryParam("territory", oyonnax).when().get("/api/funding/applications")
                .then().statusCode(200).body("total", equalTo(1));
    }
}
