package fr.territoires.funding.access;

import fr.territoires.commons.access.CallerScope;
import java.util.Collection;

/**
 * Who may do what with the programme's money (DESIGN.md §4), as plain rules. A territory's regions
 * come from its perimeter (territory events). Who may manage an envelope is the envelope's rule
 * ({@code MoneyRules.mayManageEnvelope}): access sits below the envelopes.
 */
public final class FundingAccessRules {

    private FundingAccessRules() {
    }

    /** Prepare, submit or withdraw an application: the territory's manager, its Region, the programme team. */
    public static boolean mayApply(CallerScope caller, String territory, Collection<String> territoryRegions) {
        return caller.isProgrammeAdmin() || caller.isOfficerOfAny(territoryRegions) || caller.managesTerritory(territory);
    }

    /** Review, approve, reject, pay, decommit, reverse: the territory's Region or the programme team. */
    public static boolean mayDecide(CallerScope caller, Collection<String> territoryRegions) {
        return caller.isProgrammeAdmin() || caller.isOfficerOfAny(territoryRegions);
    }

    /** Read a territory's applications and commitments: those who may apply, and partners. */
    public static boolean mayRead(CallerScope caller, String territory, Collection<String> territoryRegions) {
        return mayApply(caller, territory, territoryRegions) || caller.has(CallerScope.PARTNER);
    }
}
