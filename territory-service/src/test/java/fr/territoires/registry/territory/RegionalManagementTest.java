package fr.territoires.registry.territory;

import static fr.territoires.registry.RegistryFixtures.eventTypes;
import static fr.territoires.registry.RegistryFixtures.lastEvent;
import static fr.territoires.registry.RegistryFixtures.manager;
import static fr.territoires.registry.RegistryFixtures.officer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fr.territoires.commons.time.BusinessDates;
import fr.territoires.events.EventType;
import fr.territoires.registry.RegistryFixtures;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Region manages the territories of its region (derived from their perimeter), and only those. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "territory"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class RegionalManagementTest {

    /** Today as the services see it: in Paris (BusinessDates), not in the JVM's zone. */
    private static final BusinessDates DATES = new BusinessDates();

    /** Grand Est EPCIs only this class uses, and one of Auvergne-Rhône-Alpes (Haut-Bugey, Oyonnax). */
    private static final String CATTENOM = "245700695";
    private static final String PAYS_HAUT = "245701404";
    private static final String HAUT_BUGEY = "200042935";

    @Test
    void theRegionsOfficerChangesStatusIdentityAndPerimeterOfItsTerritories() {
        String code = RegistryFixtures.territoryWith("r", CATTENOM);
        given().auth().oauth2(officer("84")).contentType("application/json").body(Map.of("status", "LEFT"))
                .when().put("/api/territories/" + code + "/status")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Your role or scope (region 84) does not allow you to manage territory " + code));
        given().auth().oauth2(manager(code)).contentType("application/json").body(Map.of("name", "Renamed"))
                .when().put("/api/territories/" + code)
                .then().statusCode(403);

        given().auth().oauth2(officer("44")).contentType("application/json")
                .body(Map.of("name", "Nord Lorraine test", "pilot", true, "phases", List.of("2023-2027", "2019-2022")))
                .when().put("/api/territories/" + code)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Nord Lorraine test"), "phases", contains("2019-2022", "2023-2027"),
                        "regions.code", contains("44"), "departements.code", contains("57"));
        JsonNode updated = lastEvent(code, EventType.TERRITORY_UPDATED);
        assertEquals(List.of("name", "pilot", "phases"),
                List.of(updated.at("/changed/0").asText(), updated.at("/changed/1").asText(), updated.at("/changed/2").asText()));
        int events = eventTypes(code).size();
        given().auth().oauth2(officer("44")).contentType("application/json").body(Map.of("name", "Nord Lorraine test"))
                .when().put("/api/territories/" + code)
                .then().statusCode(200).header("ETag", "\"1\"");
        assertEquals(events, eventTypes(code).size(), "nothing changed, nothing announced");

        // The officer may add an EPCI of its region, not one of another region.
        given().auth().oauth2(officer("44")).contentType("application/json")
                .body(Map.of("epcis", List.of(CATTENOM, HAUT_BUGEY), "effectiveOn", "2025-01-01"))
                .when().put("/api/territories/" + code + "/perimeter")
                .then().statusCode(403).body("detail", equalTo("EPCI " + HAUT_BUGEY
                        + " has no commune in region 44: only its Region or the programme team may add it"));
        given().auth().oauth2(officer("44")).contentType("application/json")
                .body(Map.of("epcis", List.of(CATTENOM, PAYS_HAUT), "effectiveOn", "2025-01-01"))
                .when().put("/api/territories/" + code + "/perimeter")
                .then().statusCode(200).body("epcis.size()", equalTo(2));

        given().auth().oauth2(officer("44")).contentType("application/json").body(Map.of("status", "LEFT"))
                .when().put("/api/territories/" + code + "/status")
                .then().statusCode(200).body("status", equalTo("LEFT"));
    }

    /** Issue 14: a Region's officer removed another Region's EPCIs from a territory straddling both. */
    @Test
    void aRegionsOfficerCannotRemoveAnotherRegionsEpcisFromAStraddlingTerritory() {
        String grandEst = "200043156";
        String aura = "200069193";
        String code = RegistryFixtures.territoryWith("s", grandEst, aura);
        long events = eventTypes(code).size();
        given().auth().oauth2(officer("44")).contentType("application/json")
                .body(Map.of("epcis", List.of(grandEst), "effectiveOn", "2025-01-01"))
                .when().put("/api/territories/" + code + "/perimeter")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("EPCI " + aura + " has no commune in region 44: only its Region or the programme "
                        + "team may remove it"), "errors[0].field", equalTo("epcis"));
        assertEquals(events, eventTypes(code).size(), "nothing changed, nothing announced");
        given().auth().oauth2(officer("84")).contentType("application/json")
                .body(Map.of("epcis", List.of(grandEst), "effectiveOn", "2025-01-01"))
                .when().put("/api/territories/" + code + "/perimeter")
                .then().statusCode(200).body("epcis.size()", equalTo(1));
    }

    /** Issue 14: a change dated centuries ahead froze the territory's history (every later change refused). */
    @Test
    void aPerimeterChangeIsDatedWithinASaneWindow() {
        String code = RegistryFixtures.territory("w");
        for (String on : List.of("2999-01-01", "2017-12-31", DATES.today().plusYears(1).plusDays(1).toString(),
                "+10000-01-01", "0001-01-01")) {
            given().auth().oauth2(TestTokens.programmeAdmin()).contentType("application/json")
                    .body(Map.of("epcis", List.of("240800862"), "effectiveOn", on))
                    .when().put("/api/territories/" + code + "/perimeter")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("effectiveOn"));
        }
        assertEquals(0, RegistryFixtures.DB.count("SELECT count(*) FROM perimeter_change WHERE territory_code = ?", code));
    }

    @Test
    void aTerritoryWithoutPerimeterIsTheProgrammeTeamsAlone() {
        String code = RegistryFixtures.territory("r");
        given().auth().oauth2(officer("44")).contentType("application/json").body(Map.of("status", "LEFT"))
                .when().put("/api/territories/" + code + "/status")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType("application/json").body(Map.of("name", " "))
                .when().put("/api/territories/" + code)
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType("application/json").body(huge)
                .when().put("/api/territories/ti-anything")
                .then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"), "type", equalTo("urn:territoires:problem:body-too-large"));
    }
}
