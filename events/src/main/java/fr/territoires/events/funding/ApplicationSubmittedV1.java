package fr.territoires.events.funding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** {@code fr.territoires.funding.application-submitted.v1}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationSubmittedV1(String code, UUID applicationId, String title, Long actionSheetId, String ownerSiret,
        boolean ownerLocalAuthority, BigDecimal eligibleCost, List<Amount> requested, int jobsCreated, int jobsKept,
        BigDecimal privateInvestment) {

    /** An amount on one envelope. */
    public record Amount(UUID envelopeId, BigDecimal amount) {
    }
}
