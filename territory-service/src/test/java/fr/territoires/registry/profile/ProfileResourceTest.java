package fr.territoires.registry.profile;

import static fr.territoires.registry.RegistryFixtures.DB;
import static fr.territoires.registry.RegistryFixtures.lastEvent;
import static fr.territoires.registry.RegistryFixtures.manager;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.territoires.events.EventType;
import fr.territoires.registry.RegistryFixtures;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "territory"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ProfileResourceTest {

    @Test
    void theTerritorysTeamRecordsItsIndustrialProfileWhichIsPublic() {
        String code = RegistryFixtures.territory("i");
        Map<String, Object> profile = Map.of("industrialJobsShare", 22, "industrialEstablishments", 531,
                "referenceYear", 2023, "source", "Insee, Flores 2021",
                "keyCompanies", List.of(Map.of("siren", "552081317", "name", "Zeta Steel"),
                        Map.of("siren", "356000000", "name", "Alpha Post")));
        given().auth().oauth2(manager(code)).contentType("application/json").body(profile)
                .when().put("/api/territories/" + code + "/industrial-profile")
                .then().statusCode(200).header("ETag", "\"0\"");
        given().when().get("/api/territories/" + code + "/industrial-profile")
                .then().statusCode(200).body("industrialJobsShare", equalTo(22.0f), "industrialEstablishments", equalTo(531),
                        "keyCompanies.name", contains("Alpha Post", "Zeta Steel"));
        JsonNode event = lastEvent(code, EventType.TERRITORY_UPDATED);
        assertEquals(2, event.at("/industrialProfile/keyCompanies").size());

        // Replacing the profile replaces its companies.
        given().auth().oauth2(manager(code)).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("industrialJobsShare", 21.5, "keyCompanies", List.of(Map.of("siren", "552081317", "name", "Zeta"))))
                .when().put("/api/territories/" + code + "/industrial-profile")
                .then().statusCode(200).header("ETag", "\"1\"").body("keyCompanies.size()", equalTo(1));
        assertEquals(1, DB.count("SELECT count(*) FROM key_company WHERE territory_code = ?", code));
    }

    /** Like the governance: first replaces at the same time store one profile and never fail. */
    @Test
    void firstReplacesAtTheSameTimeStoreOneProfileAndNeverFail() {
        String code = RegistryFixtures.territory("i");
        List<Integer> statuses = RegistryFixtures.atOnce(6, () -> given().auth().oauth2(manager(code))
                .contentType("application/json")
                .body(Map.of("industrialJobsShare", 21.5, "keyCompanies", List.of(Map.of("siren", "552081317", "name", "Zeta"))))
                .when().put("/api/territories/" + code + "/industrial-profile").statusCode());
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409 || s == 428), statuses.toString());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(1, DB.count("SELECT count(*) FROM industrial_profile WHERE territory_code = ?", code));
        assertEquals(1, DB.count("SELECT count(*) FROM key_company WHERE territory_code = ?", code));
    }

    @Test
    void impossibleFiguresAndInvalidSirensAreRefusedAndNothingStored() {
        String code = RegistryFixtures.territory("i");
        given().auth().oauth2(manager(code)).contentType("application/json")
                .body(Map.of("industrialJobsShare", 120, "industrialEstablishments", -1,
                        "keyCompanies", List.of(Map.of("siren", "552081318", "name", "Bad key"))))
                .when().put("/api/territories/" + code + "/industrial-profile")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("industrialJobsShare", "industrialEstablishments", "keyCompanies[0].siren"));
        given().auth().oauth2(manager(code)).contentType("application/json")
                .body(Map.of("keyCompanies", List.of(Map.of("siren", "552081317", "name", "A"),
                        Map.of("siren", "552081317", "name", "B"))))
                .when().put("/api/territories/" + code + "/industrial-profile")
                .then().statusCode(400).body("errors[0].field", equalTo("keyCompanies[1].siren"));
        given().auth().oauth2(manager("ti-other")).contentType("application/json").body(Map.of("industrialJobsShare", 10))
                .when().put("/api/territories/" + code + "/industrial-profile")
                .then().statusCode(403);
        assertEquals(0, DB.count("SELECT count(*) FROM industrial_profile WHERE territory_code = ?", code));
        given().when().get("/api/territories/ti-none/industrial-profile").then().statusCode(404);
    }
}
