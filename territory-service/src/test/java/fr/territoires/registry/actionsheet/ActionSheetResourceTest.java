package fr.territoires.registry.actionsheet;

import static fr.territoires.registry.RegistryFixtures.DB;
import static fr.territoires.registry.RegistryFixtures.eventTypes;
import static fr.territoires.registry.RegistryFixtures.lastEvent;
import static fr.territoires.registry.RegistryFixtures.manager;
import static fr.territoires.registry.RegistryFixtures.officer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fr.territoires.events.EventType;
import fr.territoires.registry.RegistryFixtures;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Action sheets: the territory's projects, their workflow, their events, and the priority filter. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "territory"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ActionSheetResourceTest {

    /** CC de l'Arc Mosellan, Grand Est (44); only this class uses it. */
    private static final String ARC_MOSELLAN = "245701354";

    private static Map<String, Object> sheet(String title, String priority) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "priority", priority,
                "owner", "CC de l'Arc Mosellan", "plannedBudget", 180000.50, "indicators", List.of("Hires made"),
                "startsOn", "2025-01-01", "endsOn", "2026-12-31"));
        return body;
    }

    private static long add(String code, String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/territories/" + code + "/action-sheets")
                .then().statusCode(201).header("ETag", "\"0\"").extract().jsonPath().getLong("id");
    }

    @Test
    void aSheetIsAddedCarriedOutAndAnnouncedAtEachStep() {
        String code = RegistryFixtures.territory("a");
        long id = add(code, manager(code), sheet("Shared recruitment service", "RECRUIT"));
        given().auth().oauth2(TestTokens.partner()).when().get("/api/territories/" + code + "/action-sheets/" + id)
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("status", equalTo("IDEA"), "plannedBudget", equalTo(180000.50f), "updatedBy", equalTo("lead." + code));

        Map<String, Object> started = sheet("Shared recruitment service", "RECRUIT");
        started.put("status", "IN_PROGRESS");
        given().auth().oauth2(manager(code)).contentType("application/json").header("If-Match", "\"0\"").body(started)
                .when().put("/api/territories/" + code + "/action-sheets/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(manager(code)).contentType("application/json").header("If-Match", "\"0\"").body(started)
                .when().put("/api/territories/" + code + "/action-sheets/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        Map<String, Object> backwards = sheet("Shared recruitment service", "RECRUIT");
        backwards.put("status", "IDEA");
        given().auth().oauth2(manager(code)).contentType("application/json").header("If-Match", "\"1\"").body(backwards)
                .when().put("/api/territories/" + code + "/action-sheets/" + id)
                .then().statusCode(409).body("type", equalTo("urn:territoires:problem:status-transition-not-allowed"));

        assertEquals(List.of("labelled.v1", "action-sheet-added.v1", "action-sheet-updated.v1"), eventTypes(code));
        JsonNode updated = lastEvent(code, EventType.ACTION_SHEET_UPDATED);
        assertEquals("IDEA", updated.get("previousStatus").asText());
        assertEquals("IN_PROGRESS", updated.at("/actionSheet/status").asText());
        assertEquals(180000.50, updated.at("/actionSheet/plannedBudget").asDouble());
    }

    /** Issue 14: twelve concurrent PUTs of one sheet gave nine 500s; a lost update is a 409/412. */
    @Test
    void concurrentReplacesOfOneSheetAreConflictsNeverInternalErrors() throws Exception {
        String code = RegistryFixtures.territory("a");
        long id = add(code, manager(code), sheet("Contended sheet", "RECRUIT"));
        String token = manager(code);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Map<String, Object> body = sheet("Contended sheet " + i, "RECRUIT");
                calls.add(pool.submit(() -> given().auth().oauth2(token).contentType("application/json")
                        .header("If-Match", "\"0\"").body(body)
                        .when().put("/api/territories/" + code + "/action-sheets/" + id).then().extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> call : calls) {
                statuses.add(call.get());
            }
            assertEquals(1, statuses.stream().filter(st -> st == 200).count(), "one replace wins: " + statuses);
            assertEquals(11, statuses.stream().filter(st -> st == 409 || st == 412).count(), "the others conflict: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(TestTokens.partner()).when().get("/api/territories/" + code + "/action-sheets/" + id)
                .then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void sheetsAreListedByPriorityAndStatusAndTerritoriesFoundByPriority() {
        String code = RegistryFixtures.territory("a");
        add(code, TestTokens.programmeAdmin(), sheet("Brownfield reuse", "ATTRACT"));
        add(code, TestTokens.programmeAdmin(), sheet("Training centre", "RECRUIT"));
        Map<String, Object> innovate = sheet("Shared 3D printing", "INNOVATE");
        innovate.put("status", "IN_PROGRESS");
        add(code, TestTokens.programmeAdmin(), innovate);

        String reader = RegistryFixtures.company();
        given().auth().oauth2(reader).when().get("/api/territories/" + code + "/action-sheets")
                .then().statusCode(200).body("total", equalTo(3), "items.title",
                        contains("Brownfield reuse", "Training centre", "Shared 3D printing"));
        given().auth().oauth2(reader).queryParam("priority", "RECRUIT")
                .when().get("/api/territories/" + code + "/action-sheets")
                .then().statusCode(200).body("total", equalTo(1), "items[0].title", equalTo("Training centre"));
        given().auth().oauth2(reader).queryParam("status", "IN_PROGRESS").queryParam("size", 1)
                .when().get("/api/territories/" + code + "/action-sheets")
                .then().statusCode(200).body("total", equalTo(1), "items[0].priority", equalTo("INNOVATE"));
        given().auth().oauth2(reader).queryParam("priority", "GROW")
                .when().get("/api/territories/" + code + "/action-sheets")
                .then().statusCode(400).body("errors[0].field", equalTo("priority"));
        given().when().get("/api/territories/" + code + "/action-sheets").then().statusCode(401);
        given().auth().oauth2(reader).when().get("/api/territories/ti-none/action-sheets").then().statusCode(404);

        // The registry's search finds territories by the priorities of their sheets.
        given().queryParam("priority", "INNOVATE").queryParam("size", 100).when().get("/api/territories")
                .then().statusCode(200).body("items.code", hasItem(code));
        given().queryParam("priority", "SIMPLIFY").queryParam("q", code).when().get("/api/territories")
                .then().statusCode(200).body("items.code", not(hasItem(code)));
        given().queryParam("priority", "grow").when().get("/api/territories")
                .then().statusCode(400).body("errors[0].field", equalTo("priority"));
    }

    @Test
    void onlyTheTerritorysTeamTheRegionAndTheProgrammeAddSheets() {
        String code = RegistryFixtures.territoryWith("a", ARC_MOSELLAN);
        add(code, officer("44"), sheet("Regional sheet", "SIMPLIFY"));
        for (String token : List.of(officer("84"), manager("ti-other"), TestTokens.partner(), RegistryFixtures.company())) {
            given().auth().oauth2(token).contentType("application/json").body(sheet("Not mine", "SIMPLIFY"))
                    .when().post("/api/territories/" + code + "/action-sheets")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        assertEquals(1, DB.count("SELECT count(*) FROM action_sheet WHERE territory_code = ?", code));
    }

    @Test
    void badSheetsAreRefusedFieldByFieldAndNothingIsStored() {
        String code = RegistryFixtures.territory("a");
        Map<String, Object> bad = sheet(" ", "GROW");
        bad.put("plannedBudget", -5);
        given().auth().oauth2(manager(code)).contentType("application/json").body(bad)
                .when().post("/api/territories/" + code + "/action-sheets")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("priority"));
        Map<String, Object> invalid = sheet(" ", "RECRUIT");
        invalid.put("plannedBudget", 10.123);
        given().auth().oauth2(manager(code)).contentType("application/json").body(invalid)
                .when().post("/api/territories/" + code + "/action-sheets")
                .then().statusCode(400).body("errors.field", hasItems("title", "plannedBudget"));
        Map<String, Object> negative = sheet("Budget", "RECRUIT");
        negative.put("plannedBudget", -1);
        given().auth().oauth2(manager(code)).contentType("application/json").body(negative)
                .when().post("/api/territories/" + code + "/action-sheets")
                .then().statusCode(400).body("errors[0].field", equalTo("plannedBudget"),
                        "errors[0].message", equalTo("must not be negative"));
        Map<String, Object> reversed = sheet("Dates", "RECRUIT");
        reversed.put("startsOn", "2026-01-01");
        reversed.put("endsOn", "2025-01-01");
        given().auth().oauth2(manager(code)).contentType("application/json").body(reversed)
                .when().post("/api/territories/" + code + "/action-sheets")
                .then().statusCode(400).body("errors[0].field", equalTo("endsOn"));
        Map<String, Object> done = sheet("Done already", "RECRUIT");
        done.put("status", "DONE");
        given().auth().oauth2(manager(code)).contentType("application/json").body(done)
                .when().post("/api/territories/" + code + "/action-sheets")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        assertEquals(0, DB.count("SELECT count(*) FROM action_sheet WHERE territory_code = ?", code));
        assertEquals(List.of("labelled.v1"), eventTypes(code));
    }
}
