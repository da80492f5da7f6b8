package fr.territoires.funding.ledger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * The append-only record of every movement of money (the table refuses UPDATE and DELETE). Each
 * entry is written in the transaction of the movement it records.
 */
@ApplicationScoped
public class Ledger {

    public enum Kind {
        /** A change of an envelope's ceiling (its first entry is the opening ceiling). */
        CEILING_SET,
        COMMITTED,
        DECOMMITTED,
        PAID,
        REVERSED
    }

    /** One movement; {@code amount} is the signed change it makes (negative for decommitments and reversals). */
    public record Entry(Kind kind, UUID envelopeId, UUID commitmentId, UUID paymentId, Integer fiscalYear,
            BigDecimal amount, String reason, String actor) {
    }

    /**
     * Flushes the session first: an entry references the commitment and payment rows the same
     * transaction has just persisted, and a native insert does not flush them by itself.
     */
    public Uni<Void> append(Entry e) {
        return Panache.getSession().chain(s -> s.flush().chain(() -> s.createNativeQuery("""
                INSERT INTO ledger_entry (actor, kind, envelope_id, commitment_id, payment_id, fiscal_year, amount, reason)
                VALUES (:actor, :kind, :envelope, :commitment, :payment, :year, :amount, :reason)""")
                .setParameter("actor", e.actor()).setParameter("kind", e.kind().name())
                .setParameter("envelope", e.envelopeId()).setParameter("commitment", e.commitmentId())
                .setParameter("payment", e.paymentId()).setParameter("year", e.fiscalYear())
                .setParameter("amount", e.amount()).setParameter("reason", e.reason()).executeUpdate()))
                .replaceWithVoid();
    }
}
