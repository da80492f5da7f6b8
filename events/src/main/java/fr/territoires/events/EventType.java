package fr.territoires.events;

import java.util.List;
import java.util.Optional;

/**
 * A published event type: its CloudEvents type {@code fr.territoires.<service>.<event>.v<N>}, its
 * topic and its JSON Schema. A breaking change is a new version, never an edit of a published one.
 */
public record EventType(String service, String event, int version, String topic, Class<?> payload) {

    public static final EventType TERRITORY_LABELLED = new EventType("territory", "labelled", 1, Topics.TERRITORY,
            fr.territoires.events.territory.TerritoryLabelledV1.class);
    public static final EventType TERRITORY_STATUS_CHANGED = new EventType("territory", "status-changed", 1,
            Topics.TERRITORY, fr.territoires.events.territory.TerritoryStatusChangedV1.class);

    public static final EventType TERRITORY_PERIMETER_CHANGED = new EventType("territory", "perimeter-changed", 1,
            Topics.TERRITORY, fr.territoires.events.territory.TerritoryPerimeterChangedV1.class);

    public static final EventType TERRITORY_UPDATED = new EventType("territory", "updated", 1, Topics.TERRITORY,
            fr.territoires.events.territory.TerritoryUpdatedV1.class);

    public static final EventType ACTION_SHEET_ADDED = new EventType("territory", "action-sheet-added", 1,
            Topics.TERRITORY, fr.territoires.events.territory.ActionSheetV1.Added.class);

    public static final EventType ACTION_SHEET_UPDATED = new EventType("territory", "action-sheet-updated", 1,
            Topics.TERRITORY, fr.territoires.events.territory.ActionSheetV1.Updated.class);

    public static final EventType SITE_LISTED = new EventType("territory", "site-listed", 1, Topics.TERRITORY,
            fr.territoires.events.territory.SiteV1.Listed.class);

    public static final EventType SITE_UPDATED = new EventType("territory", "site-updated", 1, Topics.TERRITORY,
            fr.territoires.events.territory.SiteV1.Updated.class);

    public static final EventType FUNDS_COMMITTED = new EventType("funding", "funds-committed", 1, Topics.FUNDING,
            fr.territoires.events.funding.FundsCommittedV1.class);

    public static final EventType FUNDS_DECOMMITTED = new EventType("funding", "funds-decommitted", 1, Topics.FUNDING,
            fr.territoires.events.funding.FundsDecommittedV1.class);

    public static final EventType ENVELOPE_OPENED = new EventType("funding", "envelope-opened", 1, Topics.FUNDING,
            fr.territoires.events.funding.EnvelopeV1.class);

    public static final EventType ENVELOPE_CHANGED = new EventType("funding", "envelope-changed", 1, Topics.FUNDING,
            fr.territoires.events.funding.EnvelopeV1.class);

    public static final EventType ENVELOPE_CLOSED = new EventType("funding", "envelope-closed", 1, Topics.FUNDING,
            fr.territoires.events.funding.EnvelopeV1.class);

    public static final EventType ENVELOPE_EXHAUSTED = new EventType("funding", "envelope-exhausted", 1, Topics.FUNDING,
            fr.territoires.events.funding.EnvelopeV1.class);

    public static final EventType APPLICATION_SUBMITTED = new EventType("funding", "application-submitted", 1,
            Topics.FUNDING, fr.territoires.events.funding.ApplicationSubmittedV1.class);

    public static final EventType APPLICATION_DECIDED = new EventType("funding", "application-decided", 1,
            Topics.FUNDING, fr.territoires.events.funding.ApplicationDecidedV1.class);

    public static final EventType PAYMENT_MADE = new EventType("funding", "payment-made", 1, Topics.FUNDING,
            fr.territoires.events.funding.PaymentMadeV1.class);

    public static final EventType PAYMENT_REVERSED = new EventType("funding", "payment-reversed", 1, Topics.FUNDING,
            fr.territoires.events.funding.PaymentReversedV1.class);

    public static final EventType NEED_PUBLISHED = new EventType("recruitment", "need-published", 1, Topics.RECRUITMENT,
            fr.territoires.events.recruitment.NeedV1.Published.class);

    public static final EventType NEED_UPDATED = new EventType("recruitment", "need-updated", 1, Topics.RECRUITMENT,
            fr.territoires.events.recruitment.NeedV1.Updated.class);

    public static final EventType NEED_FILLED = new EventType("recruitment", "need-filled", 1, Topics.RECRUITMENT,
            fr.territoires.events.recruitment.NeedV1.Filled.class);

    public static final EventType NEED_CANCELLED = new EventType("recruitment", "need-cancelled", 1, Topics.RECRUITMENT,
            fr.territoires.events.recruitment.NeedV1.Cancelled.class);

    public static final EventType NEED_EXPIRED = new EventType("recruitment", "need-expired", 1, Topics.RECRUITMENT,
            fr.territoires.events.recruitment.NeedV1.Expired.class);

    /** Every published type; a type missing here is not a contract. */
    public static final List<EventType> ALL = List.of(TERRITORY_LABELLED, TERRITORY_STATUS_CHANGED,
            TERRITORY_PERIMETER_CHANGED, TERRITORY_UPDATED, ACTION_SHEET_ADDED, ACTION_SHEET_UPDATED, SITE_LISTED,
            SITE_UPDATED,
            FUNDS_COMMITTED, FUNDS_DECOMMITTED, ENVELOPE_OPENED, ENVELOPE_CHANGED, ENVELOPE_CLOSED, ENVELOPE_EXHAUSTED,
            APPLICATION_SUBMITTED, APPLICATION_DECIDED, PAYMENT_MADE, PAYMENT_REVERSED,
            NEED_PUBLISHED, NEED_UPDATED, NEED_FILLED, NEED_CANCELLED, NEED_EXPIRED);

    /** The value of the {@code ce_type} header. */
    public String type() {
        return Topics.eventType(service, event, version);
    }

    /** Classpath location of its JSON Schema. */
    public String schemaPath() {
        return "/events/schemas/" + service + "/" + event + ".v" + version + ".json";
    }

    public static Optional<EventType> of(String ceType) {
        return ALL.stream().filter(t -> t.type().equals(ceType)).findFirst();
    }
}
