package fr.territoires.registry.territory;

import static fr.territoires.registry.RegistryFixtures.DB;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.territoires.registry.RegistryFixtures;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public reads answer from memory between changes (issue #16) and are never staler than the database:
 * a change committed by anyone — this service, another replica, an operator's SQL — shows in the next read.
 * The changes below are made in SQL, behind the service's back, as another replica's would be.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "territory"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class CachedReadsTest {

    private static long revision() {
        return DB.count("SELECT revision FROM read_revision WHERE id = 1");
    }

    @Test
    void aProfileShowsAChangeCommittedElsewhereAtTheNextRead() {
        String code = RegistryFixtures.territory("rc");
        given().when().get("/api/territories/" + code).then().statusCode(200)
                .header("Cache-Control", "public, no-cache")
                .body("name", equalTo("Territoire " + code));
        given().when().get("/api/territories/" + code).then().statusCode(200).body("name", equalTo("Territoire " + code));

        DB.rows("UPDATE territory SET name = 'Renommé ailleurs', version = version + 1 WHERE code = ?", code);

        given().when().get("/api/territories/" + code).then().statusCode(200)
                .body("name", equalTo("Renommé ailleurs"));
    }

    @Test
    void theListRevalidatesWith304AndChangesItsTagWithTheData() {
        String code = RegistryFixtures.territory("rl");
        String tag = given().queryParam("q", code).when().get("/api/territories")
                .then().statusCode(200)
                .header("Cache-Control", "public, no-cache")
                .header("ETag", startsWith("W/\"r"))
                .body("items.code", hasItem(code))
                .extract().header("ETag");

        given().queryParam("q", code).header("If-None-Match", tag).when().get("/api/territories")
                .then().statusCode(304).header("ETag", equalTo(tag)).body(equalTo(""));

        DB.rows("UPDATE territory SET name = 'Changé ailleurs' WHERE code = ?", code);

        String newTag = given().queryParam("q", code).header("If-None-Match", tag).when().get("/api/territories")
                .then().statusCode(200)
                .body("items[0].name", equalTo("Changé ailleurs"))
                .extract().header("ETag");
        assertNotEquals(tag, newTag);
    }

    @Test
    void actionSheetListsAreKeptPrivatelyAndFollowChanges() {
        String code = RegistryFixtures.territory("rs");
        String manager = RegistryFixtures.manager(code);
        given().auth().oauth2(manager).when().get("/api/territories/" + code + "/action-sheets")
                .then().statusCode(200).header("Cache-Control", "private, no-cache").body("total", equalTo(0));

        given().auth().oauth2(manager).contentType("application/json")
                .body(Map.of("title", "Former des soudeurs", "priority", "RECRUIT", "owner", "CC du Bassin de Pompey",
                        "indicators", java.util.List.of("Personnes formées")))
                .when().post("/api/territories/" + code + "/action-sheets").then().statusCode(201);

        given().auth().oauth2(TestTokens.programmeAdmin()).when().get("/api/territories/" + code + "/action-sheets")
                .then().statusCode(200).body("total", equalTo(1), "items[0].title", equalTo("Former des soudeurs"));

        DB.rows("UPDATE action_sheet SET title = 'Changée ailleurs' WHERE territory_code = ?", code);
        given().auth().oauth2(manager).when().get("/api/territories/" + code + "/action-sheets")
                .then().statusCode(200).body("items[0].title", equalTo("Changée ailleurs"));
    }

    @Test
    void aMissingTerritoryIsNotKept() {
        given().when().get("/api/territories/ti-rc-absent").then().statusCode(404);
        DB.rows("INSERT INTO territory (code, name, status, pilot, phases, version, updated_at) "
                + "VALUES ('ti-rc-absent', 'Arrivé ailleurs', 'CANDIDATE', false, ARRAY['2023-2027'], 0, now()) "
                + "ON CONFLICT (code) DO NOTHING");
        given().when().get("/api/territories/ti-rc-absent").then().statusCode(200).body("name", equalTo("Arrivé ailleurs"));
    }

    @Test
    void aTransactionBumpsTheRevisionOnceHoweverManyRowsItWrites() {
        String a = RegistryFixtures.territory("rb");
        String b = RegistryFixtures.territory("rb");
        long before = revision();
        DB.rows("UPDATE territory SET pilot = NOT pilot WHERE code IN (?, ?)", a, b);
        assertEquals(before + 1, revision());
    }

    @Test
    void aRolledBackTransactionDoesNotBumpIt() {
        String code = RegistryFixtures.territory("rr");
        long before = revision();
        assertThrows(IllegalStateException.class, () -> DB.rows("DO $$ BEGIN "
                + "UPDATE territory SET name = 'jamais' WHERE code = '" + code + "'; "
                + "RAISE EXCEPTION 'rolled back'; END $$"));
        assertEquals(before, revision());
        given().when().get("/api/territories/" + code).then().statusCode(200).body("name", not(equalTo("jamais")));
    }
}
