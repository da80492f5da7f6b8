package fr.territoires.funding.commitment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.territoires.commons.problem.ProblemException;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentRulesTest {

    private static final BigDecimal THIRTY_PERCENT = new BigDecimal("0.30");

    private static Commitment commitment(String amount, String paid) {
        Commitment c = new Commitment();
        c.id = UUID.randomUUID();
        c.amount = new BigDecimal(amount);
        c.paid = new BigDecimal(paid);
        c.status = Commitment.Status.ACTIVE;
        return c;
    }

    private static ProblemException refused(Commitment c, Payment.Kind kind, String amount, String advances) {
        return assertThrows(ProblemException.class,
                () -> PaymentRules.checkPayment(c, kind, new BigDecimal(amount), new BigDecimal(advances), THIRTY_PERCENT));
    }

    @Test
    void advancesReachThirtyPercentOfTheCommitmentAtMost() {
        Commitment c = commitment("85000.00", "0");
        assertDoesNotThrow(() -> PaymentRules.checkPayment(c, Payment.Kind.ADVANCE, new BigDecimal("25500.00"),
                BigDecimal.ZERO, THIRTY_PERCENT));
        ProblemException e = refused(c, Payment.Kind.ADVANCE, "25500.01", "0");
        assertEquals("urn:territoires:problem:advance-above-limit", e.problem().type().toString());
        refused(commitment("85000.00", "20000"), Payment.Kind.ADVANCE, "5500.01", "20000");
    }

    @Test
    void paymentsNeverExceedTheCommitment() {
        Commitment c = commitment("10000.00", "9000.00");
        assertDoesNotThrow(() -> PaymentRules.checkPayment(c, Payment.Kind.BALANCE, new BigDecimal("1000.00"),
                BigDecimal.ZERO, THIRTY_PERCENT));
        assertEquals(409, refused(c, Payment.Kind.INSTALMENT, "1000.01", "0").problem().status());
        Commitment settled = commitment("10000.00", "10000.00");
        settled.status = Commitment.Status.SETTLED;
        assertEquals("urn:territoires:problem:commitment-not-active",
                refused(settled, Payment.Kind.INSTALMENT, "1", "0").problem().type().toString());
        assertEquals(400, refused(c, Payment.Kind.REVERSAL, "1", "0").problem().status());
    }

    @Test
    void aReversalTakesBackAtMostWhatThePaymentStillHolds() {
        Payment p = new Payment();
        p.id = UUID.randomUUID();
        p.kind = Payment.Kind.INSTALMENT;
        p.amount = new BigDecimal("5000.00");
        assertDoesNotThrow(() -> PaymentRules.checkReversal(p, new BigDecimal("2000"), new BigDecimal("3000")));
        assertThrows(ProblemException.class, () -> PaymentRules.checkReversal(p, new BigDecimal("2000.01"),
                new BigDecimal("3000")));
        p.kind = Payment.Kind.REVERSAL;
        assertThrows(ProblemException.class, () -> PaymentRules.checkReversal(p, BigDecimal.ONE, BigDecimal.ZERO));
    }
}
