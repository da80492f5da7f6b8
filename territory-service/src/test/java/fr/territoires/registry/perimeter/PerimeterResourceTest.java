package fr.territoires.registry.perimeter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.Sql;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Dated perimeters from real EPCIs (DOMAIN.md's Val de Lorraine and Nord Lorraine). */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "territory"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class PerimeterResourceTest {

    private static final Sql DB = Sql.on("territory");
    private static final String POMPEY = "245400601";
    private static final String PONT_A_MOUSSON = "200041515";
    private static final String MAD_ET_MOSELLE = "200070738";
    private static final String SEILLE = "200070589";

    private static String admin() {
        return TestTokens.programmeAdmin();
    }

    private static String territory(String phase) {
        String code = "ti-p" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(admin()).contentType("application/json")
                .body(Map.of("code", code, "name", "Territoire " + code, "status", "LABELLED", "phases", List.of(phase)))
                .when().post("/api/territories").then().statusCode(201);
        return code;
    }

    private static io.restassured.response.ValidatableResponse put(String code, List<String> epcis, String effectiveOn) {
        return given().auth().oauth2(admin()).contentType("application/json")
                .body(Map.of("epcis", epcis, "effectiveOn", effectiveOn, "reason", "Comité régional"))
                .when().put("/api/territories/" + code + "/perimeter").then();
    }

    @Test
    void aDatedPerimeterIsReadBackAsOfAnyDateWithWhatItDerives() throws Exception {
        String code = territory("2023-2027");
        put(code, List.of(POMPEY, PONT_A_MOUSSON, MAD_ET_MOSELLE), "2024-01-01").statusCode(200)
                .body("epcis.siren", contains(PONT_A_MOUSSON, MAD_ET_MOSELLE, POMPEY),
                        "epcis.name", hasItems("CC du Bassin de Pompey", "CC Mad et Moselle"),
                        "regions.name", contains("Grand Est"),
                        "departements.code", hasItems("54"));
        put(code, List.of(POMPEY, PONT_A_MOUSSON, MAD_ET_MOSELLE, SEILLE), "2025-06-01").statusCode(200);

        String token = TestTokens.partner();
        given().auth().oauth2(token).queryParam("asOf", "2025-05-31").when().get("/api/territories/" + code + "/perimeter")
                .then().statusCode(200).body("epcis.size()", equalTo(3));
        given().auth().oauth2(token).queryParam("asOf", "2025-06-01").when().get("/api/territories/" + code + "/perimeter")
                .then().statusCode(200).body("epcis.siren", containsInAnyOrder(POMPEY, PONT_A_MOUSSON, MAD_ET_MOSELLE, SEILLE));
        given().auth().oauth2(token).queryParam("asOf", "2023-12-31").when().get("/api/territories/" + code + "/perimeter")
                .then().statusCode(200).body("epcis.size()", equalTo(0), "communes", equalTo(0));

        // The commune of Pont-à-Mousson, in that territory in phase 2 since 2024, in no phase-1 territory.
        given().auth().oauth2(token).when().get("/api/communes/54431/territory")
                .then().statusCode(200)
                .body("territory.code", equalTo(code), "commune.epci.code", equalTo(PONT_A_MOUSSON), "phase", equalTo("2023-2027"));
        given().auth().oauth2(token).queryParam("phase", "2019-2022").when().get("/api/communes/54431/territory")
                .then().statusCode(404).contentType("application/problem+json");

        // Each change published the whole perimeter, with the EPCIs before.
        List<Map<String, Object>> events = DB.rows(
                "SELECT payload FROM outbox_event WHERE event_key = ? AND event_type LIKE '%perimeter-changed%' ORDER BY id", code);
        assertEquals(2, events.size());
        JsonNode last = new ObjectMapper().readTree((String) events.get(1).get("payload"));
        assertEquals("2025-06-01", last.get("effectiveOn").asText());
        assertEquals(4, last.at("/perimeter/epcis").size());
        assertEquals(3, last.get("previousEpcis").size());
        assertTrue(last.at("/perimeter/communes").toString().contains("\"54431\""));
        assertEquals(2, DB.count("SELECT count(*) FROM perimeter_change WHERE territory_code = ?", code));
    }

    @Test
    void anEpciBelongsToOneTerritoryPerPhase() {
        String nordLorraine = territory("2023-2027");
        put(nordLorraine, List.of("200039865", "245701222"), "2024-01-01").statusCode(200);
        String rival = territory("2023-2027");
        put(rival, List.of("245701222"), "2024-06-01").statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("EPCI 245701222 already belongs to " + nordLorraine + " in phase 2023-2027"));
        assertEquals(0, DB.count("SELECT count(*) FROM territory_epci WHERE territory_code = ?", rival));
        // In phase 1, the same EPCI may belong to another territory.
        String phaseOne = territory("2019-2022");
        put(phaseOne, List.of("245701222"), "2019-03-01").statusCode(200);
    }

    @Test
    void badInputIsNamedAndNothingIsStored() {
        String code = territory("2023-2027");
        put(code, List.of("245400262"), "2024-01-01").statusCode(200);
        put(code, List.of("245400262", "245400602", "999990005"), "2024-02-01").statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("epcis[1]", "epcis[2]"));
        put(code, List.of("245400262", "200070589"), "2023-12-31").statusCode(400)
                .body("errors[0].field", equalTo("effectiveOn"));
        given().auth().oauth2(admin()).contentType("application/json").body("{\"epcis\": [\"245400262\"]}")
                .when().put("/api/territories/" + code + "/perimeter").then().statusCode(400)
                .body("errors[0].field", equalTo("effectiveOn"));
        given().auth().oauth2(admin()).contentType("application/json")
                .body("{\"epcis\": [\"245400262\"], \"effectiveOn\": \"01/02/2024\"}")
                .when().put("/api/territories/" + code + "/perimeter").then().statusCode(400)
                .body("errors[0].field", equalTo("effectiveOn"));
        put("ti-nowhere", List.of("245400262"), "2024-01-01").statusCode(404);
        assertEquals(1, DB.count("SELECT count(*) FROM perimeter_change WHERE territory_code = ?", code));
        assertEquals(1, DB.count("SELECT count(*) FROM territory_epci WHERE territory_code = ?", code));
    }

    @Test
    void theSamePerimeterAgainChangesNothingAndOnlyTheProgrammeTeamChangesIt() {
        String code = territory("2023-2027");
        put(code, List.of("200067213"), "2024-01-01").statusCode(200);
        long events = DB.count("SELECT count(*) FROM outbox_event WHERE event_key = ?", code);
        put(code, List.of("200067213"), "2024-03-01").statusCode(200);
        assertEquals(events, DB.count("SELECT count(*) FROM outbox_event WHERE event_key = ?", code));
        given().auth().oauth2(TestTokens.user("lead").roles("territory-manager").territories(code).token())
                .contentType("application/json").body(Map.of("epcis", List.of("200067213"), "effectiveOn", "2024-05-01"))
                .when().put("/api/territories/" + code + "/perimeter").then().statusCode(403);
    }
}
