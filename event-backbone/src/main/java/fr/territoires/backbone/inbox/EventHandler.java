package fr.territoires.backbone.inbox;

import fr.territoires.events.EventType;
import io.smallrye.mutiny.Uni;

/**
 * Applies one event type to this service's state. Implementations are CDI beans; the backbone
 * subscribes to their topics, and calls {@link #apply} inside the transaction that also records
 * the event as applied, so an effect happens once per event id however often it is delivered.
 */
public interface EventHandler {

    EventType type();

    Uni<Void> apply(ReceivedEvent event);

    /** A handler from its type and a function; for CDI producer methods. */
    static EventHandler of(EventType type, java.util.function.Function<ReceivedEvent, Uni<Void>> apply) {
        return new EventHandler() {
            @Override
            public EventType type() {
                return type;
            }

            @Override
            public Uni<Void> apply(ReceivedEvent event) {
                return apply.apply(event);
            }
        };
    }
}
