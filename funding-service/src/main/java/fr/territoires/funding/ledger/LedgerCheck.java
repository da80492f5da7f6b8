package fr.territoires.funding.ledger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves the balances equal the ledger: every envelope's ceiling, committed and paid amounts, and
 * every commitment's amount and paid, recomputed from the append-only entries. An empty list of
 * differences is the proof; anything else names the record and both figures.
 */
@ApplicationScoped
public class LedgerCheck {

    public record Difference(String record, String id, String balance, BigDecimal stored, BigDecimal fromLedger) {
    }

    public record Result(boolean consistent, int envelopes, int commitments, long entries, List<Difference> differences) {
    }

    @WithSession
    public Uni<Result> run() {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT e.id::text, e.ceiling, e.committed, e.paid,
                       coalesce(sum(l.amount) FILTER (WHERE l.kind = 'CEILING_SET'), 0),
                       coalesce(sum(l.amount) FILTER (WHERE l.kind IN ('COMMITTED', 'DECOMMITTED')), 0),
                       coalesce(sum(l.amount) FILTER (WHERE l.kind IN ('PAID', 'REVERSED')), 0)
                FROM envelope e LEFT JOIN ledger_entry l ON l.envelope_id = e.id
                GROUP BY e.id ORDER BY e.id""", Object[].class).getResultList()
                .chain(envelopes -> s.createNativeQuery("""
                        SELECT c.id::text, c.amount, c.paid,
                               coalesce(sum(l.amount) FILTER (WHERE l.kind IN ('COMMITTED', 'DECOMMITTED')), 0),
                               coalesce(sum(l.amount) FILTER (WHERE l.kind IN ('PAID', 'REVERSED')), 0)
                        FROM commitment c LEFT JOIN ledger_entry l ON l.commitment_id = c.id
                        GROUP BY c.id ORDER BY c.id""", Object[].class).getResultList()
                        .chain(commitments -> s.createNativeQuery("SELECT count(*) FROM ledger_entry", Long.class)
                                .getSingleResult()
                                .map(entries -> compare(envelopes, commitments, entries)))));
    }

    static Result compare(List<Object[]> envelopes, List<Object[]> commitments, long entries) {
        List<Difference> differences = new ArrayList<>();
        for (Object[] r : envelopes) {
            check(differences, "envelope", r[0], "ceiling", r[1], r[4]);
            check(differences, "envelope", r[0], "committed", r[2], r[5]);
            check(differences, "envelope", r[0], "paid", r[3], r[6]);
        }
        for (Object[] r : commitments) {
            check(differences, "commitment", r[0], "amount", r[1], r[3]);
            check(differences, "commitment", r[0], "paid", r[2], r[4]);
        }
        return new Result(differences.isEmpty(), envelopes.size(), commitments.size(), entries, differences);
    }

    private static void check(List<Difference> out, String record, Object id, String balance, Object stored,
            Object fromLedger) {
        BigDecimal a = (BigDecimal) stored;
        BigDecimal b = (BigDecimal) fromLedger;
        if (a.compareTo(b) != 0) {
            out.add(new Difference(record, (String) id, balance, a, b));
        }
    }
}
