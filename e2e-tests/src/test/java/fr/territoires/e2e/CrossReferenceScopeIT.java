package fr.territoires.e2e;

import fr.territoires.commons.time.BusinessDates;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's scope matrix for cross-references: every id a request carries besides the one in its
 * URL — a territory, an action sheet, a recruitment need, an envelope, a company — pointing into
 * another territory, Region, company or funder is a 403, through the gateway and directly on the
 * service, with real Keycloak tokens. Val de Lorraine (ti-4420, Grand Est) is the project lead's and
 * the officer's; Plastics Vallée (ti-8413, Auvergne-Rhône-Alpes) is neither's.
 */
class CrossReferenceScopeIT {

    /** Today as the services see it: in Paris (BusinessDates), not in the JVM's zone. */
    private static final BusinessDates DATES = new BusinessDates();

    private static final String MINE = "ti-4420";
    private static final String OTHER = "ti-8413";
    private static final String MY_SIRET = "99999000500012";
    /** The demo company's second establishment, in Oyonnax (Haut-Bugey, ti-8413). */
    private static final String OTHER_SIRET = "99999000500020";
    private static E2ePlatform platform;
    private static long otherSheet;
    private static String otherNeed;
    private static String nationalEnvelope;

    private static io.restassured.specification.RequestSpecification as(String base, String user) {
        return given().baseUri(base).auth().oauth2(KeycloakTokens.user(user)).contentType("application/json");
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return as(platform.gateway(), user);
    }

    @BeforeAll
    static void anotherTerritoryWithItsSheetAndNeed() {
        platform = E2ePlatform.get();
        String admin = KeycloakTokens.user("admin.programme");
        AccessMatrixIT.territory(admin, MINE, "Val de Lorraine", "245400601");
        AccessMatrixIT.territory(admin, OTHER, "Plastics Vallée", "200042935");
        otherSheet = ((Number) as("admin.programme")
                .body(Map.of("title", "Someone else's sheet", "priority", "RECRUIT", "owner", "CC Haut-Bugey"))
                .post("/api/territories/" + OTHER + "/action-sheets").then().statusCode(201).extract().path("id"))
                .longValue();
        // The company's establishment in Oyonnax reaches recruitment once ti-8413's perimeter has.
        for (String[] site : List.of(new String[] {OTHER_SIRET, "01283"}, new String[] {MY_SIRET, "54430"})) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> List.of(201, 409).contains(as("company.demo")
                    .body(Map.of("siret", site[0], "name", "(demo) Plasturgie " + site[1], "nafCode", "22.29A",
                            "commune", site[1], "sizeBand", "SMALL"))
                    .post("/api/recruitment/companies").statusCode()));
        }
        // Another company, registered by the programme team: the demo company may not declare its needs.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> List.of(201, 409).contains(as("admin.programme")
                .body(Map.of("siret", "55208131766522", "name", "(demo) Exemple Industries", "nafCode", "25.11Z",
                        "commune", "54430", "sizeBand", "MEDIUM"))
                .post("/api/recruitment/companies").statusCode()));
        LocalDate start = DATES.today().plusDays(10);
        otherNeed = as("company.demo").body(Map.ofEntries(Map.entry("siret", OTHER_SIRET), Map.entry("romeCode", "H2903"),
                        Map.entry("jobTitle", "Régleur presse injection"), Map.entry("headcount", 1),
                        Map.entry("contractType", "CDI"), Map.entry("qualificationLevel", "SKILLED_WORKER"),
                        Map.entry("startDate", start.toString()), Map.entry("deadline", start.plusMonths(2).toString()),
                        Map.entry("hoursPerWeek", 35), Map.entry("difficult", false)))
                .post("/api/recruitment/needs").then().statusCode(201).extract().path("id");
        nationalEnvelope = as("admin.programme").body(Map.of("funder", "STATE_ANCT", "name", "Scope " + UUID.randomUUID(),
                        "priority", "RECRUIT", "scope", "NATIONAL", "firstYear", DATES.fiscalYear() - 1,
                        "lastYear", DATES.fiscalYear() + 3, "ceiling", 100000))
                .post("/api/funding/envelopes").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> application(String territory) {
        Map<String, Object> a = new HashMap<>(Map.of("territory", territory, "owner", Map.of("siret", "24540060100002", "name",
                        "CC du Bassin de Pompey", "localAuthority", true), "title", "Scope matrix", "eligibleCost", 10000,
                "plan", List.of(Map.of("envelopeId", nationalEnvelope, "requested", 5000))));
        return a;
    }

    /** A request, as one user, and the status it must get through either door. */
    record Case(String name, String service, String user, String method, String path, Map<String, Object> body,
            String field) {
    }

    private static Response send(String base, Case c) {
        var request = as(base, c.user());
        if (c.body() != null) {
            request = request.body(c.body());
        }
        return request.request(c.method(), c.path());
    }

    @Test
    void everyIdARequestCarriesIsCheckedAgainstTheCallersScope() {
        Map<String, Object> withOtherSheet = application(MINE);
        withOtherSheet.put("actionSheetId", otherSheet);
        Map<String, Object> withOtherNeed = application(MINE);
        withOtherNeed.put("recruitmentNeeds", List.of(otherNeed));
        // Funding learns whose the sheet and the need are from their events: until then it answers 400.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                as("lead.valdelorraine").body(withOtherSheet).post("/api/funding/applications").statusCode() == 403
                        && as("lead.valdelorraine").body(withOtherNeed).post("/api/funding/applications").statusCode() == 403);

        String auvergneRhoneAlpes = as("admin.programme").body(Map.of("funder", "REGION", "region", "84", "name",
                        "Scope ARA " + UUID.randomUUID(), "priority", "RECRUIT", "scope", "REGION", "scopeRegion", "84",
                        "firstYear", DATES.fiscalYear() - 1, "lastYear", DATES.fiscalYear() + 3, "ceiling", 1000))
                .post("/api/funding/envelopes").then().statusCode(201).extract().path("id");
        Map<String, Object> withOtherRegionsEnvelope = application(MINE);
        withOtherRegionsEnvelope.put("plan", List.of(Map.of("envelopeId", auvergneRhoneAlpes, "requested", 500)));
        String underReview = as("lead.valdelorraine").body(application(MINE)).post("/api/funding/applications")
                .then().statusCode(201).extract().path("id");
        as("lead.valdelorraine").post("/api/funding/applications/" + underReview + "/submission").then().statusCode(200);
        as("officer.grandest").post("/api/funding/applications/" + underReview + "/review").then().statusCode(200);
        LocalDate start = DATES.today().plusDays(10);

        List<Case> cases = List.of(
                new Case("an application naming another territory's action sheet", "funding-service", "lead.valdelorraine",
                        "POST", "/api/funding/applications", withOtherSheet, "actionSheetId"),
                new Case("an application naming another territory's recruitment need", "funding-service",
                        "lead.valdelorraine", "POST", "/api/funding/applications", withOtherNeed, "recruitmentNeeds[0]"),
                new Case("an application for another territory", "funding-service", "lead.valdelorraine", "POST",
                        "/api/funding/applications", application(OTHER), null),
                new Case("an application drawing on another Region's envelope", "funding-service", "lead.valdelorraine",
                        "POST", "/api/funding/applications", withOtherRegionsEnvelope, "plan[0].envelopeId"),
                new Case("a Region's approval drawing on the State's envelope", "funding-service", "officer.grandest", "POST",
                        "/api/funding/applications/" + underReview + "/decision", Map.of("decision", "APPROVED", "plan",
                                List.of(Map.of("envelopeId", nationalEnvelope, "approved", 5000))), null),
                new Case("a need declared for another company's establishment", "recruitment-service", "company.demo", "POST",
                        "/api/recruitment/needs", Map.ofEntries(Map.entry("siret", "55208131766522"),
                                Map.entry("romeCode", "H2903"), Map.entry("jobTitle", "Régleur"), Map.entry("headcount", 1),
                                Map.entry("contractType", "CDI"), Map.entry("qualificationLevel", "SKILLED_WORKER"),
                                Map.entry("startDate", start.toString()), Map.entry("deadline", start.plusMonths(2).toString()),
                                Map.entry("hoursPerWeek", 35), Map.entry("difficult", false)), null),
                new Case("an action sheet added by a lead to another territory", "territory-service", "lead.valdelorraine",
                        "POST", "/api/territories/" + OTHER + "/action-sheets",
                        Map.of("title", "Not mine", "priority", "RECRUIT", "owner", "CC"), null),
                new Case("a perimeter change by a Region's officer adding another Region's EPCI", "territory-service",
                        "officer.grandest", "PUT", "/api/territories/" + MINE + "/perimeter",
                        Map.of("epcis", List.of("245400601", "200042935"), "effectiveOn", DATES.today().toString()),
                        "epcis"));

        long applicationsBefore = applications();
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> tried = new LinkedHashMap<>();
        for (Case c : cases) {
            for (String base : List.of(platform.gateway(), platform.url(c.service()))) {
                Response r = send(base, c);
                tried.merge(c.name(), 1, Integer::sum);
                String where = base.equals(platform.gateway()) ? "gateway" : "direct";
                if (r.statusCode() != 403 || !r.contentType().startsWith("application/problem+json")) {
                    mismatches.add(c.name() + " / " + where + ": " + r.statusCode() + " " + r.asString());
                } else if (c.field() != null && !r.asString().contains("\"field\":\"" + c.field() + "\"")) {
                    mismatches.add(c.name() + " / " + where + ": 403 naming no field " + c.field() + ": " + r.asString());
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertEquals(16, tried.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(applicationsBefore, applications(), "no application was stored");
        as("officer.grandest").get("/api/funding/applications/" + underReview).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("UNDER_REVIEW"));
    }

    private static long applications() {
        return ((Number) as("admin.programme").queryParam("size", 1).get("/api/funding/applications").then().statusCode(200)
                .extract().path("total")).longValue();
    }
}
