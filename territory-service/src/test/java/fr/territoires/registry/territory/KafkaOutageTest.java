package fr.territoires.registry.territory;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.events.Topics;
import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.testing.KafkaTopics;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.Sql;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Kafka stopped while 500 state changes are made, then restarted: every event arrives, in order
 * per key. The service keeps answering during the outage; the outbox holds the events.
 */
@QuarkusTest
@TestProfile(KafkaOutageTest.OwnBroker.class)
class KafkaOutageTest {

    private static final String BROKER = "kafka-outage";
    private static final String DATABASE = "territory_outage";

    public static class OwnBroker implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(RealInfrastructure.class, Map.of("database", DATABASE, "dedicatedKafka", BROKER)),
                    new TestResourceEntry(OidcWiremockTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backbone.relay.max-backoff", "2S");
        }
    }

    @Test
    void everyEventArrivesInOrderPerKeyAfterAnOutage() {
        BuildInfrastructure.DedicatedKafka kafka = RealInfrastructure.dedicatedKafka(BROKER);
        String admin = TestTokens.programmeAdmin();
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String code = "ti-out" + run + i;
            codes.add(code);
            given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("code", code, "name", "Territoire " + i, "status", "LABELLED"))
                    .when().post("/api/territories").then().statusCode(201);
        }

        kafka.stop();
        for (int i = 0; i < 500; i++) {
            String code = codes.get(i % 5);
            String status = (i / 5) % 2 == 0 ? "LEFT" : "LABELLED";
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("status", status))
                    .when().put("/api/territories/" + code + "/status").then().statusCode(200);
        }
        Sql db = Sql.on(DATABASE);
        String keys = codes.stream().map(c -> "'" + c + "'").collect(Collectors.joining(","));
        long pending = db.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND event_key IN (" + keys + ")");
        assertTrue(pending >= 500, "the outbox holds what Kafka could not take: " + pending);

        kafka.start();

        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (Map<String, Object> row : db.rows(
                "SELECT event_id::text AS event_id, event_key FROM outbox_event WHERE event_key IN (" + keys + ") ORDER BY outbox_event.id")) {
            expected.computeIfAbsent((String) row.get("event_key"), k -> new ArrayList<>()).add((String) row.get("event_id"));
        }
        Set<String> all = expected.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        List<KafkaTopics.Message> received = KafkaTopics.readUntil(kafka.bootstrapServers(), Topics.TERRITORY,
                seen -> seen.stream().map(m -> m.header("ce_id")).collect(Collectors.toSet()).containsAll(all),
                Duration.ofSeconds(120));

        // At least once: a re-sent batch may repeat events, so order is checked on first arrivals.
        Map<String, LinkedHashSet<String>> arrived = new LinkedHashMap<>();
        for (KafkaTopics.Message m : received) {
            if (codes.contains(m.key())) {
                arrived.computeIfAbsent(m.key(), k -> new LinkedHashSet<>()).add(m.header("ce_id"));
            }
        }
        for (String code : codes) {
            List<String> got = List.copyOf(arrived.get(code));
            if (!expected.get(code).equals(got)) {
                int i = 0;
                while (expected.get(code).get(i).equals(got.get(i))) {
                    i++;
                }
                String late = expected.get(code).get(i);
                System.out.println("DIAG first mismatch at " + i + " for " + code + ": " + db.rows(
                        "SELECT id, event_type, created_at, published_at, attempts FROM outbox_event WHERE event_id::text IN (?, ?)",
                        late, got.get(i)));
                received.stream().filter(m -> late.equals(m.header("ce_id")) || got.get(0).equals(m.header("ce_id")))
                        .forEach(m -> System.out.println("DIAG arrival " + m.header("ce_id") + " p" + m.partition() + "@" + m.offset()));
            }
            assertEquals(expected.get(code), got, "order of " + code + "'s events");
        }
        assertEquals(0, db.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL"));
    }
}
