package fr.territoires.backbone.testapp;

import fr.territoires.backbone.inbox.EventHandler;
import fr.territoires.backbone.inbox.ReceivedEvent;
import fr.territoires.events.EventType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The test application's consumer: records each territory status change it applies, in the order
 * it applies them; refuses (as a transient failure) the events of the keys listed in
 * {@code test_failing_key}.
 */
@ApplicationScoped
public class TestConsumer {

    @Produces
    @ApplicationScoped
    EventHandler statusChanged() {
        return EventHandler.of(EventType.TERRITORY_STATUS_CHANGED, TestConsumer::apply);
    }

    static Uni<Void> apply(ReceivedEvent event) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT count(*) FROM test_failing_key WHERE event_key = :key", Long.class)
                .setParameter("key", event.key()).getSingleResult()
                .chain(failing -> {
                    if (failing > 0) {
                        return Uni.createFrom().failure(new IllegalStateException("key " + event.key() + " refused for now"));
                    }
                    return s.createNativeQuery("""
                            INSERT INTO test_applied (event_id, event_key, sequence, reason)
                            VALUES (:id, :key, :sequence, :reason)""")
                            .setParameter("id", event.id())
                            .setParameter("key", event.key())
                            .setParameter("sequence", event.sequence())
                            .setParameter("reason", event.payload().path("reason").asText(null))
                            .executeUpdate().replaceWithVoid();
                }));
    }
}
