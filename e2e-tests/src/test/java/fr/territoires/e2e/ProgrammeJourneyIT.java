package fr.territoires.e2e;

import fr.territoires.commons.time.BusinessDates;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three services working together through Kafka, as users do it through the gateway with real
 * Keycloak tokens: a company of Val de Lorraine declares welders it cannot find, the territory applies
 * for a training programme serving that need, the Region approves it, and the need shows the funded
 * action — no service ever calling another.
 */
class ProgrammeJourneyIT {

    /** Today as the services see it: in Paris (BusinessDates), not in the JVM's zone. */
    private static final BusinessDates DATES = new BusinessDates();

    private static E2ePlatform platform;

    @BeforeAll
    static void valDeLorraine() {
        platform = E2ePlatform.get();
        AccessMatrixIT.territory(KeycloakTokens.user("admin.programme"), "ti-4420", "Val de Lorraine", "245400601");
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().baseUri(platform.gateway()).auth().oauth2(KeycloakTokens.user(user)).contentType("application/json");
    }

    @Test
    void aNeedDeclaredByACompanyIsServedByAnActionTheRegionFunds() {
        // The territory reaches recruitment-service through territory.events: the company can register in Pompey.
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("company.demo")
                .body(Map.of("siret", "99999000500012", "name", "(demo) Métallerie de Pompey", "nafCode", "25.11Z",
                        "commune", "54430", "sizeBand", "SMALL"))
                .when().post("/api/recruitment/companies")
                .then().statusCode(org.hamcrest.Matchers.oneOf(201, 409)));
        LocalDate start = DATES.today().plusDays(10);
        String need = as("company.demo")
                .body(Map.ofEntries(Map.entry("siret", "99999000500012"), Map.entry("romeCode", "H2913"),
                        Map.entry("jobTitle", "Soudeur TIG"), Map.entry("headcount", 3), Map.entry("contractType", "CDI"),
                        Map.entry("qualificationLevel", "SKILLED_WORKER"), Map.entry("startDate", start.toString()),
                        Map.entry("deadline", start.plusMonths(3).toString()), Map.entry("hoursPerWeek", 35),
                        Map.entry("difficult", true), Map.entry("difficultyReasons", List.of("CANDIDATE_SHORTAGE"))))
                .when().post("/api/recruitment/needs")
                .then().statusCode(201).extract().path("id");

        // The programme opens an envelope; the territory applies for a training programme serving the need.
        String envelope = as("admin.programme")
                .body(Map.of("funder", "REGION", "region", "44", "name", "Journey " + need, "priority", "RECRUIT",
                        "scope", "REGION", "scopeRegion", "44", "firstYear", 2024, "lastYear", 2030, "ceiling", 500000))
                .when().post("/api/funding/envelopes").then().statusCode(201).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> as("admin.programme")
                .get("/api/funding/reports/territories/ti-4420").statusCode() == 200);
        // funding learns whose the need is from need-published (issue 14): until then it answers 400.
        Map<String, Object> proposal = Map.of("territory", "ti-4420", "owner", Map.of("siret", "24540060100002", "name",
                        "CC du Bassin de Pompey", "localAuthority", true),
                "title", "Pre-hire training for welders", "eligibleCost", 100000,
                "plan", List.of(Map.of("envelopeId", envelope, "requested", 60000)),
                "recruitmentNeeds", List.of(need));
        String application = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            var answer = as("lead.valdelorraine").body(proposal).when().post("/api/funding/applications");
            return answer.statusCode() == 201 ? answer.path("id").toString() : null;
        }, java.util.Objects::nonNull);
        as("lead.valdelorraine").post("/api/funding/applications/" + application + "/submission").then().statusCode(200);
        as("officer.grandest").post("/api/funding/applications/" + application + "/review").then().statusCode(200);
        as("officer.grandest").header("Idempotency-Key", "journey-" + application)
                .body(Map.of("decision", "APPROVED")).when().post("/api/funding/applications/" + application + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED"));

        // funds-committed reaches recruitment-service: the company sees who funds an answer to its need.
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("company.demo")
                .when().get("/api/recruitment/needs/" + need)
                .then().statusCode(200)
                .body("fundedActions.title", hasItem("Pre-hire training for welders"),
                        "fundedActions.amount", hasItem(60000.0f)));
        as("officer.grandest").when().get("/api/territories/ti-4420/dashboard")
                .then().statusCode(200).body("missing.size()", equalTo(0));
    }
}
