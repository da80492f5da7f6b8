package fr.territoires.events.funding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** {@code fr.territoires.funding.funds-committed.v1}: one envelope's part of an approved application. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FundsCommittedV1(String code, UUID commitmentId, UUID applicationId, UUID envelopeId, String envelopeName,
        String funder, String priority, BigDecimal amount, String title, Long actionSheetId, List<UUID> recruitmentNeeds,
        String committedOn) {
}
