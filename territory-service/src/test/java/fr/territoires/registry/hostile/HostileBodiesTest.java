package fr.territoires.registry.hostile;

import static fr.territoires.registry.RegistryFixtures.DB;
import static fr.territoires.registry.RegistryFixtures.manager;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.registry.RegistryFixtures;
import fr.territoires.testing.RawHttp;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's findings on request bodies, each as a regression: a chunked body past the limit, a
 * field the operation does not define, a whole replace without If-Match. Nothing is stored.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "territory"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class HostileBodiesTest {

    private static final int LIMIT = 1024 * 1024;

    private static long sheets(String code) {
        return DB.count("SELECT count(*) FROM action_sheet WHERE territory_code = ?", code);
    }

    private static String sheet(String title) {
        return "{\"title\":\"" + title + "\",\"priority\":\"RECRUIT\",\"owner\":\"CC du Bassin de Pompey\"}";
    }

    @Test
    void aChunkedBodyPastTheLimitIsRefusedWhileItArrives() throws Exception {
        String code = RegistryFixtures.territory("h");
        try (RawHttp http = new RawHttp()) {
            http.head("POST /api/territories/" + code + "/action-sheets HTTP/1.1", "Authorization: Bearer " + manager(code),
                    "Content-Type: application/json", "Transfer-Encoding: chunked");
            // A title that never ends: 4 MiB if the server kept reading, four times the limit.
            CompletableFuture<Long> sent = CompletableFuture.supplyAsync(() -> {
                long total = 0;
                try {
                    http.chunk("{\"title\":\"".getBytes(StandardCharsets.UTF_8));
                    byte[] block = new byte[8192];
                    Arrays.fill(block, (byte) 'a');
                    for (int i = 0; i < 512; i++) {
                        http.chunk(block);
                        total += block.length;
                    }
                    http.lastChunk();
                } catch (IOException cutOff) {
                    // the service closed the connection after its answer
                }
                return total;
            });
            RawHttp.Response response = http.read();

            assertEquals(413, response.status(), response.body());
            assertEquals("application/problem+json", response.headers().get("content-type"));
            assertTrue(response.body().contains("\"field\":\"body\""), response.body());
            assertTrue(response.body().contains("at most " + LIMIT + " bytes"), response.body());
            assertTrue(sent.get(30, TimeUnit.SECONDS) > LIMIT);
        }
        assertEquals(0, sheets(code), "nothing stored");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsAnyOther() throws Exception {
        String code = RegistryFixtures.territory("h");
        byte[] body = sheet("Chunked").getBytes(StandardCharsets.UTF_8);
        try (RawHttp http = new RawHttp()) {
            http.head("POST /api/territories/" + code + "/action-sheets HTTP/1.1", "Authorization: Bearer " + manager(code),
                    "Content-Type: application/json", "Transfer-Encoding: chunked");
            http.chunk(Arrays.copyOfRange(body, 0, 10));
            http.chunk(Arrays.copyOfRange(body, 10, body.length));
            http.lastChunk();
            RawHttp.Response response = http.read();
            assertEquals(201, response.status(), response.body());
        }
        assertEquals(1, sheets(code));
    }

    @Test
    void aFieldTheOperationDoesNotDefineIsRefusedAndNamed() {
        String code = RegistryFixtures.territory("h");
        given().auth().oauth2(manager(code)).contentType("application/json")
                .body(sheet("Unknown").replace("}", ",\"plannedBudjet\":1000}"))
                .when().post("/api/territories/" + code + "/action-sheets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("plannedBudjet"), "errors[0].message", equalTo("is not a field of this request"));
        assertEquals(0, sheets(code), "nothing stored");
    }

    @Test
    void aWholeReplaceWithoutIfMatchIsRefusedWith428() {
        String code = RegistryFixtures.territory("h");
        int id = given().auth().oauth2(manager(code)).contentType("application/json").body(sheet("First"))
                .when().post("/api/territories/" + code + "/action-sheets").then().statusCode(201).extract().path("id");
        String path = "/api/territories/" + code + "/action-sheets/" + id;
        given().auth().oauth2(manager(code)).contentType("application/json").body(sheet("Second"))
                .when().put(path).then().statusCode(428).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-Match"));
        String etag = given().auth().oauth2(manager(code)).when().get(path).then().statusCode(200).body("title", equalTo("First")).extract().header("ETag");
        given().auth().oauth2(manager(code)).contentType("application/json").header("If-Match", etag).body(sheet("Second"))
                .when().put(path).then().statusCode(200).body("title", equalTo("Second"));
        assertEquals(Map.of("title", "Second"), DB.rows("SELECT title FROM action_sheet WHERE id = ?", id).get(0));
    }
}
