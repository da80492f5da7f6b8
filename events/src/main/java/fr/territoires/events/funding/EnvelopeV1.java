package fr.territoires.events.funding;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * An envelope as its events carry it, whole, with its balances: {@code envelope-opened.v1},
 * {@code envelope-changed.v1} (with change, previous value and reason), {@code envelope-closed.v1}
 * (with reason) and {@code envelope-exhausted.v1}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvelopeV1(UUID envelopeId, String name, String funder, String region, String priority, String scope,
        String scopeRegion, List<String> scopeTerritories, int firstYear, int lastYear, BigDecimal ceiling,
        BigDecimal committed, BigDecimal paid, BigDecimal available, String status, String change,
        BigDecimal previousCeiling, String previousStatus, String reason) {

    public EnvelopeV1 changed(String change, BigDecimal previousCeiling, String previousStatus, String reason) {
        return new EnvelopeV1(envelopeId, name, funder, region, priority, scope, scopeRegion, scopeTerritories, firstYear,
                lastYear, ceiling, committed, paid, available, status, change, previousCeiling, previousStatus, reason);
    }

    public EnvelopeV1 closed(String reason) {
        return changed(null, null, null, reason);
    }
}
