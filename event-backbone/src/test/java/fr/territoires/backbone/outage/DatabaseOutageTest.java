package fr.territoires.backbone.outage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.backbone.BackboneTestApp;
import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The service's PostgreSQL (a real one of its own) stopped under the running application, then
 * started again: while it is away writes answer 503 problem+json with Retry-After (never 500, never
 * a stack trace) and readiness is down; once it is back, readiness comes back and writes succeed,
 * without a restart; what failed left nothing half-written, and what was written is published.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    private static final String SERVER = "backbone-pg-outage";
    private static final String DATABASE = "backbone_outage";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    public static class OwnDatabase implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(RealInfrastructure.class, Map.of("database", DATABASE,
                            "dedicatedPostgres", SERVER, "dedicatedKafka", BackboneTestApp.BROKER)),
                    new TestResourceEntry(OidcWiremockTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Fail fast when no connection can be had, as a pool under load would.
            return Map.of("quarkus.datasource.reactive.idle-timeout", "1S",
                    "quarkus.datasource.\"backbone\".jdbc.acquisition-timeout", "2S");
        }
    }

    @Test
    void writesAnswer503WhileTheDatabaseIsAwayAndSucceedWhenItIsBack() {
        BuildInfrastructure.DedicatedPostgres pg = RealInfrastructure.dedicatedPostgres(SERVER, DATABASE);
        Sql db = Sql.on(pg, DATABASE);
        String run = UUID.randomUUID().toString().substring(0, 6);

        given().when().post("/test/traced-writes/ti-before-" + run).then().statusCode(204);
        given().when().get("/q/health/ready").then().statusCode(200);

        pg.stop();
        try {
            for (int i = 0; i < 3; i++) {
                Response r = given().when().post("/test/traced-writes/ti-during-" + run + "-" + i);
                r.then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", notNullValue())
                        .body("type", equalTo("urn:territoires:problem:dependency-unavailable"))
                        .body("status", equalTo(503))
                        .body("traceId", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{32}"))
                        .body(not(containsString("Exception")));
            }
            await().atMost(PATIENCE).until(() -> given().when().get("/q/health/ready").statusCode() == 503);
        } finally {
            pg.start();
        }

        await().atMost(PATIENCE).until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        await().atMost(PATIENCE).until(() -> given().when().post("/test/traced-writes/ti-after-" + run).statusCode() == 204);

        // Nothing of the refused writes; the others are there once, and published.
        assertEquals(0, db.count("SELECT count(*) FROM outbox_event WHERE event_key LIKE ?", "ti-during-" + run + "%"));
        assertEquals(1, db.count("SELECT count(*) FROM outbox_event WHERE event_key = ?", "ti-before-" + run));
        assertEquals(1, db.count("SELECT count(*) FROM outbox_event WHERE event_key = ?", "ti-after-" + run));
        await().atMost(PATIENCE).until(() -> db.count(
                "SELECT count(*) FROM outbox_event WHERE event_key LIKE ? AND published_at IS NULL", "ti-%" + run) == 0);
    }
}
