package fr.territoires.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §4 as a table: each demo role (real Keycloak tokens) × each protected operation →
 * the status it must get, through the gateway AND directly on the owning service (a request that
 * bypasses the gateway gets no more than through it). Val de Lorraine (ti-4420) is in Grand Est,
 * the officer's region and the manager's territory; Plastics Vallée (ti-8413) is in
 * Auvergne-Rhône-Alpes, in neither.
 */
class AccessMatrixIT {

    private static final String MINE = "ti-4420";
    private static final String OTHER = "ti-8413";
    private static final List<String> ROLES = List.of("admin.programme", "officer.grandest", "lead.valdelorraine",
            "company.demo", "partner.demo");
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();
    private static E2ePlatform platform;

    /** An operation: which service owns it, and how to send it. */
    record Operation(String name, String service, String method, String path, Object body) {
    }

    @BeforeAll
    static void territoriesOnBothSidesOfARegionalBorder() {
        platform = E2ePlatform.get();
        ROLES.forEach(user -> TOKENS.put(user, KeycloakTokens.user(user)));
        String admin = TOKENS.get("admin.programme");
        territory(admin, MINE, "Val de Lorraine", "245400601");
        territory(admin, OTHER, "Plastics Vallée", "200042935");
    }

    /** A labelled territory with one EPCI since 2024, unless it exists already (the suites share the platform). */
    static void territory(String admin, String code, String name, String epci) {
        E2ePlatform platform = E2ePlatform.get();
        int created = given().baseUri(platform.gateway()).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("code", code, "name", name, "status", "LABELLED")).post("/api/territories").statusCode();
        if (created == 201) {
            given().baseUri(platform.gateway()).auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("epcis", List.of(epci), "effectiveOn", "2024-01-01"))
                    .put("/api/territories/" + code + "/perimeter").then().statusCode(200);
        }
    }

    private static Map<String, Object> sheet() {
        return Map.of("title", "Matrix sheet", "priority", "RECRUIT", "owner", "CC du Bassin de Pompey");
    }

    private static Map<String, Object> regionalEnvelope() {
        return Map.of("funder", "REGION", "region", "44", "name", "Matrix " + UUID.randomUUID(), "priority", "RECRUIT",
                "scope", "REGION", "scopeRegion", "44", "firstYear", 2025, "lastYear", 2027, "ceiling", 1000);
    }

    private static final Map<String, Object> GOVERNANCE = Map.of("projectLeadFunders", List.of("ANCT"));

    @Test
    void everyRoleGetsWhatDesignSaysThroughTheGatewayAndDirectly() {
        // role → expected status, in the order of ROLES: admin, officer 44, manager of ti-4420, company, partner.
        Map<Operation, List<Integer>> matrix = new LinkedHashMap<>();
        matrix.put(new Operation("create a territory", "territory-service", "POST", "/api/territories", null),
                List.of(201, 403, 403, 403, 403));
        matrix.put(new Operation("rename my territory", "territory-service", "PUT", "/api/territories/" + MINE,
                Map.of("name", "Val de Lorraine")), List.of(200, 200, 403, 403, 403));
        matrix.put(new Operation("rename the other region's territory", "territory-service", "PUT",
                "/api/territories/" + OTHER, Map.of("name", "Plastics Vallée")), List.of(200, 403, 403, 403, 403));
        matrix.put(new Operation("edit my territory's governance", "territory-service", "PUT",
                "/api/territories/" + MINE + "/governance", GOVERNANCE), List.of(200, 200, 200, 403, 403));
        matrix.put(new Operation("edit another territory's governance", "territory-service", "PUT",
                "/api/territories/" + OTHER + "/governance", GOVERNANCE), List.of(200, 403, 403, 403, 403));
        matrix.put(new Operation("add an action sheet to my territory", "territory-service", "POST",
                "/api/territories/" + MINE + "/action-sheets", sheet()), List.of(201, 201, 201, 403, 403));
        matrix.put(new Operation("add an action sheet to another territory", "territory-service", "POST",
                "/api/territories/" + OTHER + "/action-sheets", sheet()), List.of(201, 403, 403, 403, 403));
        matrix.put(new Operation("read action sheets", "territory-service", "GET",
                "/api/territories/" + MINE + "/action-sheets", null), List.of(200, 200, 200, 200, 200));
        matrix.put(new Operation("read a perimeter", "territory-service", "GET",
                "/api/territories/" + MINE + "/perimeter", null), List.of(200, 200, 200, 200, 200));
        matrix.put(new Operation("open a Grand Est envelope", "funding-service", "POST", "/api/funding/envelopes", null),
                List.of(201, 201, 403, 403, 403));
        matrix.put(new Operation("list applications", "funding-service", "GET", "/api/funding/applications", null),
                List.of(200, 200, 200, 403, 200));
        matrix.put(new Operation("check the ledger", "funding-service", "GET", "/api/funding/ledger/check", null),
                List.of(200, 200, 403, 403, 200));
        matrix.put(new Operation("list envelopes", "funding-service", "GET", "/api/funding/envelopes", null),
                List.of(200, 200, 200, 403, 200)); // a company reads nothing of funding (issue 14)
        matrix.put(new Operation("read a territory's funding report", "funding-service", "GET",
                "/api/funding/reports/territories/" + MINE, null), List.of(200, 200, 200, 403, 200));
        matrix.put(new Operation("read national funding reports", "funding-service", "GET",
                "/api/funding/reports/summary?by=priority", null), List.of(200, 200, 403, 403, 200));
        matrix.put(new Operation("list recruitment needs", "recruitment-service", "GET", "/api/recruitment/needs", null),
                List.of(200, 200, 200, 200, 200));
        matrix.put(new Operation("read recruitment indicators", "recruitment-service", "GET",
                "/api/recruitment/indicators?level=TERRITORY&area=" + MINE, null), List.of(200, 200, 200, 200, 200));

        List<String> mismatches = new ArrayList<>();
        for (var row : matrix.entrySet()) {
            Operation op = row.getKey();
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                int expected = row.getValue().get(i);
                for (String where : List.of("gateway", "direct")) {
                    String base = where.equals("gateway") ? platform.gateway() : platform.url(op.service());
                    int status = send(base, TOKENS.get(role), op).statusCode();
                    if (status != expected) {
                        mismatches.add(op.name() + " / " + role + " / " + where + ": " + status + " instead of " + expected);
                    }
                }
            }
            // No token at all: 401 on every protected operation, whichever door.
            for (String base : List.of(platform.gateway(), platform.url(op.service()))) {
                int status = send(base, null, op).statusCode();
                if (status != 401) {
                    mismatches.add(op.name() + " / anonymous / " + base + ": " + status + " instead of 401");
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    /** The dashboard combines the three services; for the Region's officer every part is there. */
    @Test
    void theDashboardShowsATerritoryFromTheThreeServices() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> given()
                .baseUri(platform.gateway()).auth().oauth2(TOKENS.get("officer.grandest"))
                .when().get("/api/territories/" + MINE + "/dashboard")
                .then().statusCode(200)
                .body("profile.name", org.hamcrest.Matchers.equalTo("Val de Lorraine"),
                        "funding.priorities.size()", org.hamcrest.Matchers.equalTo(4),
                        "recruitment.thisMonth", org.hamcrest.Matchers.notNullValue(),
                        "recruitment.shortageJobs", org.hamcrest.Matchers.notNullValue(),
                        "missing.size()", org.hamcrest.Matchers.equalTo(0)));
        // A company sees the registry and recruitment parts, not the money: that part is flagged, not an error.
        given().baseUri(platform.gateway()).auth().oauth2(TOKENS.get("company.demo"))
                .when().get("/api/territories/" + MINE + "/dashboard")
                .then().statusCode(200)
                .body("funding", org.hamcrest.Matchers.nullValue(),
                        "missing.part", org.hamcrest.Matchers.contains("funding"));
    }

    private static Response send(String base, String token, Operation op) {
        RequestSpecification request = given().baseUri(base).contentType("application/json");
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        Object body = op.body();
        if (op.path().equals("/api/territories") && op.method().equals("POST")) {
            body = Map.of("code", "ti-m" + UUID.randomUUID().toString().substring(0, 8), "name", "Matrix", "status",
                    "CANDIDATE");
        } else if (op.path().equals("/api/funding/envelopes") && op.method().equals("POST")) {
            body = regionalEnvelope();
        }
        if (body != null) {
            request = request.body(body);
        }
        if (op.method().equals("PUT")) {
            // A whole replace needs the ETag last read (428 without it): read it as the programme team.
            String etag = given().baseUri(base).auth().oauth2(TOKENS.get("admin.programme")).get(op.path()).header("ETag");
            if (etag != null) {
                request = request.header("If-Match", etag);
            }
        }
        return request.request(op.method(), op.path());
    }
}
