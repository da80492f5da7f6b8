package fr.territoires.funding.reference;

import fr.territoires.backbone.inbox.EventHandler;
import fr.territoires.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The registry's and recruitment's events that tell funding whose action sheets and needs are whose. */
@ApplicationScoped
public class ReferenceEventHandlers {

    @Produces
    @ApplicationScoped
    EventHandler actionSheetAdded(KnownReferences references) {
        return EventHandler.of(EventType.ACTION_SHEET_ADDED, references::actionSheetAdded);
    }

    @Produces
    @ApplicationScoped
    EventHandler needPublished(KnownReferences references) {
        return EventHandler.of(EventType.NEED_PUBLISHED, references::needPublished);
    }

    @Produces
    @ApplicationScoped
    EventHandler needUpdated(KnownReferences references) {
        return EventHandler.of(EventType.NEED_UPDATED, references::needUpdated);
    }
}
