package fr.territoires.funding.commitment;

import fr.territoires.commons.time.BusinessDates;
import fr.territoires.backbone.outbox.Outbox;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.events.EventType;
import fr.territoires.events.funding.FundsCommittedV1;
import fr.territoires.events.funding.FundsDecommittedV1;
import fr.territoires.events.funding.PaymentMadeV1;
import fr.territoires.events.funding.PaymentReversedV1;
import fr.territoires.funding.envelope.MoneyRules;
import fr.territoires.funding.application.Application;
import fr.territoires.funding.application.ApplicationRules;
import fr.territoires.funding.application.ApprovalCommitments;
import fr.territoires.funding.envelope.EnvelopeBalances;
import fr.territoires.funding.envelope.EnvelopeEvents;
import fr.territoires.funding.envelope.EnvelopeRules;
import fr.territoires.funding.envelope.EnvelopeState;
import fr.territoires.funding.ledger.Ledger;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.ArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every movement of committed or paid money, in the caller's transaction: the envelope and the
 * commitment are locked, the rules checked on what is locked, balances changed, a ledger entry and
 * an event written. Nothing here opens a transaction: callers do (and own idempotency).
 */
@ApplicationScoped
public class CommitmentService implements ApprovalCommitments {

    @jakarta.inject.Inject
    BusinessDates dates;

    private final EnvelopeBalances balances;
    private final EnvelopeEvents envelopeEvents;
    private final Ledger ledger;
    private final Outbox outbox;
    private final BigDecimal maxAdvanceShare;

    public CommitmentService(EnvelopeBalances balances, EnvelopeEvents envelopeEvents, Ledger ledger, Outbox outbox,
            @ConfigProperty(name = "funding.max-advance-share", defaultValue = "0.30") BigDecimal maxAdvanceShare) {
        this.balances = balances;
        this.envelopeEvents = envelopeEvents;
        this.ledger = ledger;
        this.outbox = outbox;
        this.maxAdvanceShare = maxAdvanceShare;
    }

    /**
     * Commits an approved application's amounts on their envelopes, all or none (a refusal on one
     * envelope rolls the whole approval back). Lines of 0 € commit nothing.
     *
     * <p>The critical section is the envelope's conditional update, its events and the commit, and
     * nothing else. Everything is prepared first, without a lock: the rules checked on an unlocked
     * read (a clear refusal without waiting), the commitments and ledger entries written, the events
     * built and checked against their schemas. Then each envelope gets {@code committed + amount}
     * only if it is still open and has that much left ({@link EnvelopeBalances#commitIfAvailable},
     * envelopes in id order), the last one in the same statement as the events (the application's
     * own, then one funds-committed per envelope), whose key locks are taken after the envelopes'.
     * Only an envelope left with nothing adds a statement (its envelope-exhausted event).
     */
    @Override
    public Uni<List<Commitment>> commit(Application app, List<String> territoryRegions, List<ApplicationRules.Line> lines,
            LocalDate on, String actor, List<Outbox.Pending> decision) {
        List<ApplicationRules.Line> toCommit = lines.stream().filter(l -> l.amount().signum() > 0)
                .sorted(Comparator.comparing(ApplicationRules.Line::envelopeId)).toList();
        if (toCommit.isEmpty()) {
            return outbox.appendAll(decision).replaceWith(List.<Commitment>of());
        }
        return balances.read(toCommit.stream().map(ApplicationRules.Line::envelopeId).toList()).chain(envelopes -> {
            for (ApplicationRules.Line line : toCommit) {
                EnvelopeRules.checkCommit(find(envelopes, line.envelopeId()), app.territoryCode, territoryRegions,
                        on.getYear(), line.amount());
            }
            List<Commitment> commitments = toCommit.stream().map(l -> newCommitment(app, l, on)).toList();
            List<Outbox.Pending> events = new ArrayList<>(decision);
            for (Commitment c : commitments) {
                EnvelopeState e = find(envelopes, c.envelopeId);
                events.add(new Outbox.Pending(EventType.FUNDS_COMMITTED, app.territoryCode, new FundsCommittedV1(
                        app.territoryCode, c.id, app.id, c.envelopeId, e.name(), e.funder().name(),
                        e.priority().name(), c.amount, app.title, app.actionSheetId,
                        Arrays.stream(app.recruitmentNeeds).map(UUID::fromString).toList(), on.toString())));
            }
            Uni<Void> chain = Panache.getSession().chain(s -> s.persistAll(commitments.toArray())).replaceWithVoid();
            for (Commitment c : commitments) {
                chain = chain.chain(() -> ledger.append(new Ledger.Entry(Ledger.Kind.COMMITTED, c.envelopeId, c.id, null,
                        null, c.amount, "Application " + app.id + " approved: " + app.title, actor)));
            }
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.flush()));
            List<EnvelopeState> after = new ArrayList<>();
            for (int i = 0; i < commitments.size(); i++) {
                Commitment c = commitments.get(i);
                List<Outbox.Pending> with = i == commitments.size() - 1 ? events : List.of();
                chain = chain.chain(() -> balances.commitIfAvailable(c.envelopeId, c.amount, with)).map(now -> {
                    after.add(now.orElseThrow(() -> refusal(find(envelopes, c.envelopeId), c.amount)));
                    return null;
                });
            }
            return chain.chain(() -> {
                List<UUID> exhausted = after.stream().filter(e -> e.available().signum() == 0).map(EnvelopeState::id)
                        .toList();
                if (exhausted.isEmpty()) {
                    return Uni.createFrom().voidItem();
                }
                Uni<Void> written = Uni.createFrom().voidItem();
                for (UUID id : exhausted) {
                    written = written.chain(() -> envelopeEvents.exhausted(id));
                }
                return written.chain(() -> Panache.getSession().chain(s -> s.flush()));
            }).replaceWith(commitments);
        });
    }

    /**
     * The envelope changed between the unlocked read and the conditional update (closed, ceiling
     * lowered, committed by others): the same refusal the rules give, from what was read, as the
     * amount no longer fits.
     */
    private static ProblemException refusal(EnvelopeState read, BigDecimal amount) {
        return ProblemException.conflict("envelope-exhausted", "Envelope " + read.name() + " no longer has "
                + amount + " € left to commit, or is no longer open: it changed while this approval was prepared");
    }

    /** Releases part or all of what is committed and not paid back to the envelope. */
    public Uni<Commitment> decommit(UUID commitmentId, BigDecimal amount, String reason, String actor) {
        return lockCommitment(commitmentId).call(c -> balances.lock(c.envelopeId)).chain(c -> {
            if (c.status != Commitment.Status.ACTIVE) {
                throw ProblemException.conflict("commitment-not-active", "Commitment " + c.id + " is " + c.status);
            }
            if (amount.compareTo(c.unpaid()) > 0) {
                throw ProblemException.invalid("amount", "must not exceed the " + c.unpaid() + " € committed and not paid");
            }
            return release(c, amount, reason, actor);
        });
    }

    private Uni<Commitment> release(Commitment c, BigDecimal amount, String reason, String actor) {
        c.amount = c.amount.subtract(amount);
        if (c.amount.signum() == 0) {
            c.status = Commitment.Status.CANCELLED;
        }
        return balances.addCommitted(c.envelopeId, amount.negate())
                .chain(() -> ledger.append(new Ledger.Entry(Ledger.Kind.DECOMMITTED, c.envelopeId, c.id, null, null,
                        amount.negate(), reason, actor)))
                .chain(() -> outbox.append(EventType.FUNDS_DECOMMITTED, c.territoryCode, new FundsDecommittedV1(
                        c.territoryCode, c.id, c.applicationId, c.envelopeId, amount, c.amount, reason)))
                .chain(() -> Panache.getSession().chain(s -> s.flush()))
                .replaceWith(c);
    }

    /**
     * A payment: advance (capped), instalment or balance. The balance settles the commitment and
     * releases what it did not pay back to the envelope. A yearly payment ceiling (CP) is respected.
     */
    public Uni<Payment> pay(UUID commitmentId, Payment.Kind kind, BigDecimal amount, LocalDate paidOn, String reason,
            String actor) {
        return lockCommitment(commitmentId).chain(c -> balances.lock(c.envelopeId).chain(envelope -> advancesOf(c.id)
                .chain(advances -> {
                    MoneyRules.checkPaymentDate(paidOn, dates.today(), envelope.name(), envelope.firstYear(),
                            envelope.lastYear());
                    PaymentRules.checkPayment(c, kind, amount, advances, maxAdvanceShare);
                    Payment p = new Payment();
                    p.id = UUID.randomUUID();
                    p.commitmentId = c.id;
                    p.kind = kind;
                    p.amount = amount;
                    p.paidOn = paidOn;
                    p.fiscalYear = paidOn.getYear();
                    p.reason = reason;
                    p.recordedBy = actor;
                    p.recordedAt = dates.now();
                    c.paid = c.paid.add(amount);
                    return balances.addPaidInYear(c.envelopeId, p.fiscalYear, amount).invoke(ok -> {
                        if (!ok) {
                            throw ProblemException.conflict("payment-ceiling-reached", "Envelope " + envelope.name()
                                    + "'s payment ceiling (CP) for " + p.fiscalYear + " does not allow " + amount
                                    + " € more (a year without a CP line on an envelope that declares some allows none)");
                        }
                    })
                            .chain(() -> balances.addPaid(c.envelopeId, amount))
                            .chain(() -> Panache.getSession().chain(s -> s.persist(p)))
                            .chain(() -> ledger.append(new Ledger.Entry(Ledger.Kind.PAID, c.envelopeId, c.id, p.id,
                                    p.fiscalYear, amount, kind + (reason == null ? "" : ": " + reason), actor)))
                            .chain(() -> outbox.append(EventType.PAYMENT_MADE, c.territoryCode, new PaymentMadeV1(
                                    c.territoryCode, p.id, c.id, c.applicationId, c.envelopeId, kind.name(), amount,
                                    paidOn.toString(), p.fiscalYear, c.paid, c.amount)))
                            .chain(() -> kind == Payment.Kind.BALANCE ? settle(c, actor) : Uni.createFrom().item(c))
                            .chain(() -> Panache.getSession().chain(s -> s.flush()))
                            .replaceWith(p);
                })));
    }

    private Uni<Commitment> settle(Commitment c, String actor) {
        BigDecimal left = c.unpaid();
        Uni<Commitment> released = left.signum() > 0
                ? release(c, left, "Balance paid: what it did not pay goes back to the envelope", actor)
                : Uni.createFrom().item(c);
        return released.invoke(settled -> settled.status = Commitment.Status.SETTLED);
    }

    /** Takes back (part of) a payment; the reversal is a payment record of its own. */
    public Uni<Payment> reverse(UUID paymentId, BigDecimal amount, String reason, String actor) {
        return Panache.getSession().chain(s -> s.find(Payment.class, paymentId)).chain(original -> {
            if (original == null) {
                throw ProblemException.notFound("Payment " + paymentId);
            }
            return lockCommitment(original.commitmentId).call(c -> balances.lock(c.envelopeId))
                    .chain(c -> reversedOf(original.id).chain(already -> {
                        PaymentRules.checkReversal(original, amount, already);
                        Payment r = new Payment();
                        r.id = UUID.randomUUID();
                        r.commitmentId = c.id;
                        r.kind = Payment.Kind.REVERSAL;
                        r.amount = amount;
                        r.reverses = original.id;
                        r.paidOn = dates.today();
                        r.fiscalYear = r.paidOn.getYear();
                        r.reason = reason;
                        r.recordedBy = actor;
                        r.recordedAt = dates.now();
                        c.paid = c.paid.subtract(amount);
                        return balances.addPaidInYear(c.envelopeId, original.fiscalYear, amount.negate())
                                .chain(() -> balances.addPaid(c.envelopeId, amount.negate()))
                                .chain(() -> Panache.getSession().chain(s -> s.persist(r)))
                                .chain(() -> ledger.append(new Ledger.Entry(Ledger.Kind.REVERSED, c.envelopeId, c.id, r.id,
                                        original.fiscalYear, amount.negate(), reason, actor)))
                                .chain(() -> outbox.append(EventType.PAYMENT_REVERSED, c.territoryCode, new PaymentReversedV1(
                                        c.territoryCode, r.id, original.id, c.id, c.envelopeId, amount, reason, c.paid)))
                                .chain(() -> Panache.getSession().chain(s -> s.flush()))
                                .replaceWith(r);
                    }));
        });
    }

    private static Uni<Commitment> lockCommitment(UUID id) {
        return Panache.getSession().chain(s -> s.find(Commitment.class, id, LockModeType.PESSIMISTIC_WRITE)).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("Commitment " + id);
            }
            return c;
        });
    }

    private static Uni<BigDecimal> advancesOf(UUID commitmentId) {
        return sum("SELECT coalesce(sum(amount), 0) FROM payment WHERE commitment_id = :id AND kind = 'ADVANCE'", commitmentId);
    }

    private static Uni<BigDecimal> reversedOf(UUID paymentId) {
        return sum("SELECT coalesce(sum(amount), 0) FROM payment WHERE reverses = :id", paymentId);
    }

    private static Uni<BigDecimal> sum(String sql, UUID id) {
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, BigDecimal.class).setParameter("id", id)
                .getSingleResult());
    }

    private static Commitment newCommitment(Application app, ApplicationRules.Line line, LocalDate on) {
        Commitment c = new Commitment();
        c.id = UUID.randomUUID();
        c.applicationId = app.id;
        c.envelopeId = line.envelopeId();
        c.territoryCode = app.territoryCode;
        c.initialAmount = line.amount();
        c.amount = line.amount();
        c.committedOn = on;
        c.status = Commitment.Status.ACTIVE;
        return c;
    }

    private static EnvelopeState find(List<EnvelopeState> envelopes, UUID id) {
        return envelopes.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }
}
