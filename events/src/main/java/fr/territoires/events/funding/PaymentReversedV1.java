package fr.territoires.events.funding;

import java.math.BigDecimal;
import java.util.UUID;

/** {@code fr.territoires.funding.payment-reversed.v1}: a clawback, recorded beside the payment it reverses. */
public record PaymentReversedV1(String code, UUID paymentId, UUID reversedPaymentId, UUID commitmentId, UUID envelopeId,
        BigDecimal amount, String reason, BigDecimal commitmentPaid) {
}
