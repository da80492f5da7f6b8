package fr.territoires.backbone.outage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.backbone.BackboneTestApp;
import fr.territoires.events.EventType;
import fr.territoires.events.Topics;
import fr.territoires.events.territory.TerritoryStatusChangedV1;
import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.testing.KafkaTopics;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The service's PostgreSQL (a real one of its own) stopped under the running application while
 * four clients keep writing and reading, then started again: every answer is 2xx or 503
 * problem+json with Retry-After (never 500, never a stack trace), readiness goes down; once the
 * database is back, readiness comes back and writes succeed, without a restart. Every acknowledged
 * write has its state row and its event, every refused one neither, and each event was published
 * and applied once by the consumer. Events that reach the consumer while its database is away (sent
 * to Kafka during the outage) make it wait (WAITING in readiness), not count attempts: once the
 * database is back each is applied exactly once and none is parked as a dead letter.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    private static final String SERVER = "backbone-pg-outage";
    private static final String DATABASE = "backbone_outage";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int CLIENTS = 4;
    /** Events sent straight to Kafka while the database is away, for the consumer to meet the outage. */
    private static final int DURING_OUTAGE = 5;

    public static class OwnDatabase extends OwnInfrastructure {

        @Override
        protected Map<String, String> infrastructure() {
            return Map.of("database", DATABASE, "dedicatedPostgres", SERVER, "dedicatedKafka", BackboneTestApp.BROKER);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // Fail fast when no connection can be had, as a pool under load would.
            return Map.of("quarkus.datasource.reactive.idle-timeout", "1S",
                    "quarkus.datasource.\"backbone\".jdbc.acquisition-timeout", "2S");
        }
    }

    @Test
    void underLoadEveryAnswerIs2xxOr503AndNothingIsHalfWritten() throws Exception {
        BuildInfrastructure.DedicatedPostgres pg = RealInfrastructure.dedicatedPostgres(SERVER, DATABASE);
        Sql db = Sql.on(pg, DATABASE);
        String id = UUID.randomUUID().toString().substring(0, 6);
        String run = "ti-db-" + id;
        String direct = "ti-dbk-" + id; // not matched by run + "-%"
        Set<String> directKeys = new TreeSet<>();
        given().when().get("/q/health/ready").then().statusCode(200);

        OutageLoad load = OutageLoad.start(URI.create("http://localhost:" + RestAssured.port), run, CLIENTS);
        try {
            await().atMost(PATIENCE).until(() -> load.acknowledged().size() >= 10);
            pg.stop();
            try {
                await().atMost(PATIENCE).until(() -> given().when().get("/q/health/ready").statusCode() == 503);
                await().atMost(PATIENCE).until(() -> load.refused().size() >= 5
                        && load.count(a -> a.kind() == OutageLoad.Kind.READ && a.status() == 503) >= 5);
                // One refusal in full: problem+json, Retry-After, the trace to find its log line, no stack trace.
                given().when().post("/test/traced-writes/" + run + "-probe").then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", notNullValue())
                        .body("type", equalTo("urn:territoires:problem:dependency-unavailable"))
                        .body("status", equalTo(503))
                        .body("traceId", matchesPattern("[0-9a-f]{32}"))
                        .body(not(containsString("Exception")));
                // Events reach the consumer while its database is away: it waits for it, it does not
                // spend their attempts (3 here) and park them.
                ObjectMapper json = new ObjectMapper();
                for (int i = 0; i < DURING_OUTAGE; i++) {
                    String key = direct + "-" + i;
                    directKeys.add(key);
                    KafkaTopics.send(BackboneTestApp.bootstrap(), Topics.TERRITORY, key,
                            KafkaTopics.cloudEventHeaders("elsewhere", EventType.TERRITORY_STATUS_CHANGED.type(), key),
                            json.writeValueAsString(new TerritoryStatusChangedV1(key, "Territoire " + key, "LEFT",
                                    "LABELLED", "sent during the outage")));
                }
                await().atMost(PATIENCE).until(() -> given().when().get("/q/health/ready").then().extract()
                        .path("checks.find { it.name == 'Event backbone' }.data.'consumer territory.events'") instanceof String
                        state && state.startsWith("WAITING"));
            } finally {
                pg.start();
            }
            // Back by itself: readiness, then writes acknowledged again.
            await().atMost(PATIENCE).until(() -> given().when().get("/q/health/ready").statusCode() == 200);
            int acknowledgedBeforeRestart = load.acknowledged().size();
            await().atMost(PATIENCE).until(() -> load.acknowledged().size() >= acknowledgedBeforeRestart + 10);
        } finally {
            load.close();
        }

        OutageChecks.everyAnswerWas2xxOr503(load);
        OutageChecks.nothingHalfWrittenAndEachEventAppliedOnce(db, run, load, PATIENCE);
        OutageChecks.eachAppliedOnceAndNoneParked(db, direct + "-%", directKeys, PATIENCE);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Event backbone' }.data.'consumer territory.events'",
                        startsWith("RUNNING"));
    }
}
