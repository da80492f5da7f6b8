package fr.territoires.funding.commitment;

import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What may be paid on a commitment (décret 2018-514): advances up to a share of the commitment
 * (30% by default), never more in total than what is committed; a reversal takes back at most what
 * a payment paid and was not already taken back.
 */
public final class PaymentRules {

    private PaymentRules() {
    }

    public static void checkPayment(Commitment c, Payment.Kind kind, BigDecimal amount, BigDecimal advancesSoFar,
            BigDecimal maxAdvanceShare) {
        if (kind == Payment.Kind.REVERSAL) {
            throw ProblemException.invalid("kind", "must be ADVANCE, INSTALMENT or BALANCE; a reversal takes back a payment");
        }
        if (c.status != Commitment.Status.ACTIVE) {
            throw ProblemException.conflict("commitment-not-active", "Commitment " + c.id + " is " + c.status
                    + ": nothing more can be paid on it");
        }
        if (amount.compareTo(c.unpaid()) > 0) {
            throw new ProblemException(new Problem(java.net.URI.create(Problem.TYPE_BASE + "payment-above-commitment"),
                    "Conflict", 409, "Commitment " + c.id + " has " + c.unpaid() + " € left to pay (" + c.amount
                            + " € committed, " + c.paid + " € paid); " + amount + " € would exceed it",
                    null, List.of(new Problem.FieldError("amount", "must not exceed " + c.unpaid() + " €"))));
        }
        if (kind == Payment.Kind.ADVANCE) {
            BigDecimal max = c.amount.multiply(maxAdvanceShare).setScale(2, RoundingMode.DOWN);
            if (advancesSoFar.add(amount).compareTo(max) > 0) {
                throw new ProblemException(new Problem(java.net.URI.create(Problem.TYPE_BASE + "advance-above-limit"),
                        "Conflict", 409, "Advances may reach " + max + " € (" + maxAdvanceShare.movePointRight(2)
                                .stripTrailingZeros().toPlainString() + "% of the commitment); " + advancesSoFar
                                + " € already advanced", null,
                        List.of(new Problem.FieldError("amount", "must not exceed " + max.subtract(advancesSoFar) + " €"))));
            }
        }
    }

    public static void checkReversal(Payment payment, BigDecimal amount, BigDecimal alreadyReversed) {
        if (payment.kind == Payment.Kind.REVERSAL) {
            throw ProblemException.conflict("reversal-of-reversal", "Payment " + payment.id + " is itself a reversal");
        }
        BigDecimal left = payment.amount.subtract(alreadyReversed);
        if (amount.compareTo(left) > 0) {
            throw new ProblemException(new Problem(java.net.URI.create(Problem.TYPE_BASE + "reversal-above-payment"),
                    "Conflict", 409, "Payment " + payment.id + " has " + left + " € that can still be taken back", null,
                    List.of(new Problem.FieldError("amount", "must not exceed " + left + " €"))));
        }
    }
}
