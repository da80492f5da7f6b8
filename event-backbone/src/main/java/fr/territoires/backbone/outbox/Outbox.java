package fr.territoires.backbone.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.UUID;
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

    /**
     * Appends an event; must run inside a transaction ({@code @WithTransaction} on the caller).
     * A payload that breaks its schema is a programming error: it fails the whole transaction.
     *
     * @param key the territory code: Kafka key and {@code ce_subject}
     */
    public Uni<OutboxEvent> append(EventType type, String key, Object payload) {
        JsonNode tree = json.valueToTree(payload);
        List<String> violations = EventSchemas.violations(type, tree);
        if (!violations.isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException(
                    type.type() + " payload breaks its schema: " + String.join("; ", violations)));
        }
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = type.topic();
        event.key = key;
        event.type = type.type();
        event.source = source;
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            event.payload = json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        Object correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        event.correlationId = correlationId == null ? null : correlationId.toString();
        // The span writing the event (the request's, or a consumer's): its consumers continue this trace.
        event.traceparent = TraceIds.currentTraceparent().orElse(null);
        // Outside the state change's transaction the event could commit on its own, before (or
        // without) the change: refuse rather than break the outbox's promise.
        return Panache.currentTransaction().chain(tx -> {
            if (tx == null) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "Outbox.append outside a transaction: annotate the caller with @WithTransaction"));
            }
            return Panache.getSession().chain(session -> session.persist(event)).replaceWith(event);
        });
    }
}
