package fr.territoires.funding.envelope;

import fr.territoires.backbone.outbox.Outbox;
import fr.territoires.events.EventType;
import fr.territoires.events.funding.EnvelopeV1;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.UUID;

/** Envelope events carry the whole envelope with its balances as they are in the transaction. */
@ApplicationScoped
public class EnvelopeEvents {

    private final EnvelopeBalances balances;
    private final Outbox outbox;

    public EnvelopeEvents(EnvelopeBalances balances, Outbox outbox) {
        this.balances = balances;
        this.outbox = outbox;
    }

    public Uni<Void> opened(UUID id) {
        return publish(EventType.ENVELOPE_OPENED, id, e -> e);
    }

    public Uni<Void> changed(UUID id, String change, BigDecimal previousCeiling, Envelope.Status previousStatus,
            String reason) {
        return publish(EventType.ENVELOPE_CHANGED, id, e -> e.changed(change, previousCeiling,
                previousStatus == null ? null : previousStatus.name(), reason));
    }

    public Uni<Void> closed(UUID id, String reason) {
        return publish(EventType.ENVELOPE_CLOSED, id, e -> e.closed(reason));
    }

    public Uni<Void> exhausted(UUID id) {
        return publish(EventType.ENVELOPE_EXHAUSTED, id, e -> e);
    }

    private Uni<Void> publish(EventType type, UUID id, java.util.function.UnaryOperator<EnvelopeV1> detail) {
        // Envelope events concern no single territory: keyed by the envelope, so one envelope's stay in order.
        return balances.read(id).chain(e -> outbox.append(type, id.toString(), detail.apply(of(e)))).replaceWithVoid();
    }

    static EnvelopeV1 of(EnvelopeState e) {
        return new EnvelopeV1(e.id(), e.name(), e.funder().name(), e.region(), e.priority().name(), e.scope().name(),
                e.scopeRegion(), e.scopeTerritories(), e.firstYear(), e.lastYear(), e.ceiling(), e.committed(), e.paid(),
                e.available(), e.status().name(), null, null, null, null);
    }
}
