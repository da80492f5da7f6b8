package fr.territoires.backbone.outbox;

import static fr.territoires.backbone.BackboneTestApp.DB;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The hard case of a crash: Kafka acknowledged a batch, and the relay died before marking it
 * published. The batch is published again; the consumer applies each event once.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = BackboneTestApp.DATABASE),
        @ResourceArg(name = "dedicatedKafka", value = BackboneTestApp.BROKER) })
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class RelayCrashTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The relay's advisory lock (OutboxRelay.RELAY_LOCK): whoever holds it is the relay. */
    private static final long RELAY_LOCK = 0x7E1A_0001L;

    @Inject
    TestWriter writer;

    @Test
    void aBatchAcknowledgedButNotMarkedIsPublishedAgainAndAppliedOnce() throws Exception {
        String key = "ti-crash-" + UUID.randomUUID().toString().substring(0, 8);
        BuildInfrastructure.Postgres pg = BuildInfrastructure.postgres(BackboneTestApp.DATABASE);
        List<String> ids = new ArrayList<>();
        try (Connection dyingRelay = DriverManager.getConnection(pg.jdbcUrl(BackboneTestApp.DATABASE), pg.user(),
                pg.password())) {
            // This connection plays the relay that is about to die: it holds the relay's lock, so the
            // service's own relay waits.
            try (Statement st = dyingRelay.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + RELAY_LOCK + ")");
            }
            writer.writeMany(key, 3);
            List<OutboxRelay.Row> rows = new ArrayList<>();
            try (PreparedStatement ps = dyingRelay.prepareStatement("""
                    SELECT id, event_id, topic, event_key, sequence, event_type, source, occurred_at, payload,
                           correlation_id, created_at, trace_parent
                    FROM outbox_event WHERE event_key = ? AND published_at IS NULL ORDER BY id""")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new OutboxRelay.Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5), rs.getString(6), rs.getString(7),
                                rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9), rs.getString(10),
                                rs.getObject(11, OffsetDateTime.class).toInstant(), rs.getString(12)));
                    }
                }
            }
            assertEquals(3, rows.size());
            // It publishes the batch exactly as the relay does, Kafka acknowledges every record…
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BackboneTestApp.bootstrap());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                for (OutboxRelay.Row row : rows) {
                    producer.send(row.record()).get(30, TimeUnit.SECONDS);
                    ids.add(row.eventId());
                }
            }
            // …and it dies before its transaction marks them published: the connection goes away.
        }

        await().atMost(PATIENCE).until(() -> DB.count(
                "SELECT count(*) FROM outbox_event WHERE event_key = ? AND published_at IS NOT NULL", key) == 3);
        List<KafkaTopics.Message> onTopic = KafkaTopics.readUntil(BackboneTestApp.bootstrap(), Topics.TERRITORY,
                seen -> seen.stream().filter(m -> key.equals(m.key())).count() >= 6, PATIENCE).stream()
                .filter(m -> key.equals(m.key())).toList();
        assertEquals(6, onTopic.size(), "each event delivered twice");
        Map<String, Long> copies = onTopic.stream().collect(Collectors.groupingBy(m -> m.header("ce_id"),
                Collectors.counting()));
        assertEquals(Map.of(ids.get(0), 2L, ids.get(1), 2L, ids.get(2), 2L), copies);
        assertEquals(List.of("1", "2", "3", "1", "2", "3"), onTopic.stream()
                .map(m -> String.valueOf(Long.parseLong(m.header("ce_sequence")))).toList(),
                "a redelivered event keeps its sequence number");

        await().atMost(PATIENCE).until(() -> DB.count("""
                SELECT count(*) FROM consumed_event c JOIN test_applied a ON a.event_id = c.event_id
                WHERE a.event_key = ?""", key) == 3 && consumedUpTo(onTopic.get(5)));
        assertEquals(List.of(1L, 2L, 3L), DB.rows(
                "SELECT sequence FROM test_applied WHERE event_key = ? ORDER BY applied_order", key).stream()
                .map(r -> ((Number) r.get("sequence")).longValue()).toList(), "applied once each, in order");
    }

    /** The consumer has gone past the last copy (its offset is committed beyond it). */
    private static boolean consumedUpTo(KafkaTopics.Message last) {
        Properties p = new Properties();
        p.put("bootstrap.servers", BackboneTestApp.bootstrap());
        try (var admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            var offsets = admin.listConsumerGroupOffsets(BackboneTestApp.CONSUMER).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            var committed = offsets.get(new org.apache.kafka.common.TopicPartition(Topics.TERRITORY, last.partition()));
            return committed != null && committed.offset() > last.offset();
        } catch (Exception e) {
            return false;
        }
    }
}
