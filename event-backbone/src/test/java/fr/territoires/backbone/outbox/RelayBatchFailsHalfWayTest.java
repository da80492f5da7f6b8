package fr.territoires.backbone.outbox;

import static fr.territoires.backbone.BackboneTestApp.DB;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.backbone.BackboneTestApp;
import fr.territoires.backbone.testapp.TestWriter;
import fr.territoires.events.Topics;
import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.testing.KafkaTopics;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * A relay batch that fails half-way on the real broker: the broker refuses one record (larger than
 * the topic's {@code max.message.bytes}). What Kafka acknowledged before it is marked published;
 * the refused event and every later event of its key stay unpublished (nothing of that key
 * overtakes it) and are retried; once the topic accepts the record again, every event is delivered,
 * each key's in order, and the consumer applies each exactly once.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = BackboneTestApp.DATABASE),
        @ResourceArg(name = "dedicatedKafka", value = BackboneTestApp.BROKER) })
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class RelayBatchFailsHalfWayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The relay's advisory lock (OutboxRelay.RELAY_LOCK): whoever holds it is the relay. */
    private static final long RELAY_LOCK = 0x7E1A_0001L;
    /** The topic's limit during the test: an event with a long reason is above it, the others below. */
    private static final int TOPIC_LIMIT = 1_300;

    @Inject
    TestWriter writer;

    @Inject
    OutboxRelay relay;

    @Test
    void aRecordRefusedByTheBrokerHoldsBackItsKeyThenEverythingIsDeliveredOnceInOrder() throws Exception {
        // Three keys on three different partitions, so that only key a's batches hold the refused record.
        String a = keyOnPartition("ti-half-a-", 0);
        String b = keyOnPartition("ti-half-b-", 1);
        String c = keyOnPartition("ti-half-c-", 2);
        String big = "x".repeat(1_000); // the longest reason its schema allows
        BuildInfrastructure.Postgres pg = BuildInfrastructure.postgres(BackboneTestApp.DATABASE);
        Map<String, List<UUID>> written = new LinkedHashMap<>();
        await().atMost(PATIENCE).until(() -> relay.state() == OutboxRelay.State.RUNNING); // topics created
        try (Admin admin = admin()) {
            try {
                setTopicLimit(admin, String.valueOf(TOPIC_LIMIT));
                try (Connection heldRelay = DriverManager.getConnection(pg.jdbcUrl(BackboneTestApp.DATABASE),
                        pg.user(), pg.password())) {
                    // Hold the relay's lock while writing, so that the relay takes all of it in one batch.
                    try (Statement st = heldRelay.createStatement()) {
                        st.execute("SELECT pg_advisory_lock(" + RELAY_LOCK + ")");
                    }
                    write(written, a, "a1");
                    write(written, b, "b1");
                    write(written, a, big); // a2: refused by the broker
                    write(written, b, "b2");
                    write(written, a, "a3");
                    write(written, c, "c1");
                    write(written, a, "a4");
                    try (Statement st = heldRelay.createStatement()) {
                        st.execute("SELECT pg_advisory_unlock(" + RELAY_LOCK + ")");
                    }
                }

                // The batch fails half-way: the other keys' events, before and after the refused one, are
                // published; key a's are not, from its refused event on. (a1 may be refused with it: Kafka
                // takes or refuses a partition's batch whole, and the relay sends a1 and a2 close together.)
                await().atMost(PATIENCE).until(() -> Stream.of(b, c).flatMap(k -> written.get(k).stream())
                        .allMatch(RelayBatchFailsHalfWayTest::published) && relay.state() == OutboxRelay.State.FAILING);
                // The relay tries again and again; nothing of key a from a2 on is published meanwhile.
                await().atMost(PATIENCE).until(() -> relay.failures() >= 2);
                for (UUID laterOfA : written.get(a).subList(1, 4)) {
                    assertFalse(published(laterOfA), "a2, a3 and a4 wait");
                }
                List<Long> meanwhile = sequences(readAll(written), a);
                assertTrue(meanwhile.isEmpty() || meanwhile.equals(List.of(1L)),
                        "at most a1 of key a reached the topic: " + meanwhile);
            } finally {
                setTopicLimit(admin, null); // the cause is gone: the topic takes the broker's default again
            }
        }

        // Once the cause is gone, everything is delivered, in order per key, and applied once.
        Collection<UUID> all = written.values().stream().flatMap(List::stream).toList();
        await().atMost(PATIENCE).until(() -> all.stream().allMatch(RelayBatchFailsHalfWayTest::published));
        List<KafkaTopics.Message> onTopic = KafkaTopics.readUntil(BackboneTestApp.bootstrap(), Topics.TERRITORY,
                seen -> all.stream().allMatch(id -> seen.stream().anyMatch(m -> id.toString().equals(m.header("ce_id")))),
                PATIENCE);
        for (Map.Entry<String, List<UUID>> key : written.entrySet()) {
            List<Long> seqs = sequences(onTopic, key.getKey());
            assertInOrder(key.getKey(), seqs, key.getValue().size());
        }
        for (Map.Entry<String, List<UUID>> key : written.entrySet()) {
            await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM test_applied WHERE event_key = ?",
                    key.getKey()) >= key.getValue().size());
        }
        for (Map.Entry<String, List<UUID>> key : written.entrySet()) {
            List<Long> applied = DB.rows("SELECT sequence FROM test_applied WHERE event_key = ? ORDER BY applied_order",
                    key.getKey()).stream().map(r -> ((Number) r.get("sequence")).longValue()).toList();
            List<Long> expected = new ArrayList<>();
            for (long i = 1; i <= key.getValue().size(); i++) {
                expected.add(i);
            }
            assertEquals(expected, applied, key.getKey() + ": each event applied once, in order");
        }
        await().atMost(PATIENCE).until(() -> relay.state() == OutboxRelay.State.RUNNING);
    }

    /** A key the default partitioner puts on {@code partition} of the topic's three partitions. */
    private static String keyOnPartition(String prefix, int partition) {
        while (true) {
            String key = prefix + UUID.randomUUID().toString().substring(0, 8);
            if (Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3 == partition) {
                return key;
            }
        }
    }

    private void write(Map<String, List<UUID>> written, String key, String reason) {
        written.computeIfAbsent(key, k -> new ArrayList<>()).add(writer.write(key, reason, 0));
    }

    private static boolean published(UUID eventId) {
        return DB.count("SELECT count(*) FROM outbox_event WHERE event_id = ? AND published_at IS NOT NULL",
                eventId) == 1;
    }

    /**
     * A key's sequence numbers as they appear on the topic: a number appears only after every smaller
     * one (a redelivery may repeat what came before, never skip ahead), and all of them appear.
     */
    private static void assertInOrder(String key, List<Long> seqs, int count) {
        long highest = 0;
        for (long s : seqs) {
            assertTrue(s <= highest + 1, key + " overtaken on the topic: " + seqs);
            highest = Math.max(highest, s);
        }
        assertEquals(count, highest, key + ": every event on the topic " + seqs);
    }

    private static List<Long> sequences(List<KafkaTopics.Message> messages, String key) {
        return messages.stream().filter(m -> key.equals(m.key()))
                .map(m -> Long.parseLong(m.header("ce_sequence"))).toList();
    }

    /** Everything on the topic now: read until the test's events already published are all there. */
    private static List<KafkaTopics.Message> readAll(Map<String, List<UUID>> written) {
        Set<String> publishedIds = new HashSet<>();
        for (List<UUID> ids : written.values()) {
            for (UUID id : ids) {
                if (published(id)) {
                    publishedIds.add(id.toString());
                }
            }
        }
        return KafkaTopics.readUntil(BackboneTestApp.bootstrap(), Topics.TERRITORY,
                seen -> publishedIds.stream().allMatch(id -> seen.stream().anyMatch(m -> id.equals(m.header("ce_id")))),
                PATIENCE);
    }

    private static Admin admin() {
        Properties p = new Properties();
        p.put("bootstrap.servers", BackboneTestApp.bootstrap());
        return Admin.create(p);
    }

    /** Sets the topic's max.message.bytes, or removes it (null: the broker's default). */
    private static void setTopicLimit(Admin admin, String bytes) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.TERRITORY);
        ConfigEntry entry = new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, bytes);
        AlterConfigOp op = new AlterConfigOp(entry, bytes == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get(30, TimeUnit.SECONDS);
    }
}
