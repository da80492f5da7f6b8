package fr.territoires.backbone.outbox;

import static fr.territoires.backbone.BackboneTestApp.DB;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.backbone.BackboneTestApp;
import fr.territoires.backbone.CloudEventHeaders;
import fr.territoires.backbone.testapp.TestWriter;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Many writers at once on one key: the consumer sees the key's events in the order their
 * transactions committed, numbered 1, 2, 3… without gaps.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = BackboneTestApp.DATABASE),
        @ResourceArg(name = "dedicatedKafka", value = BackboneTestApp.BROKER) })
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class PerKeyCommitOrderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int WRITERS = 8;
    private static final int EVENTS_PER_WRITER = 25;

    @Inject
    TestWriter writer;

    @Test
    void concurrentWritersOnOneKeyArePublishedInCommitOrder() throws Exception {
        String key = "ti-order-" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writerNo = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < EVENTS_PER_WRITER; i++) {
                        // A pause between the event and the commit, so that transactions overlap.
                        writer.write(key, "w" + writerNo + "-" + i, ThreadLocalRandom.current().nextInt(0, 4) / 1000.0);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int total = WRITERS * EVENTS_PER_WRITER;

        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM test_applied WHERE event_key = ?", key) >= total);
        List<Map<String, Object>> applied = DB.rows("""
                SELECT a.sequence, c.commit_rank FROM test_applied a JOIN test_committed c ON c.event_id::text = a.event_id
                WHERE a.event_key = ? ORDER BY a.applied_order""", key);
        assertEquals(total, applied.size(), "each event applied once");
        long previousRank = 0;
        for (int i = 0; i < applied.size(); i++) {
            long rank = ((Number) applied.get(i).get("commit_rank")).longValue();
            long sequence = ((Number) applied.get(i).get("sequence")).longValue();
            assertTrue(rank > previousRank, "event " + i + " committed (rank " + rank + ") before the one applied before it ("
                    + previousRank + ")");
            assertEquals(i + 1, sequence, "sequence of the key's event applied " + (i + 1) + "th");
            previousRank = rank;
        }

        // A partner reading the topic sees the same: ce_sequence 1, 2, 3… zero-padded, in offset order.
        List<KafkaTopics.Message> onTopic = KafkaTopics.readUntil(BackboneTestApp.bootstrap(), Topics.TERRITORY,
                seen -> seen.stream().filter(m -> key.equals(m.key())).count() >= total, PATIENCE).stream()
                .filter(m -> key.equals(m.key())).toList();
        for (int i = 0; i < onTopic.size(); i++) {
            assertEquals(CloudEventHeaders.sequence(i + 1), onTopic.get(i).header("ce_sequence"));
            assertEquals(19, onTopic.get(i).header("ce_sequence").length());
        }
    }

    /** Several events of one key in one transaction are numbered in the order they were written. */
    @Test
    void eventsOfOneTransactionKeepTheirOrder() {
        String key = "ti-order-" + UUID.randomUUID().toString().substring(0, 8);
        writer.writeMany(key, 5);
        writer.writeMany(key, 3);
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM test_applied WHERE event_key = ?", key) >= 8);
        assertEquals(List.of("1 many-0", "2 many-1", "3 many-2", "4 many-3", "5 many-4", "6 many-0", "7 many-1", "8 many-2"),
                DB.rows("SELECT sequence || ' ' || reason AS s FROM test_applied WHERE event_key = ? ORDER BY applied_order",
                        key).stream().map(r -> (String) r.get("s")).toList());
    }

    /**
     * Events appended with a guard (an approval's conditional update of its envelope) are written in
     * the guard's statement when it changed a row, numbered like any others, and not at all when it did not.
     */
    @Test
    void guardedEventsAreWrittenOnlyWhenTheGuardChangesARow() {
        String key = "ti-order-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(List.of(), writer.writeGuarded(key, 2, false), "a guard that changed nothing returns no row");
        assertEquals(0, DB.count("SELECT count(*) FROM outbox_event WHERE event_key = ?", key), "no event without the change");

        List<Object[]> rows = writer.writeGuarded(key, 2, true);
        assertEquals(1, rows.size(), "the guard's row");
        assertEquals(2, ((Number) rows.get(0)[rows.get(0).length - 1]).intValue(), "the count of events written");
        assertEquals(List.of("1 guarded-0", "2 guarded-1"), DB.rows(
                "SELECT sequence || ' ' || (payload::json ->> 'reason') AS s FROM outbox_event WHERE event_key = ? ORDER BY id",
                key).stream().map(r -> (String) r.get("s")).toList());
    }
}
