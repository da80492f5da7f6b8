package fr.territoires.backbone.inbox;

import fr.territoires.backbone.BackboneConfig;
import fr.territoires.backbone.CloudEventHeaders;
import fr.territoires.backbone.KafkaClients;
import fr.territoires.commons.tracing.TraceIds;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import fr.territoires.backbone.deadletter.DeadLetters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * One consumer thread per topic that this service's handlers listen to. Each record is applied
 * once (see {@link EventApplier}); a transient failure is retried with a growing pause; a record
 * that is malformed, permanently refused, or still failing after the last attempt is parked in the
 * dead letters, and consumption goes on. Offsets are committed only after their records were
 * applied or parked: a crash replays them, and the de-duplication absorbs the replay. Each record is
 * processed in a span ({@code <topic> process}) whose parent is the event's {@code ce_traceparent}:
 * the consumer's effect belongs to the trace of the request that wrote the event.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final KafkaClients kafka;
    private final EventApplier applier;
    private final DeadLetters deadLetters;
    private final BackboneConfig config;
    private final MeterRegistry registry;
    private final Tracer tracer;
    private final Map<String, Worker> workers = new ConcurrentHashMap<>();

    public EventConsumers(KafkaClients kafka, EventApplier applier, DeadLetters deadLetters, BackboneConfig config,
            MeterRegistry registry, Tracer tracer) {
        this.tracer = tracer;
        this.kafka = kafka;
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.config = config;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        if (!config.consumer().enabled()) {
            return;
        }
        Set<String> topics = new TreeSet<>();
        applier.handlers().forEach(h -> topics.add(h.type().topic()));
        for (String topic : topics) {
            Worker worker = new Worker(topic);
            workers.put(topic, worker);
            Gauge.builder("backbone.consumer.lag", worker.lag, AtomicLong::get)
                    .description("Messages of the topic not yet read by this service (summed over its partitions)")
                    .tag("topic", topic)
                    .register(registry);
            worker.thread.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        workers.values().forEach(Worker::stop);
    }

    /** Topic → whether its consumer thread runs (for readiness). */
    public Map<String, Boolean> running() {
        Map<String, Boolean> state = new LinkedHashMap<>();
        workers.forEach((topic, w) -> state.put(topic, w.thread.isAlive()));
        return state;
    }

    /** The lag the consumer knows from its last fetches (no call to the broker). */
    private static long currentLag(KafkaConsumer<String, String> consumer) {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent()) {
                total += lag.getAsLong();
            }
        }
        return total;
    }

    private final class Worker {

        final String topic;
        final Thread thread;
        volatile boolean running = true;
        volatile KafkaConsumer<String, String> consumer;
        /** As of the last poll: each assigned partition's high watermark minus this consumer's position. */
        final AtomicLong lag = new AtomicLong();

        Worker(String topic) {
            this.topic = topic;
            this.thread = new Thread(this::loop, "consumer-" + topic);
            this.thread.setDaemon(true);
        }

        void stop() {
            running = false;
            KafkaConsumer<String, String> c = consumer;
            if (c != null) {
                c.wakeup();
            }
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void loop() {
            int failures = 0;
            while (running) {
                try {
                    kafka.ensureTopics(List.of(topic, deadLetters.topicFor(topic)));
                    consumer = kafka.consumer(topic);
                    consumer.subscribe(List.of(topic));
                    failures = 0;
                    while (running) {
                        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                        Map<TopicPartition, OffsetAndMetadata> done = new LinkedHashMap<>();
                        for (ConsumerRecord<String, String> record : records) {
                            handle(record);
                            done.put(new TopicPartition(record.topic(), record.partition()),
                                    new OffsetAndMetadata(record.offset() + 1));
                        }
                        if (!done.isEmpty()) {
                            consumer.commitSync(done);
                        }
                        lag.set(currentLag(consumer));
                    }
                } catch (WakeupException e) {
                    // stopping
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                } catch (Exception e) {
                    failures++;
                    Duration pause = KafkaClients.backoff(Duration.ofMillis(500), Duration.ofSeconds(10), failures);
                    LOG.warnf("Consumer of %s failed (%s); restarting in %d ms", topic, e, pause.toMillis());
                    sleep(pause);
                } finally {
                    if (consumer != null) {
                        try {
                            consumer.close(Duration.ofSeconds(2));
                        } catch (RuntimeException e) {
                            LOG.debug("closing consumer", e);
                        }
                        consumer = null;
                    }
                }
            }
        }

        /** Applies a record or parks it, in the span of its processing; returns only when one of the two is done. */
        void handle(ConsumerRecord<String, String> record) throws Exception {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header h : record.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            Span span = tracer.spanBuilder(record.topic() + " process")
                    .setParent(TraceIds.parentContext(headers.get(CloudEventHeaders.TRACEPARENT)))
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute(MESSAGING_SYSTEM, "kafka")
                    .setAttribute(DESTINATION, record.topic())
                    .setAttribute(OPERATION, "process")
                    .setAttribute(CONSUMER_GROUP, config.service())
                    .setAttribute(PARTITION, (long) record.partition())
                    .setAttribute(OFFSET, record.offset())
                    .setAttribute(MESSAGE_ID, String.valueOf(headers.get(CloudEventHeaders.ID)))
                    .setAttribute(EVENT_TYPE, String.valueOf(headers.get(CloudEventHeaders.TYPE)))
                    .startSpan();
            try (Scope scope = span.makeCurrent()) {
                String outcome = applyOrPark(record, headers);
                span.setAttribute(OUTCOME, outcome);
                if (!outcome.equals("applied")) {
                    span.setStatus(StatusCode.ERROR, outcome);
                }
            } catch (Exception | Error e) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR, e.toString());
                throw e;
            } finally {
                span.end();
            }
        }

        /** Applies a record or parks it; says which ("applied" also for a duplicate or an ignored type). */
        private String applyOrPark(ConsumerRecord<String, String> record, Map<String, String> headers)
                throws Exception {
            DeadLetters.Origin origin = new DeadLetters.Origin(record.topic(), record.partition(), record.offset(),
                    record.key(), headers, record.value());
            ReceivedEvent event;
            try {
                event = ReceivedEvent.parse(record.topic(), record.partition(), record.offset(), record.key(), headers,
                        record.value());
            } catch (MalformedEventException e) {
                LOG.warnf("Malformed message %s-%d@%d parked: %s", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
                deadLetters.park(origin, e, 1);
                return "parked";
            }
            List<Throwable> errors = new ArrayList<>();
            for (int attempt = 1; running; attempt++) {
                try {
                    applier.applyOnce(event);
                    return "applied";
                } catch (RuntimeException e) {
                    errors.add(e);
                    boolean permanent = rootCause(e) instanceof PermanentEventFailure;
                    if (permanent || attempt >= config.consumer().maxAttempts()) {
                        LOG.warnf("Event %s (%s) parked after %d attempt(s): %s", event.id(), event.type(), attempt,
                                rootCause(e).toString());
                        deadLetters.park(origin, rootCause(e), attempt);
                        return "parked";
                    }
                    sleep(KafkaClients.backoff(config.consumer().initialBackoff(), Duration.ofSeconds(30), attempt));
                }
            }
            throw new InterruptedException("stopping before " + event.id() + " was applied");
        }
    }

    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    private static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("backbone.outcome");

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof PermanentEventFailure) {
                return t;
            }
            t = t.getCause();
        }
        return t;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
