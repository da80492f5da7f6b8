package fr.territoires.backbone.inbox;

import fr.territoires.backbone.BackboneConfig;
import fr.territoires.backbone.CloudEventHeaders;
import fr.territoires.backbone.KafkaClients;
import fr.territoires.commons.outage.Outages;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * dead letters, and consumption goes on. A failure because a dependency is away (the database, or
 * Kafka while parking: {@link Outages}) is not the event's fault and is no attempt: the consumer
 * pauses its partitions, reads the record again after a growing pause (up to
 * {@code backbone.consumer.max-outage-pause}), as long as the outage lasts, and never parks it for
 * that; it keeps polling meanwhile, so that it stays in its group however long the outage. Offsets
 * are committed only after their records were applied or parked: a crash replays them, and the
 * de-duplication absorbs the replay. Each record is
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
            Gauge.builder("backbone.consumer.waiting", worker, w -> w.waitingFor == null ? 0 : 1)
                    .description("1 while the consumer waits for an unavailable dependency (database, Kafka)")
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

    /** Topic → what its consumer waits for (an unavailable dependency), for topics whose consumer waits. */
    public Map<String, String> waiting() {
        Map<String, String> state = new LinkedHashMap<>();
        workers.forEach((topic, w) -> {
            String what = w.waitingFor;
            if (what != null) {
                state.put(topic, what);
            }
        });
        return state;
    }

    /**
     * A record could not be applied nor parked because a dependency is away: not the event's fault,
     * no attempt counted; the consumer reads it again once it has waited.
     */
    static final class DependencyUnavailable extends Exception {

        final String what;

        DependencyUnavailable(String what, Throwable cause) {
            super(what, cause);
            this.what = what;
        }
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
        /** What is away while the consumer waits for it (its partitions paused), else null. */
        volatile String waitingFor;
        /** Consecutive waits for a dependency, for the growing pause. */
        int outages;
        /** When the partitions paused for an outage are read again (System.nanoTime), if paused. */
        long resumeAt;

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
                    resumeAt = 0;
                    while (running) {
                        if (resumeAt != 0 && System.nanoTime() - resumeAt >= 0) {
                            consumer.resume(consumer.paused()); // read the waiting records again
                            resumeAt = 0;
                        }
                        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                        Map<TopicPartition, OffsetAndMetadata> done = new LinkedHashMap<>();
                        try {
                            for (ConsumerRecord<String, String> record : records) {
                                handle(record);
                                done.put(new TopicPartition(record.topic(), record.partition()),
                                        new OffsetAndMetadata(record.offset() + 1));
                            }
                            if (waitingFor != null && !records.isEmpty()) {
                                LOG.infof("Consumer of %s goes on: its dependency is back (it waited for %s)", topic,
                                        waitingFor);
                                waitingFor = null;
                                outages = 0;
                            }
                        } catch (DependencyUnavailable e) {
                            waitFor(e, records, done);
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
            waitingFor = null;
        }

        /**
         * A dependency is away: every record of the batch not applied or parked yet is read again
         * (its partition rewound to it) once the consumer has waited, its partitions paused
         * meanwhile. Polling goes on, so that the consumer stays in its group.
         */
        private void waitFor(DependencyUnavailable e, ConsumerRecords<String, String> records,
                Map<TopicPartition, OffsetAndMetadata> done) {
            for (TopicPartition partition : records.partitions()) {
                List<ConsumerRecord<String, String>> batch = records.records(partition);
                long next = done.containsKey(partition) ? done.get(partition).offset() : batch.get(0).offset();
                if (next <= batch.get(batch.size() - 1).offset()) {
                    consumer.seek(partition, next);
                }
            }
            outages++;
            Duration pause = KafkaClients.backoff(config.consumer().initialBackoff(), config.consumer().maxOutagePause(),
                    outages);
            if (waitingFor == null) {
                LOG.warnf("Consumer of %s waits: %s is unavailable (%s); the event is no attempt and is read again",
                        topic, e.what, e.getCause().toString());
            } else {
                LOG.debugf("Consumer of %s still waits for %s; next try in %d ms", topic, e.what, pause.toMillis());
            }
            waitingFor = e.what;
            consumer.pause(consumer.assignment());
            resumeAt = System.nanoTime() + pause.toNanos();
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
            } catch (DependencyUnavailable e) {
                span.setAttribute(OUTCOME, "waiting");
                span.setStatus(StatusCode.ERROR, e.what + " unavailable");
                throw e;
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
                park(origin, e, 1);
                return "parked";
            }
            for (int attempt = 1; running; attempt++) {
                try {
                    applier.applyOnce(event);
                    return "applied";
                } catch (RuntimeException e) {
                    Optional<String> away = Outages.unavailable(e);
                    if (away.isPresent()) {
                        throw new DependencyUnavailable(away.get(), e); // not the event's fault: no attempt
                    }
                    boolean permanent = rootCause(e) instanceof PermanentEventFailure;
                    if (permanent || attempt >= config.consumer().maxAttempts()) {
                        LOG.warnf("Event %s (%s) parked after %d attempt(s): %s", event.id(), event.type(), attempt,
                                rootCause(e).toString());
                        park(origin, rootCause(e), attempt);
                        return "parked";
                    }
                    sleep(KafkaClients.backoff(config.consumer().initialBackoff(), Duration.ofSeconds(30), attempt));
                }
            }
            throw new InterruptedException("stopping before " + event.id() + " was applied");
        }

        /** Parks a record; the database or Kafka away while parking is a wait like any other outage. */
        private void park(DeadLetters.Origin origin, Throwable error, int attempts) throws Exception {
            try {
                deadLetters.park(origin, error, attempts);
            } catch (Exception e) {
                Optional<String> away = Outages.unavailable(e);
                if (away.isPresent()) {
                    throw new DependencyUnavailable(away.get(), e);
                }
                throw e;
            }
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
