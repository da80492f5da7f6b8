package fr.territoires.recruitment.funding;

import fr.territoires.backbone.inbox.EventHandler;
import fr.territoires.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The funding events that tell which actions serve recruitment needs. */
@ApplicationScoped
public class FundingEventHandlers {

    @Produces
    @ApplicationScoped
    EventHandler committed(FundedActions actions) {
        return EventHandler.of(EventType.FUNDS_COMMITTED, actions::committed);
    }

    @Produces
    @ApplicationScoped
    EventHandler decommitted(FundedActions actions) {
        return EventHandler.of(EventType.FUNDS_DECOMMITTED, actions::decommitted);
    }
}
