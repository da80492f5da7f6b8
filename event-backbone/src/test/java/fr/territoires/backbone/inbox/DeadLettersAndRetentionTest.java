package fr.territoires.backbone.inbox;

import static fr.territoires.backbone.BackboneTestApp.DB;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.backbone.BackboneTestApp;
import fr.territoires.backbone.deadletter.DeadLetterRedrive;
import fr.territoires.backbone.outbox.OutboxRelay;
import fr.territoires.backbone.testapp.TestWriter;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.events.Topics;
import fr.territoires.testing.KafkaTopics;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A poison message, a re-drive, and the retention of what the backbone keeps. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = BackboneTestApp.DATABASE),
        @ResourceArg(name = "dedicatedKafka", value = BackboneTestApp.BROKER) })
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class DeadLettersAndRetentionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    TestWriter writer;

    @Inject
    DeadLetterRedrive redrive;

    @Inject
    ConsumedEvents consumed;

    @Inject
    OutboxRelay relay;

    private static String newKey() {
        return "ti-dl-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLettersAndTheNextEventIsApplied() {
        String key = newKey();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_source", "/territoires/elsewhere");
        headers.put("ce_type", "fr.territoires.territory.status-changed.v1");
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_subject", key);
        headers.put("ce_specversion", "1.0");
        headers.put("ce_sequence", "not-a-number");
        KafkaTopics.send(BackboneTestApp.bootstrap(), Topics.TERRITORY, key, headers, "{\"code\": ");
        writer.writeMany(key, 1);

        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM test_applied WHERE event_key = ?", key) == 1);
        List<Map<String, Object>> parked = DB.rows(
                "SELECT status, error_message FROM dead_letter WHERE event_key = ? AND consumer = ?", key,
                BackboneTestApp.CONSUMER);
        assertEquals(1, parked.size(), parked.toString());
        assertEquals("PARKED", parked.get(0).get("status"));
        String error = (String) parked.get(0).get("error_message");
        assertTrue(error.contains("not JSON") && error.contains("ce_sequence is not a decimal number"), error);
        List<KafkaTopics.Message> dlq = KafkaTopics.readUntil(BackboneTestApp.bootstrap(),
                Topics.deadLetter(Topics.TERRITORY, BackboneTestApp.CONSUMER),
                seen -> seen.stream().anyMatch(m -> key.equals(m.key())), PATIENCE);
        assertEquals("{\"code\": ", dlq.stream().filter(m -> key.equals(m.key())).findFirst().orElseThrow().value());
    }

    @Test
    void anEventParkedAfterItsLastAttemptIsAppliedOnceByTheReDrive() throws Exception {
        String key = newKey();
        DB.rows("INSERT INTO test_failing_key VALUES (?)", key);
        writer.writeMany(key, 1);
        await().atMost(PATIENCE).until(() -> DB.count(
                "SELECT count(*) FROM dead_letter WHERE event_key = ? AND status = 'PARKED'", key) == 1);
        long id = ((Number) DB.rows("SELECT id, attempts FROM dead_letter WHERE event_key = ?", key).get(0).get("id"))
                .longValue();
        assertEquals(3, ((Number) DB.rows("SELECT attempts FROM dead_letter WHERE id = ?", id).get(0).get("attempts"))
                .intValue(), "backbone.consumer.max-attempts");
        assertEquals(0, DB.count("SELECT count(*) FROM test_applied WHERE event_key = ?", key));

        // Still refused: the re-drive says so and the letter stays parked.
        assertThrows(ProblemException.class, () -> redrive.redrive(id));
        assertEquals("PARKED", DB.rows("SELECT status FROM dead_letter WHERE id = ?", id).get(0).get("status"));

        DB.rows("DELETE FROM test_failing_key WHERE event_key = ?", key);
        assertEquals("REDRIVEN", redrive.redrive(id).status());
        assertEquals(1, DB.count("SELECT count(*) FROM test_applied WHERE event_key = ?", key));
        ProblemException again = assertThrows(ProblemException.class, () -> redrive.redrive(id));
        assertEquals(409, again.problem().status());
        assertEquals(1, DB.count("SELECT count(*) FROM test_applied WHERE event_key = ?", key), "applied once");
    }

    @Test
    void consumedEventRecordsArePurgedAfterTheirRetentionLikeTheOutbox() throws Exception {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        DB.rows("""
                INSERT INTO consumed_event (consumer, event_id, event_type, topic, kafka_partition, kafka_offset, applied_at)
                VALUES ('backbone-test', ?, 't', 'territory.events', 0, 1, clock_timestamp() - interval '31 days'),
                       ('backbone-test', ?, 't', 'territory.events', 0, 2, clock_timestamp() - interval '29 days')""",
                old, recent);
        String key = newKey();
        writer.writeMany(key, 2);
        await().atMost(PATIENCE).until(() -> DB.count(
                "SELECT count(*) FROM outbox_event WHERE event_key = ? AND published_at IS NOT NULL", key) == 2);
        DB.rows("""
                UPDATE outbox_event SET published_at = clock_timestamp() - interval '8 days'
                WHERE id = (SELECT min(id) FROM outbox_event WHERE event_key = ?)""", key);

        assertTrue(consumed.purgeExpired() >= 1);
        assertEquals(0, DB.count("SELECT count(*) FROM consumed_event WHERE event_id = ?", old));
        assertEquals(1, DB.count("SELECT count(*) FROM consumed_event WHERE event_id = ?", recent));

        assertTrue(relay.purgeOutbox() >= 1);
        assertEquals(List.of(2L), DB.rows("SELECT sequence FROM outbox_event WHERE event_key = ?", key).stream()
                .map(r -> ((Number) r.get("sequence")).longValue()).toList(), "the published event past 7 days is gone");
        // The key's numbering goes on after a purge: never back to 1.
        writer.writeMany(key, 1);
        assertEquals(3L, ((Number) DB.rows("SELECT max(sequence) AS s FROM outbox_event WHERE event_key = ?", key).get(0)
                .get("s")).longValue());
    }
}
