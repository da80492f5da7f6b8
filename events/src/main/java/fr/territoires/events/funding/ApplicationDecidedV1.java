package fr.territoires.events.funding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/** {@code fr.territoires.funding.application-decided.v1}: approved (with the amounts) or rejected (with the reason). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationDecidedV1(String code, UUID applicationId, String decision, String reason,
        List<ApplicationSubmittedV1.Amount> approved, String decidedOn) {
}
