package fr.territoires.events.funding;

import java.math.BigDecimal;
import java.util.UUID;

/** {@code fr.territoires.funding.funds-decommitted.v1}: part or all of a commitment released. */
public record FundsDecommittedV1(String code, UUID commitmentId, UUID applicationId, UUID envelopeId, BigDecimal amount,
        BigDecimal remaining, String reason) {
}
