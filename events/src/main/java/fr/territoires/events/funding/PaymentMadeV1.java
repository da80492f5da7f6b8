package fr.territoires.events.funding;

import java.math.BigDecimal;
import java.util.UUID;

/** {@code fr.territoires.funding.payment-made.v1}. */
public record PaymentMadeV1(String code, UUID paymentId, UUID commitmentId, UUID applicationId, UUID envelopeId,
        String kind, BigDecimal amount, String paidOn, int fiscalYear, BigDecimal commitmentPaid,
        BigDecimal commitmentAmount) {
}
