package fr.territoires.backbone.inbox;

import fr.territoires.backbone.BackboneConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;

/** Applies an event once: its effect and the record of its id commit together, or neither does. */
@ApplicationScoped
public class EventApplier {

    public enum Outcome { APPLIED, DUPLICATE, IGNORED }

    private final List<EventHandler> handlers;
    private final String consumer;
    private final MeterRegistry registry;

    public EventApplier(@Any Instance<EventHandler> handlers, BackboneConfig config, MeterRegistry registry) {
        this.handlers = handlers.stream().toList();
        this.consumer = config.service();
        this.registry = registry;
    }

    public List<EventHandler> handlers() {
        return handlers;
    }

    public Optional<EventHandler> handlerFor(String type) {
        return handlers.stream().filter(h -> h.type().type().equals(type)).findFirst();
    }

    /** Blocks the calling (non-event-loop) thread until the transaction is over. */
    public Outcome applyOnce(ReceivedEvent event) {
        Optional<EventHandler> handler = handlerFor(event.type());
        if (handler.isEmpty()) {
            count(event, Outcome.IGNORED);
            return Outcome.IGNORED; // a type this service does not use, or does not know yet
        }
        Outcome outcome;
        // The caller's span (the consumer's processing span) stays current in the Vert.x context the
        // handler runs on: its SQL, its log lines and the events it writes belong to the same trace.
        Context trace = Context.current();
        try {
            outcome = VertxContextSupport.subscribeAndAwait(() -> {
                Scope scope = trace.makeCurrent();
                return Panache.withTransaction(() -> claim(event)
                        .chain(fresh -> fresh
                                ? handler.get().apply(event).replaceWith(Outcome.APPLIED)
                                : Uni.createFrom().item(Outcome.DUPLICATE)))
                        .eventually(scope::close);
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        count(event, outcome);
        return outcome;
    }

    private Uni<Boolean> claim(ReceivedEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO consumed_event (consumer, event_id, event_type, topic, kafka_partition, kafka_offset)
                VALUES (:consumer, :id, :type, :topic, :partition, :offset) ON CONFLICT DO NOTHING""")
                .setParameter("consumer", consumer)
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("topic", event.topic())
                .setParameter("partition", event.partition())
                .setParameter("offset", event.offset())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private void count(ReceivedEvent event, Outcome outcome) {
        registry.counter("backbone.events.consumed", "topic", event.topic(), "type", event.type(),
                "outcome", outcome.name().toLowerCase()).increment();
    }
}
