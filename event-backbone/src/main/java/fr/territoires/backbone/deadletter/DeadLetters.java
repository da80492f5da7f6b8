package fr.territoires.backbone.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.backbone.BackboneConfig;
import fr.territoires.backbone.KafkaClients;
import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import fr.territoires.events.Topics;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Parks messages this service could not apply: on {@code <topic>.dlq.<service>} (with the error and
 * the origin in headers, for operators and partners' tooling) and in the {@code dead_letter} table
 * (for listing and re-drive). The Kafka copy is written first; the table row is the receipt.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String ERROR_CLASS = "dlq_error_class";
    public static final String ERROR_MESSAGE = "dlq_error_message";
    public static final String ORIGIN_TOPIC = "dlq_origin_topic";
    public static final String ORIGIN_PARTITION = "dlq_origin_partition";
    public static final String ORIGIN_OFFSET = "dlq_origin_offset";
    public static final String CONSUMER = "dlq_consumer";
    public static final String ATTEMPTS = "dlq_attempts";
    public static final String FAILED_AT = "dlq_failed_at";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;
    private final KafkaClients kafka;
    private final String service;
    private final MeterRegistry registry;
    private final AtomicLong parked = new AtomicLong();
    private KafkaProducer<String, String> producer;

    public DeadLetters(@DataSource("backbone") AgroalDataSource dataSource, KafkaClients kafka, BackboneConfig config,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.service = config.service();
        this.registry = registry;
        registry.gauge("backbone.dead.letters.parked", parked);
    }

    /** A message as it came off Kafka. */
    public record Origin(String topic, int partition, long offset, String key, Map<String, String> headers,
            String payload) {
    }

    public String topicFor(String topic) {
        return Topics.deadLetter(topic, service);
    }

    /** Parks a message; blocks until Kafka acknowledged the copy and the row is stored. */
    public synchronized void park(Origin origin, Throwable error, int attempts) throws Exception {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        Instant failedAt = Instant.now();
        ProducerRecord<String, String> copy = new ProducerRecord<>(topicFor(origin.topic()), origin.key(), origin.payload());
        origin.headers().forEach((k, v) -> copy.headers().add(k, bytes(v)));
        copy.headers().add(ERROR_CLASS, bytes(error.getClass().getName()));
        copy.headers().add(ERROR_MESSAGE, bytes(truncate(message, 4000)));
        copy.headers().add(ORIGIN_TOPIC, bytes(origin.topic()));
        copy.headers().add(ORIGIN_PARTITION, bytes(String.valueOf(origin.partition())));
        copy.headers().add(ORIGIN_OFFSET, bytes(String.valueOf(origin.offset())));
        copy.headers().add(CONSUMER, bytes(service));
        copy.headers().add(ATTEMPTS, bytes(String.valueOf(attempts)));
        copy.headers().add(FAILED_AT, bytes(failedAt.toString()));
        if (producer == null) {
            producer = kafka.producer("dead-letters");
        }
        producer.send(copy).get(30, TimeUnit.SECONDS);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO dead_letter (consumer, topic, kafka_partition, kafka_offset, event_key, headers, payload,
                                         error_class, error_message, attempts, status, failed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PARKED', ?)
                ON CONFLICT (consumer, topic, kafka_partition, kafka_offset) DO NOTHING""")) {
            ps.setString(1, service);
            ps.setString(2, origin.topic());
            ps.setInt(3, origin.partition());
            ps.setLong(4, origin.offset());
            ps.setString(5, origin.key());
            ps.setString(6, JSON.writeValueAsString(origin.headers()));
            ps.setString(7, origin.payload());
            ps.setString(8, error.getClass().getName());
            ps.setString(9, message);
            ps.setInt(10, attempts);
            ps.setTimestamp(11, Timestamp.from(failedAt));
            ps.executeUpdate();
        }
        registry.counter("backbone.dead.letters", "topic", origin.topic()).increment();
        refreshCount();
    }

    public Page<DeadLetter> list(PageRequest request, Optional<String> status) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM dead_letter WHERE consumer = ? AND (?::text IS NULL OR status = ?)")) {
                ps.setString(1, service);
                ps.setString(2, status.orElse(null));
                ps.setString(3, status.orElse(null));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<DeadLetter> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT * FROM dead_letter WHERE consumer = ? AND (?::text IS NULL OR status = ?)
                    ORDER BY id LIMIT ? OFFSET ?""")) {
                ps.setString(1, service);
                ps.setString(2, status.orElse(null));
                ps.setString(3, status.orElse(null));
                ps.setInt(4, request.size());
                ps.setLong(5, request.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(read(rs));
                    }
                }
            }
            return Page.of(items, request, total);
        }
    }

    public Optional<DeadLetter> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM dead_letter WHERE id = ? AND consumer = ?")) {
            ps.setLong(1, id);
            ps.setString(2, service);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public List<Long> parkedIds() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM dead_letter WHERE consumer = ? AND status = 'PARKED' ORDER BY id")) {
            ps.setString(1, service);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    void markRedriven(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE dead_letter SET status = 'REDRIVEN', redriven_at = clock_timestamp() WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        refreshCount();
    }

    void recordFailedRedrive(long id, Throwable error) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE dead_letter SET attempts = attempts + 1, error_class = ?, error_message = ?,
                                       failed_at = clock_timestamp() WHERE id = ?""")) {
            ps.setString(1, error.getClass().getName());
            ps.setString(2, error.getMessage() == null ? error.toString() : error.getMessage());
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    public long parkedCount() {
        return parked.get();
    }

    public void refreshCount() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM dead_letter WHERE consumer = ? AND status = 'PARKED'")) {
            ps.setString(1, service);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                parked.set(rs.getLong(1));
            }
        }
    }

    void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    private static DeadLetter read(ResultSet rs) throws SQLException {
        Map<String, String> headers;
        try {
            headers = JSON.readValue(rs.getString("headers"), new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            headers = Map.of();
        }
        Timestamp redriven = rs.getTimestamp("redriven_at");
        return new DeadLetter(rs.getLong("id"), rs.getString("consumer"), rs.getString("topic"),
                rs.getInt("kafka_partition"), rs.getLong("kafka_offset"), rs.getString("event_key"), headers,
                rs.getString("payload"), rs.getString("error_class"), rs.getString("error_message"),
                rs.getInt("attempts"), rs.getString("status"), rs.getTimestamp("failed_at").toInstant(),
                redriven == null ? null : redriven.toInstant());
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
