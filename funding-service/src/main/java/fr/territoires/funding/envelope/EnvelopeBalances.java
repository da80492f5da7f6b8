package fr.territoires.funding.envelope;

import fr.territoires.backbone.outbox.Outbox;
import fr.territoires.commons.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Envelopes' money under lock. Rows are locked in id order (no deadlock between two movements on
 * the same envelopes), read as {@link EnvelopeState}, and changed by the delta of each movement;
 * PostgreSQL's CHECKs (committed ≤ ceiling, paid ≤ committed) back the rules up.
 */
@ApplicationScoped
public class EnvelopeBalances {

    private final Outbox outbox;

    public EnvelopeBalances(Outbox outbox) {
        this.outbox = outbox;
    }

    // Arrays read as text: a native query without a result mapping would read text[] as bytes.
    private static final String COLUMNS = "id, name, funder, region, priority, scope, scope_region, "
            + "array_to_string(scope_territories, ','), "
            + "first_year, last_year, ceiling, committed, paid, status";

    /** Locks and reads these envelopes until the transaction ends; 404 for an unknown one. */
    public Uni<List<EnvelopeState>> lock(Collection<UUID> ids) {
        List<UUID> sorted = ids.stream().distinct().sorted().toList();
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT " + COLUMNS
                + " FROM envelope WHERE id IN (:ids) ORDER BY id FOR UPDATE", Object[].class)
                .setParameter("ids", sorted).getResultList())
                .map(rows -> known(sorted, rows.stream().map(EnvelopeBalances::state).toList()));
    }

    private static List<EnvelopeState> known(List<UUID> ids, List<EnvelopeState> states) {
        for (UUID id : ids) {
            if (states.stream().noneMatch(e -> e.id().equals(id))) {
                throw ProblemException.notFound("Envelope " + id);
            }
        }
        return states;
    }

    public Uni<EnvelopeState> lock(UUID id) {
        return lock(List.of(id)).map(l -> l.get(0));
    }

    /** Reads these envelopes without locking; 404 for an unknown one. */
    public Uni<List<EnvelopeState>> read(Collection<UUID> ids) {
        List<UUID> sorted = ids.stream().distinct().sorted().toList();
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT " + COLUMNS
                + " FROM envelope WHERE id IN (:ids) ORDER BY id", Object[].class)
                .setParameter("ids", sorted).getResultList())
                .map(rows -> known(sorted, rows.stream().map(EnvelopeBalances::state).toList()));
    }

    /**
     * Commits {@code amount} on an envelope in one conditional update, the envelope's whole critical section for
     * an approval: only if it is open and has that much left; in the same statement and only then, these events.
     * After it, the transaction has nothing left to do under the envelope's lock but commit.
     *
     * @return the envelope as it now is (locked until the transaction ends), or empty when nothing changed
     */
    public Uni<Optional<EnvelopeState>> commitIfAvailable(UUID id, BigDecimal amount, List<Outbox.Pending> events) {
        // id IN (:ids) with one id: a list parameter keeps this native query out of Hibernate's plan cache, which
        // a query of Object[] rows would otherwise grow by one plan at every call (Territories#find).
        return outbox.appendAllWith("UPDATE envelope SET committed = committed + :amount, version = version + 1 "
                + "WHERE id IN (:ids) AND status = 'OPEN' AND committed + :amount <= ceiling RETURNING " + COLUMNS,
                Map.of("amount", amount, "ids", List.of(id)), events)
                .map(rows -> rows.stream().findFirst().map(EnvelopeBalances::state));
    }

    /** Reads without locking (reports, events after a change). */
    public Uni<EnvelopeState> read(UUID id) {
        return read(List.of(id)).map(l -> l.get(0));
    }

    public Uni<Void> addCommitted(UUID id, BigDecimal delta) {
        return update("committed = committed + :delta", id, delta);
    }

    public Uni<Void> addPaid(UUID id, BigDecimal delta) {
        return update("paid = paid + :delta", id, delta);
    }

    public Uni<Void> setCeiling(UUID id, BigDecimal ceiling) {
        return update("ceiling = :delta", id, ceiling);
    }

    public Uni<Void> setStatus(UUID id, Envelope.Status status) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE envelope SET status = :status, version = version + 1 WHERE id = :id")
                .setParameter("status", status.name()).setParameter("id", id).executeUpdate()).replaceWithVoid();
    }

    /**
     * What was paid in a fiscal year on an envelope; false when its payment ceiling (CP) for that
     * year would be passed. A year without a CP line follows {@link EnvelopeRules#yearWithoutCeilingAllows}.
     */
    public Uni<Boolean> addPaidInYear(UUID id, int year, BigDecimal delta) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT fiscal_year FROM envelope_year WHERE envelope_id = :id", Integer.class)
                .setParameter("id", id).getResultList()
                .chain(years -> !years.contains(year)
                        ? Uni.createFrom().item(EnvelopeRules.yearWithoutCeilingAllows(!years.isEmpty(), delta))
                        : s.createNativeQuery("""
                        UPDATE envelope_year SET paid = paid + :delta
                        WHERE envelope_id = :id AND fiscal_year = :year AND paid + :delta <= cp_ceiling AND paid + :delta >= 0""")
                        .setParameter("delta", delta).setParameter("id", id).setParameter("year", year).executeUpdate()
                        .map(updated -> updated == 1)));
    }

    private static Uni<Void> update(String set, UUID id, BigDecimal delta) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE envelope SET " + set + ", version = version + 1 WHERE id = :id")
                .setParameter("delta", delta).setParameter("id", id).executeUpdate()).replaceWithVoid();
    }

    private static EnvelopeState state(Object[] r) {
        String territories = (String) r[7];
        List<String> scopeTerritories = territories == null || territories.isEmpty() ? List.of()
                : Arrays.asList(territories.split(","));
        return new EnvelopeState((UUID) r[0], (String) r[1], Envelope.Funder.valueOf((String) r[2]), (String) r[3],
                Envelope.Priority.valueOf((String) r[4]), Envelope.Scope.valueOf((String) r[5]), (String) r[6],
                scopeTerritories, ((Number) r[8]).intValue(), ((Number) r[9]).intValue(), (BigDecimal) r[10],
                (BigDecimal) r[11], (BigDecimal) r[12], Envelope.Status.valueOf((String) r[13]));
    }
}
