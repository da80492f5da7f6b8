package fr.territoires.replica;

import fr.territoires.backbone.inbox.EventHandler;
import fr.territoires.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The territory events a service keeps its replica with, for the backbone's consumer of territory.events. */
@ApplicationScoped
public class TerritoryEventHandlers {

    @Produces
    @ApplicationScoped
    EventHandler labelled(TerritoryReplica replica) {
        return EventHandler.of(EventType.TERRITORY_LABELLED, replica::labelled);
    }

    @Produces
    @ApplicationScoped
    EventHandler statusChanged(TerritoryReplica replica) {
        return EventHandler.of(EventType.TERRITORY_STATUS_CHANGED, replica::statusChanged);
    }

    @Produces
    @ApplicationScoped
    EventHandler perimeterChanged(TerritoryReplica replica) {
        return EventHandler.of(EventType.TERRITORY_PERIMETER_CHANGED, replica::perimeterChanged);
    }
}
