package fr.territoires.registry.site;

import static fr.territoires.registry.RegistryFixtures.DB;
import static fr.territoires.registry.RegistryFixtures.eventTypes;
import static fr.territoires.registry.RegistryFixtures.lastEvent;
import static fr.territoires.registry.RegistryFixtures.manager;
import static fr.territoires.registry.RegistryFixtures.officer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fr.territoires.events.EventType;
import fr.territoires.registry.RegistryFixtures;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Industrial sites: in the perimeter, public to investors, announced to partners. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "territory"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class SiteResourceTest {

    /** CC Rives de Moselle (57, Grand Est); only this class uses it. Argancy is one of its communes. */
    private static final String RIVES_DE_MOSELLE = "200039949";
    private static final String ARGANCY = "57028";
    private static String territory;

    private static synchronized String territory() {
        if (territory == null) {
            territory = RegistryFixtures.territoryWith("s", RIVES_DE_MOSELLE);
        }
        return territory;
    }

    private static Map<String, Object> site(String name, String commune, Object area) {
        return new HashMap<>(Map.of("name", name, "commune", commune, "areaHectares", area, "brownfield", true,
                "services", List.of("RAIL", "POWER", "WATER"), "description", "Former steelworks"));
    }

    @Test
    void aSiteInThePerimeterIsListedPubliclyAndItsChangesAnnounced() {
        String code = territory();
        long id = given().auth().oauth2(manager(code)).contentType("application/json")
                .body(site("Former steelworks, north plot", ARGANCY, 12.5))
                .when().post("/api/territories/" + code + "/sites")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("status", equalTo("AVAILABLE"), "communeName", equalTo("Argancy"),
                        "services", contains("RAIL", "WATER", "POWER"))
                .extract().jsonPath().getLong("id");
        given().when().get("/api/territories/" + code + "/sites")
                .then().statusCode(200).body("items.name", contains("Former steelworks, north plot"));
        given().queryParam("brownfield", "false").when().get("/api/territories/" + code + "/sites")
                .then().statusCode(200).body("total", equalTo(0));
        given().queryParam("minArea", "20").when().get("/api/territories/" + code + "/sites")
                .then().statusCode(200).body("total", equalTo(0));
        given().queryParam("minArea", "big").when().get("/api/territories/" + code + "/sites")
                .then().statusCode(400).body("errors[0].field", equalTo("minArea"));

        Map<String, Object> studied = site("Former steelworks, north plot", ARGANCY, 12.5);
        studied.put("status", "UNDER_STUDY");
        given().auth().oauth2(officer("44")).contentType("application/json").header("If-Match", "\"0\"").body(studied)
                .when().put("/api/territories/" + code + "/sites/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("UNDER_STUDY"));
        given().queryParam("status", "UNDER_STUDY").when().get("/api/territories/" + code + "/sites/" + id)
                .then().statusCode(200).body("status", equalTo("UNDER_STUDY"));

        JsonNode listed = lastEvent(code, EventType.SITE_LISTED);
        assertEquals("Argancy", listed.at("/site/communeName").asText());
        JsonNode updated = lastEvent(code, EventType.SITE_UPDATED);
        assertEquals("AVAILABLE", updated.get("previousStatus").asText());
        assertEquals(12.5, updated.at("/site/areaHectares").asDouble());
    }

    @Test
    void aSiteOutsideThePerimeterOrWithoutAPositiveAreaIsRefusedAndNothingStored() {
        String code = territory();
        long before = DB.count("SELECT count(*) FROM industrial_site WHERE territory_code = ?", code);
        int events = eventTypes(code).size();
        given().auth().oauth2(manager(code)).contentType("application/json").body(site("Elsewhere", "54430", 3))
                .when().post("/api/territories/" + code + "/sites")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("commune"),
                        "errors[0].message", equalTo("is outside the perimeter of territory " + code + " today"));
        given().auth().oauth2(manager(code)).contentType("application/json").body(site("Nowhere", "99999", 3))
                .when().post("/api/territories/" + code + "/sites")
                .then().statusCode(400).body("errors[0].field", equalTo("commune"));
        given().auth().oauth2(manager(code)).contentType("application/json").body(site("Negative", ARGANCY, -2))
                .when().post("/api/territories/" + code + "/sites")
                .then().statusCode(400).body("errors[0].field", equalTo("areaHectares"),
                        "errors[0].message", equalTo("must be a positive area in hectares"));
        given().auth().oauth2(manager(code)).contentType("application/json").body(site("Bad", "5702", 3))
                .when().post("/api/territories/" + code + "/sites")
                .then().statusCode(400).body("errors[0].field", equalTo("commune"));
        Map<String, Object> unknownService = site("Services", ARGANCY, 3);
        unknownService.put("services", List.of("TELEPORT"));
        given().auth().oauth2(manager(code)).contentType("application/json").body(unknownService)
                .when().post("/api/territories/" + code + "/sites")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(manager("ti-other")).contentType("application/json").body(site("Not mine", ARGANCY, 3))
                .when().post("/api/territories/" + code + "/sites")
                .then().statusCode(403);
        assertEquals(before, DB.count("SELECT count(*) FROM industrial_site WHERE territory_code = ?", code));
        assertEquals(events, eventTypes(code).size());
        given().when().get("/api/territories/" + code + "/sites/999999").then().statusCode(404);
    }
}
