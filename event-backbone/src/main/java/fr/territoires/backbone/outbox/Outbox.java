package fr.territoires.backbone.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.territoires.backbone.BackboneConfig;
import fr.territoires.backbone.CloudEventHeaders;
import fr.territoires.commons.tracing.CorrelationIdFilter;
import fr.territoires.commons.tracing.TraceIds;
import fr.territoires.events.EventSchemas;
import fr.territoires.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.MDC;

/**
 * Records an event in the outbox, in the caller's transaction: the event exists if and only if
 * the state change it describes was committed. The relay publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final String source;

    public Outbox(ObjectMapper json, BackboneConfig config) {
        this.json = json;
        this.source = CloudEventHeaders.source(config.service());
    }

    /** An event to append: its type, its key (the territory code) and its payload. */
    public record Pending(EventType type, String key, Object payload) {
    }

    /**
     * Appends an event; must run inside a transaction ({@code @WithTransaction} on the caller).
     * A payload that breaks its schema is a programming error: it fails the whole transaction.
     *
     * @param key the territory code: Kafka key and {@code ce_subject}
     */
    public Uni<OutboxEvent> append(EventType type, String key, Object payload) {
        OutboxEvent event;
        try {
            event = build(new Pending(type, key, payload));
        } catch (IllegalStateException | JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return inTransaction().chain(session -> session.persist(event)).replaceWith(event);
    }

    /**
     * Takes, in the caller's transaction and until it ends, the locks of several keys of one topic
     * in one global order (the keys sorted), before any event is written: the lock an event's insert
     * takes (migration V2), so a writer that changes several territories in one transaction calls it
     * first with all of them. Two such writers then wait for each other instead of deadlocking, and
     * the second reads what the first committed. A key without events yet gets its counter row
     * (numbering still starts at 1).
     */
    public Uni<Void> lockKeys(String topic, java.util.Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String sorted;
        try {
            sorted = json.writeValueAsString(new java.util.TreeSet<>(keys));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return inTransaction().chain(session -> session.createNativeQuery("""
                INSERT INTO outbox_key_sequence AS s (topic, event_key, last_sequence)
                SELECT :topic, r.k, 0 FROM json_array_elements_text(CAST(CAST(:keys AS text) AS json))
                     WITH ORDINALITY AS r(k, position)
                ORDER BY r.position
                ON CONFLICT (topic, event_key) DO UPDATE SET last_sequence = s.last_sequence""")
                .setParameter("topic", topic).setParameter("keys", sorted).executeUpdate()).replaceWithVoid();
    }

    /**
     * Appends many events in one statement, in the caller's transaction, exactly as as many
     * {@link #append} calls in list order would: each payload checked against its schema (one that
     * breaks it fails the whole transaction), each row numbered by the per-key trigger in list order,
     * so a key's events keep their order. For bulk loads: one round trip instead of one per event.
     *
     * @return the events as written (their id and sequence are drawn by the database and not read back)
     */
    public Uni<List<OutboxEvent>> appendAll(List<Pending> pending) {
        if (pending.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Rows rows;
        try {
            rows = rows(pending);
        } catch (IllegalStateException | JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return inTransaction().chain(session -> session.createNativeQuery(INSERT + " ORDER BY r.position")
                .setParameter("rows", rows.json()).executeUpdate())
                .map(inserted -> rows.check(inserted));
    }

    /**
     * Runs {@code guard}, a data-modifying statement with a {@code RETURNING} clause, and appends the
     * events in the same statement only when it returned at least one row, in the caller's
     * transaction: one round trip for a change and its events. For a critical section that should
     * hold its lock for nothing but the change and the commit (an approval's conditional update of
     * its envelope): the events' key locks are taken after the guard's, as they would be by
     * {@link #appendAll} called after it.
     *
     * @param params the guard's named parameters ({@code rows} is taken)
     * @return the guard's returned rows, each followed by one column: the number of events written
     *     (0 when the guard returned no row, and nothing was written)
     */
    public Uni<List<Object[]>> appendAllWith(String guard, java.util.Map<String, Object> params, List<Pending> pending) {
        Rows rows;
        try {
            rows = rows(pending);
        } catch (IllegalStateException | JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        // The insert reads the guard's rows: PostgreSQL runs the guard (and waits for its locks) first.
        String sql = "WITH guard AS (" + guard + "), written AS (" + INSERT
                + " WHERE EXISTS (SELECT 1 FROM guard) ORDER BY r.position RETURNING 1) "
                + "SELECT guard.*, (SELECT count(*) FROM written) FROM guard";
        return inTransaction().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class).setParameter("rows", rows.json());
            params.forEach(query::setParameter);
            return query.getResultList();
        }).map(result -> {
            if (!result.isEmpty()) {
                Object[] first = result.get(0);
                rows.check(((Number) first[first.length - 1]).intValue());
            }
            return result;
        });
    }

    // ORDER BY the position in the list: the rows reach the BEFORE INSERT trigger (which draws each
    // row's id and per-key sequence) in that order.
    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, event_key, event_type, source, occurred_at, payload, correlation_id,
                                      trace_parent)
            SELECT CAST(r.e ->> 'event_id' AS uuid), r.e ->> 'topic', r.e ->> 'event_key', r.e ->> 'event_type',
                   r.e ->> 'source', CAST(r.e ->> 'occurred_at' AS timestamptz), r.e ->> 'payload', r.e ->> 'correlation_id',
                   r.e ->> 'trace_parent'
            FROM json_array_elements(CAST(CAST(:rows AS text) AS json)) WITH ORDINALITY AS r(e, position)""";

    /** Events built and checked, as the JSON rows the insert reads. */
    private record Rows(List<OutboxEvent> events, String json) {

        List<OutboxEvent> check(int inserted) {
            if (inserted != events.size()) {
                throw new IllegalStateException("outbox: " + inserted + " rows written for " + events.size() + " events");
            }
            return events;
        }
    }

    private Rows rows(List<Pending> pending) throws JsonProcessingException {
        List<OutboxEvent> events = new ArrayList<>(pending.size());
        ArrayNode rows = json.createArrayNode();
        for (Pending p : pending) {
            OutboxEvent event = build(p);
            events.add(event);
            rows.addObject().put("event_id", event.eventId.toString()).put("topic", event.topic)
                    .put("event_key", event.key).put("event_type", event.type).put("source", event.source)
                    .put("occurred_at", event.occurredAt.toString()).put("payload", event.payload)
                    .put("correlation_id", event.correlationId).put("trace_parent", event.traceparent);
        }
        return new Rows(events, rows.toString());
    }

    private OutboxEvent build(Pending p) throws JsonProcessingException {
        JsonNode tree = json.valueToTree(p.payload());
        List<String> violations = EventSchemas.violations(p.type(), tree);
        if (!violations.isEmpty()) {
            throw new IllegalStateException(p.type().type() + " payload breaks its schema: " + String.join("; ", violations));
        }
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = p.type().topic();
        event.key = p.key();
        event.type = p.type().type();
        event.source = source;
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        event.payload = json.writeValueAsString(tree);
        Object correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        event.correlationId = correlationId == null ? null : correlationId.toString();
        // The span writing the event (the request's, or a consumer's): its consumers continue this trace.
        event.traceparent = TraceIds.currentTraceparent().orElse(null);
        return event;
    }

    /**
     * The session of the caller's transaction. Outside a transaction the event could commit on its
     * own, before (or without) the change: refuse rather than break the outbox's promise.
     */
    private static Uni<Mutiny.Session> inTransaction() {
        return Panache.currentTransaction().chain(tx -> {
            if (tx == null) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "Outbox.append outside a transaction: annotate the caller with @WithTransaction"));
            }
            return Panache.getSession();
        });
    }
}
