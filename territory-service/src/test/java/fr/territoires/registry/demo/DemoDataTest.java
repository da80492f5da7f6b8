package fr.territoires.registry.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.Sql;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo data `./platform up` loads: the real perimeters of Val de Lorraine and Nord Lorraine,
 * with governance, action sheets and sites, in a database of its own (the demo's EPCIs would
 * otherwise collide with other tests' territories).
 */
@QuarkusTest
@TestProfile(DemoDataTest.WithDemoData.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = {@ResourceArg(name = "database", value = "territory_demo"),
                // The whole programme's events stay on a broker of their own: on the build's shared topic
                // they would reach the other modules' replicas and claim the communes their tests use.
                @ResourceArg(name = "dedicatedKafka", value = "official-lists")})
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DemoDataTest {

    public static class WithDemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // As ./platform up runs: the official lists first, then the demo hangs off their codes.
            return Map.of("registry.demo-data.enabled", "true", "registry.official-lists.enabled", "true");
        }
    }

    private static final Sql DB = Sql.on("territory_demo");

    @Inject
    DemoData demo;

    @Test
    void theDemoTerritoriesAreLoadedAtStartWithTheirRealPerimeters() {
        given().when().get("/api/territories/ti-4420")
                .then().statusCode(200)
                .body("name", equalTo("Val de Lorraine"), "pilot", equalTo(true), "regions.name", contains("Grand Est"),
                        "communes", equalTo(169), "population", equalTo(403223), "predecessors", contains("ti-4409", "ti-4413"),
                        "labels.phase", contains("2023-2027"), "labels.labelledOn", contains("2023-11-09"));
        given().auth().oauth2(TestTokens.partner()).when().get("/api/territories/ti-4408/perimeter")
                .then().statusCode(200).body("epcis.size()", equalTo(10), "departements.code", contains("54", "57"));
        given().when().get("/api/territories/ti-4420/governance")
                .then().statusCode(200).body("contract.kind", contains("CONTRAT", "AVENANT"), "meetings.size()", equalTo(2));
        given().when().get("/api/territories/ti-4408/sites")
                .then().statusCode(200).body("items.communeName", contains("Florange", "Amnéville"));
        given().auth().oauth2(TestTokens.partner()).queryParam("status", "DONE")
                .when().get("/api/territories/ti-4420/action-sheets")
                .then().statusCode(200).body("total", equalTo(1));
        given().queryParam("priority", "INNOVATE").when().get("/api/territories")
                .then().statusCode(200).body("items.code", contains("ti-4408", "ti-4420"));
    }

    @Test
    void loadingAgainChangesNothingAndPublishesNothing() throws Throwable {
        long events = DB.count("SELECT count(*) FROM outbox_event");
        List<String> loaded = VertxContextSupport.subscribeAndAwait(demo::load);
        assertEquals(List.of(), loaded);
        assertEquals(events, DB.count("SELECT count(*) FROM outbox_event"));
        // Every part went out as an event: labelled, perimeter, governance, profile, meetings, contract, sheets, sites.
        assertEquals(List.of("action-sheet-added.v1", "action-sheet-updated.v1", "labelled.v1", "perimeter-changed.v1",
                "site-listed.v1", "updated.v1"),
                DB.rows("SELECT DISTINCT replace(event_type, 'fr.territoires.territory.', '') AS t FROM outbox_event "
                        + "WHERE event_key = 'ti-4420' ORDER BY t").stream().map(r -> r.get("t")).toList());
    }
}
