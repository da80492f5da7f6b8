package fr.territoires.backbone.outbox;

import fr.territoires.backbone.BackboneConfig;
import fr.territoires.backbone.CloudEventHeaders;
import fr.territoires.backbone.KafkaClients;
import fr.territoires.backbone.inbox.ConsumedEvents;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import fr.territoires.commons.tracing.TraceIds;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes the outbox to Kafka in id order, at least once. For one key, id order is commit order:
 * the outbox draws a row's id under its key's lock, held until the writing transaction ends
 * (migration V2), so an event becomes visible to this relay only after every event of its key
 * committed before it, and with a smaller id. Each record carries its key's sequence number in
 * {@code ce_sequence}. One relay at a time per database
 * (a transaction-scoped advisory lock), so that several replicas of a service never publish out
 * of order. An event is marked published only once Kafka acknowledged it; when a batch fails
 * half-way, what was acknowledged (for each key, up to its first failure) is marked and the rest is
 * retried with a growing pause, so nothing is lost while Kafka is away and nothing acknowledged is
 * sent again, except after a crash between the acknowledgement and the mark (consumers de-duplicate).
 * An event written inside a trace carries its writer's traceparent in {@code ce_traceparent}, and its
 * publication is a span of that trace ({@code <topic> publish}, from the send to Kafka's answer).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key of the relay (any constant unique within the database). */
    private static final long RELAY_LOCK = 0x7E1A_0001L;

    public enum State { STOPPED, RUNNING, FAILING }

    private final AgroalDataSource dataSource;
    private final ConsumedEvents consumed;
    private final KafkaClients kafka;
    private final BackboneConfig config;
    private final Timer latency;
    private final Tracer tracer;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final AtomicReference<State> state = new AtomicReference<>(State.STOPPED);
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running;
    private volatile Thread thread;
    private KafkaProducer<String, String> producer;
    private Connection listener;
    private boolean topicsReady;

    public OutboxRelay(@DataSource("backbone") AgroalDataSource dataSource, ConsumedEvents consumed, KafkaClients kafka,
            BackboneConfig config, MeterRegistry registry, Tracer tracer) {
        this.dataSource = dataSource;
        this.tracer = tracer;
        this.consumed = consumed;
        this.kafka = kafka;
        this.config = config;
        this.latency = Timer.builder("backbone.outbox.publish.latency")
                .description("From the commit of an event to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        registry.gauge("backbone.outbox.backlog", backlog);
        registry.gauge("backbone.outbox.oldest.pending.seconds", oldestPendingSeconds);
    }

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOG.warn("Outbox relay disabled (backbone.relay.enabled=false): events stay in the outbox");
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                // Let the loop finish its batch and close the producer itself; interrupt only if it hangs.
                t.join(config.relay().pollInterval().toMillis() + 2_000);
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public State state() {
        return state.get();
    }

    public String lastError() {
        return lastError.get();
    }

    /** Attempts that failed since the last one that succeeded. */
    public long failures() {
        return failures.get();
    }

    public long backlog() {
        return backlog.get();
    }

    public long oldestPendingSeconds() {
        return oldestPendingSeconds.get();
    }

    private void loop() {
        int failures = 0;
        Instant nextPurge = Instant.EPOCH;
        while (running) {
            try {
                if (!topicsReady) {
                    kafka.ensureTopics(Set.of(fr.territoires.events.Topics.ALL.toArray(String[]::new)));
                    topicsReady = true;
                }
                int published = publishBatch();
                refreshBacklog();
                failures = 0;
                this.failures.set(0);
                state.set(State.RUNNING);
                if (published >= config.relay().batchSize()) {
                    continue; // more waiting: no pause
                }
                if (Instant.now().isAfter(nextPurge)) {
                    purge();
                    nextPurge = Instant.now().plus(Duration.ofHours(1));
                }
                awaitNotification(config.relay().pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                failures++;
                this.failures.set(failures);
                state.set(State.FAILING);
                lastError.set(e.toString());
                closeProducer();
                closeListener();
                Duration pause = KafkaClients.backoff(Duration.ofMillis(250), config.relay().maxBackoff(), failures);
                LOG.warnf("Outbox relay could not publish (attempt %d, next in %d ms): %s", failures,
                        pause.toMillis(), e.toString());
                try {
                    refreshBacklog();
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (SQLException ignored) {
                    // the database is away too: the next attempt says so
                }
            }
        }
        Thread.interrupted(); // close the clients cleanly even when stopped by an interrupt
        closeProducer();
        closeListener();
        state.set(State.STOPPED);
    }

    /** Publishes the oldest unpublished events; returns how many, 0 if another relay holds the lock. */
    int publishBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    c.rollback();
                    return 0;
                }
                List<Row> rows = pending(c);
                if (rows.isEmpty()) {
                    c.commit();
                    return 0;
                }
                if (producer == null) {
                    producer = kafka.producer("outbox-relay");
                }
                // Each record's outcome as its callback reports it. Not the future send() returns: when
                // the broker refuses a batch as too large, the producer splits it and chains a new future
                // to the old one at every split, and get() walks that chain recursively (a
                // StackOverflowError that killed this thread, measured with a record above the topic's
                // max.message.bytes); the callback is called once, with the final outcome.
                List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(rows.size());
                KafkaProducer<String, String> current = producer;
                Exception failure = null;
                for (Row row : rows) {
                    Span span = publishSpan(row);
                    CompletableFuture<RecordMetadata> outcome = new CompletableFuture<>();
                    try {
                        // On the first failure, stop the producer at once: no later event may overtake it.
                        current.send(row.record(), (metadata, error) -> {
                            if (error != null) {
                                current.close(Duration.ZERO);
                                outcome.completeExceptionally(error);
                            } else {
                                outcome.complete(metadata);
                            }
                            endPublishSpan(span, metadata, error);
                        });
                        acks.add(outcome);
                    } catch (RuntimeException e) {
                        endPublishSpan(span, null, e);
                        failure = e; // the producer is closed or cannot reach the cluster: send no more
                        break;
                    }
                }
                try {
                    current.flush();
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
                // What Kafka acknowledged is marked published, even when the batch failed half-way,
                // so that it is not published again; for each key only the events before its first
                // failure, so that a key's events are still published in order on the next attempt.
                List<Row> acknowledged = new ArrayList<>(rows.size());
                Set<String> failedKeys = new HashSet<>();
                for (int i = 0; i < rows.size(); i++) {
                    Row row = rows.get(i);
                    String key = row.topic() + '\u0000' + row.key();
                    if (failedKeys.contains(key)) {
                        continue;
                    }
                    try {
                        if (i >= acks.size()) {
                            throw new IllegalStateException("not sent: an earlier event of the batch failed");
                        }
                        acks.get(i).get(30, TimeUnit.SECONDS);
                        acknowledged.add(row);
                    } catch (ExecutionException e) {
                        failedKeys.add(key);
                        failure = failure == null ? (Exception) (e.getCause() instanceof Exception cause ? cause : e)
                                : failure;
                    } catch (TimeoutException | RuntimeException e) {
                        failedKeys.add(key);
                        failure = failure == null ? e : failure;
                    }
                }
                Instant acked = Instant.now();
                if (!acknowledged.isEmpty()) {
                    markPublished(c, acknowledged);
                }
                c.commit();
                for (Row row : acknowledged) {
                    latency.record(Duration.between(row.createdAt(), acked).abs());
                }
                if (failure != null) {
                    throw new PartialBatchException(acknowledged.size(), rows.size(), failure);
                }
                return rows.size();
            } catch (Exception e) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                throw e;
            }
        }
    }

    /** A batch of which only part was acknowledged (and marked published); the rest is retried. */
    static final class PartialBatchException extends Exception {

        PartialBatchException(int acknowledged, int total, Throwable cause) {
            super(acknowledged + " of " + total + " events acknowledged, the others will be retried: " + cause, cause);
        }
    }

    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> MESSAGE_KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    private static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");

    /** The publication of an event written inside a trace, as a span of that trace; null for the others. */
    private Span publishSpan(Row row) {
        if (TraceIds.parse(row.traceparent()).isEmpty()) {
            return null; // written outside any trace (an import at start-up…): no trace of its own
        }
        return tracer.spanBuilder(row.topic() + " publish")
                .setParent(TraceIds.parentContext(row.traceparent()))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(DESTINATION, row.topic())
                .setAttribute(OPERATION, "publish")
                .setAttribute(MESSAGE_ID, row.eventId())
                .setAttribute(MESSAGE_KEY, row.key())
                .setAttribute(EVENT_TYPE, row.type())
                .startSpan();
    }

    private static void endPublishSpan(Span span, RecordMetadata metadata, Exception error) {
        if (span == null) {
            return;
        }
        if (error != null) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, error.toString());
        } else if (metadata != null) {
            span.setAttribute(PARTITION, (long) metadata.partition());
            span.setAttribute(OFFSET, metadata.offset());
        }
        span.end();
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            ps.setLong(1, RELAY_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    record Row(long id, String eventId, String topic, String key, long sequence, String type, String source,
            Instant occurredAt, String payload, String correlationId, Instant createdAt, String traceparent) {

        ProducerRecord<String, String> record() {
            ProducerRecord<String, String> r = new ProducerRecord<>(topic, key, payload);
            header(r, CloudEventHeaders.ID, eventId);
            header(r, CloudEventHeaders.SOURCE, source);
            header(r, CloudEventHeaders.TYPE, type);
            header(r, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(occurredAt));
            header(r, CloudEventHeaders.SUBJECT, key);
            header(r, CloudEventHeaders.SEQUENCE, CloudEventHeaders.sequence(sequence));
            header(r, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
            header(r, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            if (correlationId != null) {
                header(r, CloudEventHeaders.CORRELATION_ID, correlationId);
            }
            if (traceparent != null) {
                header(r, CloudEventHeaders.TRACEPARENT, traceparent);
            }
            return r;
        }

        private static void header(ProducerRecord<String, String> r, String name, String value) {
            r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private List<Row> pending(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, event_id, topic, event_key, sequence, event_type, source, occurred_at, payload, correlation_id,
                       created_at, trace_parent
                FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE""")) {
            ps.setInt(1, config.relay().batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6), rs.getString(7), rs.getObject(8, java.time.OffsetDateTime.class).toInstant(),
                            rs.getString(9), rs.getString(10), rs.getObject(11, java.time.OffsetDateTime.class).toInstant(),
                            rs.getString(12)));
                }
            }
        }
        return rows;
    }

    private static void markPublished(Connection c, List<Row> rows) throws SQLException {
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox_event SET published_at = clock_timestamp(), attempts = attempts + 1 WHERE id = ANY (?)")) {
            Array array = c.createArrayOf("bigint", ids);
            ps.setArray(1, array);
            ps.executeUpdate();
        }
    }

    private void refreshBacklog() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        SELECT count(*), coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)
                        FROM outbox_event WHERE published_at IS NULL""")) {
            rs.next();
            backlog.set(rs.getLong(1));
            oldestPendingSeconds.set((long) rs.getDouble(2));
        }
    }

    /** Housekeeping: published events and consumed-event records past their retention. */
    void purge() throws SQLException {
        purgeOutbox();
        consumed.purgeExpired();
    }

    /** Removes the published events older than the retention; returns how many. */
    public int purgeOutbox() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM outbox_event WHERE published_at < clock_timestamp() - make_interval(secs => ?)")) {
            ps.setLong(1, config.relay().retention().toSeconds());
            int purged = ps.executeUpdate();
            if (purged > 0) {
                LOG.infof("Outbox: %d published events older than %s removed", purged, config.relay().retention());
            }
            return purged;
        }
    }

    /** Sleeps until a transaction that wrote events commits (LISTEN/NOTIFY), or the poll interval ends. */
    private void awaitNotification(Duration max) throws SQLException, InterruptedException {
        if (listener == null) {
            listener = dataSource.getConnection();
            listener.setAutoCommit(true);
            try (Statement st = listener.createStatement()) {
                st.execute("LISTEN outbox_event");
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        listener.unwrap(PGConnection.class).getNotifications((int) max.toMillis());
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.debug("closing the relay producer", e);
            }
            producer = null;
        }
    }

    private void closeListener() {
        if (listener != null) {
            try {
                listener.close();
            } catch (SQLException e) {
                LOG.debug("closing the relay listener", e);
            }
            listener = null;
        }
    }
}
