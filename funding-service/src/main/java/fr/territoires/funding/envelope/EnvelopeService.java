package fr.territoires.funding.envelope;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.funding.access.FundingAccess;
import fr.territoires.funding.ledger.Ledger;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** Opening envelopes and changing their ceiling and status; callers hold the transaction. */
@ApplicationScoped
public class EnvelopeService {

    private final EnvelopeBalances balances;
    private final EnvelopeEvents events;
    private final Ledger ledger;

    public EnvelopeService(EnvelopeBalances balances, EnvelopeEvents events, Ledger ledger) {
        this.balances = balances;
        this.events = events;
        this.ledger = ledger;
    }

    public Uni<UUID> open(EnvelopeRequests.NewEnvelope r, CallerScope caller) {
        EnvelopeRules.checkDefinition(r);
        if (!MoneyRules.mayManageEnvelope(caller, r.funder(), r.region())) {
            throw FundingAccess.forbidden(caller, "an envelope of funder " + r.funder()
                    + (r.region() == null ? "" : " in region " + r.region()));
        }
        Envelope e = new Envelope();
        e.id = UUID.randomUUID();
        e.funder = r.funder();
        e.region = r.region();
        e.funderSiret = r.funderSiret();
        e.name = r.name().trim();
        e.priority = r.priority();
        e.scope = r.scope();
        e.scopeRegion = r.scopeRegion();
        e.scopeTerritories = r.scopeTerritories() == null ? new String[0]
                : r.scopeTerritories().stream().distinct().sorted().toArray(String[]::new);
        e.firstYear = r.firstYear();
        e.lastYear = r.lastYear();
        e.ceiling = r.ceiling();
        e.status = Envelope.Status.OPEN;
        e.openedBy = caller.name();
        Map<Integer, java.math.BigDecimal> cp = r.yearlyPaymentCeilings() == null ? Map.of() : r.yearlyPaymentCeilings();
        return Panache.getSession().chain(s -> s.persist(e).chain(s::flush)
                .chain(() -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (var year : cp.entrySet()) {
                        chain = chain.chain(() -> s.createNativeQuery(
                                "INSERT INTO envelope_year (envelope_id, fiscal_year, cp_ceiling) VALUES (:id, :year, :cp)")
                                .setParameter("id", e.id).setParameter("year", year.getKey())
                                .setParameter("cp", year.getValue()).executeUpdate().replaceWithVoid());
                    }
                    return chain;
                }))
                .chain(() -> ledger.append(new Ledger.Entry(Ledger.Kind.CEILING_SET, e.id, null, null, null, e.ceiling,
                        "Envelope opened", caller.name())))
                .chain(() -> events.opened(e.id))
                .replaceWith(e.id);
    }

    public Uni<UUID> changeCeiling(UUID id, EnvelopeRequests.CeilingChange change, CallerScope caller) {
        return lockManaged(id, caller).chain(e -> {
            EnvelopeRules.checkCeiling(change.ceiling(), e.committed());
            return balances.setCeiling(id, change.ceiling())
                    .chain(() -> ledger.append(new Ledger.Entry(Ledger.Kind.CEILING_SET, id, null, null, null,
                            change.ceiling().subtract(e.ceiling()), change.reason(), caller.name())))
                    .chain(() -> events.changed(id, "CEILING", e.ceiling(), null, change.reason()));
        }).replaceWith(id);
    }

    public Uni<UUID> changeStatus(UUID id, EnvelopeRequests.StatusChange change, CallerScope caller) {
        return lockManaged(id, caller).chain(e -> {
            EnvelopeRules.checkTransition(e.status(), change.status());
            return balances.setStatus(id, change.status())
                    .chain(() -> change.status() == Envelope.Status.CLOSED ? events.closed(id, change.reason())
                            : events.changed(id, "STATUS", null, e.status(), change.reason()));
        }).replaceWith(id);
    }

    private Uni<EnvelopeState> lockManaged(UUID id, CallerScope caller) {
        return balances.lock(id).invoke(e -> {
            if (!MoneyRules.mayManageEnvelope(caller, e.funder(), e.region())) {
                throw FundingAccess.forbidden(caller, "envelope " + e.name());
            }
        });
    }
}
