package fr.territoires.funding.eligibility;

import fr.territoires.backbone.inbox.EventHandler;
import fr.territoires.backbone.inbox.ReceivedEvent;
import fr.territoires.events.EventType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The territory events funding-service keeps its replica with. */
public final class TerritoryEventHandlers {

    private TerritoryEventHandlers() {
    }

    @ApplicationScoped
    public static class Labelled implements EventHandler {

        private final TerritoryReplica replica;

        public Labelled(TerritoryReplica replica) {
            this.replica = replica;
        }

        @Override
        public EventType type() {
            return EventType.TERRITORY_LABELLED;
        }

        @Override
        public Uni<Void> apply(ReceivedEvent event) {
            return replica.labelled(event);
        }
    }

    @ApplicationScoped
    public static class StatusChanged implements EventHandler {

        private final TerritoryReplica replica;

        public StatusChanged(TerritoryReplica replica) {
            this.replica = replica;
        }

        @Override
        public EventType type() {
            return EventType.TERRITORY_STATUS_CHANGED;
        }

        @Override
        public Uni<Void> apply(ReceivedEvent event) {
            return replica.statusChanged(event);
        }
    }
}
