package fr.territoires.funding.wire;

import static fr.territoires.funding.FundingFixtures.admin;
import static fr.territoires.funding.FundingFixtures.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.funding.FundingFixtures;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Amounts of euros on the wire, read as raw text (a JSON library would hide the difference between
 * {@code 2400.5} and {@code 2400.50}): every amount the funding API writes has exactly two decimals,
 * whatever the client sent and whether or not the value has been through the database (issue 18).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@SuppressWarnings("unchecked")
class MoneyOnTheWireTest {

    @Inject
    ObjectMapper json;

    @Test
    void theServicesOwnMapperWritesEurosWithTwoDecimals() throws Exception {
        // The mapper Quarkus REST, the idempotency store and the outbox all use.
        assertEquals("{\"a\":2400.50,\"b\":0.00}",
                json.writeValueAsString(new java.util.TreeMap<>(Map.of("a", new BigDecimal("2400.5"), "b", BigDecimal.ZERO))));
    }

    @Test
    void theContractSaysSoAndTypesTheAnswersOfEveryOperation() {
        JsonPath doc = io.restassured.RestAssured.given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                        .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        for (String amount : java.util.List.of("EnvelopeView.properties.ceiling", "PaymentView.properties.amount",
                "ApplicationView.properties.requested", "PlanLine.properties.requested")) {
            if (doc.get("components.schemas." + amount) == null) {
                continue; // a schema named otherwise: the loop below still checks every decimal
            }
            assertEquals(0, new BigDecimal("0.01").compareTo(doc.get("components.schemas." + amount + ".multipleOf")), amount);
        }
        Map<String, Map<String, Object>> schemas = doc.getMap("components.schemas");
        schemas.forEach((name, schema) -> {
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
            if (properties != null) {
                properties.forEach((property, p) -> {
                    if ("number".equals(p.get("type")) && p.get("format") == null) {
                        assertEquals(0, new BigDecimal("0.01").compareTo((BigDecimal) p.get("multipleOf")), name + "." + property);
                    }
                });
            }
        });
        // Operations answering a JAX-RS Response declare what they answer (issue 18): 201 and its view.
        assertTrue(doc.getString("paths.'/api/funding/envelopes'.post.responses.'201'.content.'application/json'.schema.$ref")
                .endsWith("/EnvelopeView"));
        assertTrue(doc.getString("paths.'/api/funding/commitments/{id}/payments'.post.responses.'201'.content.'application/json'.schema.$ref")
                .endsWith("/PaymentView"));
        assertTrue(doc.getString("paths.'/api/funding/applications/{id}/decision'.post.responses.'200'.content.'application/json'.schema.$ref")
                .endsWith("/ApplicationView"));
        assertEquals("string", doc.getString("paths.'/api/funding/reports/scdl'.get.responses.'200'.content.'text/csv'.schema.type"));
    }

    @Test
    void envelopeApplicationPlanCommitmentAndPaymentCarryTwoDecimals() {
        String envelopeJson = """
                {"funder":"STATE_ANCT","name":"Wire %s","priority":"INNOVATE","scope":"NATIONAL",
                 "firstYear":%d,"lastYear":%d,"ceiling":100000.5,"yearlyPaymentCeilings":{"%d":50000}}"""
                .formatted(java.util.UUID.randomUUID(), FundingFixtures.FIRST_YEAR, FundingFixtures.LAST_YEAR,
                        FundingFixtures.today().getYear());
        String created = api(admin()).body(envelopeJson).when().post("/api/funding/envelopes")
                .then().statusCode(201)
                .body(containsString("\"ceiling\":100000.50"), containsString("\"committed\":0.00"),
                        containsString("\"available\":100000.50"), containsString("\"ceiling\":50000.00"))
                .extract().asString();
        String envelope = JsonPath.from(created).getString("id");
        api(TestTokens.partner()).when().get("/api/funding/envelopes/" + envelope)
                .then().statusCode(200)
                .body(containsString("\"ceiling\":100000.50"), containsString("\"paid\":0.00"), not(containsString(".0,")));
        api(TestTokens.partner()).queryParam("q", JsonPath.from(created).getString("name")).when().get("/api/funding/envelopes")
                .then().statusCode(200).body(containsString("\"ceiling\":100000.50"));

        String territory = FundingFixtures.labelledInGrandEst();
        String applicationJson = """
                {"territory":"%s","owner":{"siret":"55208131766522","name":"Exemple Industries","localAuthority":false},
                 "title":"Wire","eligibleCost":10000,"plan":[{"envelopeId":"%s","requested":2400.5}],
                 "jobsCreated":1,"jobsKept":2,"privateInvestment":250000.1}""".formatted(territory, envelope);
        String application = api(admin()).body(applicationJson).when().post("/api/funding/applications")
                .then().statusCode(201)
                .body(containsString("\"requested\":2400.50"), containsString("\"eligibleCost\":10000.00"),
                        containsString("\"privateInvestment\":250000.10"))
                .extract().path("id");
        api(admin()).when().post("/api/funding/applications/" + application + "/submission").then().statusCode(200);
        api(admin()).when().post("/api/funding/applications/" + application + "/review").then().statusCode(200);
        api(admin()).body("{\"decision\":\"APPROVED\",\"plan\":[{\"envelopeId\":\"" + envelope + "\",\"approved\":2400.5}]}")
                .when().post("/api/funding/applications/" + application + "/decision")
                .then().statusCode(200)
                .body(containsString("\"requested\":2400.50"), containsString("\"approved\":2400.50"));
        api(TestTokens.partner()).when().get("/api/funding/applications/" + application)
                .then().statusCode(200).body(containsString("\"approved\":2400.50"));

        String commitments = api(TestTokens.partner()).queryParam("application", application).when()
                .get("/api/funding/commitments").then().statusCode(200)
                .body(containsString("\"amount\":2400.50")).extract().asString();
        String commitment = JsonPath.from(commitments).getString("[0].id");
        api(admin()).body("{\"kind\":\"ADVANCE\",\"amount\":700}").when()
                .post("/api/funding/commitments/" + commitment + "/payments")
                .then().statusCode(201).body(containsString("\"amount\":700.00"));
        api(TestTokens.partner()).when().get("/api/funding/commitments/" + commitment)
                .then().statusCode(200)
                .body(containsString("\"amount\":2400.50"), containsString("\"paid\":700.00"),
                        containsString("\"amount\":700.00"));

        // Events are written by the same mapper: their amounts carry two decimals too (same JSON numbers,
        // so the v1 schemas are unchanged).
        assertTrue(payload(territory, "funds-committed").contains("\"amount\":2400.50"), payload(territory, "funds-committed"));
        assertTrue(payload(territory, "application-decided").contains("\"amount\":2400.50"),
                payload(territory, "application-decided"));
        assertTrue(payload(territory, "payment-made").contains("\"amount\":700.00"), payload(territory, "payment-made"));
    }

    private static String payload(String territory, String event) {
        return FundingFixtures.DB.rows("SELECT payload FROM outbox_event WHERE event_key = ? AND event_type = ? ORDER BY id",
                territory, "fr.territoires.funding." + event + ".v1").get(0).get("payload").toString();
    }
}
