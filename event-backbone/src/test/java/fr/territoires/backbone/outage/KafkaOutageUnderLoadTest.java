package fr.territoires.backbone.outage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.backbone.BackboneTestApp;
import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.testing.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The application's broker (a real one of the backbone's tests, not the build's) stopped while four
 * clients keep writing and reading, then started again. No request path needs Kafka: the events wait
 * in the outbox, so every answer is 2xx and readiness stays up (docs/decisions.md #17); once the
 * broker is back the relay publishes the backlog by itself. Every acknowledged write has its state
 * row and its event, and each event is published and applied exactly once by the consumer.
 */
@QuarkusTest
@TestProfile(KafkaOutageUnderLoadTest.OwnDatabase.class)
class KafkaOutageUnderLoadTest {

    private static final String DATABASE = "backbone_kafka_outage";
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int CLIENTS = 4;

    public static class OwnDatabase extends OwnInfrastructure {

        @Override
        protected Map<String, String> infrastructure() {
            return Map.of("database", DATABASE, "dedicatedKafka", BackboneTestApp.BROKER);
        }
    }

    @Test
    void underLoadWritesAreAcknowledgedAndTheBacklogIsPublishedOnceWhenTheBrokerIsBack() throws Exception {
        BuildInfrastructure.DedicatedKafka kafka = BackboneTestApp.kafka();
        Sql db = Sql.on(DATABASE);
        String run = "ti-kafka-" + UUID.randomUUID().toString().substring(0, 6);
        String like = run + "-%";
        given().when().get("/q/health/ready").then().statusCode(200);

        OutageLoad load = OutageLoad.start(URI.create("http://localhost:" + RestAssured.port), run, CLIENTS);
        try {
            await().atMost(PATIENCE).until(() -> load.acknowledged().size() >= 10);
            kafka.stop();
            try {
                int acknowledgedAtStop = load.acknowledged().size();
                // Writes go on while nothing can be published: the backlog grows.
                await().atMost(PATIENCE).until(() -> load.acknowledged().size() >= acknowledgedAtStop + 20);
                await().atMost(PATIENCE).until(() -> db.count(
                        "SELECT count(*) FROM outbox_event WHERE event_key LIKE ? AND published_at IS NULL", like) >= 10);
            } finally {
                kafka.start();
            }
            int acknowledgedAtRestart = load.acknowledged().size();
            await().atMost(PATIENCE).until(() -> load.acknowledged().size() >= acknowledgedAtRestart + 10);
        } finally {
            load.close();
        }

        OutageChecks.everyAnswerWas2xxOr503(load);
        assertEquals(List.of(), load.refused(), "no write needs Kafka");
        assertEquals(0, load.count(a -> a.kind() == OutageLoad.Kind.READY && a.status() != 200),
                "readiness stays up while only the relay and the consumers wait for the broker");
        OutageChecks.nothingHalfWrittenAndEachEventAppliedOnce(db, run, load, PATIENCE);
    }
}
