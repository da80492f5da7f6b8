package fr.territoires.funding.envelope;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** An envelope as read under lock for a movement of money (never a managed entity, so never stale). */
public record EnvelopeState(UUID id, String name, Envelope.Funder funder, String region, Envelope.Priority priority,
        Envelope.Scope scope, String scopeRegion, List<String> scopeTerritories, int firstYear, int lastYear,
        BigDecimal ceiling, BigDecimal committed, BigDecimal paid, Envelope.Status status) {

    public BigDecimal available() {
        return ceiling.subtract(committed);
    }

    /** Whether a territory (and the regions it lies in) may be funded from it. */
    public boolean covers(String territory, List<String> territoryRegions) {
        return covers(scope, scopeRegion, scopeTerritories, territory, territoryRegions);
    }

    /** Whether an envelope of this scope may fund a territory lying in these regions. */
    public static boolean covers(Envelope.Scope scope, String scopeRegion, List<String> scopeTerritories, String territory,
            List<String> territoryRegions) {
        return switch (scope) {
            case NATIONAL -> true;
            case REGION -> territoryRegions.contains(scopeRegion);
            case TERRITORIES -> scopeTerritories.contains(territory);
        };
    }
}
